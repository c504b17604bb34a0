import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/course/types.ts';
import {
  courseStatus,
  initialState,
  locationFromString,
  locationToString,
  ProgressStore,
  type ChangeDetail,
} from '../../src/course/progress.ts';
import { planQuestions } from '../../src/course/quiz-engine.ts';
import { makeCourse, makeQuiz } from '../fixtures/quizzes/in-memory.ts';

const RIGHT: Record<string, Answer> = {
  single: { type: 'single', value: 'c' },
  multiple: { type: 'multiple', value: ['a', 'c'] },
  tf: { type: 'truefalse', value: false },
  match: { type: 'matching', value: { i1: 'x', i2: 'y', i3: 'x', i4: 'y' } },
  order: { type: 'ordering', value: ['w', 'x', 'y', 'z'] },
};
const WRONG: Record<string, Answer> = {
  single: { type: 'single', value: 'a' },
  multiple: { type: 'multiple', value: ['a'] }, // partial: 0.5
  tf: { type: 'truefalse', value: true },
  match: { type: 'matching', value: { i1: 'x', i2: 'y', i3: 'y', i4: 'x' } }, // partial: 0.5
  order: { type: 'ordering', value: ['z', 'y', 'x', 'w'] },
};

/** Answer every pending question of the current attempt; `pick` chooses right or wrong per question. */
function answerAll(store: ProgressStore, quizId: string, pick: (id: string) => Answer): void {
  for (const id of store.pending(quizId)) store.submitAnswer(quizId, id, pick(id));
}

function setup(settings: Parameters<typeof makeQuiz>[1] = {}, courseSettings: Parameters<typeof makeCourse>[1] = {}) {
  const course = makeCourse([makeQuiz('q1', settings), makeQuiz('q2', settings)], courseSettings);
  const store = new ProgressStore(course);
  const events: ChangeDetail[] = [];
  store.subscribe((_s, d) => events.push(d));
  return { course, store, events };
}

