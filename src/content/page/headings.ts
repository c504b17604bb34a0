/**
 * Headings: read back the attribute markers left by `kramdown.ts`, take out the title heading (the
 * lesson view renders the title as its h1), shift the rest so the lesson's sections start at h2
 * (no skipped levels for screen-reader heading navigation), and give every heading a stable id.
 */
import type { TocEntry } from '../../course/types.ts';
import { detach, getAttr, isElement, isText, setAttr, textContent, walkElements, type Element, type Node, type ParentNode } from './dom.ts';
import { parseAttrList } from './kramdown.ts';
import type { PageReport } from './source.ts';

export interface HeadingInfo {
  el: Element;
  level: number;
  text: string;
  /** Explicit id (`{#id}`, `{: #id}` or an id attribute in raw HTML), else null. */
  explicitId: string | null;
  classes: string[];
  /** Source line, when the heading came from a Markdown heading line. */
  line: number | null;
  id: string;
}

const MARKER_RE = /\s*\{:L(\d+)((?:\s+[#.][^\s}]*)*)\s*\}\s*$/;
export const VALID_ID = /^[A-Za-z][A-Za-z0-9_.:-]*$/;

function lastText(node: Node): (Node & { value: string }) | null {
  if (isText(node)) return node;
  if (!('childNodes' in node)) return null;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const t = lastText(node.childNodes[i]);
    if (t && (t.value.trim() || i === 0)) return t;
  }
  return null;
}

/** Collect headings in document order and strip their markers. */
export function readHeadings(body: ParentNode): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  walkElements(body, (el) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (!m) return;
    let line: number | null = null;
    let explicitId = getAttr(el, 'id');
    const classes = (getAttr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
    const t = lastText(el);
    const mk = t ? MARKER_RE.exec(t.value) : null;
    if (t && mk) {
      t.value = t.value.slice(0, mk.index);
      line = Number(mk[1]);
      const attrs = parseAttrList(mk[2]);
      explicitId = attrs.id ?? explicitId;
      classes.push(...attrs.classes);
    }
    out.push({ el, level: Number(m[1]), text: textContent(el).replace(/\s+/g, ' ').trim(), explicitId, classes, line, id: '' });
  });
  return out;
}

/** kramdown-style id: ASCII letters, digits and hyphens, starting with a letter (`Théorie & practice` -> `theorie-practice`). */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9\s-]/g, '')
    .replace(/^[^A-Za-z]+/, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  return s || 'section';
}

/**
 * The title heading is the one that says the front-matter title, give or take what the site's authors
 * vary: case, punctuation, a leading "§", spaces and line splits (`## Figures and More` for
 * `title: "§ Figures, and more"`). Letters and digits must be the same, in the same order.
 */
export const looseTitle = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
const normal = looseTitle;

export interface HeadingResult {
  headingId: string;
  /** The remaining sub-headings, with ids, levels shifted. */
  headings: HeadingInfo[];
  toc: TocEntry[];
}

export function processHeadings(headings: HeadingInfo[], title: string, report: PageReport): HeadingResult {
  const titleHeading = headings.find((h) => h.level <= 2 && normal(h.text) === normal(title)) ?? null;
  const rest = headings.filter((h) => h !== titleHeading);
  if (titleHeading) detach(titleHeading.el);

  // Levels: the section under the title becomes h2; never skip a level below the lesson's h1.
  const minLevel = Math.min(7, ...rest.map((h) => h.level));
  const base = titleHeading ? Math.min(titleHeading.level + 1, minLevel) : minLevel;
  for (const h of rest) {
    h.level = Math.max(2, Math.min(6, h.level - base + 2));
    h.el.tagName = h.el.nodeName = `h${h.level}`;
  }

  // Ids: explicit ones first (they win), then slugs made unique with -2, -3 ...
  const used = new Map<string, HeadingInfo | null>();
  const check = (h: HeadingInfo, id: string): boolean => {
    if (!VALID_ID.test(id)) {
      report.error(h.line, `The heading "${h.text}" has the id "${id}", which is not a valid id: use letters, digits and hyphens, starting with a letter.`);
      return false;
    }
    const other = used.get(id);
    if (other !== undefined) {
      const at = other?.line ? `line ${other.line}` : '';
      const where = other === titleHeading || other === null ? ` (by the lesson title${at ? `, ${at}` : ''})` : at ? ` (${at})` : '';
      report.error(h.line, `The heading id "${id}" is used twice on this page${where}. Give one of the headings a different id.`);
      return false;
    }
    return true;
  };
  const headingId = titleHeading?.explicitId ?? slugify(title);
  if (titleHeading && !check(titleHeading, headingId)) return { headingId, headings: rest, toc: [] };
  used.set(headingId, titleHeading);
  for (const h of rest) {
    if (h.explicitId && check(h, h.explicitId)) {
      h.id = h.explicitId;
      used.set(h.id, h);
    }
  }
  for (const h of rest) {
    if (h.id) continue;
    const base = slugify(h.text);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    h.id = id;
    used.set(id, h);
  }
  for (const h of rest) {
    if (h.id) setAttr(h.el, 'id', h.id);
    const cls = h.classes.filter((c) => c !== 'no_toc');
    h.el.attrs = h.el.attrs.filter((a) => a.name !== 'class');
    if (cls.length) setAttr(h.el, 'class', cls.join(' '));
  }
  const toc = rest
    .filter((h) => h.level <= 3 && !h.classes.includes('no_toc') && h.id)
    .map((h) => ({ id: h.id, text: h.text, level: h.level }));
  return { headingId, headings: rest, toc };
}

/** Is this element one of the (remaining) headings? */
export function isHeading(el: Node): el is Element {
  return isElement(el) && /^h[1-6]$/.test(el.tagName);
}
