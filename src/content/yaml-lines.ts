/**
 * YAML with line numbers: parse an author's file into a small tree whose every node knows
 * the line it starts on, so that schema checks can say `quizzes/x.yaml:12: ...`.
 * Syntax errors are turned into sentences an author can act on.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { ContentProblem } from './errors.ts';

export type YNode = YMap | YSeq | YScalar;

export interface YMap {
  kind: 'map';
  /** 1-based line where the block or flow mapping starts. */
  line: number;
  entries: YEntry[];
}

export interface YEntry {
  key: string;
  keyLine: number;
  value: YNode;
}

export interface YSeq {
  kind: 'seq';
  line: number;
  items: YNode[];
}

export interface YScalar {
  kind: 'scalar';
  line: number;
  value: string | number | boolean | null;
  /**
   * The text as written for plain scalars (`01` stays `01`, `1.10` stays `1.10`), so ids and
   * texts that look like numbers are not changed; for quoted and block scalars, the string value.
   */
  raw: string;
}

export interface ParsedYaml {
  /** null when the file is empty or has syntax errors. */
  root: YNode | null;
  problems: ContentProblem[];
}

/** Aliases may point into themselves (`&a [*a]`); stop well before that hurts. */
const MAX_DEPTH = 64;
/**
 * Aliases of aliases multiply (`&b [*a, *a, ...]`, the "billion laughs" document): seven levels of
 * ten already expand to ten million nodes. A real quiz file has a few hundred.
 */
const MAX_NODES = 20_000;

interface Budget {
  left: number;
}

/** Parse one YAML document. Never throws: syntax errors come back as problems. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return { root: null, problems: syntaxProblems(doc.errors, file, lineAt) };
  }
  const problems: ContentProblem[] = [];
  const budget: Budget = { left: MAX_NODES };
  const root = doc.contents === null ? null : convert(doc, doc.contents, 0, file, lineAt, problems, budget);
  return { root, problems };
}

function convert(
  doc: Document,
  node: unknown,
  depth: number,
  file: string,
  lineAt: (offset: number | undefined) => number,
  problems: ContentProblem[],
  budget: Budget,
): YNode {
  const line = lineAt((node as { range?: [number, number] } | null)?.range?.[0]);
  if (--budget.left < 0) {
    if (budget.left === -1) {
      problems.push({ file, line, reason: 'The YAML uses aliases (*name) that expand to far too much data here. Write the values out instead of repeating aliases.' });
    }
    return { kind: 'scalar', line, value: null, raw: '' };
  }
  if (depth > MAX_DEPTH) {
    problems.push({ file, line, reason: 'The YAML nests too deeply here (an alias that refers to itself?).' });
    return { kind: 'scalar', line, value: null, raw: '' };
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) {
      problems.push({ file, line, reason: `The alias *${node.source} refers to no anchor &${node.source} above it.` });
      return { kind: 'scalar', line, value: null, raw: '' };
    }
    // Keep the alias's own line: that is where the author used it.
    return { ...convert(doc, target, depth + 1, file, lineAt, problems, budget), line };
  }
  if (isMap(node)) {
    const entries: YEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      const keyLine = lineAt((keyNode as { range?: [number, number] } | null)?.range?.[0]) || line;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        problems.push({ file, line: keyLine, reason: 'This key is not a simple name. Write keys as plain words, e.g. `title:`.' });
        continue;
      }
      const key = typeof keyNode.source === 'string' ? keyNode.source : String(keyNode.value);
      let value: YNode =
        pair.value === null || pair.value === undefined
          ? { kind: 'scalar', line: keyLine, value: null, raw: '' }
          : convert(doc, pair.value, depth + 1, file, lineAt, problems, budget);
      // A block under a key ("credit:" then indented lines) is named by the key's line: that is
      // where an author looks for "the credit is missing its source".
      if (value.kind !== 'scalar') value = { ...value, line: keyLine };
      entries.push({ key, keyLine, value });
    }
    return { kind: 'map', line, entries };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) =>
      item === null || item === undefined
        ? ({ kind: 'scalar', line, value: null, raw: '' } as YScalar)
        : convert(doc, item, depth + 1, file, lineAt, problems, budget),
    );
    return { kind: 'seq', line, items };
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const plain = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : null;
      const raw = plain ?? (v === null ? '' : String(v));
      return { kind: 'scalar', line, value: v, raw };
    }
    // Custom tags (!!binary, !!timestamp ...) give other values: quizzes and settings never need them.
    problems.push({ file, line, reason: 'This value has a type the course cannot use; write plain text, a number, true or false.' });
    return { kind: 'scalar', line, value: null, raw: '' };
  }
  problems.push({ file, line, reason: 'This YAML value cannot be read.' });
  return { kind: 'scalar', line, value: null, raw: '' };
}

/**
 * YAML errors cascade (one missing quote gives several messages); keep the first error of each
 * line and at most three, each explained in plain words.
 */
function syntaxProblems(errors: YAMLError[], file: string, lineAt: (offset: number) => number): ContentProblem[] {
  const out: ContentProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const line = lineAt(e.pos[0]);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push({ file, line, reason: explain(e) });
    if (out.length === 3) break;
  }
  return out;
}

function explain(e: YAMLError): string {
  const detail = e.message.replace(/\s+at line \d+.*$/s, '').trim();
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return (
        'YAML syntax error: a text that contains a colon followed by a space (": ") must be put in quotes, ' +
        'e.g. title: "Check your understanding: models of exit".'
      );
    case 'DUPLICATE_KEY':
      return 'YAML syntax error: this key is written twice in the same block; keep only one.';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: indent with spaces, not tabs.';
    case 'BAD_INDENT':
      return `YAML syntax error: the indentation is wrong here (${detail}). Entries of the same block must start in the same column.`;
    case 'MISSING_CHAR':
      return `YAML syntax error: something is not closed (${detail}). Check quotes and brackets.`;
    case 'MULTIPLE_DOCS':
      return 'YAML syntax error: a line "---" starts a second document; this file must hold exactly one.';
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML syntax error: ${detail}. A key and its colon must be on one line; long texts go in quotes or after "|".`;
    default:
      // The yaml library reports its own stack overflow on absurdly deep nesting as a syntax error.
      if (/call stack/i.test(detail)) return 'YAML syntax error: lists or blocks are nested inside each other far too deeply here.';
      return `YAML syntax error: ${detail}.`;
  }
}

/** The entry of a map with this key, if any. */
export function entry(map: YMap, key: string): YEntry | undefined {
  return map.entries.find((e) => e.key === key);
}
