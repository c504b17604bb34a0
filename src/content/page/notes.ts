/**
 * Notes. The source site writes footnotes by hand: a `<sup>N</sup>` marker in the text and the note
 * in a small-print block between two rules, placed wherever the page break of the PDF fell, often
 * in the middle of a sentence:
 *
 *     ... exit process. Among the
 *
 *     ***
 *     <sup>2</sup> TIP: Office to Monitor ...
 *     {: .fs-2}
 *     ***
 *
 *     latter, some focus only on ...
 *
 * We lift such blocks out, rejoin the paragraph around them, and collect the notes; real kramdown
 * footnotes (`[^1]` and `[^1]: text`) join the same list. The lesson view renders the notes in an
 * aside with DPUB-ARIA roles (https://www.w3.org/TR/dpub-aria-1.1/#doc-noteref).
 */
import type { Footnote } from '../../course/types.ts';
import { markdownToSafeHtml } from '../markdown.ts';
import {
  createElement,
  createText,
  insertBefore,
  detach,
  isElement,
  isText,
  textContent,
  type Element,
  type ParentNode,
  type ChildNode,
} from './dom.ts';
import {
  HEADING_RE,
  TOKEN_OPEN,
  TOKEN_RE,
  endsSentence,
  isBlank,
  isIal,
  isProse,
  isRule,
  startsLowercase,
  token,
  type PageReport,
  type SourceLine,
} from './source.ts';

export interface NoteSource {
  label: string;
  /** Markdown of the note. */
  text: string;
  line: number;
  /** `[^name]` notes: referenced by name in the text, shown with `label`. */
  name?: string;
  /**
   * The end of a note whose start (and marker) is on an earlier page: text at the top of a note block
   * with no marker of its own. Never warned about as a note without a marker.
   */
  continued?: boolean;
}

const NOTE_START = /^\s*<sup>\s*([^<\s]{1,12})\s*<\/sup>\s*(.*)$/i;
const isNoteStart = (l: SourceLine | undefined) => !!l && !l.code && NOTE_START.test(l.text);

/**
 * The punctuation some pages put between a note's marker and its text ("<sup>1</sup>. Letter",
 * "<sup>2</sup>: Minutes", "<sup>3</sup>) Letters", "<sup>4</sup> - Report"): the note list shows the
 * number apart, so the separator would start the note with a stray mark.
 */
export function noteText(text: string): string {
  return text.replace(/^(?:[.:;,)\]]+|[-\u2013\u2014](?=\s))\s*/u, '');
}

/**
 * A note line whose marker was damaged on its way from the PDF: `<sup>12sup>`, `<sup>12 text`,
 * `12</sup> text`. The label is recovered; the caller warns (file:line) and keeps it as its own note.
 */
const MALFORMED_NOTE = /^\s*(?:<sup>\s*(\d{1,3})(?!\s*<\/sup>)\s*(?:<?\/?(?:sup|su|up|p)?>)?|<?\/?s?u?p?>?\s*(\d{1,3})\s*<\/sup>)\s*(.*)$/i;
function malformedNote(l: SourceLine | undefined, previous?: NoteSource | null): { label: string; text: string } | null {
  if (!l || l.code || NOTE_START.test(l.text)) return null;
  const m = MALFORMED_NOTE.exec(l.text);
  if (m) return { label: m[1] ?? m[2], text: m[3] };
  // A note line that lost its <sup> altogether: the next number after the previous note's.
  const lost = previous ? /^\s*(\d{1,3})[\s.)]+(\S.*)$/.exec(l.text) : null;
  if (lost && /^\d+$/.test(previous!.label) && Number(lost[1]) === Number(previous!.label) + 1) return { label: lost[1], text: lost[2] };
  return null;
}

function warnMalformed(report: PageReport | undefined, l: SourceLine, label: string): void {
  report?.warn(
    l.line,
    `This note line's marker is malformed ("${l.text.trim().slice(0, 24)}..."): it should start with <sup>${label}</sup>. It is shown as note ${label}; correct the marker in the page.`,
  );
}

/** Headings of a closing notes section ("ENDNOTES", "Notes", "References"). */
const NOTES_HEADING = /^(end\s*notes|notes|foot\s*notes|references|notes and references)\s*:?$/i;

/**
 * An endnotes section: a heading such as "ENDNOTES" followed (with or without a blank line) by lines
 * that each start with `<sup>N</sup>`, or a page made only of such lines. The notes join the page's
 * notes, all presented alike (the first one too); the section heading goes unless it is the page's
 * title (an ENDNOTES page keeps its title). A line that lost its marker is warned about, never merged.
 */
