/**
 * Source-level clean-up of kramdown / just-the-docs constructs that marked does not know:
 * `<style>` blocks, `<div markdown="1">` wrappers, the `1. TOC` + `{:toc}` marker, and
 * attribute lists (`{: .fs-2}`, `{: #id .no_toc}`). Heading attributes are kept as a marker
 * at the end of the heading text (`{:L42 #id .no_toc}`) that `headings.ts` reads back.
 */
import { renderInlineUnsafe } from '../markdown.ts';
import { HEADING_RE, IAL_LINE_RE, RULE_RE, TOKEN_OPEN, isBlank, isIal, isProse, token, type SourceLine } from './source.ts';

/** Raw blocks whose content is never text for the reader. */
export function dropRawBlocks(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let closing: RegExp | null = null;
  for (const l of lines) {
    if (l.code) {
      out.push(l);
      continue;
    }
    if (closing) {
      if (closing.test(l.text)) closing = null;
      continue;
    }
    const open = /^\s*<(style|script)\b/i.exec(l.text);
    if (open) {
      const close = new RegExp(`</${open[1]}\\s*>`, 'i');
      if (!close.test(l.text)) closing = close;
      out.push({ ...l, text: '' });
      continue;
    }
    out.push(l);
  }
  return out;
}

/**
 * kramdown's `<div markdown="1">` means "parse my content as Markdown": drop the wrapper tags
 * (the matching closing tag found by nesting depth) so marked sees plain Markdown.
 */
export function unwrapMarkdownBlocks(lines: SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l.code) continue;
    const m = /^\s*<(div|section|article|aside|main|details)\b[^>]*\bmarkdown\s*=\s*["']?(1|block|span)["']?[^>]*>\s*$/i.exec(l.text);
    if (!m) continue;
    const tag = m[1].toLowerCase();
    let depth = 1;
    for (let j = i + 1; j < out.length && depth > 0; j++) {
      if (out[j].code) continue;
      const opens = (out[j].text.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length;
      const closes = (out[j].text.match(new RegExp(`</${tag}\\s*>`, 'gi')) ?? []).length;
      depth += opens - closes;
      if (depth === 0) out[j].text = out[j].text.replace(new RegExp(`</${tag}\\s*>\\s*$`, 'i'), '');
      // Inside markdown="1" kramdown does not apply GFM's backslash line break: the "\" stays as text.
      else if (/(^|[^\\])(\\\\)*\\$/.test(out[j].text)) out[j].text += '\\';
    }
    l.text = '';
  }
  return out;
}

/** just-the-docs' in-page contents: a one-item list (`1. TOC`) followed by `{:toc}`. The lesson view builds its own. */
export function dropTocMarker(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const isTocIal = (x: SourceLine | undefined) => !!x && !x.code && /^\s*\{:\s*toc\s*\}\s*$/i.test(x.text);
    if (!l.code && /^\s*([-*+]|\d+[.)])\s+\S/.test(l.text) && isTocIal(lines[i + 1])) {
      out.push({ ...l, text: '' }, { ...lines[i + 1], text: '' });
      i++;
      continue;
    }
    if (isTocIal(l)) {
      out.push({ ...l, text: '' });
      continue;
    }
    out.push(l);
  }
  return out;
}

export interface Attrs {
  id: string | null;
  classes: string[];
}

/** Parse the inside of an attribute list: `.fs-2 #my-id key="v"`. */
export function parseAttrList(inner: string): Attrs {
  const attrs: Attrs = { id: null, classes: [] };
  for (const part of inner.trim().split(/\s+/)) {
    if (part.startsWith('#') && part.length > 1) attrs.id = part.slice(1);
    else if (part.startsWith('.') && part.length > 1) attrs.classes.push(part.slice(1));
  }
  return attrs;
}

