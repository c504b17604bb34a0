import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildStatus } from '../../src/preview/build.ts';
import { safeSegments } from '../../src/preview/paths.ts';
import { startPreviewServer, type PageAsset, type PreviewServer } from '../../src/preview/server.ts';
import { CmiStore } from '../../src/preview/store.ts';

const SECRET = 'TOP-SECRET-OUTSIDE-DIST';

let root: string;
let dist: string;
let data: string;
let server: PreviewServer;
let store: CmiStore;
const status: BuildStatus = { id: 1, building: false, ok: true, time: null, durationMs: 1, problems: [], warnings: [], servedId: 1, course: null };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'preview-server-'));
  dist = path.join(root, 'dist');
  data = path.join(root, 'data');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>course</title>');
  await writeFile(path.join(dist, 'course.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets', 'fig 1.png'), 'png');
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await writeFile(path.join(root, 'distfile.txt'), SECRET); // shares a prefix with "dist"
  await symlink(path.join(root, 'secret.txt'), path.join(dist, 'link.txt'));
  store = new CmiStore(data);
  const page = new Map<string, PageAsset>([
    ['index.html', { type: 'text/html; charset=utf-8', body: '<!doctype html><title>player</title>' }],
    ['page.js', { type: 'text/javascript; charset=utf-8', body: 'export {}' }],
  ]);
  server = await startPreviewServer({ distDir: dist, store, page: () => page, status: () => status, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it first). */
function raw(method: string, rawPath: string, opts: { body?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('path checks', () => {
  it('accepts plain paths and decodes them', () => {
    expect(safeSegments('/course/assets/fig%201.png?x=1')).toEqual({ ok: true, segments: ['course', 'assets', 'fig 1.png'] });
    expect(safeSegments('/course/')).toEqual({ ok: true, segments: ['course'] });
    expect(safeSegments('/')).toEqual({ ok: true, segments: [] });
  });

  it.each([
    '/course/../secret.txt',
    '/course/./index.html',
    '/course/%2e%2e/secret.txt',
    '/course/%2E%2E/secret.txt',
    '/course/.%2e/secret.txt',
    '/course/..%2fsecret.txt',
    '/course/%2e%2e%2fsecret.txt',
    '/course/..\\secret.txt',
    '/course/%5c..%5csecret.txt',
    '/course/%5C..%5Csecret.txt',
    '//etc/passwd',
    '/course//etc/passwd',
    '/course/%2fetc%2fpasswd',
    '/course/C:%5cWindows',
    '/course/C:/Windows',
    '/course/index.html%00.png',
  ])('refuses %s', (p) => {
    const r = safeSegments(p);
    expect(r.ok).toBe(false);
  });
});

describe('preview server: files', () => {
  it('serves the player page and the built course with a strict CSP', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('player');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const course = await raw('GET', '/course/index.html');
    expect(course.status).toBe(200);
    expect(course.body).toContain('<title>course</title>');
    expect(course.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(course.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(course.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/course/')).body).toContain('<title>course</title>');
    expect((await raw('GET', '/course/assets/fig%201.png')).body).toBe('png');
    expect((await raw('GET', '/preview/page.js')).headers['content-type']).toMatch(/javascript/);
    const redirect = await raw('GET', '/course');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/course/');
  });

  it.each([
    '/course/../secret.txt',
    '/course/../../../../../../etc/passwd',
    '/course/%2e%2e/secret.txt',
    '/course/%2E%2E/%2E%2E/secret.txt',
    '/course/.%2e/secret.txt',
    '/course/..%2fsecret.txt',
    '/course/..%2Fsecret.txt',
    '/course/%252e%252e/secret.txt',
    '/course/..\\secret.txt',
    '/course/..%5csecret.txt',
    '/course/%5c..%5csecret.txt',
    '/course/link.txt',
    '/course/../distfile.txt',
    '/course/%2e%2e%2fdistfile.txt',
    '//secret.txt',
    '/course//' + 'etc/passwd',
    '/course/%2fetc%2fpasswd',
    '/course/C:%5csecret.txt',
    '/course/index.html%00',
    '/preview/../secret.txt',
    '/preview/%2e%2e%2fsecret.txt',
    '/secret.txt',
    '/../secret.txt',
    '/course/%',
  ])('refuses %s with 4xx and never leaks a file outside dist/', async (p) => {
    const res = await raw('GET', p);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
  });

  it('refuses traversal with 403, not just "not found"', async () => {
    for (const p of ['/course/../secret.txt', '/course/%2e%2e/secret.txt', '/course/..%5csecret.txt', '/course/%2fetc%2fpasswd', '/course/link.txt']) {
      expect((await raw('GET', p)).status, p).toBe(403);
    }
  });

  it('refuses absolute-form request targets', async () => {
    const res = await raw('GET', `http://127.0.0.1:${server.port}/course/../secret.txt`);
    expect([400, 403]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin on writes', async () => {
    expect((await raw('GET', '/course/index.html', { headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await raw('GET', '/api/learners', { headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
    const post = await raw('POST', '/api/learners/learner-1/1.2/commit', { body: '{"cmi":{}}', headers: { origin: 'http://evil.example' } });
    expect(post.status).toBe(403);
    expect(await store.read('learner-1', '1.2')).toBeNull();
    expect((await raw('GET', '/course/index.html', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('only reads the course: other methods are refused', async () => {
    expect((await raw('POST', '/course/index.html')).status).toBe(405);
    expect((await raw('DELETE', '/preview/page.js')).status).toBe(405);
  });
});

describe('preview server: learner data', () => {
  const origin = () => ({ origin: `http://127.0.0.1:${server.port}` });

  it('stores a JSON commit and returns it', async () => {
    const cmi = { core: { lesson_status: 'incomplete', lesson_location: 'lesson:a' }, suspend_data: 'xyz' };
    const res = await raw('POST', '/api/learners/learner-a/1.2/commit', { body: JSON.stringify({ cmi }), headers: { 'content-type': 'application/json', ...origin() } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ result: true, errorCode: 0, commits: 1 });
    const get = JSON.parse((await raw('GET', '/api/learners/learner-a/1.2')).body) as { record: { cmi: unknown; commits: number; finished: boolean } };
    expect(get.record.cmi).toEqual(cmi);
    expect(get.record.finished).toBe(false);
    expect(JSON.parse((await raw('GET', '/api/learners/learner-a/2004')).body)).toEqual({ record: null });
    expect(JSON.parse((await raw('GET', '/api/learners')).body).learners).toContain('learner-a');
  });

  it('accepts the text/plain beacon of a Finish sent while the page closes', async () => {
    const res = await raw('POST', '/api/learners/learner-b/2004/commit?finish=1', { body: JSON.stringify({ cmi: { completion_status: 'completed' } }), headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(res.status).toBe(200);
    const rec = await store.read('learner-b', '2004');
    expect(rec?.finished).toBe(true);
    expect(rec?.cmi).toEqual({ completion_status: 'completed' });
  });

  it('answers a bad commit in scorm-again\'s result format, without storing it', async () => {
    const notJson = await raw('POST', '/api/learners/learner-c/1.2/commit', { body: '{cmi:', headers: origin() });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ result: false, errorCode: 101 });
    const noCmi = await raw('POST', '/api/learners/learner-c/2004/commit', { body: '{"core":{}}', headers: origin() });
    expect(JSON.parse(noCmi.body)).toMatchObject({ result: false, errorCode: 391 });
    expect(await store.read('learner-c', '1.2')).toBeNull();
    const tooBig = await raw('POST', '/api/learners/learner-c/1.2/commit', { body: JSON.stringify({ cmi: { suspend_data: 'x'.repeat(5 * 1024 * 1024) } }), headers: origin() }).catch(() => ({ status: 413 }) as Res);
    expect(tooBig.status).toBe(413);
  });

  it('holds a commit for the asked delay (the "slow commits" fault)', async () => {
    const t0 = performance.now();
    const res = await raw('POST', '/api/learners/learner-d/1.2/commit?delay=400', { body: '{"cmi":{}}', headers: origin() });
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it('a read can wait for a beacon commit still on its way (relaunch right after a Finish)', async () => {
    const read = raw('GET', '/api/learners/learner-f/1.2?wait=tok-7');
    await new Promise((r) => setTimeout(r, 300));
    await raw('POST', '/api/learners/learner-f/1.2/commit?seq=tok-7&finish=1', { body: '{"cmi":{"core":{"lesson_status":"completed"}}}', headers: { 'content-type': 'text/plain' } });
    const rec = JSON.parse((await read).body) as { record: { finished: boolean } | null };
    expect(rec.record?.finished).toBe(true);
    // A seq that never comes does not hang the read (it gives up after 3 s).
    const t0 = Date.now();
    expect(JSON.parse((await raw('GET', '/api/learners/learner-g/1.2?wait=never')).body)).toEqual({ record: null });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('refuses bad learner ids and versions', async () => {
    expect((await raw('GET', '/api/learners/bad.id/1.2')).status).toBe(400);
    expect((await raw('GET', '/api/learners/learner-1/1.3')).status).toBe(404);
    expect((await raw('GET', '/api/learners/%2e%2e/1.2')).status).toBe(403);
    expect((await raw('POST', '/api/learners/..%2f..%2fx/1.2/commit', { body: '{"cmi":{}}' })).status).toBe(403);
  });

  it('a corrupt record: GET names the file, a commit fails with 101 and leaves the file as it was', async () => {
    const file = store.fileFor('learner-e', '1.2');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"truncated":');
    const get = await raw('GET', '/api/learners/learner-e/1.2');
    expect(get.status).toBe(500);
    expect(JSON.parse(get.body).error).toContain(file);
    const commit = await raw('POST', '/api/learners/learner-e/1.2/commit', { body: '{"cmi":{"core":{}}}', headers: origin() });
    expect(commit.status).toBe(500);
    expect(JSON.parse(commit.body)).toMatchObject({ result: false, errorCode: 101, file });
    expect(await readFile(file, 'utf8')).toBe('{"truncated":');
    // Reset moves it aside so the learner can start again.
    const reset = JSON.parse((await raw('DELETE', '/api/learners/learner-e/1.2', { headers: origin() })).body) as { movedTo: string };
    expect(reset.movedTo).toMatch(/scorm12\.json\.corrupt-/);
    expect(await readFile(reset.movedTo, 'utf8')).toBe('{"truncated":');
    expect(JSON.parse((await raw('GET', '/api/learners/learner-e/1.2')).body)).toEqual({ record: null });
  });

  it('sends the build status as server-sent events, now and on broadcast', async () => {
    const events: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          if (events.length === 1) server.broadcast('build', { ...status, id: 2 });
          if (events.join('').includes('"id":2')) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const text = events.join('');
    expect(text).toMatch(/^retry: 1000\nevent: build\ndata: \{"id":1,/);
    expect(text).toContain('event: build\ndata: {"id":2,');
  });
});

describe('preview server: port', () => {
  it('takes the next port when the asked one is busy', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const busy = (blocker.address() as { port: number }).port;
    const other = await startPreviewServer({ distDir: dist, store, page: () => new Map(), status: () => status, port: busy });
    try {
      expect(other.port).toBeGreaterThan(busy);
      expect(other.port).toBeLessThanOrEqual(busy + 20);
      expect(other.url).toBe(`http://127.0.0.1:${other.port}/`);
    } finally {
      await other.close();
      await new Promise((r) => blocker.close(r));
    }
  });
});
