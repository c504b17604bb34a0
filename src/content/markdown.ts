/**
 * Markdown (GFM) to safe HTML, at build time. Used for quiz prompts, options, feedback, course
 * settings and image long descriptions. Pages go through `pages.ts`, which does more (ids, notes).
 */
import { Marked } from 'marked';
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
  return sanitizeHtml(html).trim();
}

/** Render Markdown without sanitising; callers must sanitise the result themselves. */
export function renderMarkdownUnsafe(source: string): string {
  return md.parse(source.replace(/\r\n?/g, '\n'), { async: false }) as string;
}
