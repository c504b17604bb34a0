/**
 * Passage ids: the anchors quiz questions point at (`source:`), so a learner who got a question wrong
 * can jump to the passage that answers it. The scheme is fixed (quiz authors write against it; list
 * them with `node --import tsx scripts/list-passages.ts`):
 *
 * - every block passage (a `p` not inside li/blockquote/figure/td/th, each `li`, `blockquote`, `figure`,
 *   `table`) gets `<section>-p<N>`: <section> is the id of the nearest heading before it (the title
 *   heading's id before the first sub-heading), N counts from 1 within that section in document order;
 * - each row of a table body gets `<table id>-r<N>`.
 * An id the author gave a passage is kept, and does not use up a number.
 */
import { getAttr, hasAncestor, isElement, setAttr, walkElements, type Element, type ParentNode } from './dom.ts';

const ALWAYS = new Set(['li', 'blockquote', 'figure', 'table']);
const P_CONTAINERS = new Set(['li', 'blockquote', 'figure', 'td', 'th']);

export function isPassage(el: Element): boolean {
  if (ALWAYS.has(el.tagName)) return true;
  return el.tagName === 'p' && !hasAncestor(el, (a) => P_CONTAINERS.has(a.tagName));
}

export function assignPassageIds(body: ParentNode, titleId: string): void {
  let section = titleId;
  const counts = new Map<string, number>();
  walkElements(body, (el) => {
    if (/^h[1-6]$/.test(el.tagName)) {
      section = getAttr(el, 'id') ?? section;
      return;
    }
    if (!isPassage(el)) return;
    let id = getAttr(el, 'id');
    if (!id) {
      const n = (counts.get(section) ?? 0) + 1;
      counts.set(section, n);
      id = `${section}-p${n}`;
      setAttr(el, 'id', id);
    }
    if (el.tagName === 'table') {
      let row = 0;
      for (const group of el.childNodes.filter(isElement)) {
        if (group.tagName !== 'tbody') continue;
        for (const tr of group.childNodes.filter(isElement)) {
          if (tr.tagName !== 'tr') continue;
          row++;
          if (!getAttr(tr, 'id')) setAttr(tr, 'id', `${id}-r${row}`);
        }
      }
    }
  });
}

/** Every id in the body, in document order. */
export function collectIds(body: ParentNode): { id: string; el: Element }[] {
  const out: { id: string; el: Element }[] = [];
  walkElements(body, (el) => {
    const id = getAttr(el, 'id');
    if (id) out.push({ id, el });
  });
  return out;
}
