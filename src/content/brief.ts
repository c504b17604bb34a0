/**
 * Build time: each lesson's learning outcomes and "In brief" key points, written by the course
 * author beside the page, in `modules/<page>.brief.yaml` (a `.md` file there would be read as a page):
 *
 *     outcomes:
 *       - Name the four models of leaving prostitution that the review starts from.
 *     brief:
 *       - text: Leaving is a process with steps and setbacks, not a single decision.
 *         source: theoretical-background-p1
 *
 * The review's own words stay untouched; these are guidance around them. Every point names the
 * passage it summarises (`npm run passages` lists the ids) and the build checks it, as it checks a
 * quiz question's `source`: a point that cites nothing the learner can read is an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BriefPoint, Lesson } from '../course/types.ts';
import { ContentError, type ContentProblem } from './errors.ts';
import { markdownToSafeHtml } from './markdown.ts';
import { htmlToText } from './plain-text.ts';
import { Checker, didYouMean } from './yaml-check.ts';
import { parseYaml } from './yaml-lines.ts';

export const BRIEF_SUFFIX = '.brief.yaml';
export const BRIEF_POINTS = { min: 3, max: 6 } as const;
export const OUTCOMES = { min: 1, max: 6 } as const;

export interface LessonGuidance {
  outcomes: string[];
  brief: BriefPoint[];
}

export interface LoadedBriefs {
  /** lesson id -> its outcomes and points. */
  byLesson: Map<string, LessonGuidance>;
  /** Files read (for watch mode). */
  inputs: string[];
}

/**
 * Read every `modules/*.brief.yaml` and check it against its page. Throws one ContentError listing
 * every problem in every file.
 */
export async function loadBriefs(modulesDir: string, lessons: readonly Lesson[], contentRoot: string): Promise<LoadedBriefs> {
  const dir = path.resolve(modulesDir);
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(BRIEF_SUFFIX) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const byLesson = new Map<string, LessonGuidance>();
  const problems: ContentProblem[] = [];
  const inputs: string[] = [];
  for (const name of names) {
    const abs = path.join(dir, name);
    const rel = path.relative(path.resolve(contentRoot), abs).split(path.sep).join('/');
    const label = rel.startsWith('..') ? `modules/${name}` : rel;
    inputs.push(abs);
    const text = await readFile(abs, 'utf8');
    try {
      const { lessonId, guidance } = parseBrief(text, label, name, lessons);
      byLesson.set(lessonId, guidance);
    } catch (err) {
      if (err instanceof ContentError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length) throw new ContentError(problems);
  return { byLesson, inputs };
}

/** The page a brief file belongs to: `05-discussion.brief.yaml` -> `05-discussion.md`. */
export function pageOfBrief(fileName: string): string {
  return fileName.slice(0, -BRIEF_SUFFIX.length) + '.md';
}

/** Check one brief file's text. `label` is the path shown in messages, `fileName` its name in modules/. */
export function parseBrief(text: string, label: string, fileName: string, lessons: readonly Lesson[]): { lessonId: string; guidance: LessonGuidance } {
  const check = new Checker(label);
  const page = pageOfBrief(fileName);
  const lesson = lessons.find((l) => l.file.toLowerCase() === page.toLowerCase());
  if (!lesson) {
    const guess = didYouMean(page, lessons.map((l) => l.file));
    throw ContentError.at(
      label,
      null,
      `This brief belongs to the page "${page}", which is not in modules/. Name it after its page (<page>${BRIEF_SUFFIX}).` +
        (guess ? ` Did you mean "${guess.slice(0, -3)}${BRIEF_SUFFIX}"?` : ''),
    );
  }
  const guidance: LessonGuidance = { outcomes: [], brief: [] };
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), label);
  check.problems.push(...parsed.problems);
  if (!parsed.root) {
    if (!parsed.problems.length) check.add(null, 'The file is empty: write its "outcomes" and "brief" lists.');
    throw new ContentError(check.problems);
  }
  const f = check.fields(parsed.root, { required: ['outcomes', 'brief'], optional: [] }, 'the brief');
  const outcomes = f?.get('outcomes');
  if (outcomes) {
    const list = check.list(outcomes.value, 'the "outcomes"');
    if (list) {
      for (const item of list.items) {
        const t = check.text(item, 'a learning outcome');
        if (t !== null) guidance.outcomes.push(inline(t, item.line, check, 'This learning outcome'));
      }
      countCheck(check, list.items.length, OUTCOMES, list.line, 'learning outcomes');
    }
  }
  const brief = f?.get('brief');
  if (brief) {
    const list = check.list(brief.value, 'the "brief"');
    if (list) {
      for (const item of list.items) {
        const p = check.fields(item, { required: ['text', 'source'], optional: [], why: { source: 'the id of the passage it summarises (npm run passages lists them)' } }, 'a point of the brief');
        const t = p?.get('text');
        const s = p?.get('source');
        const textValue = t ? check.text(t.value, 'the point\'s "text"') : null;
        const sourceValue = s ? check.text(s.value, 'the point\'s "source"') : null;
        if (textValue === null || sourceValue === null || !s) continue;
        const source = sourceValue.trim();
        if (!lesson.passageIds.includes(source)) {
          const guess = didYouMean(source, lesson.passageIds);
          check.add(
            s.value.line,
            `The point's source "${source}" is not a passage of "${lesson.title}" (${lesson.file}).` +
              (guess ? ` Did you mean "${guess}"?` : '') +
              ' Run npm run passages to list the ids.',
          );
          continue;
        }
        guidance.brief.push({ html: inline(textValue, t!.value.line, check, 'This point'), source });
      }
      countCheck(check, list.items.length, BRIEF_POINTS, list.line, 'key points');
    }
  }
  if (check.problems.length) throw new ContentError(check.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { lessonId: lesson.id, guidance };
}

function inline(text: string, line: number, check: Checker, what: string): string {
  const html = markdownToSafeHtml(text.replace(/\s+/g, ' '), { inline: true });
  if (htmlToText(html) === '') check.add(line, `${what} is empty once unsafe HTML is removed.`);
  return html;
}

function countCheck(check: Checker, n: number, range: { min: number; max: number }, line: number, what: string): void {
  if (n < range.min || n > range.max) {
    check.add(line, `Write ${range.min} to ${range.max} ${what}; there ${n === 1 ? 'is' : 'are'} ${n}.`);
  }
}

/** The lessons with their outcomes and brief added (lessons without a brief file are unchanged). */
export function withGuidance(lessons: Lesson[], briefs: LoadedBriefs): Lesson[] {
  return lessons.map((l) => {
    const g = briefs.byLesson.get(l.id);
    return g ? { ...l, outcomes: g.outcomes, brief: g.brief } : l;
  });
}
