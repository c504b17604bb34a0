/**
 * Tables for screen readers: a caption (from a `Table: ...` paragraph right above the table, the
 * pandoc convention) and header scopes, so each cell is announced with its column header.
 */
import { appendChild, createElement, getAttr, insertBefore, detach, isElement, isText, setAttr, walkElements, type ChildNode, type Element, type ParentNode } from './dom.ts';

const CAPTION_PREFIX = /^\s*Table:\s*/;

function previousElement(node: ChildNode): Element | null {
  const siblings = node.parentNode?.childNodes ?? [];
  for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
    const s = siblings[i];
    if (isElement(s)) return s;
    if (isText(s) && s.value.trim()) return null;
  }
  return null;
}

export function enhanceTables(body: ParentNode): void {
  walkElements(body, (table) => {
    if (table.tagName !== 'table') return;
    const prev = previousElement(table);
    const first = prev?.tagName === 'p' ? prev.childNodes[0] : undefined;
    const hasCaption = table.childNodes.some((c) => isElement(c) && c.tagName === 'caption');
    if (prev && first && isText(first) && CAPTION_PREFIX.test(first.value) && !hasCaption) {
      first.value = first.value.replace(CAPTION_PREFIX, '');
      const caption = createElement('caption', {}, [...prev.childNodes]);
      detach(prev);
      const firstChild = table.childNodes[0];
      if (firstChild) insertBefore(table, caption, firstChild);
      else appendChild(table, caption);
    }
    for (const section of table.childNodes.filter(isElement)) {
      for (const tr of section.childNodes.filter(isElement)) {
        for (const cell of tr.childNodes.filter(isElement)) {
          if (cell.tagName !== 'th' || getAttr(cell, 'scope')) continue;
          setAttr(cell, 'scope', section.tagName === 'thead' ? 'col' : 'row');
        }
      }
    }
  });
}
