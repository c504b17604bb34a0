/**
 * The course's text arrives in chunks of its own, one per lesson with the words of its quizzes (and one
 * for the glossary's definitions), each when the learner opens that lesson or quiz. The start page, the header, the
 * outline and the SCORM runtime need only the course's shape: titles, ids, question types, correct
 * answers (to score and to restore saved answers) and prompts as plain text (the SCORM 2004
 * interaction descriptions sent again at launch). A lesson's body, a quiz's words and the
 * definitions are most of the course's bytes, so a learner opening the first lesson of a 20-lesson
 * course fetches that lesson, not the other 19. A quiz travels with its lesson: its sources quote the
 * lesson, and compressed in one stream those quotes cost almost nothing (apart, the shipped course's
 * text took 4 kB more gzip).
 *
 * `splitCourse` runs at build time (rollup plugin: `virtual:course` and one module per part);
 * `loadText` in the browser puts a part's text back into the same objects, so every view reads one
 * `Course`. The loaders (`virtual:course-text`) are passed in: this module also runs in Node, at build
 * time and in the unit tests, where no virtual module exists.
 */
import type { Choice, Course, GlossaryEntry, Lesson, Question, Quiz } from './types.ts';

/*
 * The text chunks are positional (the i-th entry belongs to the outline's i-th question or choice:
 * the ids are in the outline already), and they leave out a plain-text copy that equals its HTML
 * (most option labels): both zip and first view are measured, and repeats across two files are not
 * compressed away.
 */

/** A choice's words: its HTML, its plain text when that is not the HTML itself, its feedback. */
type ChoiceText = [html: string, text: string | null, feedbackHtml?: string];

/** A question's words: its fields but the outline's (a prompt that is its plain text is left out), and its choices'. */
interface QuestionText {
  fields: Partial<Question>;
  options?: ChoiceText[];
  items?: ChoiceText[];
  targets?: ChoiceText[];
}

/** A lesson's words: its body, contents and notes, and its "In brief" points' HTML (the outline keeps their sources). */
export type LessonText = Pick<Lesson, 'html' | 'toc' | 'footnotes'> & { brief?: string[] };
/** A quiz's words. */
export interface QuizText {
  introHtml: string;
  questions: QuestionText[];
}
/** The glossary's chunk: each term's other spellings, definition, and definition as text when that is not the HTML itself. */
export type GlossaryText = [aliases: string[], definitionHtml: string, definitionText: string | null][];

export interface CourseText {
  lessons: LessonText[];
  quizzes: QuizText[];
  glossary: GlossaryText;
}

/** One lesson's chunk: its words and those of its quizzes (in the course's order of quizzes). */
export interface LessonChunk {
  lesson: LessonText;
  quizzes: QuizText[];
}

/** Loaders of the parts (the build's `virtual:course-text`: one dynamic import per chunk). */
export interface TextParts {
  lessons: (() => Promise<{ default: LessonChunk }>)[];
  glossary: () => Promise<{ default: GlossaryText }>;
}

/** The chunk file names, next to index.html (the tests read chunks by these names). */
export const TEXT_CHUNKS = {
  lesson: (i: number) => `chunks/text-lesson-${i + 1}.js`,
  glossary: 'chunks/text-glossary.js',
};

/** The chunks' contents, as the build writes them: the i-th lesson's chunk holds the quizzes that follow it. */
export function textChunks(course: Course, text: CourseText): { lessons: LessonChunk[]; glossary: GlossaryText } {
  return {
    lessons: course.lessons.map((l, i) => ({
      lesson: text.lessons[i],
      quizzes: course.quizzes.flatMap((q, j) => (q.lessonId === l.id ? [text.quizzes[j]] : [])),
    })),
    glossary: text.glossary,
  };
}

/**
 * The plain text of HTML that has no markup and no character references: itself, white space
 * collapsed (the build's htmlToText gives the same). null: the HTML needs its own text.
 */
function textOfPlainHtml(html: string): string | null {
  return /[<&]/.test(html) ? null : html.replace(/\s+/g, ' ').trim();
}

/** `text`, or null where the browser can make it from `html` (textOfPlainHtml). */
const textUnlessPlain = (html: string, text: string) => (textOfPlainHtml(html) === text ? null : text);

/** What the outline keeps of a question: enough to draw, score, store and report an attempt. */
const QUESTION_OUTLINE = new Set(['id', 'type', 'weight', 'correct', 'promptText', 'options', 'items', 'targets']);
const CHOICE_LISTS = ['options', 'items', 'targets'] as const;
type ChoiceLists = Partial<Record<(typeof CHOICE_LISTS)[number], Choice[]>>;

