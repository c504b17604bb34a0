/**
 * Build time: the course settings from the optional `course.yaml` in the content folder
 * (title, id, description, credit, pass mark, completion rule, quiz rules, content advisory, support box).
 * Everything has a default, so a folder with only `modules/` still builds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_QUIZ_RULES } from '../course/quiz-engine.ts';
import type { CourseSettings, Credit, Lesson, Quiz, QuizRules, ShowCorrectAnswers } from '../course/types.ts';
import { ContentError } from './errors.ts';
import { markdownToSafeHtml } from './markdown.ts';
import { htmlToText } from './plain-text.ts';
import { Checker, isEmpty } from './yaml-check.ts';
import { parseYaml, type YEntry } from './yaml-lines.ts';

export const SETTINGS_FILE = 'course.yaml';

export interface LoadedSettings {
  /** `estimatedMinutes` is 0 when course.yaml does not set it: compileCourse then estimates it. */
  settings: CourseSettings;
  /**
   * The work this course teaches, from course.yaml; null when course.yaml gives none. The pages carry
   * no citation, and a course must never be credited to a review it is not about, so compileCourse
   * stops with what to add.
   */
  credit: Credit | null;
  /** Plain text (manifest description and start page). */
  description: string;
  /** Override of the course id (SCORM-safe); absent = made from the title. */
  id?: string;
  /** Override of the pages' `parent` title. */
  title?: string;
  /** Files read (for watch mode). */
  inputs: string[];
}

export const DEFAULT_ADVISORY =
  'This course deals with difficult subjects. Take it at your own pace: you can pause at any time ' +
  'and come back later, and your progress is kept.';

/**
 * What a learner reads when course.yaml sets no `support`: humane and true anywhere, so it names no
 * number, service or organisation (an invented helpline could send a distressed person nowhere).
 * It must never read like configuration; the author is told instead, at build time (SUPPORT_MISSING).
 */
export const DEFAULT_SUPPORT = {
  heading: 'If this brings something up for you',
  text:
    'Some of this material can be hard to read, especially if it touches your own life or your work with someone.\n\n' +
    '- You can stop at any time. Your progress is kept.\n' +
    '- Take a break: step away, breathe, do something else for a while.\n' +
    '- Talk to someone you trust, or to your line manager, about how you feel.\n',
};

/** Why the build warns when `support` is unset (build, package and preview show it). */
export const SUPPORT_MISSING =
  'This package ships WITHOUT your organisation\'s support details: course.yaml has no "support", so learners see a ' +
  'generic text (stop, take a break, talk to someone you trust or your line manager). Add "support: heading/text" with ' +
  'your staff support or helpline details before giving the course to learners.';

/**
 * The same warning as a box for a terminal (npm run build, npm run package), printed last so it is the
 * thing an author sees when the command ends.
 */
