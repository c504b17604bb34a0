/**
 * The page body as lines that remember where they came from, so every clean-up step can move,
 * join or drop lines and an error can still name the author's line number.
 */
import type { ContentProblem } from '../errors.ts';

export interface SourceLine {
  text: string;
  /** 1-based line in the original file. */
  line: number;
  /** Inside a fenced code block (clean-ups leave these alone). */
  code: boolean;
}

/** Problems found in one page: errors stop the build, warnings do not. */
export class PageReport {
  readonly errors: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  constructor(readonly file: string) {}
  error(line: number | null, reason: string): void {
    this.errors.push({ file: this.file, line, reason });
  }
  warn(line: number | null, reason: string): void {
    this.warnings.push({ file: this.file, line, reason });
  }
}

/** Private-use characters: survive marked and the sanitiser as text, never appear in real pages. */
export const TOKEN_OPEN = '\uE000';
export const TOKEN_CLOSE = '\uE001';
export const TOKEN_RE = /\uE000(fn|fig|html|cor):([^\uE001]*)\uE001/g;
export function token(kind: 'fn' | 'fig' | 'html' | 'cor', value: string): string {
  return `${TOKEN_OPEN}${kind}:${value}${TOKEN_CLOSE}`;
}

export function toSourceLines(body: string, firstLine: number): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((text, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    let code = fence !== null;
    if (m) {
      if (fence === null) {
        fence = m[1][0].repeat(m[1].length);
        code = true;
      } else if (m[1].startsWith(fence) && /^\s*[`~]+\s*$/.test(text)) {
        fence = null;
        code = true;
      }
    }
    // Jekyll pages carry a stray trailing space everywhere ("## Theoretical Background "); only two or more
    // spaces make a hard line break, for kramdown as for marked (poems, signatures), so those stay (as two).
    out.push({ text: code ? text : / {2,}$/.test(text) && text.trim() ? text.replace(/[ \t]+$/, '  ') : text.replace(/[ \t]+$/, ''), line: firstLine + i, code });
  });
  return out;
}

export const isBlank = (l: SourceLine | undefined): boolean => !l || (!l.code && l.text.trim() === '');

/** A thematic break: `***`, `---`, `___`, `* * *`. */
export const RULE_RE = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
export const isRule = (l: SourceLine | undefined): boolean => !!l && !l.code && RULE_RE.test(l.text);

/** A kramdown block attribute list on its own line: `{: .fs-2}`, `{:toc}`, `{: #id .no_toc}`. */
export const IAL_LINE_RE = /^\s*\{:(?!:)([^}]*)\}\s*$/;
export const isIal = (l: SourceLine | undefined): boolean => !!l && !l.code && IAL_LINE_RE.test(l.text);

export const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** An ordinary line of running text (a paragraph line), as opposed to a heading, list, quote, table, HTML or rule. */
export function isProse(l: SourceLine | undefined): boolean {
  if (!l || l.code || isBlank(l) || isRule(l) || isIal(l)) return false;
  const t = l.text;
  if (/^ {4,}|^\t/.test(t)) return false;
  // A lifted raw HTML block (a table) stands where its token is: a block, never words to rejoin.
  if (t.trimStart().startsWith(`${TOKEN_OPEN}html:`)) return false;
  const s = t.trim();
  return !/^(#{1,6}(\s|$)|>|\||<|[-*+][ \t]|\d{1,9}[.)][ \t]|!\[|\[\^|`{3}|~{3})/.test(s);
}

/** Does this text end a sentence (so text after a note block starts a new paragraph)? */
export function endsSentence(text: string): boolean {
  // A note marker may follow the full stop: "... as prostitutes.<sup>3</sup>"
  const t = text.replace(/(\s*<sup>[^<]*<\/sup>)+\s*$/, '');
  return /[.!?…:;]["'”’)\]]*\s*$/.test(t);
}

export function startsLowercase(text: string): boolean {
  return /^\s*[*_[]*[(“"'‘]?\p{Ll}/u.test(text);
}
