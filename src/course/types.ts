/**
 * The compiled course: plain data, produced at build time by `src/content/` and
 * read in the browser by the components, the progress store and the SCORM runtime.
 * Nothing here is parsed in the browser: HTML strings are already sanitised.
 */

/** Ids that SCORM can carry: Moodle rejects anything outside `^[\w.]{1,250}$` in interactions. */
export const SCORM_ID = /^[A-Za-z0-9_.]{1,250}$/;

export interface Credit {
  /** e.g. "Chiara Ferrari" */
  author: string;
  year: number;
  /** Full title of the reviewed work. */
  title: string;
  /** e.g. "Journal of International Women's Studies, 22(5), article 13, pp. 195-209" */
  source: string;
  /**
   * Link to the original (shown as text and link; never fetched). Absent for a work that is not online
   * (a print source): author, year, title and source identify it.
   */
  url?: string;
}

export interface SupportInfo {
  /** Heading of the support box, e.g. "If this brings something up for you". */
  heading: string;
  /** Sanitised HTML, written by the organisation in course settings. */
  html: string;
  /**
   * False when course.yaml sets no `support`: the box then shows a generic, humane text and the
   * build warns that the package ships without the organisation's support details.
   */
  configured?: boolean;
}

export interface CourseSettings {
  /** Completion rule: which things must be done for `completed`. */
  completion: { lessons: 'all' | 'none'; quizzes: 'all-submitted' | 'all-passed' | 'none' };
  /** Overall pass mark in percent (0-100); the SCORM mastery score. */
  passMark: number;
  /** Sanitised HTML of the content advisory shown before the first lesson. */
  advisoryHtml: string;
  support: SupportInfo;
  /** Estimated minutes for the whole course (reading + quizzes). */
  estimatedMinutes: number;
  /** BCP 47 language of the content, e.g. "en". */
  language: string;
  /**
   * Attempts, retries and when the correct answers show, for every quiz (course.yaml `quiz`).
   * Absent in a hand-made Course: DEFAULT_QUIZ_RULES (src/course/quiz-engine.ts) then apply.
   */
  quiz?: QuizRules;
}

/** When a quiz shows the correct answers (course.yaml `quiz: showCorrectAnswers`). */
export type ShowCorrectAnswers = 'never' | 'afterFinalAttempt' | 'afterEachAttempt';

/**
 * How quizzes measure (course.yaml `quiz`). Feedback during an attempt says right or not and where to
 * review, never the key, unless `showCorrectAnswers` says so: a key shown before a retry makes the
 * retry certain.
 */
export interface QuizRules {
  /** Attempts per quiz; 0 = unlimited. A quiz's own `settings.attempts` can only lower it. */
  attempts: number;
  /** When the correct answers show: never, once the attempt is final (passed or none left), or after every attempt. */
  showCorrectAnswers: ShowCorrectAnswers;
  /**
   * What a retry asks: `wrongOnly` keeps the fully right answers and replaces each other question with
   * one not yet asked (the same type first) where the quiz has one, else asks it again reshuffled;
   * `all` draws a whole new attempt, questions not yet asked first.
   */
  retry: 'wrongOnly' | 'all';
}

export interface TocEntry {
  id: string;
  text: string;
  /** 2 for the lesson's sections (h2), 3 for sub-sections (h3) ... */
  level: number;
}

export interface Footnote {
  /** The marker as written, e.g. "3". */
  label: string;
  /** id of the note element at the end of the lesson, e.g. "fn-3". */
  id: string;
  /** id of the first in-text reference, or null when the page has no marker for it. */
  refId: string | null;
  /** When that reference is in another lesson (a review's closing ENDNOTES page): that lesson's id. */
  refLesson?: string;
  /** Sanitised inline HTML of the note. */
  html: string;
}

export interface Lesson {
  /** Stable, SCORM-safe id, derived from the page's file name: `05-discussion.md` -> `05_discussion`. */
  id: string;
  /** The page's file name relative to `modules/`, e.g. `05-discussion.md`. */
  file: string;
  /** Front matter `title`, trimmed. */
  title: string;
  navOrder: number;
  /**
   * The section of the review the page belongs to (its `parent` when that is a part of the review,
   * not the review itself): the outline and the course menu group lessons by it. Absent for pages
   * directly under the review; a review whose pages name no sections has none.
   */
  section?: string;
  /** id of the lesson's title heading (the h1 in the lesson view). */
  headingId: string;
  /**
   * Sanitised HTML of the lesson body, without the title heading and without the notes.
   * Sub-headings are h2..h6 with stable ids; passages (p, li, blockquote, figure, table, tr)
   * carry stable ids so quizzes can link to them.
   */
  html: string;
  /** In-lesson contents, built from the headings. */
  toc: TocEntry[];
  /** Notes moved to the end of the lesson (rendered by the lesson view in an aside). */
  footnotes: Footnote[];
  /** Every id present in `html` that a quiz `source` may point to. */
  passageIds: string[];
  /** Reading estimate in minutes (>= 1). */
  minutes: number;
  /** Words of plain text, for the benchmark and the estimate. */
  words: number;
  /** Learning outcomes (sanitised inline HTML), from `modules/<page>.brief.yaml`; absent when it has none. */
  outcomes?: string[];
  /** The "In brief" key points, from `modules/<page>.brief.yaml`; absent when it has none. */
  brief?: BriefPoint[];
}

