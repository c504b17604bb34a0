import { request } from 'node:http';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildStatus } from '../../src/preview/build.ts';
import { startPreview, type Preview } from '../../src/preview/preview.ts';
import { serialRunner, watchContent, type ContentWatcher } from '../../src/preview/watch.ts';

let dir: string;
let watcher: ContentWatcher | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'preview-watch-'));
});
afterEach(async () => {
  watcher?.close();
  watcher = null;
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records the watcher's batches of changes. */
function recorder() {
  const batches: string[][] = [];
  return {
    onChange: (files: string[]) => {
      batches.push(files);
    },
    batches,
    /** Wait until a batch reports `file`; true when one did within `ms`. */
    async saw(file: string, ms = 5000): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (batches.some((b) => b.includes(file))) return true;
        await sleep(25);
      }
      return false;
    },
    /** Forget the batches so far. */
    reset(): void {
      batches.length = 0;
    },
  };
}

describe('watchContent', () => {
  it('reports a page change once per burst of saves, and ignores editor temp files', async () => {
    await mkdir(path.join(dir, 'modules'));
    await writeFile(path.join(dir, 'modules', 'a.md'), 'one');
    const rec = recorder();
    // A generous quiet time: on a loaded 2-core machine the five saves below may be a while apart.
    watcher = watchContent({ contentDir: dir, onChange: rec.onChange, debounceMs: 400 });
    await sleep(100);
    await writeFile(path.join(dir, 'modules', '.a.md.swp'), 'x');
    await writeFile(path.join(dir, 'modules', 'a.md~'), 'x');
    await sleep(1000);
    expect(rec.batches).toEqual([]);
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, 'modules', 'a.md'), `v${i}`);
    expect(await rec.saw(path.join(dir, 'modules', 'a.md'))).toBe(true);
    await sleep(1000);
    expect(rec.batches).toHaveLength(1);
  });

  it('sees course.yaml and glossary.yaml replaced by an editor, nested folders, and a quizzes/ folder created later', async () => {
    await mkdir(path.join(dir, 'modules', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'course.yaml'), 'title: a');
    const rec = recorder();
    watcher = watchContent({ contentDir: dir, onChange: rec.onChange, debounceMs: 80 });
    await sleep(100);

    await writeFile(path.join(dir, 'course.yaml.new'), 'title: b');
    await rename(path.join(dir, 'course.yaml.new'), path.join(dir, 'course.yaml'));
    expect(await rec.saw(path.join(dir, 'course.yaml'))).toBe(true);

    // The glossary, at the root too (it was not watched: a changed definition needed a restart).
    await writeFile(path.join(dir, 'glossary.yaml.new'), '- term: a');
    await rename(path.join(dir, 'glossary.yaml.new'), path.join(dir, 'glossary.yaml'));
    expect(await rec.saw(path.join(dir, 'glossary.yaml'))).toBe(true);

    await writeFile(path.join(dir, 'modules', 'assets', 'fig.png'), 'png');
    expect(await rec.saw(path.join(dir, 'modules', 'assets', 'fig.png'))).toBe(true);

    await mkdir(path.join(dir, 'quizzes'));
    expect(await rec.saw(path.join(dir, 'quizzes'))).toBe(true);
    await sleep(100);
    await writeFile(path.join(dir, 'quizzes', 'q.yaml'), 'id: q');
    expect(await rec.saw(path.join(dir, 'quizzes', 'q.yaml'))).toBe(true);

    // Not content: other files at the root are not watched.
    rec.reset();
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await sleep(400);
    expect(rec.batches).toEqual([]);
  });

  it('ignores changes under ignored folders of an extra watched folder', async () => {
    await mkdir(path.join(dir, 'src', 'preview'), { recursive: true });
    const rec = recorder();
    watcher = watchContent({ contentDir: dir, extraDirs: [path.join(dir, 'src')], ignoreDirs: [path.join(dir, 'src', 'preview')], onChange: rec.onChange, debounceMs: 80 });
    await sleep(100);
    await writeFile(path.join(dir, 'src', 'preview', 'x.ts'), 'x');
    await sleep(400);
    expect(rec.batches).toEqual([]);
    await writeFile(path.join(dir, 'src', 'main.ts'), 'x');
    expect(await rec.saw(path.join(dir, 'src', 'main.ts'))).toBe(true);
    expect(rec.batches.flat()).not.toContain(path.join(dir, 'src', 'preview', 'x.ts'));
  });
});

