/**
 * Jekyll front matter: the block between the first two `---` lines, in YAML.
 * Values on the source site carry trailing spaces (`nav_order: 20 `); we trim them.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { PageReport } from './source.ts';

export interface FrontMatter {
  title: string;
  navOrder: number;
  /** `parent`, as written (trimmed), or null. */
  parent: string | null;
  /** `grand_parent` (just-the-docs: the site category above the review), or null. */
  grandParent: string | null;
  /** The body after the closing `---`, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** Returns null when the page cannot be read further (problems are in the report). */
export function readFrontMatter(text: string, report: PageReport): FrontMatter | null {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    report.error(1, 'The page has no front matter. Start it with a line "---", then "title: ..." and "nav_order: ...", then another "---".');
    return null;
  }
  const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (end < 0) {
    report.error(1, 'The front matter is not closed: add a line with only "---" after the last setting (title, nav_order ...).');
    return null;
  }
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos ? e.linePos[0].line + 1 : 1;
      const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      report.error(line, `The front matter is not valid YAML: ${what}.`);
    }
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    // The yaml library refuses aliases that expand to a huge value (a "billion laughs" document).
    report.error(2, 'The front matter uses aliases (*name) that expand to too much data. Write the settings out in full.');
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report.error(2, 'The front matter must be a list of settings such as "title: Discussion" and "nav_order: 50".');
    return null;
  }
  const keyLine = (key: string): number => {
    if (!isMap(doc.contents)) return 1;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : null;
    return range ? counter.linePos(range[0]).line + 1 : 1;
  };
  const fm = data as Record<string, unknown>;
  let ok = true;

  const rawTitle = fm.title;
  const title = typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle).trim() : '';
  if (!title) {
    ok = false;
    if (rawTitle === undefined) report.error(1, 'The front matter has no "title:". Add one, e.g. "title: Discussion".');
    else if (rawTitle !== null && typeof rawTitle === 'object') {
      report.error(keyLine('title'), `The "title:" in the front matter is ${kind(rawTitle)}, not text. Write the lesson title after it, e.g. "title: Discussion".`);
    } else report.error(keyLine('title'), 'The "title:" in the front matter is empty. Write the lesson title after it.');
  }

  const rawOrder = fm.nav_order;
  let navOrder = NaN;
  if (typeof rawOrder === 'number') navOrder = rawOrder;
  else if (typeof rawOrder === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(rawOrder)) navOrder = Number(rawOrder);
  if (!Number.isFinite(navOrder)) {
    ok = false;
    if (rawOrder === undefined || rawOrder === null) {
      report.error(1, 'The front matter has no "nav_order:". Add one (a number, e.g. "nav_order: 50"): it sets the lesson order.');
    } else {
      const shown =
        typeof rawOrder === 'object'
          ? kind(rawOrder)
          : typeof rawOrder === 'number'
            ? 'the "nav_order:" value (it reads as infinity or "not a number")'
            : `"nav_order: ${String(rawOrder).trim()}"`;
      report.error(keyLine('nav_order'), `${shown.charAt(0).toUpperCase()}${shown.slice(1)} is not a number. Write a number such as 50 after "nav_order:": it sets the lesson order.`);
    }
  }

  const parent = typeof fm.parent === 'string' && fm.parent.trim() ? fm.parent.trim() : null;
  const grandParent = typeof fm.grand_parent === 'string' && fm.grand_parent.trim() ? fm.grand_parent.trim() : null;
  if (!ok) return null;
  return { title, navOrder, parent, grandParent, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** What a YAML value that is not a scalar looks like to an author. */
function kind(value: object): string {
  if (value instanceof Date) return 'a date';
  return Array.isArray(value) ? 'a list' : 'a block of settings';
}
