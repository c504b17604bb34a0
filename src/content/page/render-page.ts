/**
 * One page of the review -> one lesson (without its id, which depends on the other pages).
 * Source clean-up on lines (so errors keep their line numbers), then marked, then the sanitiser,
 * then the tree steps that add our own trusted markup (note links, figures, ids).
 */
import type { Footnote, TocEntry } from '../../course/types.ts';
import { renderMarkdownUnsafe } from '../markdown.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { collectIds, assignPassageIds } from './passages.ts';
import { appendChild, createElement, createText, detach, findAll, getAttr, insertBefore, isElement, isText, parseHtml, serializeChildren, type ChildNode, type Element, type Node, type ParentNode, type TextNode } from './dom.ts';
import { readFrontMatter } from './front-matter.ts';
import { processHeadings, readHeadings } from './headings.ts';
import { extractFigures, placeFigures, resolveInlineImages, type FigureSource, type ImageContext } from './images.ts';
import { dropAttributeLists, dropRawBlocks, dropTocMarker, liftPipeTables, liftRawHtmlBlocks, markHeadings, unwrapMarkdownBlocks, type RawBlock } from './kramdown.ts';
import { correctionNodes, type Correction } from './corrections.ts';
import { replaceEmbeds } from './embeds.ts';
import { checkDanglingReferences, extractKramdownFootnotes, extractNoteBlocks, extractNoteSections, labelNamedNotes, linkNotes, referenceOrder, splitTokens, type NoteSource, type UnreferencedNote } from './notes.ts';
import { dropDanglingRules, dropSiteNavigation } from './site-nav.ts';
import { TOKEN_RE, token, toSourceLines, type PageReport, type SourceLine } from './source.ts';
import { enhanceTables } from './tables.ts';

