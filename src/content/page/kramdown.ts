/**
 * Source-level clean-up of kramdown / just-the-docs constructs that marked does not know:
 * `<style>` blocks, `<div markdown="1">` wrappers, the `1. TOC` + `{:toc}` marker, and
 * attribute lists (`{: .fs-2}`, `{: #id .no_toc}`). Heading attributes are kept as a marker
 * at the end of the heading text (`{:L42 #id .no_toc}`) that `headings.ts` reads back.
 */
import { HEADING_RE, IAL_LINE_RE, isBlank, isIal, type SourceLine } from './source.ts';

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
