/**
 * The quiz file format (docs/quiz-format.md), checked by hand: one parsed YAML file in, one
 * Quiz out, or every problem of the file with its line, in words an author can act on.
 * Markdown is rendered through the `render` callback so this module stays free of file access.
 */
import type {
  Choice,
  Feedback,
  Lesson,
  MatchingQuestion,
  Question,
  QuestionType,
  Quiz,
  QuizSettings,
} from '../course/types.ts';
import { htmlToText, truncate } from './plain-text.ts';
import { findQuote, lessonIndex, normalizeSpace } from './sentences.ts';
import { Checker, closest, didYouMean, isEmpty, scormIdProblem, type FieldSpec } from './yaml-check.ts';
import { entry, type YEntry, type YNode } from './yaml-lines.ts';

export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'matching', 'ordering'];

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  passMark: 80,
  attempts: 0,
  shuffleQuestions: true,
  shuffleOptions: true,
  pool: null,
  retryWrongOnly: true,
};

/** Said when the author gives no feedback: kind, never "Wrong!". */
export const DEFAULT_FEEDBACK = { correct: 'That is right.', incorrect: 'Not quite.' };

export interface QuizContext {
  /** Path for messages, relative to the content folder: `quizzes/exit-models.yaml`. */
  file: string;
  /** File name relative to `quizzes/` (Quiz.file). */
  name: string;
  lessons: readonly Lesson[];
  /** Markdown to sanitised HTML. */
  render: (markdown: string, inline: boolean) => string;
  /** Filled with the lines the item linter names: see QuizLines. */
  lines?: QuizLines;
}

/**
 * Lines of a quiz file's parts, for the item linter's messages (src/content/quiz-lint.ts). Keys:
 * `questions` (the list), `<question id>` (its first line), `<question id>.source`, `<question id>.correct`,
 * `<question id>.prompt`, `<question id>.<option/item/target id>`.
 */
export type QuizLines = Map<string, number>;

const QUIZ_FIELDS: FieldSpec = { required: ['lesson', 'questions'], optional: ['id', 'title', 'intro', 'settings'] };
const SETTINGS_FIELDS: FieldSpec = { required: [], optional: Object.keys(DEFAULT_QUIZ_SETTINGS) };
const TYPE_KEYS: Record<QuestionType, string[]> = {
  single: ['options'],
  multiple: ['options'],
  truefalse: [],
  matching: ['items', 'targets'],
  ordering: ['options'],
};
const TYPE_NAMES: Record<QuestionType, string> = {
  single: 'single-choice',
  multiple: 'multiple-choice',
  truefalse: 'true/false',
  matching: 'matching',
  ordering: 'ordering',
};

/** Check one parsed quiz file and build the Quiz. Returns null when there is any problem. */
export function buildQuiz(root: YNode | null, ctx: QuizContext, check: Checker): Quiz | null {
  if (root === null) {
    check.add(null, 'The file is empty. A quiz needs at least "lesson" and "questions".');
    return null;
  }
  const before = check.problems.length;
  const f = check.fields(root, QUIZ_FIELDS, 'the quiz');
  if (!f) return null;

  const id = quizId(f.get('id'), ctx, check);
  const lesson = findLesson(f.get('lesson'), ctx, check);
  const titleEntry = f.get('title');
  const title = titleEntry ? check.text(titleEntry.value, 'the quiz "title"') : lesson ? `Check your understanding: ${lesson.title}` : null;
  const introEntry = f.get('intro');
  const intro = introEntry && !isEmpty(introEntry.value) ? check.text(introEntry.value, 'the quiz "intro"') : '';
  const settings = readSettings(f.get('settings'), check);

  const questions: Question[] = [];
  const qEntry = f.get('questions');
  const list = qEntry && !isEmpty(qEntry.value) ? check.list(qEntry.value, 'the quiz "questions"') : null;
  if (list && list.items.length === 0) check.add(list.line, 'The quiz has no questions: add at least one under "questions".');
  if (qEntry) ctx.lines?.set('questions', qEntry.keyLine);
  const seen = new Map<string, number>();
  for (const [i, node] of (list?.items ?? []).entries()) {
    // Duplicates are found from the raw ids, so they are reported even when a question has other problems.
    const rawId = node.kind === 'map' ? entry(node, 'id')?.value : undefined;
    const dupId = rawId?.kind === 'scalar' && rawId.raw.trim() ? rawId.raw.trim() : null;
    if (dupId !== null && seen.has(dupId)) {
      check.add(node.line, `Question id "${dupId}" is used twice in this quiz (first on line ${seen.get(dupId)}); each question needs its own id.`);
    } else if (dupId !== null) seen.set(dupId, node.line);
    const q = readQuestion(node, i + 1, lesson, ctx, check);
    if (q) questions.push(q);
  }

  if (settings && list && settings.pool !== null && settings.pool > list.items.length) {
    const poolLine = f.get('settings')?.value.kind === 'map' ? entryLine(f.get('settings')!.value, 'pool') : list.line;
    check.add(
      poolLine,
      `The quiz "pool" draws ${settings.pool} questions, but the quiz has only ${list.items.length}. Lower the pool or add questions.`,
    );
  }

  if (check.problems.length > before || !id || !lesson || title === null || intro === null || !settings || !list) return null;
  return {
    id,
    file: ctx.name,
    title: title.replace(/\s+/g, ' ').trim(),
    introHtml: intro ? ctx.render(intro, false) : '',
    lessonId: lesson.id,
    settings,
    questions,
  };
}

