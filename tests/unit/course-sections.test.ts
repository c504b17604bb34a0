/**
 * The order and grouping of a review's pages as the site's navigation shows them (issue 24, items 5
 * and 8): the review's index page first, sections from `parent` / `grand_parent`, equal nav_order
 * ordered by title then file name with a warning, and the groups the outline and the menu show.
 */
import path from 'node:path';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPages, outlinePages, type ImportedPages } from '../../src/content/pages.ts';
import { compileCourse } from '../../src/content/compile.ts';
import { courseSections, courseSequence } from '../../src/course/navigation.ts';
import type { Course } from '../../src/course/types.ts';

const REVIEWS = path.resolve(import.meta.dirname, '../fixtures/reviews');
const load = (name: string) => importPages(path.join(REVIEWS, name, 'modules'), path.join(REVIEWS, name));

describe('a review grouped in sections (sectioned-review: 20 pages, an index page, 4 sections)', () => {
  let imported: ImportedPages;
  beforeAll(async () => {
    imported = await load('sectioned-review');
  });

  it('puts the index page first, then the ungrouped page and the sections in nav_order, each section\'s own page first', () => {
    expect(imported.lessons).toHaveLength(20);
    expect(imported.lessons.map((l) => [l.title, l.section ?? null])).toEqual([
      ['Coastal Clinics and Night Ferries - A Review', null],
      ['Abstract', null],
      ['Part One: Background', 'Part One: Background'],
      ['The Islands', 'Part One: Background'],
      ['The Clinics', 'Part One: Background'],
      ['The Ferries', 'Part One: Background'],
      ['Earlier Reviews', 'Part One: Background'],
      ['Part Two: Findings', 'Part Two: Findings'],
      ['Waiting Times', 'Part Two: Findings'],
      ['Staff', 'Part Two: Findings'],
      ['Patients', 'Part Two: Findings'],
      ['Costs', 'Part Two: Findings'],
      ['Weather', 'Part Two: Findings'],
      ['Part Three: Discussion', 'Part Three: Discussion'],
      ['What Helps', 'Part Three: Discussion'],
      ['What Hinders', 'Part Three: Discussion'],
      ['Limits', 'Part Three: Discussion'],
      // A section with no page of its own: named by its pages' parent, placed by its first page's nav_order.
      ['Search Terms', 'Appendices'],
      ['Excluded Studies', 'Appendices'],
      ['Glossary of Boats', 'Appendices'],
    ]);
  });

  it('titles the course by the review (the index page), never by a section or the site category', () => {
    expect(imported.courseTitle).toBe('Coastal Clinics and Night Ferries - A Review');
    expect(imported.warnings.map((w) => `${w.file}: ${w.reason}`)).toEqual([]);
  });

  it('groups consecutive places by section for the outline and the menu; every place once, in reading order', async () => {
    const { course } = await compileCourse(path.join(REVIEWS, 'sectioned-review'));
    const groups = courseSections(course);
    expect(groups.map((g) => [g.section, g.locations.length])).toEqual([
      [null, 3], // start, the index page, the abstract
      ['Part One: Background', 5],
      ['Part Two: Findings', 6],
      ['Part Three: Discussion', 4],
      ['Appendices', 3],
      [null, 1], // finish
    ]);
    expect(groups.flatMap((g) => g.locations)).toEqual(courseSequence(course));
  });
});

describe('sections without the index page in the folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sections-no-index-'));
    cpSync(path.join(REVIEWS, 'sectioned-review'), dir, { recursive: true });
    rmSync(path.join(dir, 'modules/00-index.md'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the review is the "§" grand_parent of the sections\' pages: same sections, same title', async () => {
    const imported = await importPages(path.join(dir, 'modules'), dir);
    expect(imported.lessons).toHaveLength(19);
    expect([...new Set(imported.lessons.map((l) => l.section ?? null))]).toEqual([null, 'Part One: Background', 'Part Two: Findings', 'Part Three: Discussion', 'Appendices']);
    expect(imported.courseTitle).toBe('Coastal Clinics and Night Ferries - A Review');
    expect(imported.warnings).toEqual([]);
  });
});

