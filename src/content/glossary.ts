/**
 * Build time: the course glossary (`glossary.yaml` at the content root) and the stage that marks
 * each term in the lessons on its first use.
 *
 *     - term: Stages of Change
 *       aliases: [Stage of Change]
 *       definition: A general model of how people change ...
 *       source: theoretical-background-p1
 *
 * Marking is a stage of its own, run on the finished (imported and sanitised) lesson HTML, so the
 * page importer's output stays exactly what it renders from the page. A term is marked once per
 * lesson, at its first use in running text (not in headings, links, notes markers, figures or
 * tables), as `<glossary-term term="id">words as written</glossary-term>`: the words of the review
 * are never changed, only wrapped. The component (src/components/glossary-term/) renders the
 * disclosure with the definition from the course data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GlossaryEntry, Lesson } from '../course/types.ts';
import { ContentError, type ContentWarning } from './errors.ts';
import { markdownToSafeHtml } from './markdown.ts';
import { createElement, createText, insertBefore, isElement, isText, parseHtml, serializeChildren, type Element, type Node, type ParentNode, type TextNode } from './page/dom.ts';
import { htmlToText } from './plain-text.ts';
import { Checker, didYouMean } from './yaml-check.ts';
import { parseYaml } from './yaml-lines.ts';

export const GLOSSARY_FILE = 'glossary.yaml';
/** The element the marking stage wraps a term in (a custom element: src/components/glossary-term/). */
export const TERM_ELEMENT = 'glossary-term';

/** Where a term is never marked: it would be a button inside a link, a heading, a caption or a data cell. */
const SKIP = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figure', 'figcaption', 'table', 'sup', 'code', 'pre', 'button', 'summary', 'details', TERM_ELEMENT]);

export interface LoadedGlossary {
  entries: GlossaryEntry[];
  /** glossary.yaml line of each entry's `term` (for warnings after marking). */
  lines: Map<string, number>;
  inputs: string[];
}

export async function loadGlossary(contentRoot: string, lessons: readonly Lesson[]): Promise<LoadedGlossary> {
  const abs = path.join(contentRoot, GLOSSARY_FILE);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: new Map(), inputs: [] };
    throw err;
  }
  return { ...parseGlossary(text, lessons), inputs: [abs] };
}

/** Stable id of a term: `Stages of Change` -> `stages_of_change`. */
export function termId(term: string): string {
  return (
    term
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'term'
  );
}

/** Check the text of a glossary.yaml. Throws a ContentError listing every problem. */
export function parseGlossary(text: string, lessons: readonly Lesson[], file = GLOSSARY_FILE): Omit<LoadedGlossary, 'inputs'> {
  const check = new Checker(file);
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), file);
  check.problems.push(...parsed.problems);
  const entries: GlossaryEntry[] = [];
  const lines = new Map<string, number>();
  const list = parsed.root && !parsed.problems.length ? check.list(parsed.root, 'the glossary') : null;
  const seen = new Map<string, number>();
  for (const item of list?.items ?? []) {
    const f = check.fields(
      item,
      { required: ['term', 'definition', 'source'], optional: ['aliases'], why: { source: 'the id of the passage the definition is taken from (npm run passages lists them)' } },
      'a glossary entry',
    );
    if (!f) continue;
    const termE = f.get('term');
    const defE = f.get('definition');
    const srcE = f.get('source');
    const term = termE ? check.text(termE.value, 'the "term"')?.replace(/\s+/g, ' ').trim() : null;
    const definition = defE ? check.text(defE.value, 'the "definition"') : null;
    const source = srcE ? check.text(srcE.value, 'the "source"')?.trim() : null;
    const aliases: string[] = [];
    const aliasE = f.get('aliases');
    if (aliasE) {
      const a = check.list(aliasE.value, 'the "aliases"');
      for (const node of a?.items ?? []) {
        const v = check.text(node, 'an alias');
        if (v !== null) aliases.push(v.replace(/\s+/g, ' ').trim());
      }
    }
    if (!term || definition === null || !source || !termE || !srcE || !defE) continue;
    const id = termId(term);
    const before = seen.get(id);
    if (before !== undefined) {
      check.add(termE.value.line, `The term "${term}" is already in the glossary (line ${before}).`);
      continue;
    }
    seen.set(id, termE.value.line);
    const where = findSource(source, lessons);
    if (typeof where === 'string') {
      check.add(srcE.value.line, `The source of "${term}": ${where}`);
      continue;
    }
    const definitionHtml = markdownToSafeHtml(definition.replace(/\s+/g, ' '), { inline: true });
    const definitionText = htmlToText(definitionHtml);
    if (definitionText === '') {
      check.add(defE.value.line, `The definition of "${term}" is empty once unsafe HTML is removed.`);
      continue;
    }
    lines.set(id, termE.value.line);
    entries.push({ id, term, aliases, definitionHtml, definitionText, source: where });
  }
  if (check.problems.length) throw new ContentError(check.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  entries.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return { entries, lines };
}