function entryLine(node: YNode, key: string): number {
  return node.kind === 'map' ? (entry(node, key)?.keyLine ?? node.line) : node.line;
}

/** `id:` or, when absent, the file name made SCORM-safe (`exit-models.yaml` -> `exit_models`). */
function quizId(e: YEntry | undefined, ctx: QuizContext, check: Checker): string | null {
  if (e) return check.id(e.value, 'the quiz "id"');
  const derived = ctx.name.replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9_.]+/g, '_');
  const problem = scormIdProblem(derived);
  if (problem) {
    check.add(1, `The quiz has no "id", and one cannot be made from the file name: add a line "id: ..." (letters, digits, "_" and "." only).`);
    return null;
  }
  return derived;
}

/** The lesson named by `lesson:`: the page's file name (`05-discussion.md`) or the lesson id (`05_discussion`). */
function findLesson(e: YEntry | undefined, ctx: QuizContext, check: Checker): Lesson | null {
  if (!e || isEmpty(e.value)) return null; // reported as missing
  const name = check.text(e.value, 'the quiz "lesson"');
  if (name === null) return null;
  const wanted = name.trim().replace(/^(\.\/)?modules\//, '');
  const lesson = ctx.lessons.find((l) => l.file === wanted || l.id === wanted);
  if (lesson) return lesson;
  const names = ctx.lessons.map((l) => l.file);
  const guess = didYouMean(wanted, [...names, ...ctx.lessons.map((l) => l.id)]);
  check.add(
    e.value.line,
    `The lesson "${wanted}" does not exist.` +
      (guess ? ` Did you mean "${guess}"?` : '') +
      (names.length ? ` Lessons are named by their page's file name: ${names.join(', ')}.` : ' There are no pages in modules/.'),
  );
  return null;
}

function readSettings(e: YEntry | undefined, check: Checker): QuizSettings | null {
  const out: QuizSettings = { ...DEFAULT_QUIZ_SETTINGS };
  if (!e || isEmpty(e.value)) return out;
  const f = check.fields(e.value, SETTINGS_FIELDS, 'the quiz "settings"');
  if (!f) return null;
  let ok = true;
  const get = <T>(key: string, read: (n: YNode) => T | null, set: (v: T) => void) => {
    const x = f.get(key);
    if (!x) return;
    const v = read(x.value);
    if (v === null) ok = false;
    else set(v);
  };
  get('passMark', (n) => check.number(n, 'the pass mark "passMark"', { min: 0, max: 100 }), (v) => (out.passMark = v));
  get('attempts', (n) => check.number(n, '"attempts" (0 = unlimited)', { min: 0, integer: true }), (v) => (out.attempts = v));
  get('shuffleQuestions', (n) => check.bool(n, '"shuffleQuestions"'), (v) => (out.shuffleQuestions = v));
  get('shuffleOptions', (n) => check.bool(n, '"shuffleOptions"'), (v) => (out.shuffleOptions = v));
  get('retryWrongOnly', (n) => check.bool(n, '"retryWrongOnly"'), (v) => (out.retryWrongOnly = v));
  const pool = f.get('pool');
  if (pool && !(pool.value.kind === 'scalar' && pool.value.value === null)) {
    const n = check.number(pool.value, 'the "pool" (questions drawn per attempt; leave empty for all)', { min: 1, integer: true });
    if (n === null) ok = false;
    else out.pool = n;
  }
  return ok ? out : null;
}

function readQuestion(node: YNode, n: number, lesson: Lesson | null, ctx: QuizContext, check: Checker): Question | null {
  const before = check.problems.length;
  if (node.kind !== 'map') {
    check.map(node, `question ${n}`);
    return null;
  }
  // Name the question by its id in messages as soon as it has one.
  const idNode = entry(node, 'id')?.value;
  const label = idNode && idNode.kind === 'scalar' && idNode.raw.trim() ? `question "${idNode.raw.trim()}"` : `question ${n}`;
  const typeEntry = entry(node, 'type');
  const type =
    typeEntry && !isEmpty(typeEntry.value) ? check.oneOf(typeEntry.value, QUESTION_TYPES, `${label}: the type`) : null;

  const typeKeys = type ? TYPE_KEYS[type] : ['options', 'items', 'targets'];
  const f = check.fields(
    node,
    {
      required: ['id', 'type', 'prompt', 'correct', 'source', ...(type ? TYPE_KEYS[type] : [])],
      optional: ['hint', 'feedback', 'weight', ...typeKeys],
      why: {
        correct: 'the question has no correct answer',
        source: 'give the id of the passage in the lesson that supports the answer',
        options: 'list the answers to choose from',
        items: 'list the things to match',
        targets: 'list what the items are matched to',
      },
      // A key that belongs to another question type gets a precise message rather than "unknown key".
      explainUnknown: (key) => (type && ['options', 'items', 'targets'].includes(key) ? `${typeSentence(type)} Remove "${key}".` : null),
    },
    label,
  );
  if (!f) return null;

  const id = f.get('id') ? check.id(f.get('id')!.value, 'the question id') : null;
  const prompt = f.get('prompt') ? inline(f.get('prompt')!.value, `${label}: the "prompt"`, ctx, check) : null;
  const hintE = f.get('hint');
  const hint = hintE && !isEmpty(hintE.value) ? inline(hintE.value, `${label}: the "hint"`, ctx, check) : undefined;
  const feedback = readFeedback(f.get('feedback'), type, label, ctx, check);
  const weightE = f.get('weight');
  const weight = weightE ? check.number(weightE.value, `${label}: the "weight"`, { above: 0 }) : 1;
  const source = readSource(f.get('source'), lesson, label, ctx, check);
  if (id !== null && ctx.lines) {
    ctx.lines.set(id, node.line);
    for (const key of ['source', 'correct', 'prompt'] as const) {
      const e = f.get(key);
      if (e) ctx.lines.set(`${id}.${key}`, e.keyLine);
    }
    for (const key of ['options', 'items', 'targets']) {
      const e = f.get(key);
      if (e?.value.kind !== 'seq') continue;
      for (const item of e.value.items) {
        const oid = item.kind === 'map' ? entry(item, 'id')?.value : undefined;
        if (oid?.kind === 'scalar') ctx.lines.set(`${id}.${oid.raw.trim()}`, item.line);
      }
    }
  }

  if (!type) return null; // a missing or unknown type is already reported
  const correct = f.get('correct');
  let body: Partial<Question> | null = null;
  if (correct && !isEmpty(correct.value)) {
    switch (type) {
      case 'single':
      case 'multiple':
      case 'ordering':
        body = readChoiceQuestion(type, f, correct, label, ctx, check);
        break;
      case 'truefalse': {
        const v = check.bool(correct.value, `${label}: the "correct" answer of a true/false question`);
        body = v === null ? null : { correct: v };
        break;
      }
      case 'matching':
        body = readMatching(f, correct, label, ctx, check);
        break;
    }
  }
  if (check.problems.length > before || !body || id === null || prompt === null || hint === null || !feedback || weight === null || source === null) {
    return null;
  }
  return {
    id,
    type,
    promptHtml: prompt,
    promptText: truncate(htmlToText(prompt), 250),
    ...(hint ? { hintHtml: hint } : {}),
    feedback,
    ...source,
    weight,
    ...body,
  } as Question;
}

function typeSentence(type: QuestionType): string {
  switch (type) {
    case 'truefalse':
      return 'a true/false question has no options: its answer is "correct: true" or "correct: false".';
    case 'matching':
      return 'a matching question lists "items" and "targets" instead of "options".';
    default:
      return `${article(TYPE_NAMES[type])} question lists "options", not "items" or "targets".`;
  }
}

function inline(node: YNode, what: string, ctx: QuizContext, check: Checker): string | null {
  const md = check.text(node, what);
  if (md === null) return null;
  const html = ctx.render(md, true);
  if (htmlToText(html) === '' && !/<img\b/.test(html)) {
    check.add(node.line, `${cap(what)} is empty once unsafe HTML is removed.`);
    return null;
  }
  return html;
}

function readFeedback(e: YEntry | undefined, type: QuestionType | null, label: string, ctx: QuizContext, check: Checker): Feedback | null {
  const out = {
    correctHtml: ctx.render(DEFAULT_FEEDBACK.correct, true),
    incorrectHtml: ctx.render(DEFAULT_FEEDBACK.incorrect, true),
    partialHtml: '',
  };
  let partialGiven = false;
  if (e && !isEmpty(e.value)) {
    const partialOk = type === null || type === 'multiple' || type === 'matching' || type === 'ordering';
    const f = check.fields(e.value, { required: [], optional: ['correct', 'incorrect', 'partial'] }, `the "feedback" of ${label}`);
    if (!f) return null;
    for (const key of ['correct', 'incorrect', 'partial'] as const) {
      const x = f.get(key);
      if (!x) continue;
      if (key === 'partial' && !partialOk) {
        check.add(x.keyLine, `${cap(label)}: "partial" feedback is only shown for multiple, matching and ordering questions; ${article(TYPE_NAMES[type!])} answer is either right or not. Remove it.`);
        continue;
      }
      const html = inline(x.value, `${label}: the "${key}" feedback`, ctx, check);
      if (html === null) continue;
      out[`${key}Html`] = html;
      if (key === 'partial') partialGiven = true;
    }
  }
  if (!partialGiven) out.partialHtml = out.incorrectHtml;
  return out;
}

type Source = Pick<Question, 'source' | 'sourceSentence' | 'sourceQuote' | 'sourceAnchor'>;

/**
 * `source:` is a passage id (`discussion-p4`), a sentence id (`discussion-p4-s7`), or a block with a
 * `passage` or `sentence` and a `quote`: words that must be in it word for word.
 */
function readSource(e: YEntry | undefined, lesson: Lesson | null, label: string, ctx: QuizContext, check: Checker): Source | null {
  if (!e || isEmpty(e.value)) return null; // reported as missing
  let ref: string | null;
  let refLine = e.value.line;
  let quote: { text: string; line: number } | null = null;
  let named: 'passage' | 'sentence' | null = null;
  if (e.value.kind === 'map') {
    const f = check.fields(e.value, { required: ['quote'], optional: ['passage', 'sentence'] }, `${label}: the "source"`);
    if (!f) return null;
    const p = f.get('passage');
    const s = f.get('sentence');
    if ((p ? 1 : 0) + (s ? 1 : 0) !== 1) {
      check.add(e.value.line, `${cap(label)}: the "source" names either a "passage" or a "sentence" (one of them), with the "quote" found in it.`);
      return null;
    }
    named = p ? 'passage' : 'sentence';
    const which = (p ?? s)!;
    refLine = which.value.line;
    ref = check.text(which.value, `${label}: the source's "${named}"`);
    const q = f.get('quote');
    const qt = q ? check.text(q.value, `${label}: the source's "quote"`) : null;
    if (qt === null) return null;
    quote = { text: qt, line: q!.value.line };
  } else {
    ref = check.text(e.value, `${label}: the "source"`);
  }
  if (ref === null) return null;
  const id = ref.trim().replace(/^#/, '');
  if (!lesson) return { source: id }; // the lesson problem is reported once, at "lesson:"
  const index = lessonIndex(lesson);
  const sentence = index.sentences.get(id);
  if (named === 'passage' && sentence) {
    check.add(refLine, `${cap(label)}: "${id}" is a sentence; write "sentence: ${id}".`);
    return null;
  }
  if (named === 'sentence' && !sentence) {
    check.add(refLine, `${cap(label)}: "${id}" is not a sentence of the lesson "${lesson.title}" (${lesson.file}); sentence ids end in -s<N> (list them with npm run passages).`);
    return null;
  }
  if (!sentence && !lesson.passageIds.includes(id)) {
    const elsewhere = ctx.lessons.find((l) => l !== lesson && (l.passageIds.includes(id) || lessonIndex(l).sentences.has(id)));
    const known = [...lesson.passageIds, ...index.sentences.keys()];
    check.add(
      refLine,
      `${cap(label)}: the source "${id}" is not a passage or sentence of the lesson "${lesson.title}" (${lesson.file}).` +
        (elsewhere ? ` It is in "${elsewhere.title}", but a question must point into the lesson its quiz follows.` : '') +
        (known.length ? ` Closest ids: ${closest(id, known).join(', ')}.` : ''),
    );
    return null;
  }
  const passage = sentence ? sentence.passage : id;
  if (!quote) {
    return sentence ? { source: passage, sourceSentence: id, sourceQuote: sentence.text, sourceAnchor: id } : { source: passage };
  }
  const text = sentence ? sentence.text : index.passages.get(passage)?.text ?? '';
  const hit = findQuote(text, quote.text);
  if (!hit) {
    check.add(
      quote.line,
      `${cap(label)}: the quote "${short(normalizeSpace(quote.text))}" is not in ${sentence ? 'the sentence' : 'the passage'} "${id}" word for word. ` +
        'Copy the words from the lesson exactly (npm run passages lists each sentence).',
    );
    return null;
  }
  const offset = (sentence?.start ?? 0) + hit.start;
  // The sentence the quote starts in, so the key and the passage list can name it.
  const inSentence =
    sentence ?? index.passages.get(passage)?.sentences.find((s) => offset >= s.start && offset + hit.text.length <= s.start + s.text.length);
  const whole = inSentence && inSentence.start === offset && inSentence.text.length === hit.text.length;
  return {
    source: passage,
    ...(inSentence ? { sourceSentence: inSentence.id } : {}),
    sourceQuote: hit.text,
    sourceAnchor: whole ? inSentence.id : `${passage}-c${offset}-${hit.text.length}`,
  };
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** `options:` of single, multiple and ordering questions. */
function readChoices(
  e: YEntry,
  label: string,
  what: 'option' | 'item' | 'target',
  allowFeedback: boolean,
  ctx: QuizContext,
  check: Checker,
): Choice[] | null {
  const key = `${what}s`;
  const list = check.list(e.value, `${label}: the "${key}"`);
  if (!list) return null;
  const out: Choice[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  for (const [i, node] of list.items.entries()) {
    const name = `${label}, ${what} ${i + 1}`;
    const f = check.fields(node, { required: ['id', 'text'], optional: allowFeedback ? ['feedback'] : [] }, name);
    if (!f) {
      ok = false;
      continue;
    }
    const id = f.get('id') ? check.id(f.get('id')!.value, `${label}: the ${what} id`) : null;
    const html = f.get('text') ? inline(f.get('text')!.value, `the text of ${name}`, ctx, check) : null;
    const fb = f.get('feedback');
    const feedbackHtml = fb && !isEmpty(fb.value) ? inline(fb.value, `the feedback of ${name}`, ctx, check) : undefined;
    if (id === null || html === null || feedbackHtml === null) {
      ok = false;
      continue;
    }
    if (seen.has(id)) {
      check.add(node.line, `${cap(label)}: the ${what} id "${id}" is used twice (first on line ${seen.get(id)}); each ${what} needs its own id.`);
      ok = false;
      continue;
    }
    seen.set(id, node.line);
    if (/^([A-Za-z]|\d+)$/.test(id)) {
      check.warn(
        f.get('id')!.value.line,
        `${cap(label)}: the ${what} id "${id}" is a bare ${/\d/.test(id) ? 'number' : 'letter'}; managers read option ids in the LMS's reports, so give it a word or two (e.g. "stigma", "role_exit").`,
      );
    }
    out.push({ id, html, text: htmlToText(html), ...(feedbackHtml ? { feedbackHtml } : {}) });
  }
  return ok ? out : null;
}

function readChoiceQuestion(
  type: 'single' | 'multiple' | 'ordering',
  f: Map<string, YEntry>,
  correct: YEntry,
  label: string,
  ctx: QuizContext,
  check: Checker,
): Partial<Question> | null {
  const e = f.get('options');
  if (!e) return null; // reported as missing
  const options = readChoices(e, label, 'option', type !== 'ordering', ctx, check);
  if (!options) return null;
  const ids = options.map((o) => o.id);
  if (options.length < 2) {
    check.add(e.value.line, `${cap(label)}: ${article(TYPE_NAMES[type])} question needs at least 2 options, but it has ${options.length}.`);
    return null;
  }
  const c = correct.value;
  if (type === 'single') {
    if (c.kind === 'seq') {
      check.add(c.line, `${cap(label)}: a single-choice question has exactly one correct answer. For several, use "type: multiple".`);
      return null;
    }
    const id = check.text(c, `${label}: the "correct" answer`);
    if (id === null) return null;
    if (!ids.includes(id.trim())) {
      check.add(c.line, notAnOption(label, id.trim(), ids, 'options'));
      return null;
    }
    return { options, correct: id.trim() };
  }
  // multiple: a list of option ids (one id alone is accepted); ordering: every option id once, in order.
  const list = c.kind === 'seq' ? c.items : [c];
  const picked: string[] = [];
  for (const item of list) {
    const id = check.text(item, `${label}: an entry of "correct"`);
    if (id === null) return null;
    if (!ids.includes(id.trim())) {
      check.add(item.line, notAnOption(label, id.trim(), ids, 'options'));
      return null;
    }
    if (picked.includes(id.trim())) {
      check.add(item.line, `${cap(label)}: "${id.trim()}" is listed twice in "correct".`);
      return null;
    }
    picked.push(id.trim());
  }
  if (type === 'multiple') {
    if (picked.length === 0) {
      check.add(c.line, `${cap(label)}: no correct answer is given; list the correct option ids, e.g. "correct: [a, c]".`);
      return null;
    }
    return { options, correct: picked };
  }
  const missing = ids.filter((id) => !picked.includes(id));
  if (missing.length) {
    check.add(c.line, `${cap(label)}: "correct" must list every option once, in the right order; it leaves out ${missing.map((m) => `"${m}"`).join(', ')}.`);
    return null;
  }
  return { options, correct: picked };
}

function readMatching(f: Map<string, YEntry>, correct: YEntry, label: string, ctx: QuizContext, check: Checker): Partial<MatchingQuestion> | null {
  const itemsE = f.get('items');
  const targetsE = f.get('targets');
  if (!itemsE || !targetsE) return null; // reported as missing
  const items = readChoices(itemsE, label, 'item', false, ctx, check);
  const targets = readChoices(targetsE, label, 'target', false, ctx, check);
  if (!items || !targets) return null;
  let ok = true;
  if (items.length < 2) {
    check.add(itemsE.value.line, `${cap(label)}: a matching question needs at least 2 items, but it has ${items.length}.`);
    ok = false;
  }
  if (targets.length < 2) {
    check.add(targetsE.value.line, `${cap(label)}: a matching question needs at least 2 targets, but it has ${targets.length}.`);
    ok = false;
  }
  const c = correct.value;
  if (c.kind !== 'map') {
    check.add(c.line, `${cap(label)}: the "correct" answer of a matching question pairs each item with its target, one per line: "item_id: target_id".`);
    return null;
  }
  const itemIds = items.map((i) => i.id);
  const targetIds = targets.map((t) => t.id);
  const pairs: Record<string, string> = {};
  for (const e of c.entries) {
    if (!itemIds.includes(e.key)) {
      check.add(e.keyLine, notAnOption(label, e.key, itemIds, 'items'));
      ok = false;
      continue;
    }
    const t = check.text(e.value, `${label}: the target of item "${e.key}"`);
    if (t === null) {
      ok = false;
      continue;
    }
    if (!targetIds.includes(t.trim())) {
      check.add(e.value.line, notAnOption(label, t.trim(), targetIds, 'targets'));
      ok = false;
      continue;
    }
    pairs[e.key] = t.trim();
  }
  const without = itemIds.filter((id) => !c.entries.some((e) => e.key === id));
  if (without.length) {
    check.add(
      c.line,
      `${cap(label)}: ${without.length === 1 ? 'the item' : 'the items'} ${without.map((w) => `"${w}"`).join(', ')} ${without.length === 1 ? 'has' : 'have'} no target in "correct"; every item needs one.`,
    );
    ok = false;
  }
  return ok ? { items, targets, correct: pairs } : null;
}

function notAnOption(label: string, id: string, ids: string[], what: 'options' | 'items' | 'targets'): string {
  const guess = didYouMean(id, ids);
  return (
    `${cap(label)}: the correct answer "${id}" is not one of the ${what} (${ids.join(', ')}).` +
    (guess && guess !== id ? ` Did you mean "${guess}"?` : '')
  );
}

function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
