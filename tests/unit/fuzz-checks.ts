/**
 * What every fuzz case must satisfy, whatever the input: the build either succeeds with safe HTML,
 * or stops with a ContentError whose every problem names a file of the input, a line inside that
 * file (or none) and a reason in words. Anything else (a TypeError, a RangeError, a yaml library
 * error ...) is a crash with a bare stack trace for the author, and fails the case.
 * Runs inside the fuzz worker.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { ContentError, formatProblem, type ContentProblem } from '../../src/content/errors.ts';

/** A case slower than this fails (and fast-check shrinks it): catches super-linear work on small inputs. */
export const CASE_BUDGET_MS = 5_000;

export interface Counter {
  runs: number;
  built: number;
  rejected: number;
  slowestMs: number;
}

export const newCounter = (): Counter => ({ runs: 0, built: 0, rejected: 0, slowestMs: 0 });

export type Beat = (input: string) => void;

/** Lines as an editor counts them (\r\n, \r and \n all end a line). */
export function lineCount(text: string): number {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
}

/**
 * Run one case: announce it to the watchdog, time it, and return the value or the thrown error.
 * Throws (failing the case) when it is too slow.
 */
export async function runCase<V>(beat: Beat, input: string, counter: Counter, fn: () => Promise<V> | V): Promise<{ value?: V; error?: unknown }> {
  beat(input.length > 4000 ? `${input.slice(0, 4000)}\n... (${input.length} characters)` : input);
  counter.runs++;
  const started = performance.now();
  let out: { value?: V; error?: unknown };
  try {
    out = { value: await fn() };
  } catch (error) {
    out = { error };
  }
  const ms = performance.now() - started;
  counter.slowestMs = Math.max(counter.slowestMs, Math.round(ms));
  if (ms > CASE_BUDGET_MS) throw new Error(`The case took ${Math.round(ms)} ms (budget ${CASE_BUDGET_MS} ms).`);
  return out;
}

/** The file name and line count of each input file, by the name the author knows (`modules/a.md`). */
export type InputFiles = ReadonlyMap<string, string>;

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return `a thrown ${typeof error}: ${String(error)}`;
}

/** One problem (error or warning) must name an input file, a line inside it and a reason. */
export function checkProblem(p: ContentProblem, files: InputFiles, what: string): void {
  const fail = (why: string) => {
    throw new Error(`${what} ${JSON.stringify(p)}: ${why}`);
  };
  if (!files.has(p.file)) fail(`names the file "${p.file}", which is not one of the inputs (${[...files.keys()].join(', ')})`);
  if (p.line !== null) {
    if (!Number.isInteger(p.line) || p.line < 1) fail('the line is not a positive whole number');
    const lines = lineCount(files.get(p.file) ?? '');
    if (p.line > lines) fail(`the line is past the end of the file (${lines} lines)`);
  }
  if (typeof p.reason !== 'string' || p.reason.trim().length < 10) fail('the reason is missing or too short to help');
  if (/\[object Object\]|\bundefined\b|\bfunction \w*\(|call stack|is not a function|Cannot read propert|\bNaN\b/.test(p.reason)) {
    fail('the reason shows a programming value or error, not words for an author');
  }
}

/** The outcome of building input files: a value, or a ContentError about these files. */
export function checkOutcome<V>(out: { value?: V; error?: unknown }, files: InputFiles, counter: Counter, warnings: (v: V) => ContentProblem[] = () => []): V | null {
  if (out.error !== undefined) {
    const e = out.error;
    if (!(e instanceof ContentError) || e.name !== 'ContentError') {
      throw new Error(`The build crashed instead of reporting a ContentError: ${describeThrown(e)}`);
    }
    if (e.problems.length === 0) throw new Error('A ContentError with no problem in it.');
    for (const p of e.problems) {
      checkProblem(p, files, 'Problem');
      if (!e.message.includes(formatProblem(p))) throw new Error(`The message does not show "${formatProblem(p)}".`);
    }
    counter.rejected++;
    // FUZZ_SHOW=1 prints what authors would read, to review the wording of the messages.
    if (process.env.FUZZ_SHOW) console.log(e.message);
    return null;
  }
  counter.built++;
  for (const w of warnings(out.value as V)) checkProblem(w, files, 'Warning');
  return out.value as V;
}

const FORBIDDEN = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'svg',
  'math', 'template', 'noscript', 'portal', 'audio', 'video', 'source', 'input', 'button', 'textarea', 'select',
]);

/** The URL schemes a built course may link to; images must be files of the package. */
function scheme(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
  return m ? m[1].toLowerCase() : null;
}

/**
 * Built HTML must contain nothing that runs or loads from elsewhere, checked independently of the
 * sanitiser, by parsing it the way the browser will: every image is one of the `packaged` files
 * (none for quiz and settings texts). `where` names the field for the message.
 */
export function checkSafeHtml(html: string, where: string, packaged: ReadonlySet<string> = new Set()): void {
  const visit = (node: T.Node) => {
    if ('tagName' in node) {
      const el = node as T.Element;
      if (FORBIDDEN.has(el.tagName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        throw new Error(`${where}: the built HTML has a <${el.tagName}> element: ${html.slice(0, 300)}`);
      }
      for (const a of el.attrs) {
        const n = a.name.toLowerCase();
        if (n.startsWith('on') || n === 'style' || n === 'srcdoc' || n === 'formaction' || n === 'srcset' || n === 'xlink:href') {
          throw new Error(`${where}: <${el.tagName}> keeps the attribute ${a.name}="${a.value}"`);
        }
        if (n === 'href') {
          const s = scheme(a.value);
          if (s !== null && s !== 'http' && s !== 'https' && s !== 'mailto') throw new Error(`${where}: a link to "${a.value}"`);
          if (/^[/\\]{2}/.test(a.value.trim())) throw new Error(`${where}: a protocol-relative link "${a.value}"`);
        }
        if (n === 'src' && !packaged.has(a.value)) {
          throw new Error(`${where}: an image that is not a file of the package: "${a.value}" (packaged: ${[...packaged].join(', ') || 'none'})`);
        }
      }
    }
    const children = (node as T.ParentNode).childNodes ?? [];
    // <template> content lives in a separate fragment.
    const content = (node as T.Template).content;
    for (const c of [...children, ...(content ? [content] : [])]) visit(c);
  };
  visit(parseFragment(html));
}
