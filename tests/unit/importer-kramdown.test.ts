/**
 * The differential test: every page of the corpus (the review's own pages and the fixture reviews
 * under tests/fixtures/reviews/) is rendered by kramdown, the site's own renderer, and by our
 * importer; after the site's clean-ups and the deliberate differences listed in
 * kramdown-differences.ts (the one place they are allowed), the words (body + notes, in order) and
 * the structure must be equal, and no word the site shows may be missing from the lesson. Then the
 * constructs of issues 11 and 24, one by one, on the fixtures.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import { compileCourse } from '../../src/content/compile.ts';
import { ContentError } from '../../src/content/errors.ts';
import { importPages, type ImportedPages } from '../../src/content/pages.ts';
import { detach, findAll, getAttr, parseHtml, textContent } from '../../src/content/page/dom.ts';
import { manifestIds } from '../../src/package/manifest.ts';
import { pageBody, renderKramdown } from '../helpers/kramdown.ts';
import { shapeOf, wordsOf } from '../helpers/page-shape.ts';
import { DELIBERATE, NOT_COMPARED, SITE_CLEANUPS, SOURCE_STEPS, expectedTree, lessonTree } from './kramdown-differences.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REVIEWS = path.join(ROOT, 'tests/fixtures/reviews');

/** Content folders of the corpus: this course and each fixture review. */
const CORPUS: string[] = [
  ROOT,
  ...readdirSync(REVIEWS)
    .sort()
    .map((d) => path.join(REVIEWS, d))
    .filter((d) => existsSync(path.join(d, 'modules'))),
];

interface Case {
  name: string;
  review: string;
  lesson: Lesson;
  imported: ImportedPages;
}

const cases: Case[] = [];
const kramdownHtml = new Map<string, string>();
const imports = new Map<string, ImportedPages>();

beforeAll(async () => {
  const bodies: string[] = [];
  for (const dir of CORPUS) {
    const modules = path.join(dir, 'modules');
    const imported = await importPages(modules, dir);
    const review = path.relative(ROOT, dir) || '.';
    imports.set(review === '.' ? '.' : path.basename(dir), imported);
    for (const lesson of imported.lessons) {
      const file = path.join(modules, lesson.file);
      const text = SOURCE_STEPS.reduce((t, step) => step.apply(t, file), readFileSync(file, 'utf8'));
      cases.push({ name: `${review}/modules/${lesson.file}`, review, lesson, imported });
      bodies.push(pageBody(text));
    }
  }
  // One Ruby process for the whole corpus.
  const html = renderKramdown(bodies);
  cases.forEach((c, i) => kramdownHtml.set(c.name, html[i]));
  // Importing and rendering the whole corpus through the importer and one Ruby process outlasts the
  // unit project's default 10 s hook on a loaded machine.
}, 60_000);

const review = (name: string) => imports.get(name)!;
const lessonOf = (name: string, file: string) => review(name).lessons.find((l) => l.file === file)!;
const warningsOf = (name: string, file: string) => review(name).warnings.filter((w) => w.file === `modules/${file}`);

describe('the corpus', () => {
  it("has the review's two pages and at least 30 pages of our own, in several reviews", () => {
    const own = cases.filter((c) => c.review.startsWith('tests/'));
    expect(own.length).toBeGreaterThanOrEqual(30);
    expect(new Set(own.map((c) => c.review)).size).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.review === '.').map((c) => c.lesson.file)).toEqual(['02-theoretical-background.md', '05-discussion.md']);
  });

  it('lists every deliberate difference with why, once', () => {
    const steps = [...SOURCE_STEPS, ...SITE_CLEANUPS, ...DELIBERATE];
    for (const s of steps) expect(s.why.length, s.name).toBeGreaterThan(40);
    expect(new Set(steps.map((s) => s.name)).size).toBe(steps.length);
    expect(DELIBERATE.map((s) => s.name)).toEqual(['title-heading', 'embeds', 'figures', 'notes-to-end']);
  });
});

