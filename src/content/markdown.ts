/**
 * Markdown (GFM) to safe HTML, at build time. Used for quiz prompts, options, feedback, course
 * settings, notes, figure captions and image long descriptions. Pages go through `pages.ts`, which
 * does more (ids, notes, packaged images).
 */
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { createText, detach, findAll, getAttr, insertBefore, parseHtml, serializeChildren } from './page/dom.ts';
import { sanitizeHtml } from './sanitize.ts';

// One private instance: `marked.use()` elsewhere must not change how quiz text is rendered.
const md = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Emphasis as kramdown parses it (kramdown/parser/kramdown/emphasis.rb), which differs from CommonMark
 * next to punctuation and digits: `*Journal,*14(4)` is emphasis for kramdown (and on the site), not
 * for marked. kramdown: the opening delimiter is not followed by a space, the closing one is not
 * preceded by a space, `*` cannot close at `**` (unless `***`), `_` opens only after a non-letter and
 * closes only before a non-alphanumeric. When no closer is found, marked's own rule decides.
 */
export const kramdownEmphasis: TokenizerAndRendererExtension = {
  name: 'kramdownEmphasis',
  level: 'inline',
  start(src: string) {
    const i = src.search(/[*_]/);
    return i < 0 ? undefined : i;
  },
  tokenizer(src: string, tokens: Tokens.Generic[]) {
    const m = /^(\*\*?|__?)(?![*_])/.exec(src);
    if (!m) return undefined;
    const delim = m[1];
    const type = delim[0];
    const prevRaw = tokens.length ? String(tokens[tokens.length - 1].raw ?? '') : '';
    const prev = prevRaw.slice(-1);
    if (type === '_' && /[\p{L}\p{N}-]/u.test(prev)) return undefined;
    if (/^\s/.test(src.slice(delim.length))) return undefined;
    for (let i = delim.length + 1; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '\n' && src[i + 1] === '\n') break;
      if (c === '`') {
        const run = /^`+/.exec(src.slice(i))![0];
        const close = src.indexOf(run, i + run.length);
        if (close < 0) break;
        i = close + run.length - 1;
        continue;
      }
      if (c === '<') {
        // Raw inline HTML (a <sup> marker, a tag with attributes) is not text: skip it whole.
        const tag = /^<\/?[A-Za-z][^<>]*>/.exec(src.slice(i));
        if (tag) i += tag[0].length - 1;
        continue;
      }
      if (c !== type) continue;
      const run = new RegExp(`^\\${type}+`).exec(src.slice(i))![0];
      const closes = src.startsWith(delim, i) && !/\s/.test(src[i - 1]) && (delim.length === 2 || run.length !== 2) && !(type === '_' && /[\p{L}\p{N}]/u.test(src[i + delim.length] ?? ''));
      if (!closes) {
        i += run.length - 1;
        continue;
      }
      const text = src.slice(delim.length, i);
      const kind = delim.length === 2 ? 'strong' : 'em';
      return { type: kind, raw: src.slice(0, i + delim.length), text, tokens: this.lexer.inlineTokens(text) } as Tokens.Generic;
    }
    return undefined;
  },
};

// Pages, and the short texts that come from pages (notes, captions): the site renders them with kramdown.
const pageMd = new Marked({ gfm: true, breaks: false, async: false }).use({ extensions: [kramdownEmphasis] });

export interface MarkdownOptions {
  /** Inline only (no <p>): for quiz prompts, options and other short phrases. */
  inline?: boolean;
  /** Text from a page (a note, a caption): rendered as the site (kramdown) renders it. */
  page?: boolean;
}

/** Render Markdown with marked (GFM) and reduce the result to the sanitiser's allow-list. */
export function markdownToSafeHtml(source: string, opts: MarkdownOptions = {}): string {
  const text = source.replace(/\r\n?/g, '\n');
  const m = opts.page ? pageMd : md;
  const html = opts.inline ? (m.parseInline(text.trim(), { async: false }) as string) : (m.parse(text, { async: false }) as string);
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

/** Render one line of page Markdown as inline HTML (a table cell), without sanitising; callers sanitise. */
export function renderInlineUnsafe(source: string): string {
  return pageMd.parseInline(source, { async: false }) as string;
}

/** Render Markdown without sanitising; callers must sanitise the result themselves. */
export function renderMarkdownUnsafe(source: string): string {
  return pageMd.parse(source.replace(/\r\n?/g, '\n'), { async: false }) as string;
}
