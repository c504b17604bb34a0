import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourseInto, bundlePage, courseFacts, problemsOf } from '../../src/preview/build.ts';
import { ContentError } from '../../src/content/errors.ts';

const ALT = path.resolve('tests/fixtures/content-alt');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'preview-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildCourseInto', () => {
  it('builds like npm run build (scorm-version auto) and removes files the new build no longer makes', async () => {
    const out = path.join(dir, 'dist');
    const first = await buildCourseInto({ contentDir: ALT, outDir: out });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.files).toEqual(expect.arrayContaining(['index.html', 'course.js', 'course.css']));
    expect(first.course).toMatchObject({ id: 'tiny_review', passMark: 60, language: 'en' });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<meta name="scorm-version" content="auto">');
    await writeFile(path.join(out, 'stale.js'), 'old');
    const second = await buildCourseInto({ contentDir: ALT, outDir: out, previousFiles: [...first.files, 'stale.js'] });
    expect(second.ok).toBe(true);
    expect(await readdir(out)).not.toContain('stale.js');
  }, 60_000);

  it('returns content problems as data, writing nothing', async () => {
    const out = path.join(dir, 'never');
    const result = await buildCourseInto({ contentDir: path.join(dir, 'no-such-content'), outDir: out });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]!.file).toMatch(/modules/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('reports an output folder it cannot write to, instead of throwing', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const result = await buildCourseInto({ contentDir: ALT, outDir: path.join(blocker, 'dist') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.reason).toMatch(/could not write the build/);
  }, 60_000);
});

describe('problemsOf', () => {
  it('keeps content problems as they are', () => {
    const err = new ContentError([{ file: 'quizzes/a.yaml', line: 3, reason: 'bad' }]);
    expect(problemsOf(err)).toEqual([{ file: 'quizzes/a.yaml', line: 3, reason: 'bad' }]);
  });

  it('turns a code error (rollup) into a problem with file and line', () => {
    const rollupError = Object.assign(new Error('Expected ";"'), { id: path.resolve('src/components/x.ts'), loc: { file: path.resolve('src/components/x.ts'), line: 12 } });
    expect(problemsOf(rollupError)).toEqual([{ file: path.join('src', 'components', 'x.ts'), line: 12, reason: 'Expected ";"' }]);
    expect(problemsOf('boom')).toEqual([{ file: '(build)', line: null, reason: 'boom' }]);
  });
});

describe('courseFacts and bundlePage', () => {
  it('reads the facts an LMS takes from the manifest, or null when the content does not compile', async () => {
    expect(await courseFacts(ALT)).toMatchObject({ id: 'tiny_review', passMark: 60 });
    expect(await courseFacts(path.join(dir, 'nothing'))).toBeNull();
  });

  it('bundles the player page with scorm-again, each version in its own chunk', async () => {
    const page = await bundlePage();
    expect([...page.keys()]).toEqual(expect.arrayContaining(['index.html', 'page.css', 'page.js']));
    const chunks = [...page.entries()].filter(([name]) => name.startsWith('chunk-'));
    const text = (name: string) => String(page.get(name)!.body);
    // esbuild writes a class as `class _X` or `var X = class`: either defines it.
    const defines = (name: string, api: string) => new RegExp(`class _?${api}\\b|var _?${api} = class`).test(text(name));
    expect(chunks.filter(([name]) => defines(name, 'Scorm12API')).map(([n]) => n)).toEqual([expect.stringMatching(/^chunk-scorm12-/)]);
    expect(chunks.filter(([name]) => defines(name, 'Scorm2004API')).map(([n]) => n)).toEqual([expect.stringMatching(/^chunk-scorm2004-/)]);
    // The entry carries neither API itself: only the chosen version's code is loaded.
    expect(defines('page.js', 'Scorm12API') || defines('page.js', 'Scorm2004API')).toBe(false);
    expect(text('index.html')).toContain('<script type="module" src="/preview/page.js"></script>');
  }, 60_000);
});
