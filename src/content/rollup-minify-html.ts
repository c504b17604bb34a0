/**
 * Rollup plugin: shrink the white space of Lit `html` tagged templates (the indentation between tags
 * and attributes, authored comments), which esbuild leaves alone because it is inside strings. Every
 * byte of the components counts against the first-view budget, and fewer characters also mean less
 * for the browser to parse and clone.
 *
 * Safe by construction rather than clever: a run of white space that holds a line break becomes one
 * space, which is what HTML renders for it anyway outside `<pre>`/`<textarea>` (a template holding either
 * is left as it is), so no text changes meaning and no text node disappears. Quoted attribute values
 * are never touched (an `aria-label` keeps its exact string), nor is anything inside `${...}` but the
 * nested `html` templates, which get the same treatment. The templates are found with TypeScript's
 * parser, not a regular expression: templates nest inside each other's expressions.
 */
import ts from 'typescript';
import type { Plugin } from 'rollup';

/** HTML's white space (not JavaScript's \s, which takes in a no-break space that the author meant). */
const HTML_SPACE = /[ \t\n\f\r]/;

/** Where the scanner is, carried from one static part of a template to the next. */
type Where = 'text' | 'tag' | 'single' | 'double' | 'comment';

/** The states whose text is copied as written up to a closing string, and the state after it. */
const VERBATIM: Partial<Record<Where, { close: string; after: Where }>> = {
  comment: { close: '-->', after: 'text' },
  single: { close: "'", after: 'tag' },
  double: { close: '"', after: 'tag' },
};

/** One static part's raw text, minified; returns the part and where it ends. */
function minifyPart(raw: string, start: Where): { text: string; end: Where } {
  let out = '';
  let where = start;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    // A comment that holds a binding, and a quoted attribute value, are kept as written up to their end,
    // which may lie in a later part (after a binding).
    const verbatim = VERBATIM[where];
    if (verbatim) {
      const close = raw.indexOf(verbatim.close, i);
      if (close < 0) {
        out += raw.slice(i);
        break;
      }
      out += raw.slice(i, close + verbatim.close.length);
      i = close + verbatim.close.length;
      where = verbatim.after;
      continue;
    }
    if (HTML_SPACE.test(c)) {
      let j = i;
      while (j < raw.length && HTML_SPACE.test(raw[j])) j++;
      const run = raw.slice(i, j);
      out += /[\n\r]/.test(run) ? ' ' : run;
      i = j;
      continue;
    }
    if (where === 'text') {
      if (raw.startsWith('<!--', i)) {
        const close = raw.indexOf('-->', i + 4);
        if (close >= 0) {
          // A whole comment in this part: drop it, and a space it leaves doubled.
          i = close + 3;
          if (out.endsWith(' ') && HTML_SPACE.test(raw[i] ?? '')) out = out.slice(0, -1);
          continue;
        }
        out += '<!--';
        i += 4;
        where = 'comment';
        continue;
      }
      if (c === '<' && /[A-Za-z/!]/.test(raw[i + 1] ?? '')) where = 'tag';
    } else if (where === 'tag') {
      if (c === '>') where = 'text';
      else if (c === '"') where = 'double';
      else if (c === "'") where = 'single';
    }
    out += c;
    i++;
  }
  return { text: out, end: where };
}

/** The text of a template literal's static parts, as written in the source (escapes kept). */
function rawParts(node: ts.TemplateLiteral, file: ts.SourceFile): { start: number; end: number }[] {
  // A part's raw text lies between its opening delimiter (` or }) and its closing one (` or ${).
  const span = (lit: ts.Node, closing: number) => ({ start: lit.getStart(file) + 1, end: lit.getEnd() - closing });
  if (ts.isNoSubstitutionTemplateLiteral(node)) return [span(node, 1)];
  return [span(node.head, 2), ...node.templateSpans.map((s) => span(s.literal, ts.isTemplateTail(s.literal) ? 1 : 2))];
}

/** Minify every html`...` template in a module's source; returns the source unchanged when there is none. */
export function minifyHtmlLiterals(code: string, fileName = 'module.ts'): string {
  if (!code.includes('html`')) return code;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const parts = rawParts(node.template, file);
      const whole = parts.map((p) => code.slice(p.start, p.end)).join('');
      // <pre> and <textarea> keep their white space: leave such a template exactly as written.
      if (!/<(pre|textarea)\b/i.test(whole)) {
        let where: Where = 'text';
        for (const p of parts) {
          const { text, end } = minifyPart(code.slice(p.start, p.end), where);
          where = end;
          if (text !== code.slice(p.start, p.end)) edits.push({ ...p, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (edits.length === 0) return code;
  // Nested templates lie inside `${...}`, never inside a static part: the edits do not overlap.
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function minifyHtmlPlugin(): Plugin {
  return {
    name: 'minify-html-literals',
    transform(code, id) {
      // Rollup's ids are platform paths: a Windows id has backslashes.
      if (!/\/src\/components\/.*\.ts$/.test(id.replaceAll('\\', '/')) || !code.includes('html`')) return null;
      return { code: minifyHtmlLiterals(code, id), map: null };
    },
  };
}
