/**
 * Reduce any HTML (from pages, quiz YAML, course settings) to a small allow-list, at build time.
 * Authors' raw HTML ends up inside an LMS page, so nothing executable may survive: no script,
 * no event handlers, no javascript:/data: URLs, no embedded documents, no inline styles (CSP).
 */
import {
  appendChild,
  createElement,
  createText,
  type ChildNode,
  type Element,
  type ParentNode,
  getAttr,
  isElement,
  isText,
  parseHtml,
  serializeChildren,
  textContent,
  type Fragment,
} from './page/dom.ts';

/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'select', 'option', 'optgroup', 'textarea', 'svg', 'math', 'template', 'link', 'meta', 'base', 'title', 'head',
  'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'audio', 'video', 'canvas', 'source', 'track', 'map', 'area',
  'dialog', 'portal', 'slot',
]);

const GLOBAL_ATTRS = new Set(['id', 'class', 'title', 'lang', 'dir', 'role']);
const ARIA_ATTRS = new Set(['aria-label', 'aria-labelledby', 'aria-describedby', 'aria-details', 'aria-hidden']);

/** Allowed elements and their own attributes (besides the global ones). */
const ELEMENTS: Record<string, readonly string[]> = {
  p: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'],
  blockquote: [], em: [], strong: [], b: [], i: [], u: [], sup: [], sub: [], a: ['href'],
  code: [], pre: [], kbd: [], samp: [], var: [], br: [], hr: [], wbr: [],
  table: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr'],
  td: ['colspan', 'rowspan', 'headers'], caption: [], colgroup: ['span'], col: ['span'],
  figure: [], figcaption: [], img: ['src', 'alt', 'width', 'height'],
  abbr: [], dfn: [], span: [], div: [], section: [], aside: [], nav: [], header: [], footer: [],
  dl: [], dt: [], dd: [], small: [], cite: [], q: [], s: [], del: [], ins: [], mark: [], time: ['datetime'],
  details: ['open'], summary: [],
};

/** Roles we use ourselves (DPUB-ARIA notes) or that are harmless; anything else could mislead assistive tech. */
const ROLES = new Set(['doc-noteref', 'doc-backlink', 'doc-endnotes', 'doc-footnote', 'note', 'presentation', 'none', 'group', 'region']);

const NEW_TAB_TEXT = ' (opens in a new tab)';

export type UrlKind = 'external' | 'mailto' | 'fragment' | 'relative' | 'unsafe';

/**
 * Classify a URL the way a browser would read it: browsers ignore tabs, newlines and control characters
 * inside a scheme (`java\tscript:`), and read `/\host` or `\\host` like `//host`.
 */
export function classifyUrl(raw: string): UrlKind {
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return 'unsafe';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s === 'http' || s === 'https') return 'external';
    if (s === 'mailto') return 'mailto';
    return 'unsafe';
  }
  if (/^[/\\]{2}/.test(url) || url.startsWith('\\')) return 'unsafe';
  if (url.startsWith('#')) return 'fragment';
  return 'relative';
}

/** Image sources must be files inside the package: relative, not rooted (a SCORM package may sit anywhere). */
function isSafeImageSrc(raw: string): boolean {
  return classifyUrl(raw) === 'relative' && !/^[/\\]/.test(raw.trim()) && !raw.includes('..');
}

/**
 * Alignment is the one presentational attribute that carries meaning (a column of figures set right,
 * a centred heading cell): `align="..."` (marked, raw HTML) or `style="text-align: ..."` (kramdown)
 * becomes a class, since inline styles cannot pass the course's Content-Security-Policy.
 */
function alignmentOf(el: Element): string | null {
  if (!['p', 'th', 'td', 'div', 'caption', 'tr'].includes(el.tagName)) return null;
  const style = /(?:^|;)\s*text-align\s*:\s*(left|right|center|justify)\s*(?:;|$)/i.exec(getAttr(el, 'style') ?? '');
  const align = /^\s*(left|right|center|justify)\s*$/i.exec(getAttr(el, 'align') ?? '');
  const a = (style?.[1] ?? align?.[1])?.toLowerCase();
  return a ? `align-${a}` : null;
}

