import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer, Course, Question } from '../../src/course/types.ts';
import { initialState, type Location, type ProgressState, type QuizProgress } from '../../src/course/progress.ts';
import { decodeSuspend, encodeSuspend, encodeSuspendV1 } from '../../src/scorm/suspend-codec.ts';
import { MANY_SAVES, worstCaseStates } from '../../scripts/bench/worst-case.ts';
import { fixtureCourse, largeCourse } from '../helpers/course-fixture.ts';

/** Only characters that survive any LMS and any transport unescaped. */
const SAFE = /^[A-Za-z0-9_-]*$/;

function answerArb(q: Question): fc.Arbitrary<Answer> {
  switch (q.type) {
    case 'single':
      return fc.constantFrom('', ...q.options.map((o) => o.id)).map((value) => ({ type: 'single', value }));
    case 'multiple':
      return fc.shuffledSubarray(q.options.map((o) => o.id)).map((value) => ({ type: 'multiple', value }));
    case 'truefalse':
      return fc.boolean().map((value) => ({ type: 'truefalse', value }));
    case 'ordering':
      return fc.shuffledSubarray(q.options.map((o) => o.id)).map((value) => ({ type: 'ordering', value }));
    case 'matching':
      return fc
        .shuffledSubarray(q.items.map((o) => o.id))
        .chain((items) => fc.tuple(...items.map(() => fc.constantFrom('', ...q.targets.map((t) => t.id)))).map((targets) => ({ items, targets })))
        .map(({ items, targets }) => ({ type: 'matching', value: Object.fromEntries(items.map((id, i) => [id, targets[i]])) }));
  }
}

const scoreArb = fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100), { nil: null });

