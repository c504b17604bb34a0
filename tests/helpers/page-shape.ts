/**
 * What a reader gets from a page, reduced to what the differential tests compare: the words in
 * order, and the structure (headings with their text, paragraphs, lists, code blocks, tables with rows, cells,
 * spans and alignment, block quotes, emphasis, links, line breaks). Both our lesson and kramdown's
 * HTML go through the same function, so a difference is a difference a reader would see.
 */
import { getAttr, isElement, isText, type Element, type Node, type ParentNode } from '../../src/content/page/dom.ts';

export interface Shape {
  words: string[];
  blocks: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu;

/** Typography is not content: kramdown's smart quotes and dashes against marked's straight ones. */
export function normaliseText(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\u00a0/g, ' ');
}

export const wordsOf = (s: string): string[] => normaliseText(s).match(WORD) ?? [];

const squash = (s: string) => normaliseText(s).replace(/\s+/g, ' ').trim();

const hidden = (el: Element) => (getAttr(el, 'class') ?? '').split(/\s+/).includes('visually-hidden');

/** Text a sighted reader sees (screen-reader-only hints such as "opens in a new tab" left out). */
function visibleText(node: Node): string {
  if (isText(node)) return node.value;
  if (!isElement(node) || hidden(node)) return '';
  return node.childNodes.map(visibleText).join('');
}

function alignment(el: Element): string {
  const style = /text-align:\s*(left|right|center)/i.exec(getAttr(el, 'style') ?? '');
  const cls = /\balign-(left|right|center)\b/.exec(getAttr(el, 'class') ?? '');
  const a = style?.[1] ?? cls?.[1] ?? getAttr(el, 'align');
  return a ? ` ${a.toLowerCase()}` : '';
}

/** Tokens of one element (null = not structure: walk its children only). */
function open(el: Element, inSup: boolean): string | null {
  const t = el.tagName;
  if (/^h[1-6]$/.test(t)) return `heading "${squash(visibleText(el))}"`;
  switch (t) {
    case 'p':
      // A list item's text in a <p> or not: a loose or a tight list, spacing only (kramdown and
      // CommonMark decide it differently, item by item or list by list).
      if (el.parentNode && isElement(el.parentNode as Element) && (el.parentNode as Element).tagName === 'li' && !alignment(el)) return null;
      return `p${alignment(el)}`;
    // A code block (pre) where the site shows a table (raw HTML cut at a blank line) is a difference a
    // reader sees, so it is structure too.
    case 'ul':
    case 'ol':
    case 'li':
    case 'blockquote':
    case 'pre':
    case 'table':
    case 'tr':
      return t;
    case 'th':
    case 'td': {
      const span = Number(getAttr(el, 'colspan') ?? '1') > 1 ? ` colspan=${getAttr(el, 'colspan')}` : '';
      return `${t}${span}${alignment(el)}`;
    }
    case 'em':
    case 'i':
      return `em "${squash(visibleText(el))}"`;
    case 'strong':
    case 'b':
      return `strong "${squash(visibleText(el))}"`;
    case 'a':
      // Note markers are links in both renderings of [^1] but not of the site's <sup>N</sup>.
      return inSup ? null : `link "${squash(visibleText(el))}"`;
    case 'br':
      return 'br';
    case 'figure':
      return `figure "${squash(visibleText(el))}"`;
    default:
      return null;
  }
}

const CONTAINERS = new Set(['ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tr', 'th', 'td']);

export function shapeOf(root: ParentNode): Shape {
  const words: string[] = [];
  const blocks: string[] = [];
  const visit = (node: Node, inSup: boolean) => {
    if (isText(node)) {
      words.push(...wordsOf(node.value));
      return;
    }
    if (!isElement(node)) return;
    if (hidden(node) || node.tagName === 'style' || node.tagName === 'script') return;
    const tok = open(node, inSup);
    if (tok) blocks.push(tok);
    for (const c of node.childNodes) visit(c, inSup || node.tagName === 'sup');
    if (tok && CONTAINERS.has(node.tagName)) blocks.push(`/${node.tagName}`);
  };
  for (const c of root.childNodes) visit(c, false);
  return { words, blocks };
}
