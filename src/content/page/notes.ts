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
}

const NOTE_START = /^\s*<sup>\s*([^<\s]{1,12})\s*<\/sup>\s*(.*)$/i;
const isNoteStart = (l: SourceLine | undefined) => !!l && !l.code && NOTE_START.test(l.text);

/** Scan a note block from `start` (a rule or a note line); returns the index after it, or -1 if it is not one. */
function scanNoteBlock(lines: SourceLine[], start: number, notes: NoteSource[]): number {
  let i = start;
  const opened = isRule(lines[i]);
  if (opened) {
    i++;
    while (isBlank(lines[i]) && i < lines.length) i++;
  }
  if (!isNoteStart(lines[i])) return -1;
  const found: NoteSource[] = [];
  let closed = false;
  let sawIal = false;
  while (i < lines.length) {
    const l = lines[i];
    if (isNoteStart(l)) {
      const m = NOTE_START.exec(l.text)!;
      found.push({ label: m[1], text: m[2], line: l.line });
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
      closed = true;
      i++;
      break;
    } else if (isBlank(l)) {
      let j = i + 1;
      while (isBlank(lines[j]) && j < lines.length) j++;
      if (!isNoteStart(lines[j]) && !isRule(lines[j]) && !isIal(lines[j])) break;
    } else if (isProse(l) && found.length > 0 && !isBlank(lines[i - 1])) {
      found[found.length - 1].text += ' ' + l.text.trim();
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
export function extractNoteBlocks(lines: SourceLine[], notes: NoteSource[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const startsBlock = !l.code && (isRule(l) || (isNoteStart(l) && isBlank(lines[i - 1])));
    const end = startsBlock ? scanNoteBlock(lines, i, notes) : -1;
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
      out[b] = { ...before, text: `${before.text} ${after.text.trim()}` };
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

const idPart = (label: string) => label.replace(/[^A-Za-z0-9_-]/g, '-');

function refElement(label: string, id: string): Element {
  const a = createElement('a', { id, href: `#fn-${idPart(label)}`, role: 'doc-noteref', 'aria-label': `Note ${label}` }, [createText(label)]);
  return createElement('sup', { class: 'fnref' }, [a]);
}

/**
 * Replace the markers in the (sanitised) body by links to the notes and build the note list.
 * A `<sup>` counts as a marker only when its whole text is the label of a note on this page.
 */
export function linkNotes(body: ParentNode, notes: NoteSource[], report: PageReport): Footnote[] {
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
  const ordered = [...notes].sort((x, y) => Number(x.label) - Number(y.label) || x.line - y.line);
  for (const n of ordered) {
    const refIds = refs.get(n) ?? [];
    if (refIds.length === 0) {
      const marker = n.name ? `[^${n.name}]` : `<sup>${n.label}</sup>`;
      report.warn(n.line, `Note ${n.label} has no marker (${marker}) in the text; it is listed with the other notes.`);
    }
    footnotes.push({
      label: n.label,
      id: `fn-${idPart(n.label)}`,
      refId: refIds[0] ?? null,
      html: markdownToSafeHtml(n.text, { inline: true }),
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
