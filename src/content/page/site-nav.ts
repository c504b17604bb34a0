/**
 * The source site ends each page with a "Table of Contents" heading and a list of links to its sibling
 * pages. Inside the course those links go nowhere (the course has its own navigation), so the heading,
 * the list and the rules left around them are dropped. Detection is generic: a heading named
 * "Table of Contents" / "Contents" followed by a list whose items are only links within the site.
 */
import { classifyUrl } from '../sanitize.ts';
import { detach, getAttr, isElement, isText, textContent, type ChildNode, type Element, type ParentNode } from './dom.ts';
import type { HeadingInfo } from './headings.ts';

const NAV_HEADING = /^(table of contents|contents|on this page|pages in this section)\s*:?$/i;

function nextElement(node: ChildNode): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  const siblings = parent.childNodes;
  for (let i = siblings.indexOf(node) + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (isElement(s)) return s;
    if (isText(s) && s.value.trim()) return null;
  }
  return null;
}

function isSiteLinkList(el: Element | null): el is Element {
  if (!el || (el.tagName !== 'ul' && el.tagName !== 'ol')) return false;
  const items = el.childNodes.filter(isElement);
  if (items.length === 0) return false;
  return items.every((li) => {
    if (li.tagName !== 'li') return false;
    const links = li.childNodes.filter(isElement);
    if (links.length !== 1 || links[0].tagName !== 'a') return false;
    const href = getAttr(links[0], 'href');
    if (!href || classifyUrl(href) !== 'relative') return false;
    return textContent(li).trim() === textContent(links[0]).trim();
  });
}

/** Remove site navigation sections; returns the headings that remain. */
export function dropSiteNavigation(headings: HeadingInfo[]): HeadingInfo[] {
  const dropped = new Set<HeadingInfo>();
  for (const h of headings) {
    if (!NAV_HEADING.test(h.text)) continue;
    const list = nextElement(h.el);
    if (!isSiteLinkList(list)) continue;
    detach(list);
    detach(h.el);
    dropped.add(h);
  }
  return headings.filter((h) => !dropped.has(h));
}

/** Rules at the start or end of the page, or next to another rule, separate nothing. */
export function dropDanglingRules(body: ParentNode): void {
  const significant = () => body.childNodes.filter((c) => isElement(c) || (isText(c) && c.value.trim()));
  for (let changed = true; changed; ) {
    changed = false;
    const nodes = significant();
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (!isElement(n) || n.tagName !== 'hr') continue;
      const prev = nodes[i - 1];
      if (i === 0 || i === nodes.length - 1 || (prev && isElement(prev) && prev.tagName === 'hr')) {
        detach(n);
        changed = true;
        break;
      }
    }
  }
}
