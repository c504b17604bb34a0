/**
 * Small, hand-written schema checks over the line-numbered YAML tree. Each check records a
 * problem (file, line, plain-words reason) and returns null instead of throwing, so one run
 * reports every problem in a file.
 */
import { SCORM_ID } from '../course/types.ts';
import type { ContentProblem } from './errors.ts';
import type { YEntry, YMap, YNode, YSeq } from './yaml-lines.ts';

export interface FieldSpec {
  required: readonly string[];
  optional: readonly string[];
  /** Added to the "is missing" message of a required key, e.g. correct: "the question has no correct answer". */
  why?: Readonly<Record<string, string>>;
  /** A precise message for a key that is not allowed here but means something elsewhere; null for the generic one. */
  explainUnknown?: (key: string) => string | null;
}

export class Checker {
  readonly problems: ContentProblem[] = [];
  /** Things the author should know that do not stop the build. */
  readonly warnings: ContentProblem[] = [];

  constructor(readonly file: string) {}

  add(line: number | null, reason: string): void {
    this.problems.push({ file: this.file, line, reason });
  }

  warn(line: number | null, reason: string): void {
    this.warnings.push({ file: this.file, line, reason });
  }

  /**
   * The entries of a map, checked against the keys it may have: unknown keys (with a
   * "did you mean") and missing required keys are reported. `what` names the block for the author.
   */
  fields(node: YNode, spec: FieldSpec, what: string): Map<string, YEntry> | null {
    const map = this.map(node, what);
    if (!map) return null;
    // A key may be both required and optional (a question's type-specific keys): list it once.
    const known = [...new Set([...spec.required, ...spec.optional])];
    const out = new Map<string, YEntry>();
    // A misspelt required key is reported once, as "did you mean", not also as missing.
    const guessed = new Set<string>();
    for (const e of map.entries) {
      if (known.includes(e.key)) {
        out.set(e.key, e);
        continue;
      }
      const explained = spec.explainUnknown?.(e.key);
      if (explained) {
        this.add(e.keyLine, `${cap(what)}: ${explained}`);
        continue;
      }
      const guess = didYouMean(e.key, known);
      if (guess) guessed.add(guess);
      this.add(
        e.keyLine,
        `${cap(what)}: unknown key "${e.key}".` +
          (guess ? ` Did you mean "${guess}"?` : ` Allowed keys: ${known.join(', ')}.`),
      );
    }
    const missing = spec.required.filter((k) => (!out.has(k) && !guessed.has(k)) || (out.has(k) && isEmpty(out.get(k)!.value)));
    for (const k of missing) {
      const present = out.get(k);
      const why = spec.why?.[k] ? `: ${spec.why[k]}` : '';
      this.add(present ? present.keyLine : map.line, `${cap(what)}: "${k}" is missing${present ? ' (it is empty)' : ''}${why}.`);
    }
    return out;
  }

  map(node: YNode, what: string): YMap | null {
    if (node.kind === 'map') return node;
    this.add(node.line, `${cap(what)} must be a block of "key: value" lines, but here it is ${describe(node)}.`);
    return null;
  }

  list(node: YNode, what: string): YSeq | null {
    if (node.kind === 'seq') return node;
    this.add(node.line, `${cap(what)} must be a list (lines starting with "- "), but here it is ${describe(node)}.`);
    return null;
  }

  /** Non-empty text. Numbers and true/false are taken as written. */
  text(node: YNode, what: string): string | null {
    if (node.kind !== 'scalar') {
      this.add(node.line, `${cap(what)} must be text, but here it is ${describe(node)}.`);
      return null;
    }
    const t = node.raw.trim();
    if (t === '') {
      this.add(node.line, `${cap(what)} is empty.`);
      return null;
    }
    return node.raw;
  }

