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
import { createElement, createText, detach, findAll, getAttr, insertBefore, isText, parseHtml, serializeChildren, textContent } from './page/dom.ts';
import { collectIds } from './page/passages.ts';
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

/** `§ The Factors ... - A Review ` -> `The Factors ... - A Review`: without the site's "§" and stray punctuation around it. */
export function cleanParent(parent: string): string {
  return parent
    .trim()
    .replace(/^[§\s\-–—:|·•]+/u, '')
    .replace(/[\s\-–—:|·•]+$/u, '')
    .trim();
}

/**
 * just-the-docs nests a review's pages under the review, and the review under a site category
 * (`grand_parent: Sex`, `parent: § The review`); the site marks reviews with "§". A one-page review
 * is itself the "§" page, directly under its category (`title: § A review`, `parent: Law`): its
 * parent is then a category, never a title for the course.
 */
export function parentIsReview(page: { parent: string | null; grandParent: string | null; rawTitle: string }): boolean {
  if (page.parent === null) return false;
  if (/^\s*§/u.test(page.parent) || page.grandParent !== null) return true;
  return !/^\s*§/u.test(page.rawTitle);
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
  const pages: { file: string; label: string; page: RenderedPage; text: string }[] = [];

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
    if (page) pages.push({ file, label: report.file, page, text });
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

  const outline = outlinePages(pages, warnings);
  pages.splice(0, pages.length, ...outline.map((o) => o.page));
  const lessons: Lesson[] = outline.map(({ page: { file, page }, section }) => ({
    id: lessonIdFromFile(file),
    file,
    title: page.title,
    navOrder: page.navOrder,
    ...(section ? { section } : {}),
    headingId: page.headingId,
    html: page.html,
    toc: page.toc,
    footnotes: page.footnotes,
    passageIds: page.passageIds,
    minutes: page.minutes,
    words: page.words,
  }));

  linkNotesAcrossLessons(lessons, pages, warnings);
  return { lessons, courseTitle: courseTitle(pages, outline, warnings), assets, warnings, inputs: [...inputs] };
}

/** One page in the course's order: its section (a group of the review's pages), and whether it is the review's index page. */
export interface OutlinedPage {
  page: { file: string; label: string; page: RenderedPage; text: string };
  section?: string;
  isIndex: boolean;
}

/** Names as the site's navigation compares them, give or take the "§", case and spacing. */
const sameName = (a: string, b: string) => cleanParent(a).replace(/\s+/g, ' ').toLowerCase() === cleanParent(b).replace(/\s+/g, ' ').toLowerCase();