/** One "In brief" point: the course author's plain-language summary of one passage of the review. */
export interface BriefPoint {
  /** Sanitised inline HTML. */
  html: string;
  /** id of the passage in this lesson it summarises (checked at build time). */
  source: string;
}

/** One glossary term, from `glossary.yaml` at the content root. */
export interface GlossaryEntry {
  /** Stable id made from the term, e.g. `stages_of_change`. */
  id: string;
  term: string;
  /** Other spellings found in the text (e.g. "Stage of Change"); matched case-insensitively. */
  aliases: string[];
  /** Sanitised inline HTML of the plain-language definition. */
  definitionHtml: string;
  /** Plain text of the definition. */
  definitionText: string;
  /** The lesson and passage the definition is taken from. */
  source: { lessonId: string; passage: string };
}

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'matching' | 'ordering';

export interface Choice {
  /** SCORM-safe id. */
  id: string;
  /** Sanitised inline HTML. */
  html: string;
  /** Plain text, for SCORM interaction descriptions and the preview panel. */
  text: string;
  /** Optional feedback shown when this option was chosen (sanitised inline HTML). */
  feedbackHtml?: string;
}

export interface Feedback {
  correctHtml: string;
  incorrectHtml: string;
  /** For multiple / matching / ordering; falls back to incorrect. */
  partialHtml: string;
}

interface QuestionBase {
  /** SCORM-safe id, unique within its quiz. */
  id: string;
  type: QuestionType;
  /** Sanitised inline HTML of the question (the legend). */
  promptHtml: string;
  /** Plain text of the prompt (SCORM 2004 interaction description, max 250 chars kept). */
  promptText: string;
  /** Optional hint (sanitised inline HTML), tied to the controls with aria-describedby. */
  hintHtml?: string;
  feedback: Feedback;
  /** id of the passage in the quiz's lesson that supports the answer. */
  source: string;
  /** The sentence that answers it (`<passage>-s<N>`), when the author named one or the quote lies in one. */
  sourceSentence?: string;
  /** The passage's own words that answer it (a sentence, or a quote verified at build time), white space collapsed. */
  sourceQuote?: string;
  /**
   * Where "Review this in the lesson" leads: the sentence id, or `<passage>-c<offset>-<length>` for a
   * quote, unique in the lesson. The lesson view highlights `sourceQuote` there.
   */
  sourceAnchor?: string;
  /** SCORM interaction weighting; default 1. */
  weight: number;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: Choice[];
  correct: string;
}
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: Choice[];
  correct: string[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  correct: boolean;
}
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** The things to match (left column); each gets a select. */
  items: Choice[];
  /** The things they match to (select options). Targets may be used by several items. */
  targets: Choice[];
  /** item id -> target id */
  correct: Record<string, string>;
}
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  options: Choice[];
  /** Option ids in the correct order. */
  correct: string[];
}

export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | MatchingQuestion | OrderingQuestion;

export interface QuizSettings {
  /** Pass mark in percent, default 80. */
  passMark: number;
  /** Attempts allowed; 0 = the course's rule (course.yaml `quiz: attempts`); a number only lowers it. */
  attempts: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Draw this many questions per attempt (null = all). */
  pool: number | null;
  /** false = a retry is always a whole new attempt, whatever course.yaml `quiz: retry` says. */
  retryWrongOnly: boolean;
}

export interface Quiz {
  /** SCORM-safe id. */
  id: string;
  /** Source YAML file, relative to `quizzes/`. */
  file: string;
  title: string;
  /** Sanitised HTML shown above the first question. */
  introHtml: string;
  /** The lesson this quiz follows and links to. */
  lessonId: string;
  settings: QuizSettings;
  questions: Question[];
}

export interface Course {
  /** SCORM-safe id (manifest identifiers). */
  id: string;
  /** From the pages' `parent`, cleaned. */
  title: string;
  /** One-paragraph description (manifest and start page). */
  description: string;
  credit: Credit;
  settings: CourseSettings;
  /**
   * In the site's navigation order: the review's index page first, then by nav_order (sections by their
   * own page's), equal nav_order by title, then file name (src/content/pages.ts, outlinePages).
   */
  lessons: Lesson[];
  quizzes: Quiz[];
  /** Glossary terms, sorted by term; empty when the content has no glossary.yaml. */
  glossary?: GlossaryEntry[];
  /** Short hash of the course structure (lessons, quizzes, question and option ids); stored in suspend_data. */
  version: string;
}

/** A learner's answer, by question type. */
export type Answer =
  | { type: 'single'; value: string }
  | { type: 'multiple'; value: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'matching'; value: Record<string, string> }
  | { type: 'ordering'; value: string[] };

/** The result of checking one answer. */
export interface QuestionResult {
  questionId: string;
  /** 0..1 */
  score: number;
  outcome: 'correct' | 'partial' | 'incorrect';
}