  /** An id that SCORM can carry in interaction ids and responses. */
  id(node: YNode, what: string): string | null {
    const t = this.text(node, what);
    if (t === null) return null;
    const id = t.trim();
    const problem = scormIdProblem(id);
    if (problem) {
      this.add(node.line, `${cap(what)} "${id}" ${problem}`);
      return null;
    }
    return id;
  }

  bool(node: YNode, what: string): boolean | null {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.add(node.line, `${cap(what)} must be true or false, but here it is ${describe(node)}.`);
    return null;
  }

  number(node: YNode, what: string, opts: { min?: number; max?: number; integer?: boolean; above?: number } = {}): number | null {
    if (node.kind === 'scalar' && typeof node.value === 'number' && !Number.isFinite(node.value)) {
      // `.inf`, `.nan`, or a number too large for a computer (1e400) reads as infinity.
      this.add(node.line, `${cap(what)} must be an ordinary number, but "${node.raw}" is not one (it reads as infinity or "not a number").`);
      return null;
    }
    if (node.kind !== 'scalar' || typeof node.value !== 'number') {
      this.add(node.line, `${cap(what)} must be a number, but here it is ${describe(node)}.`);
      return null;
    }
    const n = node.value;
    const range =
      opts.min !== undefined && opts.max !== undefined
        ? `from ${opts.min} to ${opts.max}`
        : opts.min !== undefined
          ? `${opts.min} or more`
          : opts.above !== undefined
            ? `more than ${opts.above}`
            : '';
    if (opts.integer && !Number.isInteger(n)) {
      this.add(node.line, `${cap(what)} must be a whole number${range ? ` ${range}` : ''}, but it is ${n}.`);
      return null;
    }
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max) || (opts.above !== undefined && n <= opts.above)) {
      this.add(node.line, `${cap(what)} must be ${range}, but it is ${n}.`);
      return null;
    }
    return n;
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(node: YNode, allowed: readonly T[], what: string): T | null {
    const t = this.text(node, what);
    if (t === null) return null;
    if ((allowed as readonly string[]).includes(t.trim())) return t.trim() as T;
    const guess = didYouMean(t.trim(), allowed);
    this.add(
      node.line,
      `${cap(what)} "${t.trim()}" is not valid. Use one of: ${allowed.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
    );
    return null;
  }
}

/** Why an id cannot be used in SCORM, or null when it can. */
export function scormIdProblem(id: string): string | null {
  if (SCORM_ID.test(id)) return null;
  if (id.length > 250) return `is ${id.length} characters long; SCORM allows at most 250.`;
  const bad = [...new Set([...id].filter((c) => !/[A-Za-z0-9_.]/.test(c)))].map(nameChar);
  return (
    `cannot be used as a SCORM id: it contains ${bad.join(', ')}. ` +
    'Ids may only use letters A-Z and a-z, digits, "_" and "." (for example q_general_models).'
  );
}

function nameChar(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  if (/\s/.test(c)) return 'a line break or other white space';
  return `"${c}"`;
}

export function isEmpty(node: YNode): boolean {
  return node.kind === 'scalar' && node.raw.trim() === '';
}

export function describe(node: YNode): string {
  if (node.kind === 'map') return 'a block of "key: value" lines';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'empty';
  if (typeof node.value === 'boolean') return `${node.value}`;
  if (typeof node.value === 'number') return `the number ${node.raw}`;
  return `the text "${short(node.raw)}"`;
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest known word when it is close enough to be a likely typo (or differs only in case). */
export function didYouMean(word: string, known: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // Short words (option ids like "e") are close to everything: only suggest for longer ones.
  return best !== null && word.length >= 3 && bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}

/** Up to `n` known ids closest to a wrong one (shared prefix first, then edit distance). */
export function closest(word: string, known: readonly string[], n = 3): string[] {
  const score = (k: string) => {
    let prefix = 0;
    while (prefix < k.length && prefix < word.length && k[prefix] === word[prefix]) prefix++;
    return distance(word, k) - prefix;
  };
  return [...known].sort((a, b) => score(a) - score(b) || a.localeCompare(b)).slice(0, n);
}
