/**
 * Embedded players and documents (`<iframe>`, `<embed>`, `<object>`, `<video>`, `<audio>`) would
 * load from the network inside the LMS, which the course never does. Each is replaced by a short
 * notice that says what the page embeds (its title, else its address), so nothing is lost silently.
 */
import { createElement, createText, detach, findAll, getAttr, hasAncestor, insertBefore, isElement, isText, type Element, type ParentNode } from './dom.ts';
import type { PageReport } from './source.ts';

const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);

/** The notice's words (the differential test expects exactly these in place of an embed). */
export function embedNoticeText(title: string | null, src: string): string {
  const what = title?.trim() ? `“${title.trim()}”` : src.trim() ? src.trim() : 'content from another website';
  const where = title?.trim() && src.trim() ? ` (${src.trim()})` : '';
  return `Embedded content not shown in this course: ${what}${where}.`;
}

/** Before sanitising (which would drop the embed without a word). */
export function replaceEmbeds(body: ParentNode, report: PageReport, lineOf: (src: string) => number | null): void {
  for (const el of findAll(body, (e) => EMBEDS.has(e.tagName))) {
    if (!el.parentNode) continue;
    // An embed inside another embed (a <video> inside <object>) goes with its outer one.
    if (hasAncestor(el, (a) => EMBEDS.has(a.tagName))) continue;
    const src = getAttr(el, 'src') ?? getAttr(el, 'data') ?? findAll(el, (e) => e.tagName === 'source').map((s) => getAttr(s, 'src'))[0] ?? '';
    const text = embedNoticeText(getAttr(el, 'title'), src);
    report.warn(lineOf(src), `The embedded ${el.tagName} ${src || ''} cannot play in the course (no network); the lesson shows a notice instead: "${text}"`.replace(/\s+/g, ' '));
    const notice = createElement('p', { class: 'embed-notice' }, [createText(text)]);
    const parent = el.parentNode;
    const inP = isElement(parent as Element) && (parent as Element).tagName === 'p';
    // An embed alone in a paragraph: the notice replaces the paragraph (no empty <p> around a <p>).
    if (inP && parent.childNodes.every((c) => c === el || (isText(c) && !c.value.trim()))) {
      insertBefore((parent as Element).parentNode!, notice, parent as Element);
      detach(parent as Element);
    } else if (inP) {
      insertBefore(parent, createElement('span', { class: 'embed-notice' }, [createText(text)]), el);
      detach(el);
    } else {
      insertBefore(parent, notice, el);
      detach(el);
    }
  }
}