export function supportWarningBox(): string {
  const lines = [
    'WARNING: this package ships WITHOUT support details.',
    '',
    'course.yaml sets no "support", so a learner who finds the content',
    'distressing is shown only a generic text (stop, take a break, talk to',
    'someone you trust or your line manager), with no staff support service',
    'or helpline of your organisation.',
    '',
    'Before giving the course to learners, add to course.yaml:',
    '  support:',
    '    heading: If this brings something up for you',
    '    text: <your staff support or helpline details>',
    'and build again.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 4);
  return ['', bar, ...lines.map((l) => `! ${l.padEnd(width)} !`), bar, ''].join('\n') + '\n';
}

const FIELDS = {
  required: [],
  optional: ['id', 'title', 'description', 'language', 'passMark', 'completion', 'estimatedMinutes', 'credit', 'advisory', 'support', 'quiz'],
} as const;

/** Manifest identifiers are xs:ID (no leading digit) and interaction ids must match SCORM_ID. */
const COURSE_ID = /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export async function loadSettings(contentRoot: string): Promise<LoadedSettings> {
  const abs = path.join(contentRoot, SETTINGS_FILE);
  let text: string | null = null;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const loaded = parseSettings(text ?? '', SETTINGS_FILE);
  return { ...loaded, inputs: text === null ? [] : [abs] };
}

/** Check the text of a course.yaml (empty text = all defaults). Throws a ContentError listing every problem. */
export function parseSettings(text: string, file = SETTINGS_FILE): Omit<LoadedSettings, 'inputs'> {
  const check = new Checker(file);
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), file);
  check.problems.push(...parsed.problems);
  const f = parsed.root && !parsed.problems.length ? check.fields(parsed.root, FIELDS, 'the course settings') : new Map<string, YEntry>();
  const given = (key: string) => {
    const e = f?.get(key);
    return e && !isEmpty(e.value) ? e : undefined;
  };

  const out: Omit<LoadedSettings, 'inputs'> = {
    settings: {
      completion: { lessons: 'all', quizzes: 'all-submitted' },
      passMark: 80,
      advisoryHtml: '',
      support: { heading: DEFAULT_SUPPORT.heading, html: '', configured: false },
      estimatedMinutes: 0,
      language: 'en',
      quiz: { ...DEFAULT_QUIZ_RULES },
    },
    credit: null,
    description: '',
  };
  let advisory = DEFAULT_ADVISORY;
  let supportText = DEFAULT_SUPPORT.text;

  const id = given('id');
  if (id) {
    const v = check.text(id.value, 'the course "id"');
    if (v !== null && !COURSE_ID.test(v.trim())) {
      check.add(
        id.value.line,
        `The course "id" "${v.trim()}" cannot be used in a SCORM manifest: start with a letter or "_", then use only letters, digits, "_" and "." (at most 250 characters).`,
      );
    } else if (v !== null) out.id = v.trim();
  }
  const title = given('title');
  if (title) {
    const v = check.text(title.value, 'the course "title"');
    if (v !== null) out.title = v.replace(/\s+/g, ' ').trim();
  }
  const description = given('description');
  if (description) {
    const v = check.text(description.value, 'the course "description"');
    if (v !== null) out.description = v.replace(/\s+/g, ' ').trim();
  }
  const language = given('language');
  if (language) {
    const v = check.text(language.value, 'the course "language"');
    if (v !== null && !LANGUAGE.test(v.trim())) {
      check.add(language.value.line, `The course "language" "${v.trim()}" is not a language tag; write e.g. en, en-GB or fr.`);
    } else if (v !== null) out.settings.language = v.trim();
  }
  const passMark = given('passMark');
  if (passMark) {
    const v = check.number(passMark.value, 'the course pass mark "passMark"', { min: 0, max: 100 });
    if (v !== null) out.settings.passMark = v;
  }
  const minutes = given('estimatedMinutes');
  if (minutes) {
    const v = check.number(minutes.value, 'the course "estimatedMinutes"', { min: 1, integer: true });
    if (v !== null) out.settings.estimatedMinutes = v;
  }
  const completion = given('completion');
  if (completion) {
    const c = check.fields(completion.value, { required: [], optional: ['lessons', 'quizzes'] }, 'the course "completion" rule');
    const lessons = c?.get('lessons');
    const quizzes = c?.get('quizzes');
    if (lessons) {
      const v = check.oneOf(lessons.value, ['all', 'none'] as const, '"completion: lessons"');
      if (v) out.settings.completion.lessons = v;
    }
    if (quizzes) {
      const v = check.oneOf(quizzes.value, ['all-submitted', 'all-passed', 'none'] as const, '"completion: quizzes"');
      if (v) out.settings.completion.quizzes = v;
    }
  }
  const quiz = given('quiz');
  if (quiz) readQuizRules(quiz, check, out.settings.quiz!);
  const credit = given('credit');
  if (credit) out.credit = parseCredit(check, credit);
  const adv = given('advisory');
  if (adv) {
    const v = check.text(adv.value, 'the content "advisory"');
    if (v !== null) advisory = v;
  }
  const support = given('support');
  if (support) {
    const s = check.fields(support.value, { required: ['text'], optional: ['heading'] }, 'the "support" box');
    const heading = s?.get('heading');
    if (heading && !isEmpty(heading.value)) {
      const v = check.text(heading.value, 'the "support" heading');
      if (v !== null) out.settings.support.heading = v.replace(/\s+/g, ' ').trim();
    }
    const t = s?.get('text');
    if (t && !isEmpty(t.value)) {
      const v = check.text(t.value, 'the "support" text');
      if (v !== null) {
        supportText = v;
        out.settings.support.configured = true;
      }
    }
  }

  out.settings.advisoryHtml = markdownToSafeHtml(advisory);
  out.settings.support.html = markdownToSafeHtml(supportText);
  for (const [e, html, what] of [
    [adv, out.settings.advisoryHtml, 'The content "advisory"'],
    [support, out.settings.support.html, 'The "support" text'],
  ] as const) {
    if (e && htmlToText(html) === '') check.add(e.value.line, `${what} is empty once unsafe HTML is removed.`);
  }
  if (!out.description && out.credit) {
    const c = out.credit;
    out.description = `A short course on ${c.author} (${c.year}), "${c.title}", ${c.source}.`;
  }
  if (check.problems.length) throw new ContentError(check.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return out;
}