function cleanAttrs(el: Element): void {
  const own = ELEMENTS[el.tagName] ?? [];
  const kept: Element['attrs'] = [];
  const align = alignmentOf(el);
  if (align && !(getAttr(el, 'class') ?? '').split(/\s+/).includes(align)) {
    const cls = getAttr(el, 'class');
    el.attrs = el.attrs.filter((a) => a.name !== 'class');
    el.attrs.push({ name: 'class', value: cls ? `${cls} ${align}` : align });
  }
  for (const { name, value } of el.attrs) {
    const n = name.toLowerCase();
    if (!(GLOBAL_ATTRS.has(n) || ARIA_ATTRS.has(n) || own.includes(n))) continue;
    if (n === 'id' && !/^[A-Za-z][A-Za-z0-9_.:-]*$/.test(value)) continue;
    if (n === 'class') {
      const cls = value.split(/\s+/).filter((c) => /^[A-Za-z_-][A-Za-z0-9_-]*$/.test(c));
      if (cls.length) kept.push({ name: n, value: cls.join(' ') });
      continue;
    }
    if (n === 'role' && !ROLES.has(value.trim())) continue;
    if (n === 'dir' && !/^(ltr|rtl|auto)$/i.test(value)) continue;
    if ((n === 'colspan' || n === 'rowspan' || n === 'start' || n === 'span' || n === 'value' || n === 'width' || n === 'height') && !/^-?\d{1,4}$/.test(value.trim())) continue;
    if (n === 'scope' && !/^(row|col|rowgroup|colgroup)$/.test(value)) continue;
    if (n === 'href' && classifyUrl(value) === 'unsafe') continue;
    kept.push({ name: n, value });
  }
  el.attrs = kept;
}

/** External links leave the LMS frame; say so to everyone, including screen-reader users (WCAG 3.2.5 advisory). */
function markExternalLink(a: Element): void {
  const href = getAttr(a, 'href');
  if (href === null || classifyUrl(href) !== 'external') return;
  a.attrs = a.attrs.filter((x) => x.name !== 'target' && x.name !== 'rel');
  a.attrs.push({ name: 'target', value: '_blank' }, { name: 'rel', value: 'noopener noreferrer' });
  // Idempotent: HTML may be sanitised more than once on its way into the course.
  if (textContent(a).trimEnd().endsWith(NEW_TAB_TEXT.trim())) return;
  appendChild(a, createElement('span', { class: 'visually-hidden' }, [createText(NEW_TAB_TEXT)]));
}

function cleanChildren(parent: ParentNode, out: ParentNode, inLink: boolean): void {
  for (const child of parent.childNodes) cleanNode(child, out, inLink);
}

function cleanNode(node: ChildNode, out: ParentNode, inLink: boolean): void {
  if (isText(node)) {
    appendChild(out, createText(node.value));
    return;
  }
  if (!isElement(node)) return; // comments, doctypes
  const tag = node.tagName.toLowerCase();
  // Anything outside the HTML namespace came from inside <svg>/<math>, which are dropped whole anyway.
  if (DROP_WITH_CONTENT.has(tag) || node.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
  // A link inside a link is invalid and re-parses differently (mutation XSS); keep the inner text only.
  if (!(tag in ELEMENTS) || (tag === 'a' && inLink)) {
    cleanChildren(node, out, inLink); // unknown element: keep its text
    return;
  }
  if (tag === 'img') {
    const src = getAttr(node, 'src');
    if (src === null || !isSafeImageSrc(src)) {
      // No hot-linking and no data: URLs; the description still reaches the reader.
      const alt = getAttr(node, 'alt');
      if (alt) appendChild(out, createText(alt));
      return;
    }
  }
  const copy = createElement(tag);
  copy.attrs = node.attrs.map((a) => ({ ...a }));
  cleanAttrs(copy);
  cleanChildren(node, copy, inLink || tag === 'a');
  if (tag === 'a') markExternalLink(copy);
  appendChild(out, copy);
}

/** Sanitise into a fresh tree (for callers that keep working on the tree). */
export function sanitizeTree(html: string): Fragment {
  const input = parseHtml(html);
  const out = parseHtml('');
  cleanChildren(input, out, false);
  return out;
}

/**
 * Any HTML in, safe HTML out. Idempotent: malformed input can give a tree that the parser would
 * build differently from its own serialisation (table foster-parenting, misnested formatting), so
 * we sanitise until the output is stable (in practice one or two rounds).
 */
export function sanitizeHtml(html: string): string {
  let out = serializeChildren(sanitizeTree(html));
  for (let i = 0; i < 4; i++) {
    const again = serializeChildren(sanitizeTree(out));
    if (again === out) return out;
    out = again;
  }
  return out;
}