/** A top-level `key: value` of the page's front matter, with its line (1-based), or null. */
function frontMatterLine(text: string, key: string): { value: string; line: number } | null {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)[ \t]*$/.test(lines[i]); i++) {
    const m = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`).exec(lines[i]);
    if (m) return { value: m[1].replace(/^["']|["']$/g, ''), line: i + 1 };
  }
  return null;
}

/**
 * The reading order of the pages, as the site's navigation shows them (just-the-docs):
 *
 * - The review's **index page** (`has_children: true`, named as `parent` by the other pages, its own
 *   `nav_order` a place among the site's reviews) comes first: it is the course's introduction,
 *   whatever its `nav_order`.
 * - **Sections**: a page whose `parent` is not the review but whose `grand_parent` is (or whose parent
 *   is another page of the folder, itself under the review) belongs to the section its parent names.
 *   A section's own page (`has_children: true`) opens it. Sections take the place of their own page's
 *   `nav_order` (or of their first page's, when the section has no page of its own); pages inside by
 *   theirs. Pages that name no section stay ungrouped, as before.
 * - **Equal nav_order** between siblings: by title (case-insensitive), then file name, and a warning
 *   names the page and the nav_order line, since the site leaves such an order undefined.
 */
export function outlinePages(pages: OutlinedPage['page'][], warnings: ContentWarning[]): OutlinedPage[] {
  const titleOf = (p: OutlinedPage['page']) => p.page.rawTitle || p.page.title;
  const named = (name: string) => pages.filter((c) => c.page.parent !== null && sameName(c.page.parent, name));
  const hasChildren = (p: OutlinedPage['page']) => /^true$/i.test(frontMatterLine(p.text, 'has_children')?.value ?? '');
  // The review: a page that other pages name as their parent, whose own parent is no page of the folder,
  // and that has no sibling here (its siblings are the site's other reviews). A section's own page has
  // siblings (the review's other pages), so without the index page in the folder it is not taken for it.
  const index = pages.find(
    (p) =>
      hasChildren(p) &&
      named(titleOf(p)).some((c) => c !== p) &&
      !pages.some((o) => o !== p && p.page.parent !== null && (sameName(p.page.parent, titleOf(o)) || (o.page.parent !== null && sameName(o.page.parent, p.page.parent)))),
  );
  // The review's name: the index page's title, else the "§" grand_parent of pages grouped under sections.
  let review: string | null = index ? titleOf(index) : null;
  if (!review) {
    const candidates = pages.map((p) => p.page.grandParent).filter((g): g is string => g !== null && (/^\s*§/u.test(g) || pages.some((o) => o.page.parent !== null && sameName(o.page.parent, g))));
    review = candidates[0] ?? null;
  }
  const sectionOf = (p: OutlinedPage['page']): string | undefined => {
    if (p === index || !review || p.page.parent === null || sameName(p.page.parent, review)) {
      // A section's own page: under the review, with pages of its own.
      if (p !== index && review && p.page.parent !== null && hasChildren(p) && named(titleOf(p)).some((c) => c !== p)) return cleanParent(titleOf(p)) || p.page.title;
      return undefined;
    }
    const head = pages.find((o) => o !== p && sameName(titleOf(o), p.page.parent!));
    if ((p.page.grandParent !== null && sameName(p.page.grandParent, review)) || (head && head.page.parent !== null && sameName(head.page.parent, review))) {
      return head ? cleanParent(titleOf(head)) || head.page.title : cleanParent(p.page.parent);
    }
    return undefined;
  };

  const byOrder = (list: OutlinedPage['page'][], what: string): OutlinedPage['page'][] => {
    const sorted = [...list].sort(
      (a, b) => a.page.navOrder - b.page.navOrder || cmp(a.page.title.toLowerCase(), b.page.title.toLowerCase()) || cmp(a.file, b.file),
    );
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1], sorted[i]];
      if (prev.page.navOrder !== cur.page.navOrder) continue;
      warnings.push({
        file: cur.label,
        line: frontMatterLine(cur.text, 'nav_order')?.line ?? null,
        reason: `This page and ${prev.label} have the same nav_order ${cur.page.navOrder}${what}; the course puts them in order of title, then file name, so "${prev.page.title}" comes first. Give the pages different nav_order values to choose their order.`,
      });
    }
    return sorted;
  };

  const groups = new Map<string, OutlinedPage['page'][]>();
  const top: { key: number; title: string; file: string; pages: OutlinedPage['page'][]; section?: string }[] = [];
  for (const p of pages) {
    if (p === index) continue;
    const section = sectionOf(p);
    if (!section) {
      top.push({ key: p.page.navOrder, title: p.page.title, file: p.file, pages: [p] });
      continue;
    }
    const members = groups.get(section) ?? [];
    if (!groups.has(section)) groups.set(section, members);
    members.push(p);
  }
  for (const [section, members] of groups) {
    const head = members.find((m) => (cleanParent(titleOf(m)) || m.page.title) === section && !sameName(m.page.parent ?? '', section));
    const rest = byOrder(members.filter((m) => m !== head), ` in the section "${section}"`);
    const ordered = head ? [head, ...rest] : rest;
    top.push({ key: ordered[0].page.navOrder, title: section, file: ordered[0].file, pages: ordered, section });
  }
  // Sections and ungrouped pages share one level of the site's navigation.
  const asPages = top.map((t) => ({ ...t.pages[0], page: { ...t.pages[0].page, navOrder: t.key, title: t.title }, entry: t }));
  const order = byOrder(asPages, '').map((x) => (x as (typeof asPages)[number]).entry);
  const out: OutlinedPage[] = index ? [{ page: index, isIndex: true }] : [];
  for (const t of order) for (const p of t.pages) out.push({ page: p, isIndex: false, ...(t.section ? { section: t.section } : {}) });
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The course title when course.yaml gives none: the most common review `parent` (first in lesson order
 * on a tie), a warning when pages disagree. When the pages' parent is a site category (a one-page
 * review under "Law"), the review is the page itself: its own title. Never a category name.
 */
function courseTitle(pages: { label: string; page: RenderedPage }[], outline: OutlinedPage[], warnings: ContentWarning[]): string {
  const index = outline.find((o) => o.isIndex);
  // The index page is the review itself (its own parent is the site's category): its title names the course.
  if (index) return cleanParent(index.page.page.rawTitle) || index.page.page.title;
  const counts = new Map<string, string[]>();
  for (const { page: { label, page }, section } of outline) {
    // A page in a section names the section as its parent, and the review as its grand_parent (a
    // section's own page names the review as its parent, like an ungrouped page).
    const inSection = section !== undefined && page.parent !== null && sameName(page.parent, section);
    const review = inSection ? page.grandParent : parentIsReview(page) ? page.parent : null;
    const t = review ? cleanParent(review) : '';
    if (t) counts.set(t, [...(counts.get(t) ?? []), label]);
  }
  if (counts.size === 0) {
    if (pages.length === 0) return 'Course';
    const first = pages[0];
    const title = cleanParent(first.page.rawTitle) || first.page.title;
    const category = pages.find((p) => p.page.parent)?.page.parent;
    warnings.push({
      file: first.label,
      line: null,
      reason: category
        ? `The pages' "parent: ${category}" is a category of the site, not a review, so the course is titled by the page: "${title}". Set "title:" in course.yaml to choose another.`
        : `No page has a "parent:" naming the review, so the course is titled by its first page: "${title}". Set "title:" in course.yaml to choose another.`,
    });
    return title;
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

