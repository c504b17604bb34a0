/**
 * One page of the review -> one lesson (without its id, which depends on the other pages).
 * Source clean-up on lines (so errors keep their line numbers), then marked, then the sanitiser,
 * then the tree steps that add our own trusted markup (note links, figures, ids).
 */
import type { Footnote, TocEntry } from '../../course/types.ts';
import { renderMarkdownUnsafe } from '../markdown.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { collectIds, assignPassageIds } from './passages.ts';
import { detach, findAll, getAttr, isElement, isText, parseHtml, serializeChildren, type Node, type ParentNode } from './dom.ts';
import { readFrontMatter } from './front-matter.ts';
import { processHeadings, readHeadings } from './headings.ts';
import { extractFigures, placeFigures, resolveInlineImages, type FigureSource, type ImageContext } from './images.ts';
import { dropAttributeLists, dropRawBlocks, dropTocMarker, markHeadings, unwrapMarkdownBlocks } from './kramdown.ts';
import { checkDanglingReferences, extractKramdownFootnotes, extractNoteBlocks, labelNamedNotes, linkNotes, referenceOrder, type NoteSource } from './notes.ts';
import { dropDanglingRules, dropSiteNavigation } from './site-nav.ts';
import { TOKEN_RE, toSourceLines, type PageReport } from './source.ts';
import { enhanceTables } from './tables.ts';

export interface RenderedPage {
  title: string;
  navOrder: number;
  parent: string | null;
  headingId: string;
  html: string;
  toc: TocEntry[];
  footnotes: Footnote[];
  passageIds: string[];
  words: number;
  minutes: number;
}

/** Words a reader reads: screen-reader-only hints ("opens in a new tab") do not count. */
function readerText(node: Node): string {
  if (isText(node)) return node.value;
  if (isElement(node) && (getAttr(node, 'class') ?? '').split(/\s+/).includes('visually-hidden')) return '';
  return 'childNodes' in node ? node.childNodes.map(readerText).join(' ') : '';
}

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

function dropStrayTokens(body: ParentNode): void {
  const visit = (p: ParentNode) => {
    for (const c of p.childNodes) {
      if (isText(c)) c.value = c.value.replace(TOKEN_RE, '');
      else if (isElement(c)) visit(c);
    }
  };
  visit(body);
}

/**
 * A paragraph whose raw HTML the sanitiser removed whole (`<iframe ...>` alone on a line) is left
 * empty: it would be a passage with nothing to read, and an empty stop for screen readers.
 */
function dropEmptyParagraphs(body: ParentNode): void {
  const empty = findAll(body, (el) => el.tagName === 'p' && el.childNodes.every((c) => isText(c) && c.value.trim() === ''));
  for (const p of empty) detach(p);
}

export function renderPage(source: string, ctx: Omit<ImageContext, 'report'>, report: PageReport): RenderedPage | null {
  // The private-use characters are the importer's own markers (source.ts, TOKEN_RE): from the author
  // they would be taken for a figure or note that does not exist, so they are dropped.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\uE000\uE001]/g, '');
  const fm = readFrontMatter(text, report);
  if (!fm) return null;
  const imageCtx: ImageContext = { ...ctx, report };

  // 1. Source clean-up, line by line.
  let lines = toSourceLines(fm.body, fm.bodyLine);
  lines = dropRawBlocks(lines);
  lines = unwrapMarkdownBlocks(lines);
  lines = dropTocMarker(lines);
  const notes: NoteSource[] = [];
  lines = extractNoteBlocks(lines, notes);
  lines = extractKramdownFootnotes(lines, notes);
  checkDanglingReferences(lines, notes, report);
  labelNamedNotes(notes, referenceOrder(lines), report);
  lines = markHeadings(lines);
  lines = dropAttributeLists(lines);
  const figures: FigureSource[] = [];
  lines = extractFigures(lines, figures);

  // 2. Markdown -> HTML; images resolved before the sanitiser (which drops what it cannot keep).
  const raw = parseHtml(renderMarkdownUnsafe(lines.map((l) => l.text).join('\n')));
  resolveInlineImages(raw, lines, imageCtx);
  const body = parseHtml(sanitizeHtml(serializeChildren(raw)));

  // 3. Tree steps on safe HTML.
  const headings = dropSiteNavigation(readHeadings(body));
  dropDanglingRules(body);
  const { headingId, headings: subHeadings, toc } = processHeadings(headings, fm.title, report);
  const footnotes = linkNotes(body, notes, report);
  placeFigures(body, figures, imageCtx);
  enhanceTables(body);
  dropEmptyParagraphs(body);
  assignPassageIds(body, headingId);
  dropStrayTokens(body);

  // 4. Checks: unique ids, some text.
  const ids = collectIds(body);
  const seen = new Map<string, string>([[headingId, 'the lesson title']]);
  for (const f of footnotes) seen.set(f.id, `note ${f.label}`);
  for (const { id, el } of ids) {
    const heading = subHeadings.find((h) => h.el === el);
    const what = heading ? `the heading "${heading.text}"` : `a ${el.tagName} element`;
    const other = seen.get(id);
    if (other) {
      report.error(heading?.line ?? null, `The id "${id}" of ${what} is also used by ${other}. Give ${heading ? 'the heading' : 'it'} a different id.`);
    }
    seen.set(id, what);
  }
  const bodyWords = countWords(readerText(body));
  const words = bodyWords + footnotes.reduce((n, f) => n + countWords(readerText(parseHtml(f.html))), 0);
  const hasMedia = findAll(body, (el) => el.tagName === 'figure' || el.tagName === 'img').length > 0;
  if (bodyWords === 0 && !hasMedia) {
    const lastLine = text.split('\n').length;
    report.error(Math.min(fm.bodyLine, lastLine), 'The page has no text after its front matter (and title heading). Add the lesson text, or remove the page.');
  }

  return {
    title: fm.title,
    navOrder: fm.navOrder,
    parent: fm.parent,
    headingId,
    html: serializeChildren(body).trim(),
    toc,
    footnotes,
    passageIds: [headingId, ...ids.map((x) => x.id)],
    words,
    minutes: Math.max(1, Math.ceil(words / 200)),
  };
}