export function extractNoteSections(lines: SourceLine[], notes: NoteSource[], title: string, report?: PageReport): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  const squash = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
  const nextContent = (from: number) => {
    let j = from;
    while (j < out.length && (isBlank(out[j]) || isIal(out[j]))) j++;
    return j;
  };
  const startsNotes = (l: SourceLine | undefined) => isNoteStart(l) || malformedNote(l) !== null;
  let i = 0;
  // A page made only of note lines (after its title heading): it is all one notes section.
  const first = nextContent(0);
  const firstIsHeading = first < out.length && HEADING_RE.test(out[first].text) && !out[first].code;
  const bodyStart = firstIsHeading ? nextContent(first + 1) : first;
  const paragraphsAreNotes = (() => {
    let sawNote = false;
    for (let j = bodyStart; j < out.length; j++) {
      if (isBlank(out[j]) || isIal(out[j]) || out[j].code) continue;
      const paraStart = j === bodyStart || isBlank(out[j - 1]) || HEADING_RE.test(out[j - 1].text);
      if (paraStart && !startsNotes(out[j])) return false;
      if (paraStart) sawNote = true;
    }
    return sawNote;
  })();
  for (; i < out.length; i++) {
    const l = out[i];
    if (l.code) continue;
    const h = HEADING_RE.exec(l.text);
    let start = -1;
    if (h && NOTES_HEADING.test((h[2] ?? '').replace(/\s*\{[^}]*\}\s*$/, '').trim()) && startsNotes(out[nextContent(i + 1)])) {
      start = nextContent(i + 1);
      if (squash(h[2] ?? '') !== squash(title)) l.text = '';
    } else if (paragraphsAreNotes && i === bodyStart) start = i;
    if (start < 0) continue;
    let j = start;
    let current: NoteSource | null = null;
    for (; j < out.length; j++) {
      const x = out[j];
      if (x.code || HEADING_RE.test(x.text) || isRule(x)) break;
      const m = NOTE_START.exec(x.text);
      const bad = m ? null : malformedNote(x);
      if (m || bad) {
        if (bad) warnMalformed(report, x, bad.label);
        current = { label: m ? m[1] : bad!.label, text: noteText(m ? m[2] : bad!.text), line: x.line };
        notes.push(current);
        x.text = '';
      } else if (isBlank(x) || isIal(x)) {
        x.text = '';
      } else if (current && malformedNote(x, current)) {
        const lost: { label: string; text: string } = malformedNote(x, current)!;
        warnMalformed(report, x, lost.label);
        current = { label: lost.label, text: noteText(lost.text), line: x.line };
        notes.push(current);
        x.text = '';
      } else if (current && !isBlank(lines[j - 1])) {
        current.text += '\n' + x.text;
        x.text = '';
      } else break;
    }
    i = j - 1;
  }
  return out;
}

/** Where unmarked text at `start` ends when it is the top of a note block (a marked note or the small print follows), else -1. */
function tailEnd(lines: SourceLine[], start: number): number {
  let j = start;
  while (j < lines.length && isProse(lines[j]) && !isNoteStart(lines[j])) j++;
  if (j === start) return -1;
  let k = j;
  while (isIal(lines[k])) k++;
  const smallPrintClosed = k > j && (isRule(lines[k]) || isBlank(lines[k]));
  return isNoteStart(lines[j]) || smallPrintClosed ? j : -1;
}

/**
 * Unmarked text at the top of a note block (from `start`, right after the opening rule). Returns where
 * the block's marked notes start and the note the text belongs to (null when it was joined to a note
 * already found earlier on this page), or null when this is not a note block at all.
 *
 * - "29 Text" followed by <sup>30</sup>: note 29 that lost its <sup>, a note of its own (warned).
 * - Text followed by <sup>N</sup>: the end of note N-1. Joined to note N-1 when that note is earlier on
 *   this page, else listed as note N-1, continued ("…" before the text), for its start is on an earlier
 *   page. Without a number to go by (N is 1, note N-1 is further down the page, or no marked note
 *   follows but the small print and the closing rule do), the end of the last note earlier on this
 *   page, else a note labelled "cont.".
 */