/**
 * Words the site shows that the lesson does not: kramdown's page after the site's clean-ups only (none
 * of the deliberate differences, so a step there cannot hide a loss), counted as a multiset, so a word
 * dropped anywhere, once, is a loss. Case is not compared (the title heading became the lesson title,
 * which may differ from it in case). What may go: the text of a notes heading ("ENDNOTES") when the
 * lesson lists notes under its own Notes heading, and on a page with damaged note markup the remains of
 * the markup that kramdown shows as text ("12sup").
 */
function lostWords(lesson: Lesson, kramdown: string, damaged = false): string[] {
  const site = parseHtml(kramdown);
  for (const s of SITE_CLEANUPS) s.apply(site, { title: lesson.title });
  if (lesson.footnotes.length) {
    for (const h of findAll(site, (e) => /^h[1-6]$/.test(e.tagName) && NOTES_HEADING.test(textContent(e).trim()))) detach(h);
  }
  const left = new Map<string, number>();
  const key = (w: string) => w.toLowerCase();
  for (const w of [...shapeOf(lessonTree(lesson)).words, ...wordsOf(lesson.title)]) left.set(key(w), (left.get(key(w)) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of shapeOf(site).words) {
    const n = left.get(key(w)) ?? 0;
    if (n > 0) left.set(key(w), n - 1);
    else if (!(damaged && /^\d*sup$/i.test(w))) lost.push(w);
  }
  return lost;
}
const NOTES_HEADING = /^(end\s*notes|notes|foot\s*notes|references|notes and references)\s*:?$/i;

describe('every page reads as kramdown renders it', () => {
  it('no word is lost: every word the site shows is in the lesson, on every page (damaged ones too)', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const reasons = c.imported.warnings.filter((w) => w.file === `modules/${c.lesson.file}`).map((w) => w.reason);
      const lost = lostWords(c.lesson, kramdownHtml.get(c.name)!, NOT_COMPARED.test(reasons));
      if (lost.length) failures.push(`${c.name}: ${lost.length} words of the site are not in the lesson: ${lost.slice(0, 40).join(' ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('the word count sees a loss: a table dropped after a note block (issue 24, 1), one word dropped', () => {
    const c = cases.find((x) => x.name.endsWith('ferry-crews/modules/01-crew-sizes.md'))!;
    const k = kramdownHtml.get(c.name)!;
    expect(lostWords(c.lesson, k)).toEqual([]);
    const table = /<table[\s\S]*<\/table>/.exec(c.lesson.html)![0];
    const tableWords = wordsOf(textContent(tree(table)));
    expect(tableWords.length).toBeGreaterThan(40);
    expect(lostWords({ ...c.lesson, html: c.lesson.html.replace(table, '') }, k).sort()).toEqual(tableWords.sort());
    expect(lostWords({ ...c.lesson, html: c.lesson.html.replace('shuttle', '') }, k)).toEqual(['shuttle']);
  });

  it('words (body + notes, in order) and structure (headings, paragraphs, lists, tables, quotes, emphasis, links, breaks)', () => {
    const failures: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const reasons = c.imported.warnings.filter((w) => w.file === `modules/${c.lesson.file}`).map((w) => w.reason);
      if (NOT_COMPARED.test(reasons)) continue;
      compared++;
      const ours = shapeOf(lessonTree(c.lesson));
      const theirs = shapeOf(expectedTree(kramdownHtml.get(c.name)!, { title: c.lesson.title }));
      const w = firstDifference(ours.words, theirs.words);
      const b = firstDifference(ours.blocks, theirs.blocks);
      if (w) failures.push(`${c.name}: words differ at ${w}`);
      if (b) failures.push(`${c.name}: structure differs at ${b}`);
      if (ours.words.length === 0) failures.push(`${c.name}: no words at all`);
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(30);
  });

  it('the comparison sees a difference: a dropped word, a lost emphasis, a lost line break', () => {
    const c = cases.find((x) => x.name.endsWith('letters-archive/modules/01-poem.md'))!;
    const theirs = shapeOf(expectedTree(kramdownHtml.get(c.name)!, { title: c.lesson.title }));
    const broken = (html: string) => shapeOf(lessonTree({ ...c.lesson, html }));
    expect(broken(c.lesson.html.replace('counsel', '')).words).not.toEqual(theirs.words);
    expect(broken(c.lesson.html.replace(/<br>/, ' ')).blocks).not.toEqual(theirs.blocks);
    const r = cases.find((x) => x.name.endsWith('river-schools/modules/01-overview.md'))!;
    const rt = shapeOf(expectedTree(kramdownHtml.get(r.name)!, { title: r.lesson.title }));
    expect(shapeOf(lessonTree({ ...r.lesson, html: r.lesson.html.replace('<em>Journal,</em>', '*Journal,*') })).blocks).not.toEqual(rt.blocks);
  });
});

function firstDifference(ours: string[], theirs: string[]): string | null {
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    if (ours[i] !== theirs[i]) {
      const around = (xs: string[]) => xs.slice(Math.max(0, i - 3), i + 4).join(' | ');
      return `#${i}: ours [${around(ours)}] kramdown [${around(theirs)}]`;
    }
  }
  return null;
}

const tree = (html: string) => parseHtml(html);
const text = (html: string) => textContent(tree(html)).replace(/\s+/g, ' ').trim();

describe('constructs (issue 11), as the site shows them', () => {
  it('1. raw HTML tables with blank lines, tabs, colspan, <p align> and <strong> in cells are tables, not code', () => {
    const l = lessonOf('river-schools', '02-raw-table.md');
    expect(l.html).not.toMatch(/<pre|<code|&lt;t[dr]/);
    const t = tree(l.html);
    const cells = findAll(t, (e) => e.tagName === 'td' || e.tagName === 'th');
    expect(cells.map((c) => textContent(c).trim())).toEqual(['Enrolment (fictional figures)', 'Year', 'Boys', 'Girls', '2010', '120', '131', '2015', '250 in total, not split']);
    expect(getAttr(cells[0], 'colspan')).toBe('3');
    expect(findAll(t, (e) => e.tagName === 'p' && getAttr(e, 'class') === 'align-center').map((p) => textContent(p))).toEqual(['Year', 'Boys', 'Girls']);
    expect(findAll(t, (e) => e.tagName === 'strong').length).toBe(4);
  });

  it('2. an ENDNOTES page made only of <sup>N</sup> lines builds: its notes are its text, all presented alike', () => {
    const l = lessonOf('harbour-workers', '07-endnotes.md');
    expect(l.title).toBe('ENDNOTES');
    expect(l.html).toBe('');
    expect(l.footnotes.map((f) => f.label)).toEqual(['1', '2', '5', '6', '7', '8', '9']);
    // The first note, right under the heading with no blank line, is a note like the others.
    expect(l.footnotes[0].html).toBe('The word "harbour" is used for every kind of port in this fictional review.');
    expect(l.footnotes.find((f) => f.label === '7')!.html).toBe('<em>Children\'s</em> routines were reported by the parents,\nnot by the children themselves.');
  });

  it('3. a marker on one page links to its note on the ENDNOTES page or the next page, and the note links back', () => {
    const intro = lessonOf('harbour-workers', '01-introduction.md');
    const notes = lessonOf('harbour-workers', '07-endnotes.md');
    expect(intro.html).toContain('<sup class="fnref"><a id="fnref-1" href="#lesson/07_endnotes/fn-1" role="doc-noteref" aria-label="Note 1, in “ENDNOTES”">1</a></sup>');
    expect(notes.footnotes[0]).toMatchObject({ id: 'fn-1', refId: 'fnref-1', refLesson: '01_introduction' });
    expect(notes.passageIds).toContain('fn-1');
    expect(intro.passageIds).toContain('fnref-1');
    // Note 4's marker is on the Method page, its text at the top of the next page.
    const method = lessonOf('harbour-workers', '02-method.md');
    const findings = lessonOf('harbour-workers', '03-findings.md');
    expect(method.html).toContain('href="#lesson/03_findings/fn-4"');
    expect(findings.footnotes.find((f) => f.label === '4')).toMatchObject({ refId: 'fnref-4', refLesson: '02_method' });
    // Same-page notes keep their in-page links.
    expect(method.html).toContain('href="#fn-3"');
    expect(review('harbour-workers').warnings.filter((w) => /note|marker/i.test(w.reason))).toEqual([]);
  });

  it('3. the cross-lesson links are addresses the course navigates to: the note in its lesson, and back to the marker', async () => {
    const { locationFromHash } = await import('../../src/components/shared/labels.ts');
    const course = (await compileCourse(path.join(REVIEWS, 'harbour-workers'))).course;
    const intro = course.lessons.find((l) => l.id === '01_introduction')!;
    const href = /href="(#lesson\/07_endnotes\/fn-1)"/.exec(intro.html)![1];
    expect(locationFromHash(course, href)).toEqual({ view: 'lesson', id: '07_endnotes', passage: 'fn-1' });
    expect(locationFromHash(course, '#lesson/01_introduction/fnref-1')).toEqual({ view: 'lesson', id: '01_introduction', passage: 'fnref-1' });
  });

  it('3. a marker with no note anywhere, and a note with no marker anywhere, are warned with file:line', () => {
    expect(warningsOf('damaged-notes', '01-damaged.md')).toContainEqual({ file: 'modules/01-damaged.md', line: 19, reason: expect.stringContaining('marker <sup>7</sup> has no note 7') });
    expect(warningsOf('damaged-notes', '02-endnotes.md')).toContainEqual({ file: 'modules/02-endnotes.md', line: 8, reason: expect.stringContaining('Note 4 has no marker') });
  });

  it('4. two trailing spaces or a backslash end a line; a single trailing space does not', () => {
    const poem = lessonOf('letters-archive', '01-poem.md');
    expect(poem.html).toContain('The river keeps its counsel,<br>the boats keep to the shore,<br>and no one asks the water<br>what it was running for.');
    const letter = lessonOf('letters-archive', '02-letter.md');
    expect(letter.html).toMatch(/<blockquote[^>]*>\s*<p[^>]*>Dear Margaret,<br>the harvest is in and the roof holds.<br>Write soon.<br>Your brother,<br>Tom<\/p>/);
    expect(letter.html).toContain('Trailing single spaces here\ndo not break the line.');
  });

  it('5. embeds are never loaded: a notice with the title or address, and the Markdown after it still rendered', () => {
    const l = lessonOf('letters-archive', '03-video.md');
    expect(l.html).not.toMatch(/<iframe|<video|<audio|<object|<embed/);
    expect(l.html).toContain('Embedded content not shown in this course: “The archivist\'s talk” (https://www.youtube.com/embed/abc123).');
    expect(l.html).toContain('<strong>Video:</strong> the archivist describes');
    expect(l.html).toContain('Embedded content not shown in this course: https://player.example.org/video/42.');
    expect(warningsOf('letters-archive', '03-video.md').map((w) => w.line)).toEqual([11, 14]);
    expect(lessonOf('letters-archive', '07-embed-object.md').html).toContain('<em>Audio:</em> a reading');
  });

  it('6. emphasis next to punctuation and digits as kramdown parses it', () => {
    const l = lessonOf('river-schools', '01-overview.md');
    expect(l.html).toContain('<em>Journal,</em>14(4)');
    expect(l.html).toContain('<em>first,</em>second and <strong>bold,</strong>text');
    expect(l.html).toContain('snake_case_words stay');
    expect(lessonOf('mixed-notes', '02-breaks-in-lists.md').html).toContain('<em>emphasis,</em>1 a digit');
  });

  it('7. a bold caption line above an image whose alt says the same: the caption is shown once', () => {
    const l = lessonOf('letters-archive', '04-figures.md');
    expect(text(l.html).match(/Figure 1\. The archive's shelves/g)).toHaveLength(1);
    expect(l.html).toContain('<figcaption><strong>Figure 1. The archive\'s shelves</strong></figcaption>');
    // A different alt text (here a long description written for the course) is kept.
    expect(l.html).toContain('An open grey box. Folded letters stand upright');
  });

  it('8. table column alignment', () => {
    const l = lessonOf('river-schools', '03-aligned.md');
    const t = tree(l.html);
    const heads = findAll(t, (e) => e.tagName === 'th').map((th) => getAttr(th, 'class'));
    expect(heads).toEqual(['align-left', 'align-right', 'align-right', 'align-center']);
    expect(findAll(t, (e) => e.tagName === 'td' && getAttr(e, 'class') === 'align-right').length).toBe(6);
  });

  it('9. the lesson title is shown once when the ## heading differs only by punctuation, case, a line split or a leading §', () => {
    for (const [r, file, title] of [
      ['letters-archive', '02-letter.md', 'A Letter, 1921'],
      ['letters-archive', '05-title-split.md', 'Dating the Letters: Ink, Paper and Post'],
      ['letters-archive', '08-closing.md', 'Closing Words'],
      ['harbour-workers', '03-findings.md', 'Findings: Night Shifts'],
      ['tenancy-law', 'tenancy-mediation.md', 'Tenancy Mediation: A Review'],
    ] as const) {
      const l = lessonOf(r, file);
      expect(l.title, file).toBe(title);
      const headings = findAll(tree(l.html), (e) => /^h[1-6]$/.test(e.tagName)).map((h) => textContent(h));
      expect(headings, file).toEqual(file === 'tenancy-mediation.md' ? ['What the studies found'] : []);
    }
    expect(lessonOf('river-schools', '06-setext.md').html).not.toContain('>Findings<');
  });

  it('10. malformed note markup: a warning naming file and line, never a silent merge into the previous note', () => {
    const w = warningsOf('damaged-notes', '01-damaged.md').filter((x) => x.reason.includes('malformed'));
    expect(w.map((x) => x.line)).toEqual([13, 15]);
    expect(warningsOf('damaged-notes', '02-endnotes.md').filter((x) => x.reason.includes('malformed')).map((x) => x.line)).toEqual([9]);
    const l = lessonOf('damaged-notes', '01-damaged.md');
    expect(l.footnotes.map((f) => [f.label, f.html])).toEqual([
      ['1', 'The first note is fine.'],
      ['2', 'The second note lost its marker.'],
      ['3', 'The third note is fine.'],
      ['12', 'The twelfth note lost a bracket.'],
    ]);
  });
});

describe('issue 24: shapes of the held-out reviews, as the site shows them', () => {
  it('1. a raw HTML table after a note block between rules and a heading is kept whole, with the notes around it', () => {
    const l = lessonOf('ferry-crews', '01-crew-sizes.md');
    const cells = findAll(tree(l.html), (e) => e.tagName === 'td' || e.tagName === 'th').map((c) => textContent(c).trim());
    expect(cells).toHaveLength(12);
    expect(cells.slice(0, 4)).toEqual(['Route', 'Winter', 'Summer', 'Island line']);
    expect(l.html).toMatch(/<\/table>\s*<p[^>]*>The next section turns/);
    expect(l.html).toContain('href="#fn-3"');
  });

  it('2. a raw HTML table whose cell holds a blank line then a line indented four tabs stays a table, not code', () => {
    const l = lessonOf('ferry-crews', '02-shift-length.md');
    expect(l.html).not.toMatch(/<pre|<code|&lt;/);
    const t = tree(l.html);
    // Under a line of text, a heading, a list item and a quote, with no blank line: each a table after them.
    expect(findAll(t, (e) => e.tagName === 'table')).toHaveLength(4);
    expect(findAll(t, (e) => e.tagName === 'td').map((c) => textContent(c).replace(/\s+/g, ' ').trim())).toEqual([
      'Day', 'eight to ten hours, with a break at noon', 'Night', 'twelve hours, rarely with a break reported by the engineers', 'Summer', 'one a week',
      'Engineers', 'ten, winter and summer', 'Deckhands', 'long ones',
    ]);
    expect(l.html).toMatch(/<\/ul>\s*<table/);
    expect(l.html).toMatch(/<\/blockquote>\s*<table/);
    expect(findAll(t, (e) => e.tagName === 'strong').map((e) => textContent(e))).toEqual(['noon']);
  });
});

describe('issue 24: pipes in text, as kramdown reads them', () => {
  it('6. a paragraph whose every line has a pipe is a table of plain cells, as on the site; a pipe in code, escaped or on one line of several is text', () => {
    const l = lessonOf('ferry-crews', '05-pipe-paragraph.md');
    const t = tree(l.html);
    const rows = findAll(t, (e) => e.tagName === 'tr').map((tr) => findAll(tr, (e) => e.tagName === 'td' || e.tagName === 'th').map((c) => textContent(c).trim()));
    expect(rows).toEqual([
      ['The timetable listed the stops as Harbour', 'Island', 'Point, in that order.'],
      ['Only this line has pipes at both ends'],
      ['Winter', 'three crossings', 'a day1', ''],
      ['Summer', 'nine crossings', 'a day', 'and at night'],
      ['Season', 'Crew'],
      ['Winter', '8'],
    ]);
    expect(l.html).toContain('href="#fn-1"');
    expect(text(l.html)).toContain('written with pipes between the answers: yes | no | sometimes');
    expect(l.html).toContain('<code>grep a|b</code> keeps its pipe in the code, and an escaped pipe | stays text.');
  });
});

describe('issue 24: notes as the held-out reviews write them', () => {
  it('3. a note block that opens with the end of an earlier note is recognised: markers linked, the text listed as that note, one warning with file:line', () => {
    const l = lessonOf('ferry-crews', '03-continued-note.md');
    for (const n of ['28', '29', '30', '31']) expect(l.html).toContain(`href="#fn-${n}"`);
    expect(l.html).not.toMatch(/<hr|survey of the island line|<sup>\d/);
    expect(l.footnotes.map((f) => [f.label, f.refId])).toEqual([['27', null], ['28', 'fnref-28'], ['29', 'fnref-29'], ['30', 'fnref-30'], ['31', 'fnref-31']]);
    // Note 27 began on an earlier page: listed as its end; note 30's end, after its own block, is joined to it.
    expect(l.footnotes[0].html).toBe('…the survey of the island line, which the fictional authors ran twice.');
    expect(l.footnotes[3].html).toBe("Growing up on the islands was asked in one study only; the\nother study asked about the parents' work instead.");
    expect(warningsOf('ferry-crews', '03-continued-note.md')).toEqual([
      { file: 'modules/03-continued-note.md', line: 15, reason: expect.stringMatching(/no <sup> marker \("the survey of the island line.*end of note 27 that starts on an earlier page/) },
      { file: 'modules/03-continued-note.md', line: 31, reason: expect.stringMatching(/no <sup> marker \("other study asked.*end of note 30, above on this page, and joined to it/) },
    ]);
    // The shape of issue 24, item 1: the block's first line continues a note with no number to go by.
    const sizes = lessonOf('ferry-crews', '01-crew-sizes.md');
    expect(sizes.footnotes.map((f) => f.label)).toEqual(['cont.', '1', '2', '3']);
    expect(sizes.html).toContain('href="#fn-1"');
    expect(warningsOf('ferry-crews', '01-crew-sizes.md')).toEqual([{ file: 'modules/01-crew-sizes.md', line: 15, reason: expect.stringContaining('the end of a note that starts on an earlier page, and listed as note cont.') }]);
  });

  it('3. a note that lost its <sup> at the top of a block is its own note, warned once', () => {
    const l = lessonOf('ferry-crews', '06-lost-marker.md');
    expect(l.footnotes.map((f) => [f.label, f.refId, f.html])).toEqual([
      ['29', 'fnref-29', 'The winters are counted from the first crossing after New Year.'],
      ['30', 'fnref-30', 'The second winter had the most storms in the fictional records.'],
    ]);
    expect(warningsOf('ferry-crews', '06-lost-marker.md')).toEqual([{ file: 'modules/06-lost-marker.md', line: 13, reason: expect.stringContaining('should start with <sup>29</sup>') }]);
  });

  it('3. every warning is given once (file, line and reason), in every review of the corpus', () => {
    for (const [name, imported] of imports) {
      const keys = imported.warnings.map((w) => `${w.file}:${w.line}: ${w.reason}`);
      expect(keys, name).toEqual([...new Set(keys)]);
      for (const w of imported.warnings) expect(w.file, w.reason).toMatch(/\.md$/);
    }
  });

  it('3. markers with no note: each warned at its own line, a line with two of them once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'markers-'));
    try {
      writeFileSync(path.join(dir, 'page.md'), '---\ntitle: Markers\nnav_order: 1\n---\n\n## Markers\n\nA first claim.<sup>9</sup>\n\nA second claim<sup>9</sup> and a third.<sup>9</sup>\n');
      const { warnings } = await importPages(dir, dir);
      expect(warnings.filter((w) => w.reason.includes('<sup>9</sup> has no note 9')).map((w) => w.line)).toEqual([8, 10]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('4. the punctuation between a marker and its note ("<sup>1</sup>. Letter") is not part of the note', () => {
    const l = lessonOf('ferry-crews', '04-letter-notes.md');
    expect(l.footnotes.map((f) => f.html)).toEqual([
      'Letter of a deckhand to the company, kept in its archive.',
      "Minutes of the union's meetings, kept by the secretary.",
      'Letters of an engineer, kept by his family.',
      'Reports of the harbour master, kept in the office.',
    ]);
  });
});

describe('titles, credit and identity of a course', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('course title: the review parent without § and site punctuation; a one-page review under a category is titled by its page', () => {
    expect(review('harbour-workers').courseTitle).toBe('Harbour Workers and Shift Patterns - A Review');
    expect(review('river-schools').courseTitle).toBe('Rural River Schools: A Review');
    expect(review('tenancy-law').courseTitle).toBe('Tenancy Mediation: A Review');
    expect(review('tenancy-law').courseTitle).not.toBe('Law');
  });

  it('a content folder without a credit never gets this review\'s credit: the build stops and says what to add', async () => {
    const err = await compileCourse(path.join(REVIEWS, 'mixed-notes')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect(String((err as Error).message)).toMatch(/course\.yaml: .*"credit:".*"author", "year", "title", "source".*"url"/);
    expect(String((err as Error).message)).not.toContain('Ferrari');
  });

  it('each review is credited to its own work, and two reviews get different manifest identifiers', async () => {
    const a = (await compileCourse(path.join(REVIEWS, 'harbour-workers'))).course;
    const b = (await compileCourse(path.join(REVIEWS, 'tenancy-law'))).course;
    expect(a.credit.author).toBe('A. Lindqvist');
    expect(b.credit.author).toBe('D. Novak');
    expect(JSON.stringify([a, b])).not.toContain('Ferrari');
    expect(a.id).toBe('harbour_workers_and_shift_patterns_a_review');
    expect(b.id).toBe('tenancy_mediation_a_review');
    expect(manifestIds(a.id).manifest).not.toBe(manifestIds(b.id).manifest);
  });

  it('long titles that share their first 60 characters still get different ids', async () => {
    const { slugId } = await import('../../src/content/compile.ts');
    const long = 'The Factors Involved in the Exit from Sex Trafficking and Other Things: ';
    expect(slugId(`${long}Part One`)).not.toBe(slugId(`${long}Part Two`));
    expect(slugId(`${long}Part One`).length).toBeLessThanOrEqual(60);
    expect(slugId('Ωμέγα')).toMatch(/^course_[0-9a-f]{8}$/);
  });

  it("editor's corrections: shown as corrected, with the original for screen readers; a find not in the page is file:line", async () => {
    const theory = lessonOf('.', '02-theoretical-background.md');
    expect(theory.html).toContain(
      '<span class="editor-correction" title="editor’s correction; the original reads “relationalinterpersonal”">[relational/interpersonal]<span class="visually-hidden"> (editor’s correction; the original reads “relationalinterpersonal”)</span></span>',
    );
    expect(lessonOf('.', '05-discussion.md').html).toContain('[India–Nepal]');
    const dir = mkdtempSync(path.join(tmpdir(), 'corrections-'));
    made.push(dir);
    cpSync(path.join(REVIEWS, 'tenancy-law'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'modules/tenancy-mediation.corrections.yaml'), '# test\n- find: settled most\n  replace: settled almost all\n  why: test\n- find: not in the page\n  replace: x\n  why: test\n');
    const err = await importPages(path.join(dir, 'modules'), dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).problems).toEqual([
      { file: 'modules/tenancy-mediation.corrections.yaml', line: 5, reason: expect.stringContaining('"not in the page" is not in modules/tenancy-mediation.md') },
    ]);
  });
});
