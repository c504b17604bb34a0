/**
 * The guidance loaders (src/content/brief.ts, src/content/glossary.ts) and the stages that add
 * them to the course: outcomes and "In brief" per lesson, glossary terms marked after import, and
 * the support warning. Every mistake is reported with file and line.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import { parseBrief, pageOfBrief } from '../../src/content/brief.ts';
import { compileCourse } from '../../src/content/compile.ts';
import { ContentError, formatProblem } from '../../src/content/errors.ts';
import { markGlossary, markTerms, parseGlossary, termId } from '../../src/content/glossary.ts';
import { supportWarningBox } from '../../src/content/settings.ts';

const ROOT = path.join(import.meta.dirname, '../..');

function lesson(id: string, file: string, html: string, passageIds: string[]): Lesson {
  return { id, file, title: id, navOrder: 1, headingId: id, html, toc: [], footnotes: [], passageIds, minutes: 1, words: 1 };
}
const L1 = lesson('01_models', '01-models.md', '<p id="m-p1">The Stage of Change model and the Role Exit Model.</p>', ['m-p1', 'fn-1']);
const L2 = lesson('02_more', '02-more.md', '<p id="x-p1">Later the stage of change again.</p>', ['x-p1', 'fn-1']);

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof ContentError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

const BRIEF = `outcomes:
  - Name the models.
brief:
  - text: One.
    source: m-p1
  - text: Two **bold**.
    source: m-p1
  - text: Three.
    source: fn-1
`;

describe('brief files (modules/<page>.brief.yaml)', () => {
  it('belong to the page of the same name', () => {
    expect(pageOfBrief('05-discussion.brief.yaml')).toBe('05-discussion.md');
  });

  it('read outcomes and points, each with its passage, as sanitised inline HTML', () => {
    const { lessonId, guidance } = parseBrief(BRIEF, 'modules/01-models.brief.yaml', '01-models.brief.yaml', [L1]);
    expect(lessonId).toBe('01_models');
    expect(guidance.outcomes).toEqual(['Name the models.']);
    expect(guidance.brief).toEqual([
      { html: 'One.', source: 'm-p1' },
      { html: 'Two <strong>bold</strong>.', source: 'm-p1' },
      { html: 'Three.', source: 'fn-1' },
    ]);
  });

  it('an unknown passage is an error at its line, with a suggestion, as for quiz sources', () => {
    const bad = BRIEF.replace('source: fn-1', 'source: m-p2');
    expect(problems(() => parseBrief(bad, 'modules/01-models.brief.yaml', '01-models.brief.yaml', [L1]))).toEqual([
      'modules/01-models.brief.yaml:9: The point\'s source "m-p2" is not a passage of "01_models" (01-models.md). Did you mean "m-p1"? Run npm run passages to list the ids.',
    ]);
  });

  it('fewer than 3 or more than 6 points, a missing source, unknown keys and a page that does not exist are errors', () => {
    const two = 'outcomes:\n  - A.\nbrief:\n  - text: One.\n    source: m-p1\n  - text: Two.\n';
    expect(problems(() => parseBrief(two, 'b.yaml', '01-models.brief.yaml', [L1]))).toEqual([
      'b.yaml:3: Write 3 to 6 key points; there are 2.',
      'b.yaml:6: A point of the brief: "source" is missing: the id of the passage it summarises (npm run passages lists them).',
    ]);
    const seven = 'outcomes: [A.]\nbrief:\n' + Array.from({ length: 7 }, () => '  - text: P.\n    source: m-p1\n').join('');
    expect(problems(() => parseBrief(seven, 'b.yaml', '01-models.brief.yaml', [L1]))).toEqual(['b.yaml:2: Write 3 to 6 key points; there are 7.']);
    expect(problems(() => parseBrief(BRIEF + 'summary: x\n', 'b.yaml', '01-models.brief.yaml', [L1]))).toEqual([
      'b.yaml:10: The brief: unknown key "summary". Allowed keys: outcomes, brief.',
    ]);
    expect(problems(() => parseBrief(BRIEF, 'modules/01-model.brief.yaml', '01-model.brief.yaml', [L1]))).toEqual([
      'modules/01-model.brief.yaml: This brief belongs to the page "01-model.md", which is not in modules/. Name it after its page (<page>.brief.yaml). Did you mean "01-models.brief.yaml"?',
    ]);
    expect(problems(() => parseBrief('', 'b.yaml', '01-models.brief.yaml', [L1]))).toEqual(['b.yaml: The file is empty: write its "outcomes" and "brief" lists.']);
  });
});

const GLOSSARY = `- term: Stages of Change
  aliases: [Stage of Change]
  definition: A general model.
  source: m-p1
- term: Role Exit
  aliases: [Role Exit Model]
  definition: Another _general_ model.
  source: 01_models/fn-1
`;

describe('glossary.yaml', () => {
  it('reads terms with ids, aliases, sanitised definitions and their source, sorted by term', () => {
    const { entries, lines } = parseGlossary(GLOSSARY, [L1, L2]);
    expect(entries.map((e) => e.id)).toEqual(['role_exit', 'stages_of_change']);
    expect(entries[0]).toEqual({
      id: 'role_exit',
      term: 'Role Exit',
      aliases: ['Role Exit Model'],
      definitionHtml: 'Another <em>general</em> model.',
      definitionText: 'Another general model.',
      source: { lessonId: '01_models', passage: 'fn-1' },
    });
    expect(entries[1].source).toEqual({ lessonId: '01_models', passage: 'm-p1' });
    expect(lines.get('role_exit')).toBe(5);
    expect(termId('Micro-credit')).toBe('micro_credit');
  });

  it('an unknown or ambiguous source, a duplicate term and a missing definition are errors with file:line', () => {
    const bad = `- term: A
  definition: D.
  source: m-p9
- term: B
  definition: D.
  source: fn-1
- term: a
  definition: D.
  source: m-p1
- term: C
  source: m-p1
`;
    expect(problems(() => parseGlossary(bad, [L1, L2]))).toEqual([
      'glossary.yaml:3: The source of "A": "m-p9" is not a passage of any lesson. Did you mean "m-p1"? Run npm run passages to list the ids.',
      'glossary.yaml:6: The source of "B": "fn-1" is a passage of several lessons (01_models, 02_more); write it as <lesson id>/fn-1, e.g. 01_models/fn-1.',
      'glossary.yaml:7: The term "a" is already in the glossary (line 1).',
      'glossary.yaml:10: A glossary entry: "definition" is missing.',
    ]);
  });

  it('marks the first use of each term per lesson in running text, the words unchanged, longest form first', () => {
    const { entries } = parseGlossary(GLOSSARY, [L1, L2]);
    const html = '<h2 id="h">Stage of Change</h2><p>A <a href="#x">Stage of Change</a> link; the Stage of Change model, the stage of change again; the Role Exit Model.</p>';
    const { html: out, marked } = markTerms(html, entries);
    expect(marked.sort()).toEqual(['role_exit', 'stages_of_change']);
    expect(out).toBe(
      '<h2 id="h">Stage of Change</h2><p>A <a href="#x">Stage of Change</a> link; the <glossary-term term="stages_of_change">Stage of Change</glossary-term> model, the stage of change again; the <glossary-term term="role_exit">Role Exit Model</glossary-term>.</p>',
    );
    // Whole words only; tables and figures are left alone; HTML without a term is returned as it was.
    expect(markTerms('<p>Stages of Changes</p><table><tr><td>Role Exit</td></tr></table>', entries).marked).toEqual([]);
    const same = '<p>Nothing here &amp; “quotes”.</p>';
    expect(markTerms(same, entries).html).toBe(same);
  });

  it('warns, with the glossary line, about a term no lesson uses', () => {
    const glossary = parseGlossary(GLOSSARY + '- term: Matthew Effect\n  definition: D.\n  source: m-p1\n', [L1, L2]);
    const { lessons, warnings } = markGlossary([L1, L2], { ...glossary, inputs: [] });
    expect(lessons[1].html).toBe('<p id="x-p1">Later the <glossary-term term="stages_of_change">stage of change</glossary-term> again.</p>');
    expect(warnings.map(formatProblem)).toEqual([
      'glossary.yaml:9: The term "Matthew Effect" is not found in the running text of any lesson, so it is marked nowhere; it is still listed on the glossary page. Check its spelling or add the form the lesson uses to "aliases".',
    ]);
  });
});

describe('the course as built', () => {
  it('every lesson has outcomes and 3-6 points; the seven seeded terms are each marked; passage ids are unchanged', async () => {
    const { course, warnings, inputs } = await compileCourse(ROOT);
    for (const l of course.lessons) {
      expect(l.outcomes!.length).toBeGreaterThan(0);
      expect(l.brief!.length).toBeGreaterThanOrEqual(3);
      expect(l.brief!.length).toBeLessThanOrEqual(6);
      for (const p of l.brief!) expect(l.passageIds).toContain(p.source);
      for (const id of l.passageIds) expect(l.html.includes(`id="${id}"`) || id === l.headingId || l.footnotes.some((f) => f.id === id)).toBe(true);
    }
    expect(course.glossary!.map((g) => g.term)).toEqual(['ambiguous factor', 'empowerment', 'Matthew Effect', 'micro-credit', 'Role Exit', 'socio-ecological', 'Stages of Change']);
    const html = course.lessons.map((l) => l.html).join('');
    for (const g of course.glossary!) expect(html).toContain(`<glossary-term term="${g.id}">`);
    expect(warnings.filter((w) => w.file === 'glossary.yaml')).toEqual([]);
    expect(inputs).toContain(path.join(ROOT, 'glossary.yaml'));
    expect(inputs).toContain(path.join(ROOT, 'modules', '05-discussion.brief.yaml'));
  });

  it('warns that the package ships without support details when course.yaml sets none, and not when it does', async () => {
    const { warnings } = await compileCourse(ROOT);
    expect(warnings.find((w) => w.file === 'course.yaml')?.reason).toMatch(/ships WITHOUT your organisation's support details/);
    expect(supportWarningBox()).toMatch(/WARNING: this package ships WITHOUT support details/);
    const work = await mkdtemp(path.join(tmpdir(), 'guidance-'));
    try {
      await cp(path.join(ROOT, 'modules'), path.join(work, 'modules'), { recursive: true });
      await writeFile(path.join(work, 'course.yaml'), 'support:\n  heading: Someone to talk to\n  text: Call the staff care line.\n' +
          'credit:\n  author: A. Author\n  year: 2020\n  title: A review\n  source: A journal\n  url: https://example.org/review\n');
      const built = await compileCourse(work);
      expect(built.course.settings.support.configured).toBe(true);
      expect(built.warnings.some((w) => w.file === 'course.yaml')).toBe(false);
      // Without glossary.yaml there is no glossary and nothing is marked.
      expect(built.course.glossary).toEqual([]);
      expect(built.course.lessons.some((l) => l.html.includes('<glossary-term'))).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
