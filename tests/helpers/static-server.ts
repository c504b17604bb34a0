/** A tiny static file server on 127.0.0.1 for browser tests (records every request it gets). */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentType } from '../../src/preview/paths.ts';


export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serve `root`. `routes` maps extra URL paths to [content-type, body] (for test parent pages).
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 */
export async function serve(
  root: string,
  opts: { routes?: Record<string, [string, string]>; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const extra = opts.routes?.[url.pathname];
    if (extra) {
      res.writeHead(200, { 'content-type': extra[0], ...opts.headers });
      res.end(extra[1]);
      return;
    }
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': contentType(file), ...opts.headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
