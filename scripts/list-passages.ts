/**
 * List the passage ids of every lesson, with the start of each passage, and the sentence ids inside
 * it with the start of each sentence, for quiz authors writing `source:` references.
 *
 *     node --import tsx scripts/list-passages.ts [contentDir]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lesson } from '../src/course/types.ts';
import { ContentError, formatProblem } from '../src/content/errors.ts';
import { importPages } from '../src/content/pages.ts';
import { getAttr, parseHtml, textContent, walkElements, type Element } from '../src/content/page/dom.ts';
import { lessonIndex } from '../src/content/sentences.ts';

const WIDTH = 60;

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').replaceAll(' (opens in a new tab)', '').trim();
  return t.length > WIDTH ? `${t.slice(0, WIDTH - 1)}…` : t;
}

/**
 * One block per lesson: `id  tag: first ~60 characters`, then, indented, each sentence of a passage
 * with several (`<id>-s<N>  first ~60 characters`). A passage of one sentence has the sentence id
 * `<id>-s1` too. Note links (fnref-*) are left out.
 */
export function listPassages(lessons: Lesson[]): string {
  const out: string[] = ['Sentence ids (<passage>-s<N>) are listed under passages with more than one sentence; a passage of one sentence is <passage>-s1.', ''];
  for (const lesson of lessons) {
    const sentences = lessonIndex(lesson).passages;
    const byId = new Map<string, Element>();
    walkElements(parseHtml(lesson.html), (el) => {
      const id = getAttr(el, 'id');
      if (id) byId.set(id, el);
    });
    const ids = lesson.passageIds.filter((id) => !id.startsWith('fnref-'));
    const pad = Math.max(0, ...ids.map((id) => id.length), ...lesson.footnotes.map((f) => f.id.length));
    out.push(`${lesson.id}  (${lesson.file}): ${lesson.title}`);
    for (const id of ids) {
      const el = byId.get(id);
      const text = id === lesson.headingId ? `[title] ${lesson.title}` : `${el?.tagName ?? '?'}: ${snippet(el ? textContent(el) : '')}`;
      out.push(`  ${id.padEnd(pad)}  ${text}`);
      const list = sentences.get(id)?.sentences ?? [];
      if (list.length > 1) for (const sentence of list) out.push(`    ${sentence.id}  ${snippet(sentence.text)}`);
    }
    for (const note of lesson.footnotes) {
      out.push(`  ${note.id.padEnd(pad)}  [note ${note.label}] ${snippet(textContent(parseHtml(note.html)))}`);
    }
    out.push('');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  try {
    const pages = await importPages(path.join(root, 'modules'), root);
    process.stdout.write(listPassages(pages.lessons));
    for (const w of pages.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    process.stderr.write(`${err.problems.map(formatProblem).join('\n')}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
