/**
 * Markdown (GFM) to safe HTML, at build time. Used for quiz prompts, options, feedback, course
 * settings, notes, figure captions and image long descriptions. Pages go through `pages.ts`, which
 * does more (ids, notes, packaged images).
 */
import { Marked } from 'marked';
import { createText, detach, findAll, getAttr, insertBefore, parseHtml, serializeChildren } from './page/dom.ts';
import { sanitizeHtml } from './sanitize.ts';

// One private instance: `marked.use()` elsewhere must not change how quiz text is rendered.
const md = new Marked({ gfm: true, breaks: false, async: false });

export interface MarkdownOptions {
  /** Inline only (no <p>): for quiz prompts, options and other short phrases. */
  inline?: boolean;
}

/** Render Markdown with marked (GFM) and reduce the result to the sanitiser's allow-list. */
export function markdownToSafeHtml(source: string, opts: MarkdownOptions = {}): string {
  const text = source.replace(/\r\n?/g, '\n');
  const html = opts.inline ? (md.parseInline(text.trim(), { async: false }) as string) : (md.parse(text, { async: false }) as string);
  return withoutImages(sanitizeHtml(html)).trim();
}

/**
 * Images in these short texts are never packaged (only a page's own images are copied into
 * `assets/`), so an <img> would point at a file that is not in the course: a broken picture and a
 * request outside the package. The reader gets its text alternative instead.
 */
function withoutImages(html: string): string {
  if (!/<img\b/i.test(html)) return html;
  const tree = parseHtml(html);
  for (const img of findAll(tree, (el) => el.tagName === 'img')) {
    const alt = getAttr(img, 'alt')?.trim();
    if (alt && img.parentNode) insertBefore(img.parentNode, createText(alt), img);
    detach(img);
  }
  return serializeChildren(tree);
}

/** Render Markdown without sanitising; callers must sanitise the result themselves. */
export function renderMarkdownUnsafe(source: string): string {
  return md.parse(source.replace(/\r\n?/g, '\n'), { async: false }) as string;
}
