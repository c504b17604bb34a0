import { describe, expect, it } from 'vitest';
import type { Answer, Question, QuizRules } from '../../src/course/types.ts';
import {
  attemptsLeft,
  canStartAttempt,
  DEFAULT_QUIZ_RULES,
  isAnswered,
  isFinal,
  optionOrder,
  planAttempt,
  planQuestions,
  quizRules,
  rng,
  scoreAnswer,
  scoreAttempt,
  showsCorrectAnswers,
  shuffled,
} from '../../src/course/quiz-engine.ts';
import { emptyQuizProgress, ProgressStore, type QuizProgress } from '../../src/course/progress.ts';
import { makeCourse, makeQuiz, questions } from '../fixtures/quizzes/in-memory.ts';

const q = (id: string): Question => questions().find((x) => x.id === id)!;
const seeds = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = rng(42);
    const b = rng(42);
    const c = rng(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffled(input, rng(1));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });
});

describe('planQuestions', () => {
  it('is reproducible from the seed and shuffles across seeds', () => {
    const quiz = makeQuiz('z');
    expect(planQuestions(quiz, 5)).toEqual(planQuestions(quiz, 5));
    const orders = new Set(seeds.map((s) => planQuestions(quiz, s).join()));
    expect(orders.size).toBeGreaterThan(20);
    for (const s of seeds.slice(0, 20)) expect([...planQuestions(quiz, s)].sort()).toEqual(['match', 'multiple', 'order', 'single', 'tf']);
  });

  it('keeps the authored order when shuffleQuestions is off', () => {
    expect(planQuestions(makeQuiz('z', { shuffleQuestions: false }), 9)).toEqual(['single', 'multiple', 'tf', 'match', 'order']);
  });

  it('draws a pool of distinct questions, different ones across seeds, in authored order when not shuffled', () => {
    const quiz = makeQuiz('z', { pool: 3, shuffleQuestions: false });
    const authored = ['single', 'multiple', 'tf', 'match', 'order'];
    const drawn = new Set<string>();
    for (const s of seeds) {
      const ids = planQuestions(quiz, s);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(ids).toEqual(authored.filter((id) => ids.includes(id)));
      expect(planQuestions(quiz, s)).toEqual(ids);
      ids.forEach((id) => drawn.add(id));
    }
    expect(drawn.size).toBe(5);
  });

  it('draws a pool and shuffles it when both are on', () => {
    const quiz = makeQuiz('z', { pool: 2 });
    const ids = planQuestions(quiz, 77);
    expect(ids).toHaveLength(2);
    expect(planQuestions(quiz, 77)).toEqual(ids);
  });

  it('restricts the draw to eligible questions (no pool on a restricted draw)', () => {
    const quiz = makeQuiz('z', { pool: 1 });
    const ids = planQuestions(quiz, 3, ['tf', 'order']);
    expect([...ids].sort()).toEqual(['order', 'tf']);
  });
});

