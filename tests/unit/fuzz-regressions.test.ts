/**
 * Inputs the fuzz tests found, kept as plain tests so they always run: each once crashed the build
 * with a bare exception, hung it, or told the author something only a programmer understands.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { importPages } from '../../src/content/pages.ts';
import { parseQuiz } from '../../src/content/quizzes.ts';
import { parseSettings } from '../../src/content/settings.ts';
import type { Lesson } from '../../src/course/types.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function pageProblems(text: string): Promise<ContentProblem[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'fuzz-regression-'));
  made.push(root);
  mkdirSync(path.join(root, 'modules'));
  writeFileSync(path.join(root, 'modules', 'a.md'), text);
  try {
    await importPages(path.join(root, 'modules'), root);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems;
  }
}

/** Aliases of aliases: 10^n values from a few lines. */
function aliasBomb(levels: number): string {
  let y = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= levels; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return y;
}

const LESSON: Lesson = {
  id: '01_intro', file: '01-intro.md', title: 'Intro', navOrder: 1, headingId: 'intro', html: '', toc: [], footnotes: [],
  passageIds: ['intro', 'intro-p1'], minutes: 1, words: 1,
};

describe('pages', () => {
  it('the importer\'s private marker characters in a page are ignored, not taken for a figure (was a TypeError)', async () => {
    expect(await pageProblems('---\ntitle: T\nnav_order: 1\n---\n\nText.\n\n\uE000fig:7\uE001\n\nMore \uE000fn:1\uE001 text.\n')).toEqual([]);
  });

  it('an alias bomb in the front matter is a ContentError (was the yaml library\'s ReferenceError)', async () => {
    expect(await pageProblems(`---\ntitle: T\nnav_order: 1\n${aliasBomb(4)}---\n\nText.\n`)).toEqual([
      { file: 'modules/a.md', line: 2, reason: expect.stringMatching(/aliases \(\*name\) that expand to too much data/) },
    ]);
  });

  it('a nav_order that is a block, a list or .nan is described in words (was "[object Object]" and "NaN")', async () => {
    const reasons = async (v: string) => (await pageProblems(`---\ntitle: T\nnav_order: ${v}\n---\n\nText.\n`)).map((p) => p.reason);
    expect(await reasons('{}')).toEqual(['A block of settings is not a number. Write a number such as 50 after "nav_order:": it sets the lesson order.']);
    expect(await reasons('[1]')).toEqual(['A list is not a number. Write a number such as 50 after "nav_order:": it sets the lesson order.']);
    expect((await reasons('.nan'))[0]).toMatch(/^The "nav_order:" value \(it reads as infinity or "not a number"\) is not a number/);
  });

  it('a hidden file named ".md" is not a page (it gave the lesson id "" and a message calling it too long)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fuzz-regression-'));
    made.push(root);
    mkdirSync(path.join(root, 'modules'));
    writeFileSync(path.join(root, 'modules', '.md'), '---\ntitle: Hidden\nnav_order: 1\n---\n\nText.\n');
    writeFileSync(path.join(root, 'modules', '01-a.md'), '---\ntitle: A\nnav_order: 1\n---\n\nText.\n');
    const { lessons } = await importPages(path.join(root, 'modules'), root);
    expect(lessons.map((l) => l.id)).toEqual(['01_a']);
  });

  it('a title that is a list is not called "empty"', async () => {
    expect((await pageProblems('---\ntitle: [a, b]\nnav_order: 1\n---\n\nText.\n'))[0]).toEqual({
      file: 'modules/a.md',
      line: 2,
      reason: 'The "title:" in the front matter is a list, not text. Write the lesson title after it, e.g. "title: Discussion".',
    });
  });

  it('a page that is only an empty note marker has no text; an empty note elsewhere is warned about (found by severalPages in CI)', async () => {
    // The counterexample fast-check shrank to: page 2 is "<sup>1</sup>" alone, page 1 holds a marker 1.
    const root = mkdtempSync(path.join(tmpdir(), 'fuzz-regression-'));
    made.push(root);
    mkdirSync(path.join(root, 'modules'));
    writeFileSync(path.join(root, 'modules', '01-a.md'), '---\ntitle: A\nnav_order: 1\n---\nExit\n<table>\n<tr><td>\n\n\t\t\t\t <sup>1</sup>\n</td></tr>\n</table>');
    writeFileSync(path.join(root, 'modules', '02 b.md'), '---\nlayout: default\ntitle: "!"\nnav_order: 0 \n---\n<sup>1</sup>');
    const err = await importPages(path.join(root, 'modules'), root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).problems).toEqual([{ file: 'modules/02 b.md', line: 6, reason: expect.stringMatching(/^The page has no text/) }]);

    writeFileSync(path.join(root, 'modules', '02 b.md'), '---\ntitle: B\nnav_order: 2\n---\nText of the page.\n\n***\n<sup>1</sup>\n{: .fs-2}\n***\n');
    const { lessons, warnings } = await importPages(path.join(root, 'modules'), root);
    expect(warnings).toContainEqual({ file: 'modules/02 b.md', line: 8, reason: expect.stringMatching(/^Note 1 has no text/) });
    // Its marker on page 1 still links to it, and the note's id is one of page 2's passages.
    expect(lessons.find((l) => l.id === '01_a')!.html).toContain('href="#lesson/02_b/fn-1"');
    expect(lessons.find((l) => l.id === '02_b')!.passageIds).toContain('fn-1');
  });
});

