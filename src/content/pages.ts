/**
 * Import the review's pages (`modules/*.md`, Jekyll + just-the-docs + kramdown) as lessons.
 * Every problem names the file and line; all problems of all pages are reported together.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SCORM_ID, type Lesson } from '../course/types.ts';
import { ContentError, type ContentProblem, type ContentWarning } from './errors.ts';
import { renderPage, type RenderedPage } from './page/render-page.ts';
import { PageReport } from './page/source.ts';
import { correctionsFileFor, readCorrections } from './page/corrections.ts';

export interface ImportedPages {
  lessons: Lesson[];
  /** From the pages' `parent` (the most common one), without the leading "§". */
  courseTitle: string;
  /** Path inside the package (`assets/x.png`) -> absolute source file. */
  assets: Record<string, string>;
  warnings: ContentWarning[];
  /** Every file read (pages, images, long descriptions), for watch mode. */
  inputs: string[];
}

/** `05-discussion.md` -> `05_discussion`: SCORM ids allow only letters, digits, `_` and `.`. */
export function lessonIdFromFile(fileName: string): string {
  return fileName.replace(/\.md$/i, '').replace(/[^A-Za-z0-9_.]/g, '_');
}

/** `§ The Factors ... - A Review ` -> `The Factors ... - A Review`. */
export function cleanParent(parent: string): string {
  return parent.trim().replace(/^[§\s]+/u, '').trim();
}

async function listPages(modulesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(modulesDir, { withFileTypes: true });
    return entries
      // Hidden files (`.md`, editors' `.#page.md`) are not pages, as in quizzes/.
      .filter((e) => e.isFile() && /\.md$/i.test(e.name) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export async function importPages(modulesDir: string, contentRoot: string): Promise<ImportedPages> {
  const dir = path.resolve(modulesDir);
  const root = path.resolve(contentRoot);
  const label = (name: string) => {
    const rel = path.relative(root, path.join(dir, name)).split(path.sep).join('/');
    return rel.startsWith('..') ? `modules/${name}` : rel;
  };
  const errors: ContentProblem[] = [];
  const warnings: ContentWarning[] = [];
  const assets: Record<string, string> = {};
  const inputs = new Set<string>();
  const pages: { file: string; label: string; page: RenderedPage }[] = [];

  for (const file of await listPages(dir)) {
    const abs = path.join(dir, file);
    inputs.add(abs);
    const report = new PageReport(label(file));
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (err) {
      errors.push({ file: report.file, line: null, reason: `The page cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).` });
      continue;
    }
    const fixes = readCorrections(abs);
    const fixesLabel = label(path.basename(correctionsFileFor(abs)));
    if (fixes.file) inputs.add(fixes.file);
    for (const p of fixes.problems) errors.push({ file: fixesLabel, line: p.line, reason: p.reason });
    const page = renderPage(text, { modulesDir: dir, assets, inputs }, report, { corrections: fixes.corrections, correctionsLabel: fixesLabel });
    errors.push(...report.errors);
    warnings.push(...report.warnings);
    if (page) pages.push({ file, label: report.file, page });
  }

  // Lesson ids come from file names; two names can clean up to the same id.
  const byId = new Map<string, string>();
  for (const { file, label: where } of pages) {
    const id = lessonIdFromFile(file);
    if (!SCORM_ID.test(id)) {
      errors.push({ file: where, line: null, reason: `The file name gives the lesson id "${id}", which is too long for SCORM (250 characters at most). Shorten the file name.` });
    }
    const other = byId.get(id);
    if (other) {
      errors.push({
        file: where,
        line: null,
        reason: `This page and ${other} both get the lesson id "${id}" (from their file names). Rename one of the files.`,
      });
    }
    byId.set(id, label(file));
  }
  if (errors.length > 0) throw new ContentError(errors);

  pages.sort((a, b) => a.page.navOrder - b.page.navOrder || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const lessons: Lesson[] = pages.map(({ file, page }) => ({
    id: lessonIdFromFile(file),
    file,
    title: page.title,
    navOrder: page.navOrder,
    headingId: page.headingId,
    html: page.html,
    toc: page.toc,
    footnotes: page.footnotes,
    passageIds: page.passageIds,
    minutes: page.minutes,
    words: page.words,
  }));

  return { lessons, courseTitle: courseTitle(pages, warnings), assets, warnings, inputs: [...inputs] };
}

/** The most common `parent` (first in lesson order on a tie); a warning when pages disagree. */
function courseTitle(pages: { label: string; page: RenderedPage }[], warnings: ContentWarning[]): string {
  const counts = new Map<string, string[]>();
  for (const { label, page } of pages) {
    if (page.parent === null) continue;
    const t = cleanParent(page.parent);
    if (t) counts.set(t, [...(counts.get(t) ?? []), label]);
  }
  if (counts.size === 0) {
    if (pages.length > 0) {
      warnings.push({ file: pages[0].label, line: null, reason: 'No page has a "parent:" in its front matter, so the course has no title from the pages. Add "parent: <course title>" or set the title in course.yaml.' });
    }
    return 'Course';
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
  const [title] = ranked[0];
  for (const [other, files] of ranked.slice(1)) {
    for (const file of files) {
      warnings.push({ file, line: null, reason: `This page's "parent: ${other}" differs from the other pages' "${title}"; the course is titled "${title}".` });
    }
  }
  return title;
}