function continuedNote(lines: SourceLine[], start: number, notes: NoteSource[], report?: PageReport): { next: number; note: NoteSource | null } | null {
  const j = tailEnd(lines, start);
  if (j < 0) return null;
  const text = lines
    .slice(start, j)
    .map((l) => l.text.trim())
    .join('\n');
  const first = lines[start];
  const nextLabel = isNoteStart(lines[j]) ? NOTE_START.exec(lines[j].text)![1] : null;
  const n = nextLabel && /^\d+$/.test(nextLabel) ? Number(nextLabel) : null;
  const lost = /^\s*(\d{1,3})[\s.)]+(\S.*)$/.exec(first.text);
  if (lost && n !== null && Number(lost[1]) === n - 1) {
    warnMalformed(report, first, lost[1]);
    return { next: j, note: { label: lost[1], text: noteText(text.replace(/^\s*\d{1,3}[\s.)]+/, '')), line: first.line } };
  }
  const earlier = notes.filter((x) => !x.name && x.line < first.line).sort((a, b) => a.line - b.line);
  // Note N-1 further down the page (notes out of order, an endnotes section) cannot end here: no number to go by then.
  const later = (label: string) => notes.some((x) => x.label === label && x.line > first.line) || lines.slice(j).some((x) => isNoteStart(x) && NOTE_START.exec(x.text)![1] === label);
  const previous = n !== null && n > 1 && !later(String(n - 1)) ? String(n - 1) : null;
  const target = previous ? earlier.find((x) => x.label === previous) : earlier[earlier.length - 1];
  const quoted = `"${text.replace(/\s+/g, ' ').slice(0, 40)}..."`;
  if (target) {
    target.text += '\n' + text;
    report?.warn(first.line, `This note block starts with text that has no <sup> marker (${quoted}): it is taken as the end of note ${target.label}, above on this page, and joined to it. If it is a note of its own, start it with its marker.`);
    return { next: j, note: null };
  }
  const label = previous ?? 'cont.';
  report?.warn(
    first.line,
    `This note block starts with text that has no <sup> marker (${quoted}): it is taken as the end of ${label === 'cont.' ? 'a note' : `note ${label}`} that starts on an earlier page, and listed as note ${label}, continued. If it is a note of its own, start it with its marker.`,
  );
  return { next: j, note: { label, text: `…${text}`, line: first.line, continued: true } };
}

/** Scan a note block from `start` (a rule or a note line); returns the index after it, or -1 if it is not one. */
function scanNoteBlock(lines: SourceLine[], start: number, notes: NoteSource[], report?: PageReport): number {
  let i = start;
  const opened = isRule(lines[i]);
  if (opened) {
    i++;
    while (isBlank(lines[i]) && i < lines.length) i++;
  }
  const found: NoteSource[] = [];
  if (!isNoteStart(lines[i])) {
    // Text with no marker at the top of a block between rules: the end of an earlier note, or a note
    // that lost its <sup> (issue 24). Only a block opened by a rule, whose text goes on into a marked
    // note or ends in the small print and a closing rule, is taken for notes.
    const tail = opened ? continuedNote(lines, i, notes, report) : null;
    if (!tail) return -1;
    i = tail.next;
    if (tail.note) found.push(tail.note);
  }
  let closed = false;
  let sawIal = false;
  while (i < lines.length) {
    const l = lines[i];
    if (isNoteStart(l)) {
      const m = NOTE_START.exec(l.text)!;
      found.push({ label: m[1], text: noteText(m[2]), line: l.line });
    } else if (isIal(l)) {
      sawIal = true;
    } else if (isRule(l)) {
      // A rule closes the block, unless another note follows it (two notes sharing a rule).
      let j = i + 1;
      while (isBlank(lines[j]) && j < lines.length) j++;
      if (isNoteStart(lines[j])) {
        i = j;
        continue;
      }
      // The rule opens the next block, which starts with the end of a note: it is that block's.
      if (j === i + 1 && tailEnd(lines, j) >= 0) {
        closed = true;
        break;
      }
      closed = true;
      i++;
      break;
    } else if (isBlank(l)) {
      let j = i + 1;
      while (isBlank(lines[j]) && j < lines.length) j++;
      if (!isNoteStart(lines[j]) && !isRule(lines[j]) && !isIal(lines[j])) break;
    } else if (found.length > 0 && malformedNote(l, found[found.length - 1])) {
      const bad = malformedNote(l, found[found.length - 1])!;
      warnMalformed(report, l, bad.label);
      found.push({ label: bad.label, text: noteText(bad.text), line: l.line });
    } else if (isProse(l) && found.length > 0 && !isBlank(lines[i - 1])) {
      found[found.length - 1].text += '\n' + l.text.trim();
    } else {
      break;
    }
    i++;
  }
  // Without rules, only the small-print form (`{: .fs-2}` after the note) tells a note from text.
  if (!opened && !closed && !sawIal) return -1;
  notes.push(...found);
  return i;
}