const SHOW_CORRECT: readonly ShowCorrectAnswers[] = ['afterFinalAttempt', 'afterEachAttempt', 'never'];
const RETRY: readonly QuizRules['retry'][] = ['wrongOnly', 'all'];

/** The `quiz` block: attempts (a whole number from 1, or `unlimited`), showCorrectAnswers, retry. */
function readQuizRules(e: YEntry, check: Checker, out: QuizRules): void {
  const f = check.fields(e.value, { required: [], optional: ['attempts', 'showCorrectAnswers', 'retry'] }, 'the "quiz" rules');
  const attempts = f?.get('attempts');
  if (attempts && !isEmpty(attempts.value)) {
    const node = attempts.value;
    if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() === 'unlimited') out.attempts = 0;
    else if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1) out.attempts = node.value;
    else {
      check.add(
        node.line,
        `"quiz: attempts" must be a whole number from 1 or "unlimited", but it is "${node.kind === 'scalar' ? node.raw : node.kind}".` +
          (node.kind === 'scalar' && node.value === 0 ? ' (0 does not mean unlimited here: write "unlimited".)' : ''),
      );
    }
  }
  const show = f?.get('showCorrectAnswers');
  if (show && !isEmpty(show.value)) {
    const v = check.oneOf(show.value, SHOW_CORRECT, '"quiz: showCorrectAnswers"');
    if (v) out.showCorrectAnswers = v;
  }
  const retry = f?.get('retry');
  if (retry && !isEmpty(retry.value)) {
    const v = check.oneOf(retry.value, RETRY, '"quiz: retry"');
    if (v) out.retry = v;
  }
}

/**
 * The `credit:` block: author, year, title and source are required; `url` is optional, because a print
 * source (a book, a report on paper) has no web address, and an invented one would mislead. Null when
 * the block is not a mapping (the problem is in `check`).
 */
function parseCredit(check: Checker, credit: YEntry): Credit | null {
  const c = check.fields(
    credit.value,
    { required: ['author', 'year', 'title', 'source'], optional: ['url'] },
    'the course "credit"',
  );
  if (!c) return null;
  const out: Credit = { author: '', year: 0, title: '', source: '' };
  const str = (key: 'author' | 'title' | 'source') => {
    const e = c.get(key);
    const v = e ? check.text(e.value, `the credit "${key}"`) : null;
    if (v !== null) out[key] = v.replace(/\s+/g, ' ').trim();
  };
  str('author');
  str('title');
  str('source');
  const year = c.get('year');
  if (year) {
    const v = check.number(year.value, 'the credit "year"', { min: 1000, max: 9999, integer: true });
    if (v !== null) out.year = v;
  }
  const url = c.get('url');
  // An empty `url:` is the same as none (a template left blank), not a broken link.
  if (url && !isEmpty(url.value)) {
    const v = check.text(url.value, 'the credit "url"');
    if (v !== null && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(v.trim())) {
      check.add(url.value.line, `The credit "url" "${v.trim()}" is not a web address; write it in full, starting with https://, or leave "url" out for a work that is not online.`);
    } else if (v !== null) out.url = v.trim();
  }
  return out;
}

/**
 * Minutes for the whole course when course.yaml does not say: the lessons' reading estimates
 * plus about a minute per question (read, answer, read the feedback).
 */
export function estimateMinutes(lessons: readonly Lesson[], quizzes: readonly Quiz[]): number {
  const reading = lessons.reduce((s, l) => s + l.minutes, 0);
  const questions = quizzes.reduce((s, q) => s + (q.settings.pool ?? q.questions.length), 0);
  return Math.max(1, Math.ceil(reading + questions));
}
