/**
 * Build time: sentence ids inside a lesson's passages, and verbatim quotes, so a quiz question can
 * point at the exact words that answer it (`source: discussion-p4-s7`, or a passage with a `quote`).
 *
 * Computed from the compiled lesson HTML (never from the Markdown), so the words the build checks are
 * the words the learner sees. The text of a passage is its text nodes joined, white space collapsed,
 * with note markers (`sup.fnref`) and visually hidden helper text left out: the lesson view's
 * highlighter (src/components/lesson-view/highlight.ts) reads the page the same way.
 *
 * Sentence ids: `<passage id>-s<N>`, N counting from 1 in the passage. They are stable while the
 * passage's text stays the same. Figures and whole tables are not split (their rows `<table>-r<N>` are).
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { Lesson } from '../course/types.ts';

export interface Sentence {
  /** `<passage>-s<N>` */
  id: string;
  passage: string;
  /** The sentence's words, white space collapsed. */
  text: string;
  /** Offset of the sentence in the passage text. */
  start: number;
}

export interface PassageText {
  id: string;
  tag: string;
  /** Passage text, white space collapsed (what quotes are searched in). */
  text: string;
  sentences: Sentence[];
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(['al', 'e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'no', 'p', 'pp', 'fig', 'vol', 'ed', 'eds', 'u.s', 'st']);
/** A number after these is a label ("Figure 2."), not the end of a sentence. */
const LABELS = /\b(figure|fig|table|note|chapter|section)\s+\d+$/i;

/** Passages split into sentences; a figure or table holds other passages (its rows), so it is not. */
const SPLIT = new Set(['p', 'li', 'blockquote', 'tr', 'dd', 'dt']);

/** Text of an element as the learner reads it, white space collapsed (see the module comment). */
export function passageText(el: T.Element): string {
  const parts: string[] = [];
  const walk = (node: T.Node): void => {
    if (node.nodeName === '#text') {
      parts.push((node as T.TextNode).value);
      return;
    }
    if ('tagName' in node && skipped(node)) return;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return normalizeSpace(parts.join(''));
}

function skipped(el: T.Element): boolean {
  const cls = (el.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
  return cls.includes('visually-hidden') || (el.tagName === 'sup' && cls.includes('fnref'));
}

export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Curly quotes and dashes read as their plain forms, so an author may type either (one character for one). */
export function foldTypography(s: string): string {
  return s.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑‒–]/g, '-');
}

/** Split a passage's text into sentences: after . ? ! (and closing quotes or brackets) before a capital, digit or quote. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = /[.?!]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(start, m.index);
    const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (m[0].startsWith('.') && m[0].length === 1) {
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || LABELS.test(before)) continue;
    }
    out.push({ text: text.slice(start, end).trim(), start });
    start = end;
    while (text[start] === ' ') start++;
  }
  if (start < text.length) out.push({ text: text.slice(start).trim(), start });
  return out.filter((s) => s.text !== '');
}

/** Every passage of a lesson with its text and sentences, in document order. */
export function lessonPassages(lesson: Lesson): PassageText[] {
  const wanted = new Set(lesson.passageIds);
  const out: PassageText[] = [];
  const walk = (node: T.Node): void => {
    if ('tagName' in node) {
      const id = node.attrs.find((a) => a.name === 'id')?.value;
      if (id && wanted.has(id) && id !== lesson.headingId && !id.startsWith('fnref-')) {
        const text = passageText(node);
        const sentences =
          !SPLIT.has(node.tagName)
            ? []
            : splitSentences(text).map((s, i) => ({ id: `${id}-s${i + 1}`, passage: id, text: s.text, start: s.start }));
        out.push({ id, tag: node.tagName, text, sentences });
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseFragment(lesson.html));
  return out;
}

export interface QuoteMatch {
  /** The passage's own words (its spelling of quotes and dashes), to highlight. */
  text: string;
  start: number;
}

/** Where `quote` occurs word for word in `text` (white space and quote style aside), or null. */
export function findQuote(text: string, quote: string): QuoteMatch | null {
  const q = foldTypography(normalizeSpace(quote));
  if (q === '') return null;
  const at = foldTypography(text).indexOf(q);
  return at < 0 ? null : { text: text.slice(at, at + q.length), start: at };
}

/** Sentence lookup per lesson, cached: lessons are immutable once compiled. */
const cache = new WeakMap<Lesson, { passages: Map<string, PassageText>; sentences: Map<string, Sentence> }>();

export function lessonIndex(lesson: Lesson): { passages: Map<string, PassageText>; sentences: Map<string, Sentence> } {
  let hit = cache.get(lesson);
  if (!hit) {
    const list = lessonPassages(lesson);
    hit = {
      passages: new Map(list.map((p) => [p.id, p])),
      sentences: new Map(list.flatMap((p) => p.sentences.map((s) => [s.id, s] as const))),
    };
    cache.set(lesson, hit);
  }
  return hit;
}