/** Lift note blocks out of the text, rejoining a paragraph that a block interrupted mid-sentence. */
export function extractNoteBlocks(lines: SourceLine[], notes: NoteSource[], report?: PageReport): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const startsBlock = !l.code && (isRule(l) || (isNoteStart(l) && isBlank(lines[i - 1])));
    const end = startsBlock ? scanNoteBlock(lines, i, notes, report) : -1;
    if (end < 0) {
      out.push(l);
      continue;
    }
    // Last kept non-blank line before the block, first non-blank line after it.
    let b = out.length - 1;
    while (b >= 0 && isBlank(out[b])) b--;
    let a = end;
    while (a < lines.length && isBlank(lines[a])) a++;
    const before = out[b];
    const after = lines[a];
    if (isProse(before) && isProse(after) && (!endsSentence(before.text) || startsLowercase(after.text))) {
      out.length = b + 1;
      out[b] = { ...before, text: `${before.text} ${after.text.trimStart()}` };
      i = a;
    } else {
      out.push({ ...l, text: '' });
      i = end - 1;
    }
  }
  return out;
}

/** kramdown footnotes: definitions `[^name]: text` (with indented continuation lines) and references `[^name]`. */
export function extractKramdownFootnotes(lines: SourceLine[], notes: NoteSource[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const def = l.code ? null : /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/.exec(l.text);
    if (!def) {
      out.push(l);
      continue;
    }
    let text = def[2].trim();
    let j = i + 1;
    for (; j < lines.length; j++) {
      const c = lines[j];
      if (c.code) break;
      if (isBlank(c)) {
        if (/^( {2,}|\t)\S/.test(lines[j + 1]?.text ?? '')) continue;
        break;
      }
      if (/^ {0,3}\[\^[^\]\s]+\]:/.test(c.text) || !(/^( {2,}|\t)/.test(c.text) || isProse(c))) break;
      text += ' ' + c.text.trim();
    }
    notes.push({ label: '', name: def[1], text, line: l.line });
    out.push({ ...l, text: '' });
    i = j - 1;
  }
  // References: replaced by a token the tree step turns into a link.
  // Not inside inline code: `[^1]` there is an example, not a reference.
  const REF = /(`+)[^`]*?\1|\[\^([^\]\s]+)\](?!:)/g;
  return out.map((l) => (l.code ? l : { ...l, text: l.text.replace(REF, (m, _tick, name?: string) => (name ? token('fn', name) : m)) }));
}

/**
 * Give `[^name]` notes a visible label the way kramdown numbers them: in order of first reference,
 * numeric names keep their number, others take the next free one.
 */