describe('a flat review: no change', () => {
  it('harbour-workers has no sections and one group, the whole sequence', async () => {
    const imported = await load('harbour-workers');
    expect(imported.lessons.every((l) => !('section' in l))).toBe(true);
    expect(imported.lessons.map((l) => l.navOrder)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    const { course } = await compileCourse(path.join(REVIEWS, 'harbour-workers'));
    expect(courseSections(course)).toEqual([{ section: null, locations: courseSequence(course) }]);
  });

  it('a quiz is in its lesson\'s section', () => {
    const lesson = (id: string, section?: string) => ({ id, title: id, navOrder: 0, ...(section ? { section } : {}) });
    const course = {
      lessons: [lesson('a'), lesson('b', 'S'), lesson('c', 'S')],
      quizzes: [{ id: 'qb', lessonId: 'b' }],
    } as unknown as Course;
    expect(courseSections(course).map((g) => [g.section, g.locations.map((l) => ('id' in l ? l.id : l.view))])).toEqual([
      [null, ['start', 'a']],
      ['S', ['b', 'qb', 'c']],
      [null, ['end']],
    ]);
  });
});

describe('the index page and equal nav_order (index-first)', () => {
  let imported: ImportedPages;
  beforeAll(async () => {
    imported = await load('index-first');
  });

  it('the index page (has_children, a site-level nav_order 140) comes first, as the introduction', () => {
    expect(imported.lessons.map((l) => l.file)).toEqual(['00-index.md', '01-background.md', '03-harvests.md', '02-shared-tools.md']);
    expect(imported.lessons[0].navOrder).toBe(140);
    expect(imported.courseTitle).toBe('Allotment Gardens and Neighbours - A Review');
  });

  it('equal nav_order: by title, then file name, and a warning with the file and the nav_order line', () => {
    expect(imported.warnings.map((w) => `${w.file}:${w.line}: ${w.reason}`)).toEqual([
      'modules/02-shared-tools.md:6: This page and modules/03-harvests.md have the same nav_order 20; the course puts them in order of title, then file name, so "Harvests" comes first. Give the pages different nav_order values to choose their order.',
    ]);
  });

  it('the order does not depend on the order the pages are read in', () => {
    const forward = outlinePages(
      imported.lessons.map((l) => ({ file: l.file, label: l.file, text: readFileSync(path.join(REVIEWS, 'index-first/modules', l.file), 'utf8'), page: fakePage(l) })),
      [],
    );
    const backward = outlinePages([...forward.map((o) => o.page)].reverse(), []);
    expect(backward.map((o) => o.page.file)).toEqual(forward.map((o) => o.page.file));
  });

  it('equal titles too: by file name', () => {
    const warnings: { file: string; line: number | null; reason: string }[] = [];
    const page = (file: string) => ({ file, label: `modules/${file}`, text: `---\ntitle: Same\nnav_order: 5\n---\n`, page: fakePage({ title: 'Same', navOrder: 5 }) });
    expect(outlinePages([page('b.md'), page('a.md')], warnings).map((o) => o.page.file)).toEqual(['a.md', 'b.md']);
    expect(warnings.map((w) => `${w.file}:${w.line}`)).toEqual(['modules/b.md:3']);
  });
});

describe('the index page moves to the front whatever its file name', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'index-first-'));
    cpSync(path.join(REVIEWS, 'index-first'), dir, { recursive: true });
    // Renamed so that its file name sorts last, as "index.md" beside "01-..." pages would not.
    const text = readFileSync(path.join(dir, 'modules/00-index.md'), 'utf8');
    rmSync(path.join(dir, 'modules/00-index.md'));
    writeFileSync(path.join(dir, 'modules/zz-review.md'), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes first, and the print source builds with no url', async () => {
    const { course } = await compileCourse(dir);
    expect(course.lessons[0].file).toBe('zz-review.md');
    expect(course.credit).toEqual({ author: 'P. Okafor', year: 2019, title: 'Allotment Gardens and Neighbours: A Review', source: 'Printed for the Fictional Garden Society, pp. 1-48' });
  });
});

/** The fields of a rendered page that ordering reads. */
function fakePage(l: { title: string; navOrder: number }) {
  return { title: l.title, rawTitle: l.title, navOrder: l.navOrder, parent: null, grandParent: null } as unknown as Parameters<typeof outlinePages>[0][number]['page'];
}
