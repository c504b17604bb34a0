/**
 * The preview LMS's HTTP server (127.0.0.1 only by default):
 *
 *   GET  /                                 the player page (course iframe + side panel)
 *   GET  /preview/<file>                   the player page's own script and styles (bundled in memory)
 *   GET  /course/<file>                    the built course (dist/), and nothing outside it
 *   GET  /api/status                       the current build: ok, problems, course facts
 *   GET  /api/events                       server-sent events: `build` after every rebuild
 *   GET  /api/learners                     learners with saved data
 *   GET  /api/learners/<id>/<1.2|2004>[?wait=<seq>]
 *                                          that learner's saved CMI ({ record: null } before the first commit);
 *                                          `wait`: first wait (up to 3 s) for the commit with that seq to arrive
 *   POST /api/learners/<id>/<1.2|2004>/commit[?seq=<id>][&finish=1][&delay=ms]
 *                                          store a commit: scorm-again's JSON body `{ "cmi": {...} }`
 *   DELETE /api/learners/<id>/<1.2|2004>   reset the attempt
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { contentType, resolveInside, safeSegments } from './paths.ts';
import { CmiStore, CorruptRecordError, InvalidLearnerError, LEARNER_ID, type LearnerRecord, type ScormVersion } from './store.ts';
import type { BuildStatus } from './build.ts';
import type { CmiTree } from './page/cmi-view.ts';

export interface PageAsset {
  type: string;
  body: string | Uint8Array;
}

export interface PreviewServerOptions {
  /** The built course (dist/). Read on every request, so a rebuild is served at once. */
  distDir: string;
  store: CmiStore;
  /** The player page's files: `index.html` and everything under /preview/. */
  page: () => Map<string, PageAsset>;
  status: () => BuildStatus;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  /** When the port is busy, try this many following ports (default 20). */
  portTries?: number;
  /** Longest artificial delay a commit may ask for (the "slow commits" fault). */
  maxCommitDelayMs?: number;
  /** One line per notable event (commits, resets, refusals), for the terminal. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  /** Send a server-sent event to every open page. */
  broadcast(event: string, data: unknown): void;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/**
 * Both the player and the course get `default-src 'self'`: Moodle sends no CSP at all, but a
 * stricter player catches a course that would reach the network (CDN, fonts) or run inline code.
 */
const CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; object-src 'none'";

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const maxDelay = opts.maxCommitDelayMs ?? 10_000;
  const clients = new Set<ServerResponse>();
  let port = 0;
  // A Finish sent by beacon while the course's page closes carries no answer, and the relaunch
  // that follows could read the record before the beacon lands. The page passes the beacon's seq
  // and the read waits for it.
  const seenSeqs = new Set<string>();
  const noteSeq = (seq: string | null) => {
    if (!seq) return;
    seenSeqs.add(seq);
    if (seenSeqs.size > 1000) seenSeqs.delete(seenSeqs.values().next().value!);
  };
  const waitForSeq = async (seq: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!seenSeqs.has(seq) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`error: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error: see the terminal' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const method = req.method ?? 'GET';
    // DNS rebinding: a web page elsewhere may resolve its own name to 127.0.0.1; its requests
    // then carry its Host name, which we refuse, so it cannot read or write learner data.
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 403, 'Unexpected Host header.');
    if (method !== 'GET' && method !== 'HEAD' && !originAllowed(req.headers.origin, port)) {
      return sendText(res, 403, 'Cross-origin request refused.');
    }
    const checked = safeSegments(raw);
    if (!checked.ok) return sendText(res, checked.status, `Refused: ${checked.reason}.`);
    const [first, ...rest] = checked.segments;

    if (first === undefined) return sendPage(res, method, 'index.html');
    if (first === 'favicon.ico' && rest.length === 0) return void res.writeHead(204, COMMON_HEADERS).end();
    if (first === 'preview') {
      if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
      return rest.length === 1 ? sendPage(res, method, rest[0]!) : sendText(res, 404, 'Not found.');
    }
    if (first === 'course') {
      if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
      if (rest.length === 0 && !raw.split('?')[0]!.endsWith('/')) {
        // Relative URLs in the course's index.html need the trailing slash.
        res.writeHead(301, { ...COMMON_HEADERS, location: '/course/' }).end();
        return;
      }
      return sendCourseFile(res, method, rest);
    }
    if (first === 'api') return handleApi(req, res, method, rest);
    return sendText(res, 404, 'Not found.');
  }

  async function sendPage(res: ServerResponse, method: string, name: string): Promise<void> {
    const asset = opts.page().get(name);
    if (!asset) return sendText(res, 404, 'Not found.');
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': asset.type, 'content-security-policy': CSP });
    res.end(method === 'HEAD' ? undefined : asset.body);
  }

  async function sendCourseFile(res: ServerResponse, method: string, segments: string[]): Promise<void> {
    const found = await resolveInside(opts.distDir, segments);
    if (!found.ok) return sendText(res, found.status, found.status === 404 ? 'Not found in the built course.' : `Refused: ${found.reason}.`);
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': contentType(found.file), 'content-security-policy': CSP });
    if (method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
      createReadStream(found.file).on('error', reject).on('end', resolve).pipe(res);
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, rest: string[]): Promise<void> {
    const [what, learner, version, action] = rest;
    if (what === 'status' && rest.length === 1) {
      return method === 'GET' ? sendJson(res, 200, opts.status()) : sendText(res, 405, 'Method not allowed.');
    }
    if (what === 'events' && rest.length === 1) {
      if (method !== 'GET') return sendText(res, 405, 'Method not allowed.');
      res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: build\ndata: ${JSON.stringify(opts.status())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (what !== 'learners') return sendJson(res, 404, { error: 'unknown API path' });
    if (learner === undefined) {
      return method === 'GET' ? sendJson(res, 200, { learners: await opts.store.learners() }) : sendText(res, 405, 'Method not allowed.');
    }
    if (!LEARNER_ID.test(learner)) return sendJson(res, 400, { error: new InvalidLearnerError(learner).message });
    if (version !== '1.2' && version !== '2004') return sendJson(res, 404, { error: 'SCORM version must be 1.2 or 2004' });
    const v: ScormVersion = version;
    const url = new URL(req.url ?? '/', 'http://preview.invalid');

    try {
      if (action === undefined && method === 'GET') {
        const wait = url.searchParams.get('wait');
        if (wait) await waitForSeq(wait, 3000);
        return sendJson(res, 200, { record: await opts.store.read(learner, v) });
      }
      if (action === undefined && method === 'DELETE') {
        const movedTo = await opts.store.reset(learner, v);
        log(`reset: ${learner}, SCORM ${v}${movedTo ? ` (unreadable record moved to ${movedTo})` : ''}`);
        return sendJson(res, 200, { reset: true, movedTo });
      }
      if (action === 'commit' && rest.length === 4 && method === 'POST') {
        return await handleCommit(req, res, learner, v, url);
      }
    } catch (err) {
      if (err instanceof CorruptRecordError) {
        log(`refused: ${err.message}`);
        // The SCORM answer for a failed store: result false, general exception (1.2) / general commit failure (2004).
        return sendJson(res, 500, { result: false, errorCode: v === '1.2' ? 101 : 391, error: err.message, file: err.file });
      }
      throw err;
    }
    return sendText(res, 405, 'Method not allowed.');
  }

  async function handleCommit(req: IncomingMessage, res: ServerResponse, learner: string, v: ScormVersion, url: URL): Promise<void> {
    const seq = url.searchParams.get('seq');
    try {
      await storeCommit(req, res, learner, v, url);
    } finally {
      noteSeq(seq);
    }
  }

  async function storeCommit(req: IncomingMessage, res: ServerResponse, learner: string, v: ScormVersion, url: URL): Promise<void> {
    const failCode = v === '1.2' ? 101 : 391;
    const delay = Math.min(Math.max(Number(url.searchParams.get('delay')) || 0, 0), maxDelay);
    const finished = url.searchParams.get('finish') === '1';
    let body: unknown;
    try {
      // Beacons (sent while a page closes) arrive as text/plain; XHR commits as application/json.
      body = JSON.parse(await readBody(req, MAX_BODY));
    } catch (err) {
      const tooBig = err instanceof BodyTooLarge;
      return sendJson(res, tooBig ? 413 : 400, { result: false, errorCode: failCode, error: tooBig ? 'commit too large' : 'commit body is not JSON' });
    }
    const cmi = (body as { cmi?: unknown } | null)?.cmi;
    if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) {
      return sendJson(res, 400, { result: false, errorCode: failCode, error: 'commit body must be {"cmi": {...}}' });
    }
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const record = await opts.store.commit(learner, v, cmi as Record<string, unknown>, { finished });
    log(`${finished ? 'finish' : 'commit'}: ${learner}, SCORM ${v}: ${summary(record)}`);
    return sendJson(res, 200, { result: true, errorCode: 0, commits: record.commits, updated: record.updated });
  }

  // Listen on the asked port, or the next free one.
  const first = opts.port ?? 8080;
  const tries = first === 0 ? 1 : (opts.portTries ?? 20);
  for (let i = 0; i < tries; i++) {
    try {
      port = await listen(server, first + i, host);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i === tries - 1) throw err;
    }
  }

  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 20_000);
  heartbeat.unref();

  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    broadcast(event, data) {
      const payload = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const c of clients) c.write(payload);
    },
    close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const [name, p] = splitHost(hostHeader.toLowerCase());
  if (p !== String(port)) return false;
  return LOOPBACK_NAMES.includes(name) || isLocalInterfaceName(name);
}

/** When listening on another interface (--host), its own address is a fine Host too. */
function isLocalInterfaceName(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[');
}

function splitHost(h: string): [string, string] {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(h);
  return m ? [m[1]!, m[2] ?? '80'] : [h, ''];
}

function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && hostAllowed(u.host, port);
  } catch {
    return false;
  }
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(data));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/** One line for the terminal: the figures a manager would look at. */
export function summary(record: LearnerRecord): string {
  const cmi = record.cmi as CmiTree;
  if (record.version === '1.2') {
    const core = cmi.core ?? {};
    return `lesson_status=${core.lesson_status ?? ''} score.raw=${core.score?.raw ?? ''} location=${JSON.stringify(core.lesson_location ?? '')} suspend_data=${String(cmi.suspend_data ?? '').length} chars`;
  }
  return `completion=${cmi.completion_status ?? ''} success=${cmi.success_status ?? ''} score.raw=${cmi.score?.raw ?? ''} location=${JSON.stringify(cmi.location ?? '')} suspend_data=${String(cmi.suspend_data ?? '').length} chars`;
}
