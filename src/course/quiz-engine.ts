/**
 * Pure quiz logic: seeded drawing and shuffling, scoring of answers and attempts.
 * No DOM, no SCORM: the components, the progress store and the SCORM runtime all read it.
 */
import type { QuizProgress } from './progress.ts';
import type { Answer, Course, Question, QuestionResult, Quiz, QuizRules } from './types.ts';

/**
 * Defaults that measure: three attempts, feedback that never states the key before the attempt is
 * final, and a retry that asks new questions in place of the ones not fully right. With the key in
 * the feedback and unlimited retries of the same questions, a second attempt was certain.
 */
export const DEFAULT_QUIZ_RULES: QuizRules = { attempts: 3, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' };

/** mulberry32: a small, well-mixed 32-bit PRNG; the same seed always gives the same sequence. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A fresh seed for a new attempt (uint32). */
export function newSeed(): number {
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) {
    return crypto.getRandomValues(new Uint32Array(1))[0];
  }
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/**
 * The questions of an attempt, in display order. With a pool, draws `pool` of the eligible
 * questions; with shuffleQuestions, shuffles them. `eligible` restricts the draw (null = all).
 */
export function planQuestions(quiz: Quiz, seed: number, eligible: readonly string[] | null = null): string[] {
  const random = rng(seed);
  let ids = quiz.questions.map((q) => q.id).filter((id) => !eligible || eligible.includes(id));
  const pool = quiz.settings.pool;
  if (pool !== null && pool < ids.length && eligible === null) {
    ids = shuffled(ids, random).slice(0, pool);
    // keep authored order unless shuffling is on
    if (!quiz.settings.shuffleQuestions) ids = quiz.questions.map((q) => q.id).filter((id) => ids.includes(id));
  }
  if (quiz.settings.shuffleQuestions) ids = shuffled(ids, random);
  return ids;
}

/** The display order of a question's options (or matching items) for an attempt seed. */
export function optionOrder(quiz: Quiz, question: Question, seed: number): string[] {
  const base =
    question.type === 'truefalse'
      ? ['true', 'false']
      : question.type === 'matching'
        ? question.items.map((o) => o.id)
        : question.options.map((o) => o.id);
  // Ordering questions must never show the correct order first: that would give the answer away.
  if (question.type === 'ordering') {
    let salt = 0;
    let order = shuffled(base, rng(mix(seed, question.id)));
    while (order.every((id, i) => id === question.correct[i]) && base.length > 1 && salt < 20) {
      order = shuffled(base, rng(mix(seed, question.id + '#' + ++salt)));
    }
    return order;
  }
  if (!quiz.settings.shuffleOptions || question.type === 'truefalse') return base;
  return shuffled(base, rng(mix(seed, question.id)));
}

/** Mix a string into a seed (FNV-1a), so each question gets its own order from one attempt seed. */
export function mix(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True when the answer has something chosen (for the "nothing chosen" error). */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  if (!answer || answer.type !== question.type) return false;
  switch (answer.type) {
    case 'single':
      return answer.value !== '';
    case 'multiple':
      return answer.value.length > 0;
    case 'truefalse':
      return true;
    case 'matching':
      return Object.values(answer.value).some((v) => v !== '');
    case 'ordering':
      return answer.value.length === (question as { options: unknown[] }).options.length;
  }
}

/**
 * Score one answer in 0..1.
 * - single, true/false: all or nothing.
 * - multiple: (right picks - wrong picks) / number of correct options, floored at 0.
 * - matching: share of items matched to the right target.
 * - ordering: share of options in their correct position.
 */
export function scoreAnswer(question: Question, answer: Answer | undefined): QuestionResult {
  let score = 0;
  if (answer && answer.type === question.type) {
    switch (question.type) {
      case 'single':
        score = answer.value === question.correct ? 1 : 0;
        break;
      case 'truefalse':
        score = answer.value === question.correct ? 1 : 0;
        break;
      case 'multiple': {
        const picked = new Set(answer.value as string[]);
        const right = question.correct.filter((id) => picked.has(id)).length;
        const wrong = [...picked].filter((id) => !question.correct.includes(id)).length;
        score = Math.max(0, (right - wrong) / question.correct.length);
        break;
      }
      case 'matching': {
        const given = answer.value as Record<string, string>;
        const items = Object.keys(question.correct);
        score = items.filter((id) => given[id] === question.correct[id]).length / items.length;
        break;
      }
      case 'ordering': {
        const given = answer.value as string[];
        score = question.correct.filter((id, i) => given[i] === id).length / question.correct.length;
        break;
      }
    }
  }
  score = Math.round(score * 10000) / 10000;
  return {
    questionId: question.id,
    score,
    outcome: score >= 1 ? 'correct' : score > 0 ? 'partial' : 'incorrect',
  };
}

export interface AttemptScore {
  /** 0..100, rounded to 2 decimals. */
  percent: number;
  passed: boolean;
  results: QuestionResult[];
}

/** Score an attempt over the given questions (weighted). Unanswered questions score 0. */
export function scoreAttempt(quiz: Quiz, questionIds: readonly string[], answers: Record<string, Answer>): AttemptScore {
  const results: QuestionResult[] = [];
  let got = 0;
  let total = 0;
  for (const id of questionIds) {
    const q = quiz.questions.find((x) => x.id === id);
    if (!q) continue;
    const r = scoreAnswer(q, answers[id]);
    results.push(r);
    got += r.score * q.weight;
    total += q.weight;
  }
  const percent = total === 0 ? 0 : Math.round((got / total) * 10000) / 100;
  return { percent, passed: percent >= quiz.settings.passMark, results };
}

/** Find a question by id across the course. */
export function findQuestion(course: Course, quizId: string, questionId: string): Question | undefined {
  return course.quizzes.find((q) => q.id === quizId)?.questions.find((q) => q.id === questionId);
}

/**
 * The rules one quiz follows: the course's (course.yaml `quiz`), lowered by the quiz file's own
 * `attempts` (a number above 0) and `retryWrongOnly: false` (a retry is then a whole new attempt).
 */
export function quizRules(course: Course, quiz: Quiz): QuizRules {
  const rules = course.settings.quiz ?? DEFAULT_QUIZ_RULES;
  const own = quiz.settings.attempts;
  const attempts = own > 0 && (rules.attempts === 0 || own < rules.attempts) ? own : rules.attempts;
  return { attempts, showCorrectAnswers: rules.showCorrectAnswers, retry: quiz.settings.retryWrongOnly ? rules.retry : 'all' };
}

/** The attempt state the rules look at. */
type AttemptState = Pick<QuizProgress, 'attempt' | 'finished' | 'best'>;

/** Attempts still allowed after the current one; null = unlimited. */
export function attemptsLeft(rules: QuizRules, p: AttemptState): number | null {
  return rules.attempts === 0 ? null : Math.max(0, rules.attempts - p.attempt);
}

/**
 * The latest attempt is final: it is finished and either the last one allowed, or passed while the
 * rule shows the answers once final (`afterFinalAttempt`): the quiz then closes, since the answers it
 * shows would make another attempt certain. Under `never` and `afterEachAttempt` a passed quiz stays
 * open while attempts are left (its best score counts).
 */
export function isFinal(quiz: Quiz, rules: QuizRules, p: AttemptState): boolean {
  if (!p.finished) return false;
  const passed = p.best !== null && p.best >= quiz.settings.passMark;
  return attemptsLeft(rules, p) === 0 || (passed && rules.showCorrectAnswers === 'afterFinalAttempt');
}

/** A new attempt may start: none yet, or the latest is finished and not final. */
export function canStartAttempt(quiz: Quiz, rules: QuizRules, p: AttemptState): boolean {
  return p.attempt === 0 || (p.finished && !isFinal(quiz, rules, p));
}

/**
 * The correct answers may be shown now: in the results once the rule allows, and in each question's
 * feedback during the last attempt allowed too, since no later attempt can use them.
 */
export function showsCorrectAnswers(quiz: Quiz, rules: QuizRules, p: AttemptState): boolean {
  if (rules.showCorrectAnswers === 'never' || p.attempt === 0) return false;
  if (rules.attempts > 0 && p.attempt >= rules.attempts) return true;
  if (!p.finished) return false;
  return rules.showCorrectAnswers === 'afterEachAttempt' || isFinal(quiz, rules, p);
}

/** The questions of a new attempt, and what it carries over. */
export interface AttemptPlan {
  questionIds: string[];
  answers: Record<string, Answer>;
  carried: string[];
  /** Questions still never asked after this plan (QuizProgress.eligible). */
  eligible: string[];
  /** Questions of the last attempt asked again because no unseen question could replace them. */
  repeated: string[];
}

/** Questions never asked so far; a save from before this was tracked (eligible null) counts the current ones as asked. */
export function unseenQuestions(quiz: Quiz, prev: Pick<QuizProgress, 'attempt' | 'eligible' | 'questionIds'>): string[] {
  if (prev.attempt === 0) return quiz.questions.map((q) => q.id);
  if (prev.eligible) return prev.eligible.filter((id) => quiz.questions.some((q) => q.id === id) && !prev.questionIds.includes(id));
  return quiz.questions.map((q) => q.id).filter((id) => !prev.questionIds.includes(id));
}

/**
 * Plan the next attempt from the previous one.
 * - first attempt, or `all`: `pool` questions (all without a pool), those never asked first, then
 *   the rest at random; shuffled when shuffleQuestions is on, else in authored order.
 * - `wrongOnly` after a finished attempt: the fully right answers stay (carried, not asked again);
 *   each other question is replaced, in its place, by a question never asked, of the same type when
 *   one is left, else of any type; when none is left it is asked again (its options reshuffled by
 *   the new seed). An attempt with nothing to ask becomes a whole new attempt.
 */
export function planAttempt(
  quiz: Quiz,
  prev: Pick<QuizProgress, 'attempt' | 'eligible' | 'questionIds' | 'answers' | 'finished'>,
  seed: number,
  retry: QuizRules['retry'],
): AttemptPlan {
  const random = rng(mix(seed, 'draw'));
  const unseen = unseenQuestions(quiz, prev);
  const byId = (id: string) => quiz.questions.find((q) => q.id === id);
  if (prev.attempt > 0 && prev.finished && retry === 'wrongOnly') {
    const left = shuffled(unseen, random);
    const questionIds: string[] = [];
    const answers: Record<string, Answer> = {};
    const carried: string[] = [];
    const repeated: string[] = [];
    for (const id of prev.questionIds) {
      const q = byId(id);
      if (!q) continue;
      if (scoreAnswer(q, prev.answers[id]).outcome === 'correct') {
        questionIds.push(id);
        answers[id] = prev.answers[id];
        carried.push(id);
        continue;
      }
      let k = left.findIndex((other) => byId(other)?.type === q.type);
      if (k < 0 && left.length) k = 0;
      if (k < 0) {
        questionIds.push(id);
        repeated.push(id);
      } else questionIds.push(left.splice(k, 1)[0]);
    }
    if (carried.length < questionIds.length) return { questionIds, answers, carried, eligible: left, repeated };
  }
  if (prev.attempt === 0) {
    const questionIds = planQuestions(quiz, seed, null);
    return { questionIds, answers: {}, carried: [], eligible: unseen.filter((id) => !questionIds.includes(id)), repeated: [] };
  }
  const all = quiz.questions.map((q) => q.id);
  const size = quiz.settings.pool === null ? all.length : Math.min(quiz.settings.pool, all.length);
  const fresh = shuffled(unseen, random).slice(0, size);
  const seen = shuffled(
    all.filter((id) => !unseen.includes(id)),
    random,
  ).slice(0, size - fresh.length);
  let questionIds = [...fresh, ...seen];
  questionIds = quiz.settings.shuffleQuestions ? shuffled(questionIds, random) : all.filter((id) => questionIds.includes(id));
  return {
    questionIds,
    answers: {},
    carried: [],
    eligible: unseen.filter((id) => !questionIds.includes(id)),
    repeated: seen.filter((id) => prev.questionIds.includes(id)),
  };
}