/** Heading text may end with kramdown's `{#id}` or a span IAL `{: .class}`; peel them off. */
function splitHeadingAttrs(text: string): { text: string; attrs: Attrs } {
  const attrs: Attrs = { id: null, classes: [] };
  let t = text;
  for (;;) {
    const m = /\s*\{:?\s*([#.][^}]*)\}\s*$/.exec(t);
    if (!m) break;
    const a = parseAttrList(m[1]);
    attrs.id = attrs.id ?? a.id;
    attrs.classes.push(...a.classes);
    t = t.slice(0, m.index);
  }
  return { text: t, attrs };
}

function marker(line: number, attrs: Attrs): string {
  const parts = [`L${line}`];
  if (attrs.id) parts.push(`#${attrs.id}`);
  for (const c of attrs.classes) parts.push(`.${c}`);
  return ` {:${parts.join(' ')}}`;
}

/**
 * Move every heading's attributes (trailing `{#id}`, an IAL line right after or right before it) into
 * one marker at the end of the heading line, with the source line, so they survive marked.
 */
export function markHeadings(lines: SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l.code) continue;
    const atx = HEADING_RE.exec(l.text);
    // Setext: a text line underlined with === or --- (the underline must directly follow).
    const setext = !atx && !isBlank(l) && !isIal(l) && out[i + 1] && !out[i + 1].code && /^ {0,3}(=+|-+)\s*$/.test(out[i + 1].text) && !/^\s*([-*+>]|\d+[.)]|<|\|)/.test(l.text);
    if (!atx && !setext) continue;
    const prefix = atx ? l.text.slice(0, l.text.indexOf('#')) + atx[1] + ' ' : '';
    const { text, attrs } = splitHeadingAttrs(atx ? (atx[2] ?? '') : l.text);
    const after = atx ? out[i + 1] : out[i + 2];
    // An IAL line before the heading belongs to it only if it stands alone (after a paragraph it is the paragraph's).
    const before = isBlank(out[i - 2]) || i - 2 < 0 ? out[i - 1] : undefined;
    for (const ial of [after, before]) {
      if (ial && isIal(ial)) {
        const a = parseAttrList(IAL_LINE_RE.exec(ial.text)![1]);
        attrs.id = attrs.id ?? a.id;
        attrs.classes.push(...a.classes);
        ial.text = '';
      }
    }
    l.text = prefix + text + marker(l.line, attrs);
  }
  return out;
}

/** What is left: block IALs, attribute list definitions, span IALs and kramdown extensions have no meaning here. */
export function dropAttributeLists(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let inComment = false;
  for (const l of lines) {
    if (l.code) {
      out.push(l);
      continue;
    }
    let t = l.text;
    if (inComment) {
      const end = t.indexOf('{:/comment}');
      if (end < 0) {
        out.push({ ...l, text: '' });
        continue;
      }
      t = t.slice(end + '{:/comment}'.length);
      inComment = false;
    }
    t = t.replace(/\{::comment\}[\s\S]*?\{:\/comment\}/g, '');
    const open = t.indexOf('{::comment}');
    if (open >= 0) {
      t = t.slice(0, open);
      inComment = true;
    }
    if (IAL_LINE_RE.test(t) || /^\s*\{:[\w-]+:[^}]*\}\s*$/.test(t) || /^\s*\{::[^}]*\/?\}\s*$/.test(t)) {
      out.push({ ...l, text: '' });
      continue;
    }
    // Span IALs (`*word*{: .x}`), but not our heading markers (`{:L12 ...}`).
    t = t.replace(/\{:(?!L\d+[ }])(?!:)[^}\n]*\}/g, '');
    out.push({ ...l, text: t });
  }
  return out;
}

export interface RawBlock {
  html: string;
  line: number;
}

/** HTML elements that start a raw HTML block in kramdown (its list of block elements, with embeds). */
const RAW_BLOCK_TAGS = new Set([
  'table', 'iframe', 'video', 'audio', 'object', 'embed', 'figure', 'blockquote', 'p', 'ul', 'ol', 'dl', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'aside', 'article', 'center', 'details', 'div', 'header', 'footer', 'nav', 'address', 'fieldset', 'form', 'hr', 'noscript',
]);
const VOID_RAW = new Set(['embed', 'hr']);

/**
 * kramdown ends a paragraph (a list item's, a quote's lazy line) at a line that opens a block-level
 * HTML element at the margin (its LAZY_END_HTML_START), so a `<table>` right under a line of text, a
 * heading, a list item or a quote is a raw block all the same.
 */
function startsHtmlBlock(previous: SourceLine | undefined): boolean {
  if (isBlank(previous) || isIal(previous)) return true;
  if (previous!.code) return false;
  const t = previous!.text;
  return isProse(previous) || HEADING_RE.test(t) || RULE_RE.test(t) || t.startsWith(TOKEN_OPEN) || /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]|^ {0,3}>/.test(t);
}

/**
 * kramdown (with `parse_block_html` off, Jekyll's default) passes a raw HTML block through as it is,
 * up to its closing tag, blank lines and tab-indented lines included; marked would end it at the
 * first blank line and show the rest as code. So each such block is lifted out whole and put back
 * after marked, where the browser's HTML parser (parse5) reads it as the site's readers' browsers do.
 */
