/**
 * The bench server on 127.0.0.1: the LMS parent pages, scorm-again, and each unpacked package
 * under /sco/<version>/. Bodies go out gzip-encoded (level 6, as counted in the byte figures) when
 * the browser accepts it. Every request is recorded with its time, so the bench knows which files
 * the first view needed.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL } from './bytes.ts';
import type { ScormVersion } from './build.ts';
import { HARNESS_JS, lmsPageHtml } from './lms-page.ts';
import { contentType } from '../../src/preview/paths.ts';


export interface RequestRecord {
  /** e.g. /sco/1.2/course.js */
  path: string;
  /** Date.now() when it arrived. */
  at: number;
  status: number;
}

export interface BenchServer {
  url: string;
  requests: RequestRecord[];
  /** Course files (paths inside the package) requested since request index `from`. */
  courseRequests(version: ScormVersion, from: number): string[];
  close(): Promise<void>;
}

export async function startServer(opts: { root: string; packages: Partial<Record<ScormVersion, string>> }): Promise<BenchServer> {
  const requests: RequestRecord[] = [];
  const gzCache = new Map<string, Buffer>();
  const scormAgain = path.join(opts.root, 'node_modules/scorm-again/dist');

  async function resolve(pathname: string): Promise<[string, Buffer] | null> {
    if (pathname === '/lms/1.2.html' || pathname === '/lms/2004.html') {
      const v = pathname.includes('1.2') ? '1.2' : '2004';
      return [contentType('x.html'), Buffer.from(lmsPageHtml(v))];
    }
    if (pathname === '/lms/harness.js') return [contentType('x.js'), Buffer.from(HARNESS_JS)];
    let base: string | undefined;
    let rel: string | undefined;
    const sa = /^\/scorm-again\/(scorm12\.min\.js|scorm2004\.min\.js)$/.exec(pathname);
    if (sa) [base, rel] = [scormAgain, sa[1]];
    const sco = /^\/sco\/(1\.2|2004)\/(.*)$/.exec(pathname);
    if (sco) [base, rel] = [opts.packages[sco[1] as ScormVersion], sco[2] || 'index.html'];
    if (!base || rel === undefined) return null;
    const file = path.resolve(base, rel);
    if (!file.startsWith(path.resolve(base) + path.sep)) return null;
    try {
      return [contentType(file), await readFile(file)];
    } catch {
      return null;
    }
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    if (pathname === '/favicon.ico') {
      // The parent page's automatic favicon request: answered empty so it is not logged as a failure.
      res.writeHead(204).end();
      return;
    }
    const found = await resolve(pathname);
    requests.push({ path: pathname, at: Date.now(), status: found ? 200 : 404 });
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [type, body] = found;
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${pathname}\0${body.length}`;
      let gz = gzCache.get(key);
      if (!gz) gzCache.set(key, (gz = gzipSync(body, { level: GZIP_LEVEL })));
      headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(gz.length);
      res.writeHead(200, headers).end(gz);
    } else {
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers).end(body);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    courseRequests(version, from) {
      const prefix = `/sco/${version}/`;
      return requests
        .slice(from)
        .filter((r) => r.path.startsWith(prefix))
        .map((r) => r.path.slice(prefix.length) || 'index.html');
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