function splitQuestion(q: Question): { outline: Question; text: QuestionText } {
  const outline: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(q)) (QUESTION_OUTLINE.has(key) ? outline : fields)[key] = value;
  if (fields.promptHtml === q.promptText) delete fields.promptHtml;
  const text: QuestionText = { fields: fields as Partial<Question> };
  for (const list of CHOICE_LISTS) {
    const choices = (q as ChoiceLists)[list];
    if (!choices) continue;
    // Until the text arrives a choice is its id (nothing shows choices before then).
    outline[list] = choices.map((c) => ({ id: c.id }));
    text[list] = choices.map((c): ChoiceText => {
      const words: ChoiceText = [c.html, textUnlessPlain(c.html, c.text)];
      if (c.feedbackHtml !== undefined) words.push(c.feedbackHtml);
      return words;
    });
  }
  return { outline: outline as unknown as Question, text };
}

/** Build time: the course's shape (the first view's data) and its text (the later chunks). */
export function splitCourse(course: Course): { outline: Course; text: CourseText } {
  const text: CourseText = { lessons: [], quizzes: [], glossary: [] };
  const lessons = course.lessons.map((l): Lesson => {
    text.lessons.push({ html: l.html, toc: l.toc, footnotes: l.footnotes, ...(l.brief ? { brief: l.brief.map((p) => p.html) } : {}) });
    // The start page tells whether lessons have "In brief" points; their words come with the text.
    return { ...l, html: '', toc: [], footnotes: [], ...(l.brief ? { brief: l.brief.map((p) => ({ ...p, html: '' })) } : {}) };
  });
  const quizzes = course.quizzes.map((quiz): Quiz => {
    const questions = quiz.questions.map(splitQuestion);
    text.quizzes.push({ introHtml: quiz.introHtml, questions: questions.map((q) => q.text) });
    return { ...quiz, introHtml: '', questions: questions.map((q) => q.outline) };
  });
  // The start page and the outline name the terms; their definitions come with the text.
  const glossary = course.glossary?.map((g): GlossaryEntry => {
    text.glossary.push([g.aliases, g.definitionHtml, textUnlessPlain(g.definitionHtml, g.definitionText)]);
    return { ...g, aliases: [], definitionHtml: '', definitionText: '' };
  });
  return { outline: { ...course, lessons, quizzes, ...(glossary ? { glossary } : {}) }, text };
}

/**
 * A lesson's passage ids as the first view carries them: a run of ids that count on from the one
 * before (`part-1-p1`, `part-1-p2` ..., a table's `x-p3-r1`, `x-p3-r2` ..., and a heading's first
 * paragraph, `part-1` then `part-1-p1`) is written as its length. A long lesson has hundreds of
 * passages, nearly all in such runs, and the SCORM runtime needs every id at launch (the bookmark is an
 * index into them), so they stay in the outline, written short: 2 kB gzip of a 20-lesson course's first view.
 */
export type PackedIds = (string | number)[];

const NUMBERED = /^(.*-[a-z]+)([1-9][0-9]*)$/;

/** The run a written id starts: the ids after it are `<prefix><n + 1>`, `<prefix><n + 2>` ... */
function runOf(id: string): { prefix: string; n: number } {
  const m = NUMBERED.exec(id);
  return m ? { prefix: m[1], n: Number(m[2]) } : { prefix: `${id}-p`, n: 0 };
}

export function packPassageIds(ids: readonly string[]): PackedIds {
  const out: PackedIds = [];
  let run: { prefix: string; n: number } | null = null;
  for (const id of ids) {
    if (run && id === `${run.prefix}${run.n + 1}`) {
      run.n++;
      const last = out.length - 1;
      if (typeof out[last] === 'number') out[last] = (out[last] as number) + 1;
      else out.push(1);
      continue;
    }
    out.push(id);
    run = runOf(id);
  }
  return out;
}

export function unpackPassageIds(packed: readonly (string | number)[]): string[] {
  const ids: string[] = [];
  let run = { prefix: '', n: 0 };
  for (const x of packed) {
    if (typeof x === 'string') {
      ids.push(x);
      run = runOf(x);
    } else for (let k = 0; k < x; k++) ids.push(`${run.prefix}${++run.n}`);
  }
  return ids;
}

/** Build time: the outline as `virtual:course` ships it (passage ids packed); `unpackOutline` undoes it. */
export function packOutline(outline: Course): Course {
  return { ...outline, lessons: outline.lessons.map((l) => ({ ...l, passageIds: packPassageIds(l.passageIds) as string[] })) };
}

/** In the browser, once, before anything reads the outline: its passage ids as the compiled course has them. */
export function unpackOutline(outline: Course): Course {
  for (const l of outline.lessons) l.passageIds = unpackPassageIds(l.passageIds);
  return outline;
}