describe('quiz attempts', () => {
  it('plans the attempt from the seed and finishes it when every question is answered', () => {
    const { course, store, events } = setup();
    store.startAttempt('q1', { seed: 1234 });
    const p = store.get().quizzes.q1;
    expect(p.attempt).toBe(1);
    expect(p.questionIds).toEqual(planQuestions(course.quizzes[0], 1234));
    answerAll(store, 'q1', (id) => RIGHT[id]);
    const done = store.get().quizzes.q1;
    expect(done.finished).toBe(true);
    expect(done.best).toBe(100);
    expect(done.last).toBe(100);
    expect(events.map((e) => e.reason)).toEqual(['quiz-start', 'answer', 'answer', 'answer', 'answer', 'answer', 'quiz-finished']);
    expect(events[1]).toMatchObject({ quizId: 'q1', questionId: p.questionIds[0] });
  });

  it('ignores answers to questions outside the attempt and after it is finished', () => {
    const { store } = setup({ pool: 2 });
    store.startAttempt('q1', { seed: 5 });
    const [first] = store.get().quizzes.q1.questionIds;
    const outside = ['single', 'multiple', 'tf', 'match', 'order'].find((id) => !store.get().quizzes.q1.questionIds.includes(id))!;
    store.submitAnswer('q1', outside, RIGHT[outside]);
    expect(store.get().quizzes.q1.answers).toEqual({});
    answerAll(store, 'q1', (id) => WRONG[id]);
    const before = store.get();
    store.submitAnswer('q1', first, RIGHT[first]);
    expect(store.get()).toBe(before);
  });

  it('keeps the best score and the last score', () => {
    const { store } = setup({}, { quiz: { attempts: 0, showCorrectAnswers: 'afterFinalAttempt', retry: 'all' } });
    store.startAttempt('q1', { seed: 1 });
    answerAll(store, 'q1', (id) => (id === 'single' ? RIGHT[id] : WRONG[id])); // 1 + .5 + 0 + .5 + 0 = 40%
    expect(store.get().quizzes.q1).toMatchObject({ best: 40, last: 40 });
    store.startAttempt('q1', { seed: 2 });
    expect(store.get().quizzes.q1).toMatchObject({ best: 40, last: 40, finished: false, answers: {} });
    answerAll(store, 'q1', (id) => WRONG[id]); // 0 + .5 + 0 + .5 + 0 = 20%
    expect(store.get().quizzes.q1).toMatchObject({ best: 40, last: 20, attempt: 2 });
    store.startAttempt('q1', { seed: 3 });
    answerAll(store, 'q1', (id) => RIGHT[id]);
    expect(store.get().quizzes.q1).toMatchObject({ best: 100, last: 100, attempt: 3 });
  });

  it('stops at the attempts limit', () => {
    const { store, events } = setup({ attempts: 2 });
    store.startAttempt('q1', { seed: 1 });
    answerAll(store, 'q1', (id) => WRONG[id]);
    store.startAttempt('q1', { seed: 2 });
    answerAll(store, 'q1', (id) => WRONG[id]);
    const n = events.length;
    store.startAttempt('q1', { seed: 3 });
    expect(store.get().quizzes.q1.attempt).toBe(2);
    expect(store.get().quizzes.q1.seed).toBe(2);
    expect(events).toHaveLength(n);
  });

  it('retry-wrong-only keeps the fully correct answers and asks only the others again', () => {
    const { store } = setup();
    store.startAttempt('q1', { seed: 7 });
    const order = store.get().quizzes.q1.questionIds;
    // Right: single and order. Wrong or partial: the rest.
    answerAll(store, 'q1', (id) => (id === 'single' || id === 'order' ? RIGHT[id] : WRONG[id]));
    expect(store.get().quizzes.q1.last).toBe(60);
    store.startAttempt('q1', { wrongOnly: true, seed: 8 });
    const p = store.get().quizzes.q1;
    expect(p.questionIds).toEqual(order);
    expect([...p.carried].sort()).toEqual(['order', 'single']);
    expect(p.answers).toEqual({ single: RIGHT.single, order: RIGHT.order });
    expect(store.pending('q1')).toEqual(order.filter((id) => id !== 'single' && id !== 'order'));
    // A carried answer cannot be replaced.
    store.submitAnswer('q1', 'single', WRONG.single);
    expect(store.get().quizzes.q1.answers.single).toEqual(RIGHT.single);
    answerAll(store, 'q1', (id) => RIGHT[id]);
    expect(store.get().quizzes.q1).toMatchObject({ finished: true, last: 100, best: 100, attempt: 2 });
  });

  it('a passed attempt is final: the quiz closes, even with attempts left (its answers may now be shown)', () => {
    const { store } = setup();
    store.startAttempt('q1', { seed: 7 });
    answerAll(store, 'q1', (id) => RIGHT[id]);
    const before = store.get();
    store.startAttempt('q1', { wrongOnly: true, seed: 9 });
    store.startAttempt('q1', { seed: 10 });
    expect(store.get()).toBe(before);
    expect(store.get().quizzes.q1).toMatchObject({ attempt: 1, finished: true, best: 100 });
  });

  it('retry-wrong-only is a full attempt when the quiz turns it off', () => {
    const { store } = setup({ retryWrongOnly: false });
    store.startAttempt('q1', { seed: 7 });
    answerAll(store, 'q1', (id) => (id === 'single' ? RIGHT[id] : WRONG[id]));
    store.startAttempt('q1', { wrongOnly: true, seed: 8 });
    // A whole new attempt; no question is left unseen (no pool), so eligible is empty.
    expect(store.get().quizzes.q1).toMatchObject({ carried: [], answers: {}, eligible: [] });
    expect(store.pending('q1')).toHaveLength(5);
  });

  it('reports the running score of an unfinished attempt', () => {
    const { store } = setup();
    store.startAttempt('q1', { seed: 1 });
    store.submitAnswer('q1', 'single', RIGHT.single);
    expect(store.attemptScore('q1').percent).toBe(20);
    expect(store.get().quizzes.q1.finished).toBe(false);
  });
});

