import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '../../src/course/types.ts';
import { isAnswered, optionOrder, planQuestions, rng, scoreAnswer, scoreAttempt, shuffled } from '../../src/course/quiz-engine.ts';
import { makeQuiz, questions } from '../fixtures/quizzes/in-memory.ts';

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
