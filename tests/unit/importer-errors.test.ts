/** Bad pages: every problem is a ContentError naming the file, the line and what is wrong. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { importPages } from '../../src/content/pages.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A content folder with the given files under modules/. */
function content(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'importer-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, 'modules', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

async function problems(files: Record<string, string>): Promise<ContentProblem[]> {
  const root = content(files);
  try {
    await importPages(path.join(root, 'modules'), root);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    const e = err as ContentError;
    // The message is what an author sees: "file:line: reason" per problem.
    for (const p of e.problems) expect(e.message).toContain(`${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.reason}`);
    return e.problems;
  }
  throw new Error('expected a ContentError');
}

const GOOD = '---\ntitle: Good\nnav_order: 1\n---\n\nSome text.\n';

describe('front matter problems', () => {
  it('missing front matter', async () => {
    expect(await problems({ 'a.md': '# Hello\n\nText.\n' })).toEqual([
      { file: 'modules/a.md', line: 1, reason: expect.stringMatching(/no front matter.*"---"/) },
    ]);
  });

  it('unterminated front matter', async () => {
    expect(await problems({ 'a.md': '---\ntitle: A\nnav_order: 1\n\nText.\n' })).toEqual([
      { file: 'modules/a.md', line: 1, reason: expect.stringMatching(/not closed/) },
    ]);
  });

  it('invalid YAML, with the line counted from the top of the file', async () => {
    const [p] = await problems({ 'a.md': '---\nlayout: default\ntitle: A: B: C\nnav_order: 1\n---\nText\n' });
    expect(p).toMatchObject({ file: 'modules/a.md', line: 3 });
    expect(p.reason).toMatch(/^The front matter is not valid YAML: /);
  });

  it('missing nav_order', async () => {
    expect(await problems({ 'a.md': '---\ntitle: A\n---\nText\n' })).toEqual([
      { file: 'modules/a.md', line: 1, reason: expect.stringMatching(/no "nav_order:"/) },
    ]);
  });

  it('non-numeric nav_order points at its line', async () => {
    expect(await problems({ 'a.md': '---\nlayout: default\ntitle: A\nnav_order: first\n---\nText\n' })).toEqual([
      { file: 'modules/a.md', line: 4, reason: expect.stringMatching(/"nav_order: first" is not a number/) },
    ]);
  });

  it('missing or empty title', async () => {
    expect(await problems({ 'a.md': '---\nnav_order: 1\n---\nText\n', 'b.md': '---\nnav_order: 2\ntitle:   \n---\nText\n' })).toEqual([
      { file: 'modules/a.md', line: 1, reason: expect.stringMatching(/no "title:"/) },
      { file: 'modules/b.md', line: 3, reason: expect.stringMatching(/"title:" .* is empty/) },
    ]);
  });
});

describe('body problems', () => {
  it('empty page', async () => {
    expect(await problems({ 'a.md': '---\ntitle: A\nnav_order: 1\n---\n\n## A\n\n<style>p{}</style>\n' })).toEqual([
      { file: 'modules/a.md', line: 5, reason: expect.stringMatching(/no text/) },
    ]);
    expect(await problems({ 'a.md': '---\ntitle: A\nnav_order: 1\n---' })).toEqual([
      { file: 'modules/a.md', line: 4, reason: expect.stringMatching(/no text/) },
    ]);
  });

  it('duplicate explicit heading ids', async () => {
    const page = '---\ntitle: A\nnav_order: 1\n---\n\n## One {#same}\n\nText.\n\n## Two\n{: #same}\n\nMore.\n';
    expect(await problems({ 'a.md': page })).toEqual([
      { file: 'modules/a.md', line: 10, reason: expect.stringMatching(/"same" is used twice.*\(line 6\)/) },
    ]);
  });

  it('an explicit heading id that takes the title id', async () => {
    const page = '---\ntitle: Intro\nnav_order: 1\n---\n\n## Intro\n\nText.\n\n### Part {#intro}\n\nMore.\n';
    expect(await problems({ 'a.md': page })).toEqual([
      { file: 'modules/a.md', line: 10, reason: expect.stringMatching(/"intro" is used twice.*lesson title/) },
    ]);
  });

  it('an invalid explicit id', async () => {
    const page = '---\ntitle: A\nnav_order: 1\n---\n\nText.\n\n## Part {#1st}\n\nMore.\n';
    expect(await problems({ 'a.md': page })).toEqual([
      { file: 'modules/a.md', line: 8, reason: expect.stringMatching(/"1st", which is not a valid id/) },
    ]);
  });

  it('duplicate lesson ids from file names', async () => {
    expect(await problems({ 'a-b.md': GOOD, 'a_b.md': GOOD })).toEqual([
      { file: 'modules/a_b.md', line: null, reason: expect.stringMatching(/modules\/a-b.md both get the lesson id "a_b"/) },
    ]);
  });

  it('a local image that does not exist, and one outside modules/', async () => {
    const page = '---\ntitle: A\nnav_order: 1\n---\n\nText.\n\nFigure 1. Chart\n![Chart](assets/missing.png)\n\nSee ![x](../secret.png) here.\n';
    expect(await problems({ 'a.md': page })).toEqual([
      { file: 'modules/a.md', line: 11, reason: expect.stringMatching(/outside the modules\/ folder/) },
      { file: 'modules/a.md', line: 9, reason: expect.stringMatching(/modules\/assets\/missing.png does not exist/) },
    ]);
  });

  it('a note reference without note text, and two notes with one label', async () => {
    const page = '---\ntitle: A\nnav_order: 1\n---\n\nText[^x] and<sup>2</sup>.\n\n***\n<sup>2</sup> One.\n{: .fs-2}\n***\n\n***\n<sup>2</sup> Two.\n{: .fs-2}\n***\n';
    expect(await problems({ 'a.md': page })).toEqual([
      { file: 'modules/a.md', line: 6, reason: expect.stringMatching(/\[\^x\] has no note text/) },
      { file: 'modules/a.md', line: 14, reason: expect.stringMatching(/two notes <sup>2<\/sup>/) },
    ]);
  });

  it('collects the problems of several pages at once', async () => {
    const found = await problems({
      'a.md': '---\ntitle: A\n---\nText\n',
      'b.md': '---\ntitle: B\nnav_order: 2\n---\n\n![x](nope.png)\n\n![y](nope2.png)\n',
      'c.md': GOOD,
    });
    expect(found.map((p) => `${p.file}:${p.line}`)).toEqual(['modules/a.md:1', 'modules/b.md:6', 'modules/b.md:8']);
  });
});

describe('warnings, not errors', () => {
  it('an external image without a local copy: left out with a warning naming page, line and URL', async () => {
    const root = content({ 'a.md': '---\ntitle: A\nparent: Course\nnav_order: 1\n---\n\nText.\n\n![Photo](https://cdn.example.com/p/photo.jpg)\n' });
    const r = await importPages(path.join(root, 'modules'), root);
    expect(r.lessons[0].html).not.toContain('cdn.example.com');
    expect(r.lessons[0].html).toContain('<p>Photo</p>');
    expect(r.warnings).toEqual([
      { file: 'modules/a.md', line: 9, reason: expect.stringContaining('https://cdn.example.com/p/photo.jpg') },
    ]);
    expect(r.warnings[0].reason).toContain('modules/assets/photo.jpg');
  });

  it('no modules folder: no lessons (compileCourse reports that)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'importer-'));
    made.push(root);
    const r = await importPages(path.join(root, 'modules'), root);
    expect(r.lessons).toEqual([]);
  });

  it('no parent on any page: a warning, and the course is titled by its first page', async () => {
    const root = content({ 'a.md': GOOD });
    const r = await importPages(path.join(root, 'modules'), root);
    expect(r.courseTitle).toBe(r.lessons[0].title);
    expect(r.warnings).toEqual([{ file: 'modules/a.md', line: null, reason: expect.stringContaining('No page has a "parent:"') }]);
  });
});