describe('courseStatus', () => {
  it('is completed when every lesson is read and every quiz submitted; success waits for all quizzes', () => {
    const { course, store } = setup();
    expect(store.status()).toMatchObject({ completed: false, success: 'unknown', score: null, progress: 0 });
    store.markLessonRead('l1');
    store.markLessonRead('l1');
    store.markLessonRead('l2');
    expect(store.get().lessonsRead).toEqual(['l1', 'l2']);
    store.startAttempt('q1', { seed: 1 });
    answerAll(store, 'q1', (id) => RIGHT[id]);
    let s = store.status();
    expect(s).toMatchObject({ lessonsRead: 2, quizzesSubmitted: 1, quizzesPassed: 1, completed: false, score: null, success: 'unknown' });
    expect(s.progress).toBe(0.75);
    store.startAttempt('q2', { seed: 1 });
    answerAll(store, 'q2', (id) => (id === 'single' ? RIGHT[id] : WRONG[id])); // 40
    s = courseStatus(course, store.get());
    expect(s).toMatchObject({ completed: true, quizzesSubmitted: 2, quizzesPassed: 1, score: 70, success: 'failed', progress: 1 });
    // A better attempt raises the mean of the best scores.
    store.startAttempt('q2', { seed: 2 });
    answerAll(store, 'q2', (id) => (id === 'tf' ? WRONG[id] : RIGHT[id])); // 80
    expect(store.status()).toMatchObject({ score: 90, success: 'passed', quizzesPassed: 2 });
  });

  it('does not count an unfinished attempt as submitted', () => {
    const { store } = setup();
    store.startAttempt('q1', { seed: 1 });
    store.submitAnswer('q1', 'single', RIGHT.single);
    expect(store.status().quizzesSubmitted).toBe(0);
  });

  it('follows the completion rule: all-passed, or lessons / quizzes not required', () => {
    const passed = setup({}, { completion: { lessons: 'all', quizzes: 'all-passed' } });
    passed.store.markLessonRead('l1');
    passed.store.markLessonRead('l2');
    for (const id of ['q1', 'q2']) {
      passed.store.startAttempt(id, { seed: 1 });
      answerAll(passed.store, id, (x) => WRONG[x]);
    }
    expect(passed.store.status().completed).toBe(false);
    passed.store.startAttempt('q1', { seed: 2 });
    answerAll(passed.store, 'q1', (x) => RIGHT[x]);
    passed.store.startAttempt('q2', { seed: 2 });
    answerAll(passed.store, 'q2', (x) => RIGHT[x]);
    expect(passed.store.status().completed).toBe(true);

    const lessonsOnly = setup({}, { completion: { lessons: 'all', quizzes: 'none' } });
    lessonsOnly.store.markLessonRead('l1');
    expect(lessonsOnly.store.status().completed).toBe(false);
    lessonsOnly.store.markLessonRead('l2');
    expect(lessonsOnly.store.status()).toMatchObject({ completed: true, success: 'unknown' });

    const quizzesOnly = setup({}, { completion: { lessons: 'none', quizzes: 'all-submitted' } });
    for (const id of ['q1', 'q2']) {
      quizzesOnly.store.startAttempt(id, { seed: 1 });
      answerAll(quizzesOnly.store, id, (x) => RIGHT[x]);
    }
    expect(quizzesOnly.store.status()).toMatchObject({ completed: true, success: 'passed', score: 100 });
  });

  it('uses the course pass mark, not the quizzes\' own, for success', () => {
    const { store } = setup({ passMark: 50 }, { passMark: 30 });
    for (const id of ['q1', 'q2']) {
      store.startAttempt(id, { seed: 1 });
      answerAll(store, id, (x) => (x === 'single' ? RIGHT[x] : WRONG[x])); // 40 each
    }
    expect(store.status()).toMatchObject({ score: 40, quizzesPassed: 0, success: 'passed' });
  });
});

describe('locations and restore', () => {
  it('round-trips bookmarks and rejects unknown ones', () => {
    const { course } = setup();
    for (const loc of [{ view: 'start' }, { view: 'lesson', id: 'l2' }, { view: 'quiz', id: 'q1' }, { view: 'end' }, { view: 'break' }] as const) {
      expect(locationFromString(course, locationToString(loc))).toEqual(loc);
    }
    expect(locationFromString(course, 'lesson/nope')).toBeNull();
    expect(locationFromString(course, 'quiz/')).toBeNull();
    expect(locationFromString(course, 'start/extra')).toBeNull();
  });

  it('restores a saved state, adding quizzes that are new since it was saved', () => {
    const { course, store, events } = setup();
    const saved = initialState(course);
    delete (saved.quizzes as Record<string, unknown>).q2;
    store.restore({ ...saved, lessonsRead: ['l1'], location: { view: 'lesson', id: 'l1' } });
    expect(store.get().quizzes.q2).toMatchObject({ attempt: 0, best: null });
    expect(store.get().location).toEqual({ view: 'lesson', id: 'l1' });
    expect(events.at(-1)).toEqual({ reason: 'restore' });
    store.reset();
    expect(store.get()).toEqual(initialState(course));
  });
});