/** Put a lesson's text into its outline object (in place: every view holds the same course). */
export function mergeLessonText(lesson: Lesson, words: LessonText): void {
  lesson.html = words.html;
  lesson.toc = words.toc;
  lesson.footnotes = words.footnotes;
  lesson.brief?.forEach((p, j) => (p.html = words.brief?.[j] ?? p.html));
}

/** Put a quiz's text into its outline object. */
export function mergeQuizText(quiz: Quiz, words: QuizText): void {
  quiz.introHtml = words.introHtml;
  quiz.questions.forEach((q, j) => {
    const t = words.questions[j];
    Object.assign(q, { promptHtml: q.promptText }, t.fields);
    for (const list of CHOICE_LISTS) {
      (q as ChoiceLists)[list]?.forEach((c, k) => {
        const [html, plain, feedbackHtml] = t[list]![k];
        Object.assign(c, { html, text: plain ?? textOfPlainHtml(html) }, feedbackHtml !== undefined ? { feedbackHtml } : {});
      });
    }
  });
}

/** Put the definitions into the glossary's outline objects. */
export function mergeGlossaryText(glossary: GlossaryEntry[], words: GlossaryText): void {
  glossary.forEach((g, i) => {
    const [aliases, definitionHtml, definitionText] = words[i];
    Object.assign(g, { aliases, definitionHtml, definitionText: definitionText ?? textOfPlainHtml(definitionHtml) });
  });
}

/** Put all of the text into the outline (tests, and any reader that has every part). */
export function mergeCourseText(course: Course, text: CourseText): void {
  course.lessons.forEach((lesson, i) => mergeLessonText(lesson, text.lessons[i]));
  course.quizzes.forEach((quiz, i) => mergeQuizText(quiz, text.quizzes[i]));
  if (course.glossary) mergeGlossaryText(course.glossary, text.glossary);
}

/** A place whose text loads on its own: a lesson, a quiz (with its lesson), the glossary. */
export type TextPart = { kind: 'lesson'; id: string } | { kind: 'quiz'; id: string } | { kind: 'glossary' };

/** A part's name, for comparing parts (`lesson/<id>`, `quiz/<id>`, `glossary`). */
export const partKey = (p: TextPart) => (p.kind === 'glossary' ? 'glossary' : `${p.kind}/${p.id}`);

/** A lesson's chunk (its index in the outline) or the glossary's. */
type Chunk = number | 'glossary';

/** The chunk a part is in: its lesson's index (a quiz's lesson), or 'glossary'; null for an unknown id. */
function chunkOf(course: Course, part: TextPart): Chunk | null {
  if (part.kind === 'glossary') return 'glossary';
  const lessonId = part.kind === 'lesson' ? part.id : course.quizzes.find((q) => q.id === part.id)?.lessonId;
  const i = course.lessons.findIndex((l) => l.id === lessonId);
  return i >= 0 ? i : null;
}

/** Per course object: loads under way or done, by chunk (a failed load is forgotten so that it may be tried again), and those done. */
const state = new WeakMap<Course, { loads: Map<Chunk, Promise<void>>; loaded: Set<Chunk> }>();
function loadsOf(course: Course) {
  let s = state.get(course);
  if (!s) state.set(course, (s = { loads: new Map(), loaded: new Set() }));
  return s;
}

/** True once the part's text is in its objects. */
export function textLoaded(course: Course, part: TextPart): boolean {
  const chunk = chunkOf(course, part);
  return chunk !== null && loadsOf(course).loaded.has(chunk);
}

/**
 * Load a part's text (once) and put it into the course. A lesson's or quiz's comes with the
 * glossary's definitions when the course has a glossary (the lesson's terms open in place). An
 * unknown id loads nothing.
 */
export function loadText(course: Course, part: TextPart, parts: TextParts): Promise<void> {
  const chunk = chunkOf(course, part);
  if (chunk === null) return Promise.resolve();
  const { loads, loaded } = loadsOf(course);
  let load = loads.get(chunk);
  if (!load) {
    load = loadChunk(course, chunk, parts).then(
      () => void loaded.add(chunk),
      (err: unknown) => {
        loads.delete(chunk);
        throw err;
      },
    );
    loads.set(chunk, load);
  }
  if (chunk !== 'glossary' && course.glossary?.length) return Promise.all([load, loadText(course, { kind: 'glossary' }, parts)]).then(() => {});
  return load;
}

async function loadChunk(course: Course, chunk: Chunk, parts: TextParts): Promise<void> {
  if (chunk === 'glossary') {
    if (course.glossary?.length) mergeGlossaryText(course.glossary, (await parts.glossary()).default);
    return;
  }
  const words = (await parts.lessons[chunk]()).default;
  const lesson = course.lessons[chunk];
  mergeLessonText(lesson, words.lesson);
  course.quizzes.filter((q) => q.lessonId === lesson.id).forEach((q, j) => mergeQuizText(q, words.quizzes[j]));
}