function quizArb(course: Course, quizIndex: number): fc.Arbitrary<QuizProgress> {
  const quiz = course.quizzes[quizIndex];
  const ids = quiz.questions.map((q) => q.id);
  const started = fc.shuffledSubarray(ids, { minLength: 1 }).chain((questionIds) =>
    fc.record({
      attempt: fc.integer({ min: 1, max: 5000 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      eligible: fc.oneof(fc.constant(null), fc.constant(questionIds.slice()), fc.shuffledSubarray(ids)),
      questionIds: fc.constant(questionIds),
      answers: fc
        .shuffledSubarray(questionIds)
        .chain((answered) => fc.tuple(...answered.map((id) => answerArb(quiz.questions[ids.indexOf(id)]))).map((as) => Object.fromEntries(answered.map((id, i) => [id, as[i]])))),
      carried: fc.shuffledSubarray(ids),
      finished: fc.boolean(),
      best: scoreArb,
      last: scoreArb,
    }),
  );
  const empty = fc.constant(initialState(course).quizzes[quiz.id]);
  return fc.oneof(empty, started);
}

function locationArb(course: Course): fc.Arbitrary<Location> {
  return fc.oneof(
    fc.constantFrom<Location>({ view: 'start' }, { view: 'end' }, { view: 'break' }),
    fc.constantFrom(...course.quizzes.map((q): Location => ({ view: 'quiz', id: q.id }))),
    fc.constantFrom(...course.lessons).chain((l) =>
      fc.option(fc.constantFrom(...l.passageIds), { nil: undefined }).map((passage): Location =>
        passage === undefined ? { view: 'lesson', id: l.id } : { view: 'lesson', id: l.id, passage },
      ),
    ),
  );
}

function stateArb(course: Course): fc.Arbitrary<ProgressState> {
  return fc.record({
    lessonsRead: fc.shuffledSubarray(course.lessons.map((l) => l.id)),
    quizzes: fc.tuple(...course.quizzes.map((_, i) => quizArb(course, i))).map((qs) => Object.fromEntries(course.quizzes.map((q, i) => [q.id, qs[i]]))),
    location: locationArb(course),
  });
}

/**
 * The state as the codec gives it back: the sets (eligible and carried questions) in their canonical
 * order (the attempt's when all are in it, as the store makes them; otherwise the authored order).
 * Everything the learner did is the same.
 */
function canonical(course: Course, state: ProgressState): ProgressState {
  const quizzes: Record<string, QuizProgress> = {};
  for (const quiz of course.quizzes) {
    const p = state.quizzes[quiz.id];
    if (!p) continue;
    const authored = quiz.questions.map((q) => q.id);
    const inOrder = (set: string[], order: string[]) => order.filter((id) => set.includes(id));
    const sameSet = p.eligible !== null && p.eligible.length === p.questionIds.length && p.eligible.every((id) => p.questionIds.includes(id));
    const carriedWithin = p.carried.every((id) => p.questionIds.includes(id));
    quizzes[quiz.id] = {
      ...p,
      eligible: p.eligible === null ? null : sameSet ? p.questionIds.slice() : inOrder(p.eligible, authored),
      carried: inOrder(p.carried, carriedWithin ? p.questionIds : authored),
    };
  }
  return { ...state, quizzes };
}

/** Every quiz at its longest: many attempts, all questions, longest answers, explicit eligible list. */
function worstCase(course: Course): ProgressState {
  const state = initialState(course);
  state.lessonsRead = course.lessons.map((l) => l.id).reverse();
  state.location = { view: 'lesson', id: course.lessons[course.lessons.length - 1].id, passage: course.lessons[course.lessons.length - 1].passageIds.at(-1) };
  for (const quiz of course.quizzes) {
    const ids = quiz.questions.map((q) => q.id).reverse();
    const answers: Record<string, Answer> = {};
    for (const q of quiz.questions) {
      if (q.type === 'single') answers[q.id] = { type: 'single', value: q.options.at(-1)!.id };
      if (q.type === 'multiple') answers[q.id] = { type: 'multiple', value: q.options.map((o) => o.id) };
      if (q.type === 'truefalse') answers[q.id] = { type: 'truefalse', value: true };
      if (q.type === 'ordering') answers[q.id] = { type: 'ordering', value: q.options.map((o) => o.id).reverse() };
      if (q.type === 'matching') answers[q.id] = { type: 'matching', value: Object.fromEntries(q.items.map((i) => [i.id, q.targets.at(-1)!.id])) };
    }
    state.quizzes[quiz.id] = {
      attempt: 9999,
      seed: 2 ** 32 - 1,
      eligible: ids.slice(1).concat(ids[0]),
      questionIds: ids,
      answers,
      carried: ids.slice().reverse(),
      finished: true,
      best: 99.99,
      last: 66.67,
    };
  }
  return state;
}

describe('suspend_data codec', () => {
  const course = fixtureCourse();

  it('round-trips any valid state (property)', () => {
    fc.assert(
      fc.property(stateArb(course), fc.integer({ min: 0, max: 2 ** 31 }), (state, seq) => {
        const text = encodeSuspend(course, state, seq);
        expect(text).toMatch(SAFE);
        const back = decodeSuspend(course, text);
        expect(back).toEqual({ ok: true, seq, state: canonical(course, state) });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips states of a large course (property)', () => {
    const large = largeCourse(5, 8, 5);
    fc.assert(
      fc.property(stateArb(large), (state) => {
        expect(decodeSuspend(large, encodeSuspend(large, state, 3))).toEqual({ ok: true, seq: 3, state: canonical(large, state) });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the worst-case learner far under 1,000 characters', () => {
    const text = encodeSuspend(course, worstCase(course), 123456);
    expect(decodeSuspend(course, text)).toEqual({ ok: true, seq: 123456, state: canonical(course, worstCase(course)) });
    expect(text).toMatch(SAFE);
    expect(text.length).toBeLessThan(1000 / 3);
  });

  it('keeps the worst case of a 20-quiz course (20 lessons, quizzes of 12 questions, 6 options) within 1,000 characters', () => {
    // Issue 22's size (format 1 took 2,716 here). The bench's longest variant (npm run bench measures
    // all of them on the shipped course): every question answered with its last option, an explicit
    // question order, 999 attempts, the longest seed, a million saves; and this file's worstCase()
    // (retry-wrong-only lists, carried answers, 9,999 attempts).
    const big = largeCourse(20, 12, 6);
    const lesson = big.lessons[big.lessons.length - 1];
    const bench = worstCaseStates(largeCourse(1, 12, 6)); // one quiz: the same per-quiz state, quickly
    const variant = bench.find((s) => s.name.startsWith('eligible=null, carried=none, true/false answer=false, option=last, seed=4294967295, best/last=66.67/33.33'));
    expect(variant).toBeDefined();
    const perQuiz = Object.values(variant!.state.quizzes)[0];
    const states: ProgressState[] = [worstCase(big), worstCase(big)];
    states[0] = {
      lessonsRead: big.lessons.map((l) => l.id),
      location: { view: 'lesson', id: lesson.id, passage: lesson.passageIds.at(-1) },
      quizzes: Object.fromEntries(big.quizzes.map((q) => [q.id, { ...perQuiz, answers: { ...perQuiz.answers } }])),
    };
    for (const [i, state] of states.entries()) {
      const text = encodeSuspend(big, state, MANY_SAVES);
      expect(text).toMatch(SAFE);
      expect(decodeSuspend(big, text)).toEqual({ ok: true, seq: MANY_SAVES, state: canonical(big, state) });
      expect(text.length, `state ${i}`).toBeGreaterThan(700); // the big states this test means
      expect(text.length, `state ${i}`).toBeLessThanOrEqual(1000);
      expect(encodeSuspendV1(big, state, MANY_SAVES).length).toBeGreaterThan(2 * text.length);
    }
  });

  it("still reads format 1, as earlier releases stored it (a learner's LMS record outlives an update)", () => {
    fc.assert(
      fc.property(stateArb(course), fc.integer({ min: 0, max: 2 ** 31 }), (state, seq) => {
        const old = encodeSuspendV1(course, state, seq);
        expect(old[0]).toBe('1');
        expect(decodeSuspend(course, old)).toEqual({ ok: true, seq, state });
      }),
      { numRuns: 200 },
    );
  });

  it('stays under the budget for a course bigger than planned (5 quizzes x 8 questions x 5 options)', () => {
    const big = largeCourse(5, 8, 5);
    const text = encodeSuspend(big, worstCase(big), 2 ** 31);
    expect(decodeSuspend(big, text).ok).toBe(true);
    expect(text.length).toBeLessThan(1000);
  });

  it('stays under the SCORM 1.2 limit of 4,096 for a huge course (8 quizzes x 10 questions x 6 options)', () => {
    const huge = largeCourse(8, 10, 6);
    const text = encodeSuspend(huge, worstCase(huge), 2 ** 31);
    expect(decodeSuspend(huge, text).ok).toBe(true);
    expect(text.length).toBeLessThan(4096);
  });

  it('encodes an untouched course in a few characters', () => {
    expect(encodeSuspend(course, initialState(course), 1).length).toBeLessThan(16);
  });

  it('refuses data of another course version', () => {
    const text = encodeSuspend(course, worstCase(course), 1);
    const changed = { ...course, version: 'fixture-v2' };
    expect(decodeSuspend(changed, text)).toEqual({ ok: false, reason: 'version' });
  });

  it('refuses corrupt data without throwing (any truncation, any single changed character)', () => {
    const text = encodeSuspend(course, worstCase(course), 7);
    for (let cut = 0; cut < text.length; cut++) {
      expect(decodeSuspend(course, text.slice(0, cut)).ok).toBe(false);
    }
    for (let i = 0; i < text.length; i++) {
      for (const c of ['A', 'z', '_', '"', '\\', ' ']) {
        if (text[i] === c) continue;
        const bad = text.slice(0, i) + c + text.slice(i + 1);
        expect(decodeSuspend(course, bad).ok).toBe(false);
      }
    }
  });

  it('refuses arbitrary strings without throwing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeSuspend(course, s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    for (const s of ['', '1', '{"a":1}', 'null', '1AAAAAAAAA', '\u0000'.repeat(20)]) expect(decodeSuspend(course, s).ok).toBe(false);
  });

  it('refuses a well-formed text whose indices point past the course (structure check)', () => {
    // Same version and a valid checksum, but built for a course with more lessons.
    const bigger = { ...largeCourse(4, 3, 3), version: course.version };
    const state = initialState(bigger);
    state.lessonsRead = bigger.lessons.map((l) => l.id);
    const text = encodeSuspend(bigger, state, 1);
    // Format 2's header hashes the course's shape (lessons, passages, questions, options) with its
    // version, so indices of another shape are refused before they are read.
    expect(decodeSuspend(course, text)).toEqual({ ok: false, reason: 'version' });
    const old = encodeSuspendV1(bigger, state, 1);
    expect(decodeSuspend(course, old)).toEqual({ ok: false, reason: 'structure' });
  });

  it('drops data for lessons, quizzes and questions that no longer exist', () => {
    const state = worstCase(course);
    state.lessonsRead = ['gone_lesson', ...state.lessonsRead];
    const quiz = state.quizzes.quiz_background;
    state.quizzes.quiz_background = {
      ...quiz,
      questionIds: [...quiz.questionIds, 'gone_question'],
      answers: { ...quiz.answers, gone_question: { type: 'single', value: 'x' } },
    };
    state.quizzes.gone_quiz = quiz;
    const back = decodeSuspend(course, encodeSuspend(course, state, 1));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.state).toEqual(canonical(course, worstCase(course)));
  });
});