describe('optionOrder', () => {
  it('is reproducible from the attempt seed, and differs between questions and seeds', () => {
    const quiz = makeQuiz('z');
    expect(optionOrder(quiz, q('single'), 11)).toEqual(optionOrder(quiz, q('single'), 11));
    const orders = new Set(seeds.map((s) => optionOrder(quiz, q('single'), s).join()));
    expect(orders.size).toBeGreaterThan(12);
    for (const s of seeds.slice(0, 10)) expect([...optionOrder(quiz, q('single'), s)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps authored options when shuffleOptions is off, and true/false always as True, False', () => {
    const quiz = makeQuiz('z', { shuffleOptions: false });
    expect(optionOrder(quiz, q('single'), 11)).toEqual(['a', 'b', 'c', 'd']);
    expect(optionOrder(quiz, q('match'), 11)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(optionOrder(makeQuiz('y'), q('tf'), 11)).toEqual(['true', 'false']);
  });

  it('never shows an ordering question in its correct order, even with shuffleOptions off', () => {
    for (const shuffleOptions of [true, false]) {
      const quiz = makeQuiz('z', { shuffleOptions });
      for (const s of seeds) expect(optionOrder(quiz, q('order'), s)).not.toEqual(['w', 'x', 'y', 'z']);
    }
    const order = q('order');
    if (order.type !== 'ordering') throw new Error('fixture');
    const two: Question = { ...order, options: order.options.slice(0, 2), correct: ['w', 'x'] };
    for (const s of seeds) expect(optionOrder(makeQuiz('z'), two, s)).toEqual(['x', 'w']);
  });
});

describe('isAnswered', () => {
  it('knows when something was chosen, per type', () => {
    expect(isAnswered(q('single'), undefined)).toBe(false);
    expect(isAnswered(q('single'), { type: 'single', value: '' })).toBe(false);
    expect(isAnswered(q('single'), { type: 'single', value: 'a' })).toBe(true);
    expect(isAnswered(q('single'), { type: 'multiple', value: ['a'] })).toBe(false);
    expect(isAnswered(q('multiple'), { type: 'multiple', value: [] })).toBe(false);
    expect(isAnswered(q('multiple'), { type: 'multiple', value: ['b'] })).toBe(true);
    expect(isAnswered(q('tf'), { type: 'truefalse', value: false })).toBe(true);
    expect(isAnswered(q('match'), { type: 'matching', value: { i1: '' } })).toBe(false);
    expect(isAnswered(q('match'), { type: 'matching', value: { i1: 'x' } })).toBe(true);
    expect(isAnswered(q('order'), { type: 'ordering', value: ['w', 'x'] })).toBe(false);
    expect(isAnswered(q('order'), { type: 'ordering', value: ['z', 'y', 'x', 'w'] })).toBe(true);
  });
});

describe('scoreAnswer', () => {
  const score = (id: string, answer: Answer | undefined) => scoreAnswer(q(id), answer);

  it('single and true/false: all or nothing', () => {
    expect(score('single', { type: 'single', value: 'c' })).toEqual({ questionId: 'single', score: 1, outcome: 'correct' });
    expect(score('single', { type: 'single', value: 'a' })).toEqual({ questionId: 'single', score: 0, outcome: 'incorrect' });
    expect(score('tf', { type: 'truefalse', value: false }).outcome).toBe('correct');
    expect(score('tf', { type: 'truefalse', value: true }).outcome).toBe('incorrect');
  });

  it('multiple: right picks minus wrong picks over the number of right options, never below 0', () => {
    expect(score('multiple', { type: 'multiple', value: ['c', 'a'] })).toMatchObject({ score: 1, outcome: 'correct' });
    expect(score('multiple', { type: 'multiple', value: ['a'] })).toMatchObject({ score: 0.5, outcome: 'partial' });
    expect(score('multiple', { type: 'multiple', value: ['a', 'b'] })).toMatchObject({ score: 0, outcome: 'incorrect' });
    expect(score('multiple', { type: 'multiple', value: ['a', 'c', 'd'] })).toMatchObject({ score: 0.5, outcome: 'partial' });
    expect(score('multiple', { type: 'multiple', value: ['b', 'd'] })).toMatchObject({ score: 0, outcome: 'incorrect' });
    expect(score('multiple', { type: 'multiple', value: ['a', 'b', 'c', 'd'] })).toMatchObject({ score: 0, outcome: 'incorrect' });
    // Picking the same option twice counts once.
    expect(score('multiple', { type: 'multiple', value: ['a', 'a'] })).toMatchObject({ score: 0.5 });
  });

  it('matching: the share of items matched to the right target', () => {
    expect(score('match', { type: 'matching', value: { i1: 'x', i2: 'y', i3: 'x', i4: 'y' } })).toMatchObject({ score: 1, outcome: 'correct' });
    expect(score('match', { type: 'matching', value: { i1: 'x', i2: 'y', i3: 'y', i4: 'x' } })).toMatchObject({ score: 0.5, outcome: 'partial' });
    expect(score('match', { type: 'matching', value: { i1: 'x' } })).toMatchObject({ score: 0.25, outcome: 'partial' });
    expect(score('match', { type: 'matching', value: { i1: 'y', i2: 'x', i3: 'y', i4: 'x' } })).toMatchObject({ score: 0, outcome: 'incorrect' });
  });

  it('ordering: the share of options in their right place', () => {
    expect(score('order', { type: 'ordering', value: ['w', 'x', 'y', 'z'] })).toMatchObject({ score: 1, outcome: 'correct' });
    expect(score('order', { type: 'ordering', value: ['w', 'x', 'z', 'y'] })).toMatchObject({ score: 0.5, outcome: 'partial' });
    expect(score('order', { type: 'ordering', value: ['z', 'y', 'x', 'w'] })).toMatchObject({ score: 0, outcome: 'incorrect' });
  });

  it('an answer of another type, or none, scores 0', () => {
    expect(score('single', { type: 'multiple', value: ['c'] })).toMatchObject({ score: 0, outcome: 'incorrect' });
    expect(score('order', undefined)).toMatchObject({ score: 0, outcome: 'incorrect' });
  });

  it('rounds scores so that thirds stay stable', () => {
    const three = { ...q('multiple'), correct: ['a', 'b', 'c'] } as Question;
    expect(scoreAnswer(three, { type: 'multiple', value: ['a'] }).score).toBe(0.3333);
  });
});

describe('scoreAttempt', () => {
  const answers: Record<string, Answer> = {
    single: { type: 'single', value: 'c' }, // 1
    multiple: { type: 'multiple', value: ['a'] }, // 0.5
    tf: { type: 'truefalse', value: true }, // 0
    match: { type: 'matching', value: { i1: 'x', i2: 'y', i3: 'y', i4: 'x' } }, // 0.5
    order: { type: 'ordering', value: ['w', 'x', 'y', 'z'] }, // 1
  };

  it('gives the mean score in percent, unanswered questions counting 0', () => {
    const quiz = makeQuiz('z');
    const all = scoreAttempt(quiz, ['single', 'multiple', 'tf', 'match', 'order'], answers);
    expect(all.percent).toBe(60);
    expect(all.passed).toBe(false);
    expect(all.results.map((r) => r.outcome)).toEqual(['correct', 'partial', 'incorrect', 'partial', 'correct']);
    expect(scoreAttempt(quiz, ['single', 'order'], {}).percent).toBe(0);
  });

  it('weights questions', () => {
    const qs = questions().map((x) => (x.id === 'single' ? { ...x, weight: 3 } : x));
    // (3*1 + 0.5 + 0 + 0.5 + 1) / 7
    expect(scoreAttempt(makeQuiz('z', {}, qs), qs.map((x) => x.id), answers).percent).toBe(71.43);
  });

  it('passes at the pass mark exactly, and ignores ids that are not in the quiz', () => {
    const quiz = makeQuiz('z', { passMark: 60 });
    const r = scoreAttempt(quiz, ['single', 'multiple', 'tf', 'match', 'order', 'gone'], answers);
    expect(r.percent).toBe(60);
    expect(r.passed).toBe(true);
    expect(r.results).toHaveLength(5);
  });
});

/** A pool of 12 (4 single, 4 true/false, 4 multiple), 6 asked per attempt. */
function poolQuestions(): Question[] {
  const [single, multiple, tf] = [q('single'), q('multiple'), q('tf')];
  return [1, 2, 3, 4].flatMap((n) => [
    { ...single, id: `s${n}` } as Question,
    { ...tf, id: `t${n}` } as Question,
    { ...multiple, id: `m${n}` } as Question,
  ]);
}
const poolQuiz = (over: Parameters<typeof makeQuiz>[1] = {}) => makeQuiz('pooled', { pool: 6, ...over }, poolQuestions());
const typeOf = (id: string) => id[0];
const right = (id: string): Answer =>
  id[0] === 's' ? { type: 'single', value: 'c' } : id[0] === 't' ? { type: 'truefalse', value: false } : { type: 'multiple', value: ['a', 'c'] };
const wrong = (id: string): Answer =>
  id[0] === 's' ? { type: 'single', value: 'a' } : id[0] === 't' ? { type: 'truefalse', value: true } : { type: 'multiple', value: ['a'] };

/** The progress after an attempt planned from `plan`, answered by `pick`. */
function answered(prev: QuizProgress, plan: ReturnType<typeof planAttempt>, pick: (id: string) => Answer): QuizProgress {
  const answers = { ...plan.answers };
  for (const id of plan.questionIds) if (!plan.carried.includes(id)) answers[id] = pick(id);
  return { ...prev, attempt: prev.attempt + 1, questionIds: plan.questionIds, answers, carried: plan.carried, eligible: plan.eligible, finished: true };
}

describe('quiz rules (course.yaml quiz)', () => {
  const rules = (r: Partial<QuizRules>, over: Parameters<typeof makeQuiz>[1] = {}) =>
    quizRules(makeCourse([], { quiz: { ...DEFAULT_QUIZ_RULES, ...r } }), makeQuiz('z', over));

  it('defaults measure: 3 attempts, answers after the final attempt, new questions for the wrong ones', () => {
    expect(DEFAULT_QUIZ_RULES).toEqual({ attempts: 3, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' });
    // A hand-made course without `quiz` gets the same defaults.
    expect(quizRules(makeCourse([]), makeQuiz('z'))).toEqual(DEFAULT_QUIZ_RULES);
  });

  it("a quiz's own attempts only lower the course's; retryWrongOnly: false makes every retry a whole one", () => {
    expect(rules({ attempts: 3 }, { attempts: 1 }).attempts).toBe(1);
    expect(rules({ attempts: 3 }, { attempts: 5 }).attempts).toBe(3);
    expect(rules({ attempts: 0 }, { attempts: 2 }).attempts).toBe(2);
    expect(rules({ attempts: 0 }, { attempts: 0 }).attempts).toBe(0);
    expect(rules({ retry: 'wrongOnly' }, { retryWrongOnly: false }).retry).toBe('all');
    expect(rules({ retry: 'all' }, { retryWrongOnly: true }).retry).toBe('all');
  });

  it('an attempt is final when none is left, or passed when that shows the answers; answers show by the rule', () => {
    const quiz = makeQuiz('z');
    const three = { ...DEFAULT_QUIZ_RULES };
    const failed = (attempt: number) => ({ attempt, finished: true, best: 50 });
    expect(attemptsLeft(three, failed(1))).toBe(2);
    expect(attemptsLeft({ ...three, attempts: 0 }, failed(9))).toBeNull();
    expect(isFinal(quiz, three, failed(2))).toBe(false);
    expect(isFinal(quiz, three, failed(3))).toBe(true);
    expect(isFinal(quiz, three, { attempt: 1, finished: true, best: 80 })).toBe(true);
    // A pass closes the quiz only when it would show the answers.
    expect(isFinal(quiz, { ...three, showCorrectAnswers: 'never' }, { attempt: 1, finished: true, best: 80 })).toBe(false);
    expect(canStartAttempt(quiz, { ...three, showCorrectAnswers: 'afterEachAttempt' }, { attempt: 1, finished: true, best: 90 })).toBe(true);
    expect(isFinal(quiz, three, { attempt: 3, finished: false, best: 50 })).toBe(false);
    expect(canStartAttempt(quiz, three, { attempt: 0, finished: false, best: null })).toBe(true);
    expect(canStartAttempt(quiz, three, failed(2))).toBe(true);
    expect(canStartAttempt(quiz, three, failed(3))).toBe(false);
    expect(canStartAttempt(quiz, three, { attempt: 1, finished: true, best: 90 })).toBe(false);
    expect(canStartAttempt(quiz, { ...three, attempts: 0 }, failed(50))).toBe(true);
    // During an attempt only in the last one allowed (nothing later can use them); after a non-final
    // attempt only with afterEachAttempt; after the final one unless never.
    expect(showsCorrectAnswers(quiz, three, { attempt: 2, finished: false, best: 50 })).toBe(false);
    expect(showsCorrectAnswers(quiz, three, { attempt: 3, finished: false, best: 50 })).toBe(true);
    expect(showsCorrectAnswers(quiz, { ...three, attempts: 0 }, { attempt: 9, finished: false, best: 50 })).toBe(false);
    expect(showsCorrectAnswers(quiz, { ...three, showCorrectAnswers: 'never' }, { attempt: 3, finished: false, best: 50 })).toBe(false);
    expect(showsCorrectAnswers(quiz, three, failed(2))).toBe(false);
    expect(showsCorrectAnswers(quiz, three, failed(3))).toBe(true);
    expect(showsCorrectAnswers(quiz, { ...three, showCorrectAnswers: 'afterEachAttempt' }, failed(1))).toBe(true);
    expect(showsCorrectAnswers(quiz, { ...three, showCorrectAnswers: 'never' }, failed(3))).toBe(false);
    expect(showsCorrectAnswers(quiz, { ...three, showCorrectAnswers: 'never' }, { attempt: 1, finished: true, best: 100 })).toBe(false);
  });
});

describe('planAttempt: retries that still measure', () => {
  it('the first attempt draws the pool; the rest stay unseen', () => {
    const quiz = poolQuiz();
    const plan = planAttempt(quiz, emptyQuizProgress(), 5, 'wrongOnly');
    expect(plan.questionIds).toEqual(planQuestions(quiz, 5));
    expect(plan.questionIds).toHaveLength(6);
    expect([...plan.eligible, ...plan.questionIds].sort()).toEqual(quiz.questions.map((x) => x.id).sort());
  });

  it('a wrong-only retry keeps the right answers in place and replaces each other question by an unseen one of its type', () => {
    const quiz = poolQuiz();
    for (const seed of seeds.slice(0, 50)) {
      const first = planAttempt(quiz, emptyQuizProgress(), seed, 'wrongOnly');
      // Right: the first two asked; the other four not fully right (multiple is partial).
      const done = answered(emptyQuizProgress(), first, (id) => (first.questionIds.indexOf(id) < 2 ? right(id) : wrong(id)));
      const retry = planAttempt(quiz, done, seed + 1, 'wrongOnly');
      expect(retry.carried).toEqual(first.questionIds.slice(0, 2));
      expect(retry.questionIds.slice(0, 2)).toEqual(first.questionIds.slice(0, 2));
      for (let i = 2; i < 6; i++) {
        const was = first.questionIds[i];
        const now = retry.questionIds[i];
        // 6 unseen are left, so every replaced question is new...
        expect(first.questionIds).not.toContain(now);
        // ...and of the same type when one of that type is left unseen.
        const sameTypeLeft = first.eligible.filter((id) => typeOf(id) === typeOf(was)).length;
        const sameTypeBefore = first.questionIds.slice(2, i).filter((id) => typeOf(id) === typeOf(was)).length;
        if (sameTypeLeft > sameTypeBefore) expect(typeOf(now)).toBe(typeOf(was));
      }
      expect(retry.repeated).toEqual([]);
      expect(new Set(retry.questionIds).size).toBe(6);
      expect(retry.eligible.some((id) => retry.questionIds.includes(id) || first.questionIds.includes(id))).toBe(false);
      expect(retry.eligible).toHaveLength(2);
    }
  });

  it('falls back to another type, then to the same question (options reshuffled by the new seed) when no unseen one is left', () => {
    const quiz = poolQuiz();
    let p = emptyQuizProgress();
    const asked = new Set<string>();
    const repeats: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const plan = planAttempt(quiz, p, 100 + attempt, 'wrongOnly');
      // Nothing asked before comes again while an unseen question is left.
      const again = plan.questionIds.filter((id) => asked.has(id) && !plan.carried.includes(id));
      expect(again).toEqual(plan.repeated);
      if (again.length) expect(p.eligible ?? []).toEqual([]);
      repeats.push(plan.repeated.length);
      for (const id of plan.questionIds) asked.add(id);
      p = answered(p, plan, wrong);
    }
    // 12 in the pool, 6 per attempt: attempt 2 asks the other 6, attempts 3 and 4 ask the same ones again.
    expect(repeats).toEqual([0, 0, 6, 6]);
    expect(asked.size).toBe(12);
  });

  it('a whole new attempt ("all") asks unseen questions first', () => {
    const quiz = poolQuiz();
    const first = planAttempt(quiz, emptyQuizProgress(), 3, 'all');
    const done = answered(emptyQuizProgress(), first, wrong);
    const second = planAttempt(quiz, done, 4, 'all');
    expect(second.carried).toEqual([]);
    expect(second.questionIds.filter((id) => first.questionIds.includes(id))).toEqual([]);
    expect(second.eligible).toEqual([]);
    const third = planAttempt(quiz, answered(done, second, wrong), 5, 'all');
    expect(third.questionIds).toHaveLength(6);
    expect(third.repeated.length).toBeGreaterThan(0);
  });

  it('a save without the unseen list (eligible null) counts the current questions as seen', () => {
    const quiz = poolQuiz();
    const first = planAttempt(quiz, emptyQuizProgress(), 9, 'wrongOnly');
    const done = { ...answered(emptyQuizProgress(), first, wrong), eligible: null };
    const retry = planAttempt(quiz, done, 10, 'wrongOnly');
    expect(retry.questionIds.filter((id) => first.questionIds.includes(id))).toEqual([]);
  });
});

describe('attempts through the progress store', () => {
  it('honours the limit after the progress is saved and restored (a relaunch)', () => {
    const course = makeCourse([poolQuiz()], { quiz: { attempts: 2, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' } });
    const store = new ProgressStore(course);
    const answerAll = (s: ProgressStore) => {
      for (const id of s.pending('pooled')) s.submitAnswer('pooled', id, wrong(id));
    };
    store.startAttempt('pooled', { seed: 1 });
    answerAll(store);
    const relaunched = new ProgressStore(course);
    relaunched.restore(JSON.parse(JSON.stringify(store.get())));
    relaunched.startAttempt('pooled', { wrongOnly: true, seed: 2 });
    const second = relaunched.get().quizzes.pooled;
    expect(second.attempt).toBe(2);
    // The unseen list survived the relaunch: all six asked again are new.
    expect(second.questionIds.filter((id) => store.get().quizzes.pooled.questionIds.includes(id))).toEqual([]);
    answerAll(relaunched);
    const again = new ProgressStore(course);
    again.restore(JSON.parse(JSON.stringify(relaunched.get())));
    const before = again.get();
    again.startAttempt('pooled', { seed: 3 });
    expect(again.get()).toBe(before);
    expect(showsCorrectAnswers(poolQuiz(), quizRules(course, poolQuiz()), again.get().quizzes.pooled)).toBe(true);
  });
});