export interface RenderedPage {
  title: string;
  navOrder: number;
  parent: string | null;
  grandParent: string | null;
  /** The front-matter title as written (the lesson title drops a leading "§"). */
  rawTitle: string;
  headingId: string;
  html: string;
  toc: TocEntry[];
  footnotes: Footnote[];
  passageIds: string[];
  words: number;
  minutes: number;
  /** Notes with no marker on this page: pages.ts looks for their marker on the review's other pages. */
  unreferenced: UnreferencedNote[];
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

function placeCorrections(body: ParentNode, corrections: Correction[]): void {
  const visit = (p: ParentNode) => {
    for (const c of [...p.childNodes]) {
      if (isText(c) && c.value.includes('\uE000cor:')) splitTokens(p, c, (kind, value) => (kind === 'cor' && corrections[Number(value)] ? correctionNodes(corrections[Number(value)]) : null));
      else if (isElement(c)) visit(c);
    }
  };
  visit(body);
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

/**
 * Put each lifted raw HTML block back where its token stands (before sanitising). A token that shares
 * its paragraph with text (a rejoin or a lazy line put them together) splits the paragraph around the
 * block, so the block is never lost with the paragraph; one left anywhere else is warned about.
 */
function placeRawBlocks(tree: ParentNode, raws: RawBlock[], report: PageReport): void {
  const placed = new Set<number>();
  const RAW = /\uE000html:(\d+)\uE001/;
  const holding = (el: Element) => el.tagName === 'p' && !!el.parentNode && el.childNodes.some((c) => isText(c) && RAW.test(c.value));
  // One block at a time: the rest of a split paragraph may hold the next one.
  for (let el = findAll(tree, holding)[0]; el; el = findAll(tree, holding)[0]) {
    const at = el.childNodes.findIndex((c) => isText(c) && RAW.test(c.value));
    const parent = el.parentNode!;
    const holder = el.childNodes[at] as TextNode;
    const m = RAW.exec(holder.value)!;
    const head = [...el.childNodes.slice(0, at), createText(holder.value.slice(0, m.index))];
    const tail = [createText(holder.value.slice(m.index + m[0].length)), ...el.childNodes.slice(at + 1)];
    const hasText = (nodes: ChildNode[]) => nodes.some((c) => !isText(c) || c.value.trim() !== '');
    const paragraph = (nodes: ChildNode[]) => {
      const p = createElement('p');
      for (const n of nodes) appendChild(p, n);
      return p;
    };
    if (hasText(head)) insertBefore(parent, paragraph(head), el);
    for (const c of [...parseHtml(raws[Number(m[1])].html).childNodes]) insertBefore(parent, c, el);
    placed.add(Number(m[1]));
    if (hasText(tail)) insertBefore(parent, paragraph(tail), el);
    detach(el);
  }
  raws.forEach((r, i) => {
    if (!placed.has(i)) report.warn(r.line, 'This raw HTML block (up to its closing tag) sits inside other Markdown (a list, a quote, a table cell) where the course cannot place it, so it is left out. Put a blank line before and after it.');
  });
}

/** Apply the editor's corrections on source lines; a `find` that is in no line is an error in the corrections file. */
function markCorrections(lines: SourceLine[], corrections: Correction[], report: PageReport, correctionsLabel: string): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  corrections.forEach((c, i) => {
    let found = false;
    for (const l of out) {
      if (l.code || !l.text.includes(c.find)) continue;
      l.text = l.text.split(c.find).join(token('cor', String(i)));
      found = true;
    }
    if (!found) {
      report.errors.push({ file: correctionsLabel, line: c.line, reason: `The correction's find "${c.find}" is not in ${report.file}. Copy the words exactly as the page has them, or remove the correction.` });
    }
  });
  return out;
}

export interface PageOptions {
  corrections?: Correction[];
  /** How errors name the corrections file. */
  correctionsLabel?: string;
}

export function renderPage(source: string, ctx: Omit<ImageContext, 'report'>, report: PageReport, opts: PageOptions = {}): RenderedPage | null {
  // The private-use characters are the importer's own markers (source.ts, TOKEN_RE): from the author
  // they would be taken for a figure or note that does not exist, so they are dropped.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\uE000\uE001]/g, '');
  const fm = readFrontMatter(text, report);
  if (!fm) return null;
  const imageCtx: ImageContext = { ...ctx, report };

  // 1. Source clean-up, line by line.
  let lines = toSourceLines(fm.body, fm.bodyLine);
  const corrections = opts.corrections ?? [];
  lines = markCorrections(lines, corrections, report, opts.correctionsLabel ?? report.file);
  lines = dropRawBlocks(lines);
  lines = unwrapMarkdownBlocks(lines);
  lines = dropTocMarker(lines);
  const raws: RawBlock[] = [];
  lines = liftRawHtmlBlocks(lines, raws);
  lines = liftPipeTables(lines, raws);
  const notes: NoteSource[] = [];
  lines = extractNoteSections(lines, notes, fm.title, report);
  lines = extractNoteBlocks(lines, notes, report);
  lines = extractKramdownFootnotes(lines, notes);
  checkDanglingReferences(lines, notes, report);
  labelNamedNotes(notes, referenceOrder(lines), report);
  lines = markHeadings(lines);
  lines = dropAttributeLists(lines);
  const figures: FigureSource[] = [];
  lines = extractFigures(lines, figures);

  // 2. Markdown -> HTML; images resolved before the sanitiser (which drops what it cannot keep).
  const raw = parseHtml(renderMarkdownUnsafe(lines.map((l) => l.text).join('\n')));
  placeRawBlocks(raw, raws, report);
  const lineOf = (needle: string) => (needle ? (raws.find((r) => r.html.includes(needle))?.line ?? lines.find((l) => l.text.includes(needle))?.line ?? null) : null);
  replaceEmbeds(raw, report, lineOf);
  resolveInlineImages(raw, lines, imageCtx);
  const body = parseHtml(sanitizeHtml(serializeChildren(raw)));

  // 3. Tree steps on safe HTML.
  const headings = dropSiteNavigation(readHeadings(body));
  dropDanglingRules(body);
  // A leading "§" marks the site's review pages in its navigation; in the course it is noise.
  const title = fm.title.replace(/^\s*§\s*/u, '').trim() || fm.title;
  const { headingId, headings: subHeadings, toc } = processHeadings(headings, title, report);
  const unreferenced: UnreferencedNote[] = [];
  const footnotes = linkNotes(body, notes, report, unreferenced);
  placeFigures(body, figures, imageCtx);
  placeCorrections(body, corrections);
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
  // An ENDNOTES page: its notes are its text.
  if (words === 0 && !hasMedia) {
    const lastLine = text.split('\n').length;
    report.error(Math.min(fm.bodyLine, lastLine), 'The page has no text after its front matter (and title heading). Add the lesson text, or remove the page.');
  }

  return {
    title,
    navOrder: fm.navOrder,
    parent: fm.parent,
    grandParent: fm.grandParent,
    rawTitle: fm.title,
    headingId,
    html: serializeChildren(body).trim(),
    toc,
    footnotes,
    passageIds: [headingId, ...ids.map((x) => x.id)],
    words,
    minutes: Math.max(1, Math.ceil(words / 200)),
    unreferenced,
  };
}
