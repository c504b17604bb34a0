/**
 * The differential test: every page of the corpus (the review's own pages and the fixture reviews
 * under tests/fixtures/reviews/) is rendered by kramdown, the site's own renderer, and by our
 * importer; after the site's clean-ups and the deliberate differences listed in
 * kramdown-differences.ts, the words (body + notes, in order) and the structure must be equal.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPages, type ImportedPages } from '../../src/content/pages.ts';
import { readCorrections, applyCorrectionsToSource } from '../../src/content/page/corrections.ts';
import { pageBody, renderKramdown } from '../helpers/kramdown.ts';
import { shapeOf } from '../helpers/page-shape.ts';
import { expectedTree, lessonTree } from './kramdown-differences.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REVIEWS = path.join(ROOT, 'tests/fixtures/reviews');

/** Content folders of the corpus: this course and each fixture review. */
export const CORPUS: string[] = [ROOT, ...readdirSync(REVIEWS).sort().map((d) => path.join(REVIEWS, d)).filter((d) => existsSync(path.join(d, 'modules')))];

interface Case {
  name: string;
  lessonFile: string;
  source: string;
  imported: ImportedPages;
}

const cases: Case[] = [];
const kramdownHtml = new Map<string, string>();

beforeAll(async () => {
  const bodies: string[] = [];
  for (const dir of CORPUS) {
    const modules = path.join(dir, 'modules');
    const imported = await importPages(modules, dir);
    for (const l of imported.lessons) {
      const file = path.join(modules, l.file);
      // Editors' corrections are deliberate: kramdown gets the corrected text (kramdown-differences.ts).
      const text = applyCorrectionsToSource(readFileSync(file, 'utf8'), readCorrections(file).corrections);
      cases.push({ name: `${path.relative(ROOT, dir) || '.'}/modules/${l.file}`, lessonFile: l.file, source: text, imported });
      bodies.push(pageBody(text));
    }
  }
  const html = renderKramdown(bodies);
  cases.forEach((c, i) => kramdownHtml.set(c.name, html[i]));
});

describe('the corpus', () => {
  it('has the review\'s pages and at least 30 pages of our own, in several reviews', () => {
    const own = cases.filter((c) => c.name.startsWith('tests/'));
    expect(own.length).toBeGreaterThanOrEqual(30);
    expect(new Set(own.map((c) => c.name.split('/')[3])).size).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.name.startsWith('./')).length).toBe(2);
  });
});

describe('every page reads as kramdown renders it', () => {
  it('words and structure', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const lesson = c.imported.lessons.find((l) => l.file === c.lessonFile)!;
      const ours = shapeOf(lessonTree(lesson));
      const theirs = shapeOf(expectedTree(kramdownHtml.get(c.name)!, { title: lesson.title }));
      const w = firstDifference(ours.words, theirs.words);
      const b = firstDifference(ours.blocks, theirs.blocks);
      if (w) failures.push(`${c.name}: words differ at ${w}`);
      if (b) failures.push(`${c.name}: structure differs at ${b}`);
    }
    expect(failures).toEqual([]);
  });
});

function firstDifference(ours: string[], theirs: string[]): string | null {
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    if (ours[i] !== theirs[i]) {
      return `#${i}: ours [${ours.slice(Math.max(0, i - 3), i + 4).join(' | ')}] kramdown [${theirs.slice(Math.max(0, i - 3), i + 4).join(' | ')}]`;
    }
  }
  return null;
}
