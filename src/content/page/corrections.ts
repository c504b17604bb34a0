/**
 * Editor's corrections: the review's typos stay as the site shows them, except the few that break
 * words for a screen reader ("relationalinterpersonal" is read as one unknown word). Each page may
 * have `modules/<page>.corrections.yaml`, a list of `find` / `replace` / `why`. The build applies
 * them and the lesson shows every one as corrected: the new words in square brackets (the usual mark
 * of an editor's change inside a quotation), with "editor's correction; the original reads ..." for
 * screen readers and as a tooltip. A `find` that is not in the page stops the build (file:line).
 */
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ContentProblem } from '../errors.ts';
import { appendChild, createElement, createText, type ChildNode } from './dom.ts';

export interface Correction {
  find: string;
  replace: string;
  why: string;
  /** Line of the correction in the corrections file. */
  line: number;
}

export interface LoadedCorrections {
  /** The corrections file (absolute), or null when the page has none. */
  file: string | null;
  corrections: Correction[];
  problems: { line: number | null; reason: string }[];
}

export const correctionsFileFor = (pageFile: string): string => pageFile.replace(/\.md$/i, '.corrections.yaml');

/** Read `<page>.corrections.yaml` beside a page file. */
export function readCorrections(pageFile: string): LoadedCorrections {
  const file = correctionsFileFor(pageFile);
  if (!existsSync(file)) return { file: null, corrections: [], problems: [] };
  const text = readFileSync(file, 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const problems: LoadedCorrections['problems'] = [];
  const corrections: Correction[] = [];
  const lineOf = (node: unknown) => {
    const r = (node as { range?: [number] } | null)?.range;
    return r ? counter.linePos(r[0]).line : null;
  };
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ line: e.linePos ? e.linePos[0].line : null, reason: `The corrections file is not valid YAML: ${e.message.split('\n')[0]}` });
    return { file, corrections, problems };
  }
  const root = doc.contents;
  if (root === null) return { file, corrections, problems };
  if (!isSeq(root)) {
    problems.push({ line: lineOf(root), reason: 'The corrections file must be a list of corrections, each "- find: ...", "replace: ...", "why: ...".' });
    return { file, corrections, problems };
  }
  for (const item of root.items) {
    const line = lineOf(item);
    if (!isMap(item)) {
      problems.push({ line, reason: 'Each correction needs "find", "replace" and "why".' });
      continue;
    }
    const get = (key: string): string | null => {
      const v = item.get(key, true);
      return isScalar(v) && v.value !== null && String(v.value).trim() !== '' ? String(v.value) : null;
    };
    for (const pair of item.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!['find', 'replace', 'why'].includes(k)) problems.push({ line: lineOf(pair.key), reason: `Unknown key "${k}" in a correction: use only "find", "replace" and "why".` });
    }
    const find = get('find');
    const replace = get('replace');
    const why = get('why');
    const missing = [!find && 'find', !replace && 'replace', !why && 'why (say what the correction fixes, for the next editor)'].filter(Boolean);
    if (missing.length) {
      problems.push({ line, reason: `This correction has no ${missing.join(', no ')}.` });
      continue;
    }
    if (/\n/.test(find!) || /[<>*_`[\]\\]/.test(replace!)) {
      problems.push({ line, reason: 'A correction finds text on one line and replaces it by plain text (no Markdown or HTML).' });
      continue;
    }
    corrections.push({ find: find!, replace: replace!, why: why!.trim(), line: line ?? 1 });
  }
  return { file, corrections, problems };
}

/** The corrected page text, as the oracle test renders it. */
export function applyCorrectionsToSource(text: string, corrections: Correction[]): string {
  return corrections.reduce((t, c) => t.split(c.find).join(c.replace), text);
}

/** The learner's view of one correction (trusted markup: added after the sanitiser). */
export function correctionNodes(c: Correction): ChildNode {
  const note = ` (editor’s correction; the original reads “${c.find}”)`;
  const span = createElement('span', { class: 'editor-correction', title: note.trim().replace(/^\(|\)$/g, '') });
  appendChild(span, createText(`[${c.replace}]`));
  appendChild(span, createElement('span', { class: 'visually-hidden' }, [createText(note)]));
  return span;
}

export type { ContentProblem };