export function labelNamedNotes(notes: NoteSource[], referenceOrder: string[], report: PageReport): void {
  const labels = new Set<string>();
  const names = new Set<string>();
  for (const n of notes) {
    const key = n.name ?? n.label;
    const seen = n.name ? names : labels;
    if (seen.has(key)) {
      const written = n.name ? `[^${n.name}]` : `<sup>${n.label}</sup>`;
      report.error(n.line, `There are two notes ${written} on this page. Give each note its own number.`);
    }
    seen.add(key);
  }
  const named = notes.filter((n) => n.name);
  const order = [...new Set(referenceOrder)];
  named.sort((x, y) => rank(order, x.name!) - rank(order, y.name!));
  let next = Math.max(0, ...[...labels].map(Number).filter(Number.isFinite)) + 1;
  for (const n of named) {
    if (/^\d+$/.test(n.name!) && !labels.has(n.name!)) n.label = n.name!;
    else {
      while (labels.has(String(next))) next++;
      n.label = String(next);
    }
    labels.add(n.label);
  }
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** A note with no marker on its own page (its marker may be on another page). */
export interface UnreferencedNote {
  id: string;
  label: string;
  line: number;
}

const idPart = (label: string) => label.replace(/[^A-Za-z0-9_-]/g, '-');

function refElement(label: string, id: string): Element {
  const a = createElement('a', { id, href: `#fn-${idPart(label)}`, role: 'doc-noteref', 'aria-label': `Note ${label}` }, [createText(label)]);
  return createElement('sup', { class: 'fnref' }, [a]);
}

/**
 * Replace the markers in the (sanitised) body by links to the notes and build the note list.
 * A `<sup>` counts as a marker only when its whole text is the label of a note on this page.
 */
export function linkNotes(body: ParentNode, notes: NoteSource[], report: PageReport, unreferenced?: UnreferencedNote[]): Footnote[] {
  const byLabel = new Map(notes.filter((n) => !n.name).map((n) => [n.label, n]));
  const byName = new Map(notes.filter((n) => n.name).map((n) => [n.name!, n]));
  const refs = new Map<NoteSource, string[]>();
  const addRef = (n: NoteSource): string => {
    const list = refs.get(n) ?? [];
    const id = `fnref-${idPart(n.label)}${list.length ? `-${list.length + 1}` : ''}`;
    list.push(id);
    refs.set(n, list);
    return id;
  };

  // Document order matters for the -2, -3 suffixes, so one walk handles both kinds of marker.
  const visit = (parent: ParentNode) => {
    for (const child of [...parent.childNodes]) {
      if (isElement(child)) {
        const label = textContent(child).trim();
        const note = child.tagName === 'sup' && child.childNodes.every(isText) ? byLabel.get(label) : undefined;
        if (note) {
          insertBefore(parent, refElement(note.label, addRef(note)), child);
          detach(child);
        } else visit(child);
      } else if (isText(child) && child.value.includes(TOKEN_OPEN)) {
        splitTokens(parent, child, (kind, value) => {
          if (kind !== 'fn') return null;
          const n = byName.get(value);
          if (!n) return createText(`[^${value}]`);
          return refElement(n.label, addRef(n));
        });
      }
    }
  };
  visit(body);

  const footnotes: Footnote[] = [];
  // A continued note without a number ("cont.") ends a note from before this page: it comes first.
  const rankOf = (n: NoteSource) => (/^\d+$/.test(n.label) ? Number(n.label) : n.continued ? -1 : Number.NaN);
  const ordered = [...notes].sort((x, y) => rankOf(x) - rankOf(y) || x.line - y.line);
  for (const n of ordered) {
    const refIds = refs.get(n) ?? [];
    // A named note ([^x]) can only be referenced on its own page; a numbered one may have its marker on
    // another page of the review, so pages.ts warns about those once every page is linked.
    if (refIds.length === 0 && n.name) {
      report.warn(n.line, `Note ${n.label} has no marker ([^${n.name}]) in the text; it is listed with the other notes.`);
    }
    if (refIds.length === 0 && !n.name && !n.continued) unreferenced?.push({ id: `fn-${idPart(n.label)}`, label: n.label, line: n.line });
    if (!n.text.trim()) report.warn(n.line, `Note ${n.label} has no text: it is listed with its number only. Write the note after its marker, or remove the marker if it is not a note.`);
    footnotes.push({
      label: n.label,
      id: `fn-${idPart(n.label)}`,
      refId: refIds[0] ?? null,
      html: markdownToSafeHtml(n.text, { inline: true, page: true }),
    });
  }
  return footnotes;
}

/** Split a text node at tokens; `make` returns the node for a token (or null to leave it for a later step). */
export function splitTokens(parent: ParentNode, text: ChildNode & { value: string }, make: (kind: string, value: string) => ChildNode | null): void {
  const parts: ChildNode[] = [];
  let last = 0;
  let changed = false;
  for (const m of text.value.matchAll(TOKEN_RE)) {
    const node = make(m[1], m[2]);
    if (!node) continue;
    changed = true;
    if (m.index! > last) parts.push(createText(text.value.slice(last, m.index)));
    parts.push(node);
    last = m.index! + m[0].length;
  }
  if (!changed) return;
  if (last < text.value.length) parts.push(createText(text.value.slice(last)));
  for (const p of parts) insertBefore(parent, p, text);
  detach(text);
}

/** Names of `[^name]` references in document order (for kramdown-style numbering). */
export function referenceOrder(lines: SourceLine[]): string[] {
  const names: string[] = [];
  for (const l of lines) for (const m of l.text.matchAll(TOKEN_RE)) if (m[1] === 'fn') names.push(m[2]);
  return names;
}

/** References to notes that do not exist: the author meant a note and forgot to write it. */
export function checkDanglingReferences(lines: SourceLine[], notes: NoteSource[], report: PageReport): void {
  const names = new Set(notes.filter((n) => n.name).map((n) => n.name));
  for (const l of lines) {
    for (const m of l.text.matchAll(TOKEN_RE)) {
      if (m[1] === 'fn' && !names.has(m[2])) {
        report.error(l.line, `The note reference [^${m[2]}] has no note text. Add a line "[^${m[2]}]: ..." at the end of the page.`);
      }
    }
  }
}