/**
 * `discussion-p4`, or `05_discussion/discussion-p4` when the same id is in several lessons (a note
 * id such as `fn-2`). Returns the place, or why it is not one.
 */
function findSource(source: string, lessons: readonly Lesson[]): { lessonId: string; passage: string } | string {
  const slash = source.indexOf('/');
  if (slash > 0) {
    const lessonId = source.slice(0, slash);
    const passage = source.slice(slash + 1);
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) {
      const guess = didYouMean(lessonId, lessons.map((l) => l.id));
      return `there is no lesson "${lessonId}".${guess ? ` Did you mean "${guess}"?` : ''}`;
    }
    if (!lesson.passageIds.includes(passage)) {
      const guess = didYouMean(passage, lesson.passageIds);
      return `"${passage}" is not a passage of "${lesson.title}".${guess ? ` Did you mean "${guess}"?` : ''} Run npm run passages to list the ids.`;
    }
    return { lessonId, passage };
  }
  const holders = lessons.filter((l) => l.passageIds.includes(source));
  if (holders.length === 1) return { lessonId: holders[0].id, passage: source };
  if (holders.length > 1) {
    return `"${source}" is a passage of several lessons (${holders.map((l) => l.id).join(', ')}); write it as <lesson id>/${source}, e.g. ${holders[0].id}/${source}.`;
  }
  const guess = didYouMean(source, lessons.flatMap((l) => l.passageIds));
  return `"${source}" is not a passage of any lesson.${guess ? ` Did you mean "${guess}"?` : ''} Run npm run passages to list the ids.`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for a term and its aliases: whole words, any case, any white space between words; longest first. */
function termPattern(entry: GlossaryEntry): RegExp {
  const forms = [entry.term, ...entry.aliases].sort((a, b) => b.length - a.length);
  const alternatives = forms.map((f) => f.split(/\s+/).map(escapeRe).join('\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

function markableTexts(root: ParentNode): TextNode[] {
  const out: TextNode[] = [];
  const walk = (node: Node) => {
    if (isText(node)) {
      out.push(node);
      return;
    }
    if (isElement(node) && SKIP.has(node.tagName)) return;
    if ('childNodes' in node) for (const child of (node as ParentNode).childNodes) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Wrap the first use of each term in one lesson's HTML. Returns the new HTML and the ids of the
 * terms it marked. HTML without any term comes back unchanged, byte for byte.
 */
export function markTerms(lessonHtml: string, entries: readonly GlossaryEntry[]): { html: string; marked: string[] } {
  if (entries.length === 0) return { html: lessonHtml, marked: [] };
  const tree = parseHtml(lessonHtml);
  const marked: string[] = [];
  for (const entry of entries) {
    const re = termPattern(entry);
    for (const node of markableTexts(tree)) {
      const m = re.exec(node.value);
      if (!m) continue;
      const parent = node.parentNode!;
      const before = node.value.slice(0, m.index);
      const after = node.value.slice(m.index + m[0].length);
      const term: Element = createElement(TERM_ELEMENT, { term: entry.id }, [createText(m[0])]);
      if (before) insertBefore(parent, createText(before), node);
      insertBefore(parent, term, node);
      if (after) node.value = after;
      else parent.childNodes.splice(parent.childNodes.indexOf(node), 1);
      marked.push(entry.id);
      break;
    }
  }
  return { html: marked.length ? serializeChildren(tree) : lessonHtml, marked };
}

/**
 * The marking stage over every lesson: lessons with their terms wrapped, and a warning (with the
 * glossary.yaml line) for each term no lesson uses, since its entry would then explain nothing the
 * learner reads.
 */
export function markGlossary(lessons: Lesson[], glossary: LoadedGlossary, file = GLOSSARY_FILE): { lessons: Lesson[]; warnings: ContentWarning[] } {
  const used = new Set<string>();
  const out = lessons.map((l) => {
    const { html, marked } = markTerms(l.html, glossary.entries);
    for (const id of marked) used.add(id);
    return marked.length ? { ...l, html } : l;
  });
  const warnings: ContentWarning[] = glossary.entries
    .filter((e) => !used.has(e.id))
    .map((e) => ({
      file,
      line: glossary.lines.get(e.id) ?? null,
      reason: `The term "${e.term}" is not found in the running text of any lesson${e.aliases.length ? ` (nor its aliases: ${e.aliases.join(', ')})` : ''}, so it is marked nowhere; it is still listed on the glossary page. Check its spelling or add the form the lesson uses to "aliases".`,
    }));
  return { lessons: out, warnings };
}