/**
 * Notes whose marker is on one page and whose text on another page of the same review (a closing
 * ENDNOTES page, a note that fell on the next page): the marker links to the note in its lesson, and
 * the note links back. A marker with no note on any page is warned about (file:line) and stays a
 * plain superscript, as the site shows it.
 */
function linkNotesAcrossLessons(lessons: Lesson[], pages: { label: string; page: RenderedPage; text: string }[], warnings: ContentWarning[]): void {
  lessons.forEach((lesson, k) => {
    const tree = parseHtml(lesson.html);
    const used = new Set(collectIds(tree).map((x) => x.id));
    let changed = false;
    const sups = findAll(tree, (el) => el.tagName === 'sup' && !getAttr(el, 'class') && el.childNodes.every(isText) && /^\s*\d{1,3}\s*$/.test(textContent(el)));
    // The n-th unlinked <sup>N</sup> is warned at the n-th source line holding one, each line once.
    const seen = new Map<string, number>();
    const warned = new Set<string>();
    for (const sup of sups) {
      const label = textContent(sup).trim();
      if (lesson.footnotes.some((f) => f.label === label)) continue;
      // The nearest following lesson first (a closing ENDNOTES page, the next page), then earlier ones.
      const distance = (i: number) => (i > k ? i - k : lessons.length + k - i);
      const order = [...lessons.keys()].filter((i) => i !== k).sort((a, b) => distance(a) - distance(b));
      // Only a note with no marker on its own page waits for one elsewhere (x<sup>2</sup> is no marker of a note 2 that has one).
      const target = order.map((i) => ({ other: lessons[i], note: lessons[i].footnotes.find((f) => f.label === label && f.refId === null) })).find((c) => c.note);
      if (!target) {
        const src = pages[k].text.split('\n');
        const re = new RegExp(`\\S.*<sup>\\s*${label}\\s*</sup>`, 'i');
        const lines = src.flatMap((l, i) => (re.test(l) ? [i] : []));
        const nth = seen.get(label) ?? 0;
        seen.set(label, nth + 1);
        const at = lines[Math.min(nth, lines.length - 1)] ?? -1;
        if (warned.has(`${label}:${at}`)) continue;
        warned.add(`${label}:${at}`);
        warnings.push({
          file: pages[k].label,
          line: at < 0 ? null : at + 1,
          reason: `The note marker <sup>${label}</sup> has no note ${label} on this page or any other page of this review; it is shown as a plain superscript ${label}. Add the note ("<sup>${label}</sup> ..." on this page or on the review's notes page); if it is not a note marker (an exponent), nothing needs doing.`,
        });
        continue;
      }
      const { other } = target;
      const note = target.note!;
      let id = `fnref-${label}`;
      for (let n = 2; used.has(id); n++) id = `fnref-${label}-${n}`;
      used.add(id);
      const a = createElement('a', { id, href: locationHref(other.id, note.id), role: 'doc-noteref', 'aria-label': `Note ${label}, in “${other.title}”` }, [createText(label)]);
      insertBefore(sup.parentNode!, createElement('sup', { class: 'fnref' }, [a]), sup);
      detach(sup);
      changed = true;
      lesson.passageIds.push(id);
      if (!other.passageIds.includes(note.id)) other.passageIds.push(note.id);
      note.refId = id;
      note.refLesson = lesson.id;
    }
    if (changed) lesson.html = serializeChildren(tree).trim();
  });
  lessons.forEach((lesson, k) => {
    for (const n of pages[k].page.unreferenced) {
      if (lesson.footnotes.find((f) => f.id === n.id)?.refId) continue;
      warnings.push({
        file: pages[k].label,
        line: n.line,
        reason: `Note ${n.label} has no marker (<sup>${n.label}</sup>) on this page or any other page of this review; it is listed with the other notes.`,
      });
    }
  });
}

/** The course's own address of a place in a lesson (src/components/shared/labels.ts, locationHash). */
const locationHref = (lessonId: string, passage: string) => `#lesson/${lessonId}/${passage}`;