describe('images that would not be in the package', () => {
  it('an image in a note becomes its text alternative (it was kept, pointing at a file never packaged)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fuzz-regression-'));
    made.push(root);
    mkdirSync(path.join(root, 'modules'));
    writeFileSync(path.join(root, 'modules', 'a.md'), '---\ntitle: T\nnav_order: 1\n---\n\nText.[^1]\n\n[^1]: A note ![a small chart](assets/chart.png) here.\n');
    const { lessons } = await importPages(path.join(root, 'modules'), root);
    expect(lessons[0].footnotes[0].html).toBe('A note a small chart here.');
  });

  it('an image in quiz text becomes its text alternative (it was kept as <img src="x">, a request outside the package)', () => {
    const problems: ContentProblem[] = [];
    const quiz = parseQuiz('lesson: 01-intro.md\nquestions:\n  - {id: q1, type: truefalse, prompt: \'Is <img src="x" alt="this chart"> ![it](assets/a.png) right?\', correct: true, source: intro-p1}\n', 'quizzes/q.yaml', 'q.yaml', [LESSON], problems);
    expect(problems).toEqual([]);
    expect(quiz!.questions[0].promptHtml).toBe('Is this chart it right?');
  });
});

describe('quizzes and course.yaml', () => {
  it('an alias bomb in a quiz stops at once with a message (took minutes to hours: exponential expansion)', () => {
    const problems: ContentProblem[] = [];
    const started = performance.now();
    const quiz = parseQuiz(`lesson: 01-intro.md\n${aliasBomb(8)}questions: *a8\n`, 'quizzes/q.yaml', 'q.yaml', [LESSON], problems);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(quiz).toBeNull();
    expect(problems.map((p) => p.reason)).toContain('The YAML uses aliases (*name) that expand to far too much data here. Write the values out instead of repeating aliases.');
  });

  it('.inf and .nan numbers are explained, not called "the number .inf"', () => {
    const problems: ContentProblem[] = [];
    parseQuiz('lesson: 01-intro.md\nsettings: {passMark: .inf}\nquestions: [{id: q1, type: truefalse, prompt: P, correct: true, source: intro-p1, weight: .nan}]\n', 'quizzes/q.yaml', 'q.yaml', [LESSON], problems);
    expect(problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([
      '2: The pass mark "passMark" must be an ordinary number, but ".inf" is not one (it reads as infinity or "not a number").',
      '3: Question "q1": the "weight" must be an ordinary number, but ".nan" is not one (it reads as infinity or "not a number").',
    ]);
  });

  it('absurdly deep nesting is a sentence, not "Maximum call stack size exceeded"', () => {
    expect(() => parseSettings(`title: ${'['.repeat(5000)}`)).toThrow(
      expect.objectContaining({ message: 'course.yaml:1: YAML syntax error: lists or blocks are nested inside each other far too deeply here.' }),
    );
  });

  it('a key that is both required and allowed is listed once among the allowed keys', () => {
    const problems: ContentProblem[] = [];
    parseQuiz('lesson: 01-intro.md\nquestions:\n  - {id: q1, type: single, prompt: P, options: [{id: a, text: A}, {id: b, text: B}], correct: a, source: intro-p1, extra: 1}\n', 'quizzes/q.yaml', 'q.yaml', [LESSON], problems);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toBe('Question "q1": unknown key "extra". Allowed keys: id, type, prompt, correct, source, options, hint, feedback, weight.');
  });
});