export function liftRawHtmlBlocks(lines: SourceLine[], raws: RawBlock[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = l.code ? null : /^ {0,3}<([A-Za-z][A-Za-z0-9]*)\b[^>]*?(\/?)>?/.exec(l.text);
    const tag = m?.[1].toLowerCase();
    if (!m || !tag || !RAW_BLOCK_TAGS.has(tag) || !startsHtmlBlock(out[out.length - 1])) {
      out.push(l);
      continue;
    }
    let end = -1;
    if (VOID_RAW.has(tag) || m[2] === '/') end = i;
    else {
      let depth = 0;
      for (let j = i; j < lines.length; j++) {
        if (lines[j].code) break;
        const t = lines[j].text;
        depth += (t.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length;
        depth -= (t.match(new RegExp(`</${tag}\\s*>`, 'gi')) ?? []).length;
        if (depth <= 0) {
          end = j;
          break;
        }
      }
    }
    if (end < 0) {
      out.push(l);
      continue;
    }
    raws.push({ html: lines.slice(i, end + 1).map((x) => x.text).join('\n'), line: l.line });
    // A blank line first: for marked too, the text above ends there (a list item, a quote, a paragraph).
    if (!isBlank(out[out.length - 1])) out.push({ ...l, text: '' });
    out.push({ ...l, text: token('html', String(raws.length - 1)) }, { ...l, text: '' });
    for (let j = i + 1; j <= end; j++) out.push({ ...lines[j], text: '' });
    i = end;
  }
  return out;
}

/** kramdown's separator lines (`|---|:-:|`, `+===+`): a table with one is left to marked's GFM tables. */
const TABLE_SEP = /^[+|: \t-]*?-[+|: \t-]*?[ \t]*$|^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const withoutCodeSpans = (t: string) => t.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
/** kramdown's TABLE_PIPE_CHECK, outside code spans: the line starts with a pipe or has an unescaped one. */
const hasPipe = (t: string) => /^\s*\||[^\\]\|/.test(withoutCodeSpans(t));

/** A row's cells as kramdown splits them: at unescaped pipes outside code spans; `\|` is a pipe. */
function splitRow(text: string, leadingPipe: boolean): string[] {
  const masked = withoutCodeSpans(text);
  const cells: string[] = [];
  let from = 0;
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === '|' && masked[i - 1] !== '\\') {
      cells.push(text.slice(from, i));
      from = i + 1;
    }
  }
  cells.push(text.slice(from));
  if (leadingPipe && cells[0].trim() === '') cells.shift();
  if (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
  return cells.map((c) => c.trim().replace(/\\\|/g, '|'));
}

/**
 * kramdown's own tables (no separator line): a block of lines that each hold a pipe, with a blank line
 * (or the page's start) before and after, is a table of plain cells (`<tbody>` only), even a single
 * line of running text ("Harbour | Island | Point, in that order."). marked knows only GFM tables (a
 * separator line under the header) and would show a paragraph with pipes. So such a block is lifted as
 * raw HTML like the tables the pages write in HTML; its cells are Markdown, rendered inline. Headings,
 * list items, quotes and HTML keep their own meaning, as they do for kramdown.
 */
export function liftPipeTables(lines: SourceLine[], raws: RawBlock[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const startsBlock = isBlank(out[out.length - 1]) || isIal(out[out.length - 1]);
    // Indented two spaces or more after a blank line, the line may still belong to a list item above.
    const first = !l.code && startsBlock && (isProse(l) || /^ ?\|/.test(l.text)) && /^ ?\S/.test(l.text) && hasPipe(l.text);
    if (!first) {
      out.push(l);
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && !lines[end + 1].code && !isBlank(lines[end + 1]) && !isIal(lines[end + 1]) && hasPipe(lines[end + 1].text)) end++;
    const block = lines.slice(i, end + 1);
    const closed = end + 1 >= lines.length || isBlank(lines[end + 1]) || isIal(lines[end + 1]);
    if (!closed || block.some((x) => TABLE_SEP.test(x.text))) {
      out.push(l);
      continue;
    }
    const leadingPipe = /^\s*\|/.test(l.text);
    const rows = block.map((x) => splitRow(x.text.replace(/[ \t]+$/, ''), leadingPipe));
    const columns = Math.max(...rows.map((r) => r.length));
    const html = [
      '<table>',
      '<tbody>',
      ...rows.map((r) => `<tr>${[...r, ...Array<string>(columns - r.length).fill('')].map((c) => `<td>${renderInlineUnsafe(c)}</td>`).join('')}</tr>`),
      '</tbody>',
      '</table>',
    ].join('\n');
    raws.push({ html, line: l.line });
    out.push({ ...l, text: token('html', String(raws.length - 1)) });
    for (let j = i + 1; j <= end; j++) out.push({ ...lines[j], text: '' });
    out.push({ ...l, text: '' });
    i = end;
  }
  return out;
}

