/**
 * The course's text arrives in its own chunk, after the first view. The start page, the header,
 * the outline and the SCORM runtime need only the course's shape: titles, ids, question types,
 * correct answers (to score and to restore saved answers) and prompts as plain text (the SCORM 2004
 * interaction descriptions sent again at launch). The lesson bodies, the questions' words, hints,
 * feedback and sources, and the glossary's definitions are most of the course's bytes, and only the
 * lesson, quiz and glossary views show them.
 *
 * `splitCourse` runs at build time (rollup plugin); `loadCourseText` in the browser puts the text
 * back into the same objects, so every view reads one `Course`.
 */
import type { Choice, Course, GlossaryEntry, Lesson, Question, Quiz } from './types.ts';

/*
 * The text chunk is positional (the i-th entry belongs to the outline's i-th lesson, question or
 * choice: the ids are in the outline already), and it leaves out a plain-text copy that equals its
 * HTML (most option labels): both zip and first view are measured, and repeats across two files
 * are not compressed away.
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

export interface CourseText {
  /** Each lesson's body and notes, and its "In brief" points' HTML (the outline keeps their sources). */
  lessons: (Pick<Lesson, 'html' | 'footnotes'> & { brief?: string[] })[];
  quizzes: { introHtml: string; questions: QuestionText[] }[];
  /** Each term's other spellings, definition, and definition as text when that is not the HTML itself. */
  glossary: [aliases: string[], definitionHtml: string, definitionText: string | null][];
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

/** Build time: the course's shape (the first view's data) and its text (the later chunk). */
export function splitCourse(course: Course): { outline: Course; text: CourseText } {
  const text: CourseText = { lessons: [], quizzes: [], glossary: [] };
  const lessons = course.lessons.map((l): Lesson => {
    text.lessons.push({ html: l.html, footnotes: l.footnotes, ...(l.brief ? { brief: l.brief.map((p) => p.html) } : {}) });
    // The start page tells whether lessons have "In brief" points; their words come with the text.
    return { ...l, html: '', footnotes: [], ...(l.brief ? { brief: l.brief.map((p) => ({ ...p, html: '' })) } : {}) };
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

/** Browser: put the text into the outline's objects (in place: every view holds the same course). */
export function mergeCourseText(course: Course, text: CourseText): void {
  course.lessons.forEach((lesson, i) => {
    const words = text.lessons[i];
    lesson.html = words.html;
    lesson.footnotes = words.footnotes;
    lesson.brief?.forEach((p, j) => (p.html = words.brief?.[j] ?? p.html));
  });
  course.quizzes.forEach((quiz, i) => {
    const words = text.quizzes[i];
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
  });
  course.glossary?.forEach((g, i) => {
    const [aliases, definitionHtml, definitionText] = text.glossary[i];
    Object.assign(g, { aliases, definitionHtml, definitionText: definitionText ?? textOfPlainHtml(definitionHtml) });
  });
}

let loading: Promise<void> | null = null;
let loaded = false;

/** True once the course's text is in its objects. */
export function courseTextLoaded(): boolean {
  return loaded;
}

/** Load the text (once) and put it into the course. A failed load may be tried again. */
export function loadCourseText(course: Course): Promise<void> {
  loading ??= import('virtual:course-text').then(
    ({ default: text }) => {
      mergeCourseText(course, text);
      loaded = true;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