describe('serialRunner', () => {
  it('never runs the job twice at once, and runs once more after requests during a run', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const runner = serialRunner(async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      runs += 1;
      await sleep(50);
      running -= 1;
    });
    void runner.request();
    await sleep(10);
    void runner.request();
    void runner.request();
    void runner.request();
    await runner.idle();
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
    await runner.request();
    expect(runs).toBe(3);
  });
});

/** Every file of a built course: path inside the folder -> text. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return out;
}

const fileWith = (files: Record<string, string>, text: string) => Object.keys(files).find((f) => files[f]!.includes(text));

/** Collect the server-sent `build` events of a running preview. */
function buildEvents(preview: Preview) {
  const events: BuildStatus[] = [];
  let buffer = '';
  const req = request({ host: '127.0.0.1', port: preview.server.port, path: '/api/events', headers: { host: `127.0.0.1:${preview.server.port}` } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: build$/m.test(block) && data) events.push(JSON.parse(data) as BuildStatus);
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    events,
    async until(pred: (s: BuildStatus) => boolean, ms = 60_000): Promise<BuildStatus> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(pred);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching build event; got ${JSON.stringify(events.map((e) => [e.id, e.ok, e.building]))}`);
        await sleep(100);
      }
    },
    close: () => req.destroy(),
  };
}

describe('watch mode end to end', () => {
  it('rebuilds on a content change; a content error is reported with file and line, and the last good build stays served', async () => {
    const content = path.join(dir, 'content');
    await cp(path.resolve('tests/fixtures/content-alt'), content, { recursive: true });
    const lines: string[] = [];
    const preview = await startPreview({ contentDir: content, distDir: path.join(dir, 'dist'), dataDir: path.join(dir, 'data'), port: 0, watch: true, log: (l) => lines.push(l) });
    const sse = buildEvents(preview);
    try {
      expect(preview.status()).toMatchObject({ id: 1, ok: true, servedId: 1 });
      expect(preview.status().course?.title).toBeTruthy();
      const firstHtml = await readFile(path.join(dir, 'dist', 'index.html'), 'utf8');
      await sse.until((s) => s.id === 1);

      // A change to a page: rebuilt, and open pages are told (servedId moves on). Waiting for the
      // content rather than a build number: a loaded machine may deliver the change in two bursts.
      const sentence = 'A sentence added while the preview runs.';
      await appendFile(path.join(content, 'modules', '01-introduction.md'), `\n${sentence}\n`);
      const deadline = Date.now() + 60_000;
      while (!fileWith(await snapshot(path.join(dir, 'dist')), sentence) && Date.now() < deadline) await sleep(100);
      await preview.rebuild(); // settle: no build left running
      const rebuilt = await sse.until((s) => s.id >= 2 && !s.building && s.ok && s.servedId === s.id);
      expect(rebuilt.problems).toEqual([]);
      const good = await snapshot(path.join(dir, 'dist'));
      const withSentence = fileWith(good, sentence);
      expect(withSentence, 'a built file holds the new sentence').toBeTruthy();
      expect(firstHtml).toContain('<meta name="scorm-version" content="auto">');
      const goodId = preview.status().servedId!;

      // A broken quiz: reported with file and line, in the terminal and to the page; dist/ untouched.
      await appendFile(path.join(content, 'quizzes', 'introduction.yaml'), '\nquestions: [unclosed\n');
      const broken = await sse.until((s) => s.id > goodId && !s.building && !s.ok);
      expect(broken.servedId).toBe(goodId);
      expect(broken.problems.length).toBeGreaterThan(0);
      expect(broken.problems[0]).toMatchObject({ file: 'quizzes/introduction.yaml' });
      expect(broken.problems[0]!.line).toBeTypeOf('number');
      expect(lines.join('\n')).toMatch(/did not build[\s\S]*quizzes\/introduction\.yaml:\d+: [\s\S]*last good build is still served/);
      expect(await snapshot(path.join(dir, 'dist'))).toEqual(good);
      const served = await fetch(`${preview.url}course/${withSentence}`);
      expect(await served.text()).toBe(good[withSentence!]);

      // Fixed: built again.
      const quiz = await readFile(path.join(content, 'quizzes', 'introduction.yaml'), 'utf8');
      await writeFile(path.join(content, 'quizzes', 'introduction.yaml'), quiz.replace('\nquestions: [unclosed\n', ''));
      const fixed = await sse.until((s) => s.id > broken.id && !s.building && s.ok);
      expect(fixed).toMatchObject({ servedId: fixed.id, problems: [] });
    } finally {
      sse.close();
      await preview.close();
    }
  }, 120_000);
});
