/**
 * Small helpers over parse5's default tree: build-time only. We serialise ourselves (rather than with
 * parse5's `serialize`) so the output escapes exactly what it must and keeps curly quotes and other
 * non-ASCII characters as characters, never as entities.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Node = T.Node;
export type ChildNode = T.ChildNode;
export type Element = T.Element;
export type TextNode = T.TextNode;
export type ParentNode = T.ParentNode;
export type Fragment = T.DocumentFragment;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function parseHtml(html: string): Fragment {
  return parseFragment(html);
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

export function getAttr(el: Element, name: string): string | null {
  const a = el.attrs.find((x) => x.name === name);
  return a ? a.value : null;
}

export function setAttr(el: Element, name: string, value: string): void {
  const a = el.attrs.find((x) => x.name === name);
  if (a) a.value = value;
  else el.attrs.push({ name, value });
}

export function removeAttr(el: Element, name: string): void {
  el.attrs = el.attrs.filter((x) => x.name !== name);
}

export function createElement(tagName: string, attrs: Record<string, string> = {}, children: ChildNode[] = []): Element {
  const el: Element = {
    nodeName: tagName,
    tagName,
    attrs: Object.entries(attrs).map(([name, value]) => ({ name, value })),
    namespaceURI: HTML_NS as Element['namespaceURI'],
    parentNode: null,
    childNodes: [],
  };
  for (const c of children) appendChild(el, c);
  return el;
}

export function createText(value: string): TextNode {
  return { nodeName: '#text', value, parentNode: null };
}

export function appendChild(parent: ParentNode, child: ChildNode): void {
  detach(child);
  child.parentNode = parent;
  parent.childNodes.push(child);
}

export function insertBefore(parent: ParentNode, child: ChildNode, ref: ChildNode): void {
  detach(child);
  const i = parent.childNodes.indexOf(ref);
  child.parentNode = parent;
  parent.childNodes.splice(i < 0 ? parent.childNodes.length : i, 0, child);
}

export function detach(node: ChildNode): void {
  const parent = node.parentNode;
  if (!parent) return;
  const i = parent.childNodes.indexOf(node);
  if (i >= 0) parent.childNodes.splice(i, 1);
  node.parentNode = null;
}

/** Replace an element by its children. */
export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  for (const c of [...el.childNodes]) insertBefore(parent, c, el);
  detach(el);
}

export function textContent(node: Node): string {
  if (isText(node)) return node.value;
  if ('childNodes' in node) return node.childNodes.map(textContent).join('');
  return '';
}

/** Depth-first, document order; the callback may not detach nodes other than the one it is given. */
export function walkElements(root: ParentNode, fn: (el: Element) => void): void {
  for (const c of [...root.childNodes]) {
    if (isElement(c)) {
      fn(c);
      if (c.parentNode) walkElements(c, fn);
    }
  }
}

export function findAll(root: ParentNode, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(root, (el) => {
    if (pred(el)) out.push(el);
  });
  return out;
}

export function hasAncestor(el: Element, pred: (a: Element) => boolean): boolean {
  let p = el.parentNode;
  while (p && isElement(p)) {
    if (pred(p)) return true;
    p = p.parentNode;
  }
  return false;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

export function serialize(node: Node): string {
  if (isText(node)) return escapeText(node.value);
  if (!isElement(node)) return 'childNodes' in node ? serializeChildren(node) : '';
  const attrs = node.attrs.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
  if (VOID_ELEMENTS.has(node.tagName)) return `<${node.tagName}${attrs}>`;
  let inner = serializeChildren(node);
  // The HTML parser drops one leading newline inside <pre>; keep the text's own one (HTML spec, serialising).
  if (node.tagName === 'pre' && inner.startsWith('\n')) inner = '\n' + inner;
  return `<${node.tagName}${attrs}>${inner}</${node.tagName}>`;
}

export function serializeChildren(node: ParentNode): string {
  return node.childNodes.map(serialize).join('');
}
