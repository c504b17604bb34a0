import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeProgress } from '../../src/course/progress-merge.ts';
import { emptyQuizProgress, ProgressStore, type ProgressState, type QuizProgress } from '../../src/course/progress.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';

const course = fixtureCourse();
const QB = 'quiz_background';
const QD = 'quiz_discussion';

/** Two windows that both started from nothing. */
function twoWindows(): [ProgressStore, ProgressStore] {
  return [new ProgressStore(course), new ProgressStore(course)];
}

function quiz(over: Partial<QuizProgress>): QuizProgress {
  return { ...emptyQuizProgress(), ...over };
}

describe('mergeProgress', () => {
  it('keeps the lessons read in either window, in this window’s order first', () => {
    const [a, b] = twoWindows();
    a.markLessonRead('02_discussion');
    b.markLessonRead('01_background');
    b.markLessonRead('02_discussion');
    expect(mergeProgress(a.get(), b.get()).lessonsRead).toEqual(['02_discussion', '01_background']);
    expect(mergeProgress(b.get(), a.get()).lessonsRead).toEqual(['01_background', '02_discussion']);
  });

  it('per quiz keeps the state with more progress: higher attempt, then more answers, then finished', () => {
    const s = (quizzes: Record<string, QuizProgress>): ProgressState => ({ lessonsRead: [], quizzes, location: { view: 'start' } });
    const a1 = quiz({ attempt: 1, seed: 1, questionIds: ['q_model', 'q_levels'], answers: { q_model: { type: 'single', value: 'stages' } } });
    const a2 = quiz({ attempt: 2, seed: 2, questionIds: ['q_model', 'q_levels'] });
    // higher attempt wins even with fewer answers
    expect(mergeProgress(s({ [QB]: a1 }), s({ [QB]: a2 })).quizzes[QB]).toEqual(a2);
    expect(mergeProgress(s({ [QB]: a2 }), s({ [QB]: a1 })).quizzes[QB]).toBe(a2);
    // same attempt: more answers win
    const more = { ...a1, seed: 9, answers: { ...a1.answers, q_levels: { type: 'multiple', value: ['individual'] } } } as QuizProgress;
    expect(mergeProgress(s({ [QB]: a1 }), s({ [QB]: more })).quizzes[QB]).toEqual(more);
    // same attempt and answers: finished wins
    const done = { ...more, finished: true, best: 50, last: 50 };
    expect(mergeProgress(s({ [QB]: more }), s({ [QB]: done })).quizzes[QB]).toEqual(done);
    expect(mergeProgress(s({ [QB]: done }), s({ [QB]: more })).quizzes[QB]).toEqual(done);
    // a quiz only the other window has
    expect(mergeProgress(s({}), s({ [QD]: a1 })).quizzes[QD]).toEqual(a1);
  });

  it('keeps the best score of the two, also when the other state has more progress', () => {
    const s = (q: QuizProgress): ProgressState => ({ lessonsRead: [], quizzes: { [QB]: q }, location: { view: 'start' } });
    const passedEarlier = quiz({ attempt: 1, finished: true, best: 100, last: 100, questionIds: ['q_model'], answers: { q_model: { type: 'single', value: 'stages' } } });
    const retryStarted = quiz({ attempt: 2, best: 40, last: 40, questionIds: ['q_model'] });
    const merged = mergeProgress(s(passedEarlier), s(retryStarted)).quizzes[QB];
    expect(merged).toEqual({ ...retryStarted, best: 100 });
    expect(mergeProgress(s(retryStarted), s(passedEarlier)).quizzes[QB]).toEqual({ ...retryStarted, best: 100 });
  });

  it('keeps this window’s place unless asked to follow the other window', () => {
    const [a, b] = twoWindows();
    b.go({ view: 'lesson', id: '02_discussion', passage: '02_discussion-p2' });
    expect(mergeProgress(a.get(), b.get()).location).toEqual({ view: 'start' });
    expect(mergeProgress(a.get(), b.get(), { followLocation: true }).location).toEqual({ view: 'lesson', id: '02_discussion', passage: '02_discussion-p2' });
    a.go({ view: 'quiz', id: QD });
    expect(mergeProgress(a.get(), b.get()).location).toEqual({ view: 'quiz', id: QD });
  });

  it('returns this window’s state itself when the other adds nothing (so callers can skip a change)', () => {
    const [a, b] = twoWindows();
    a.markLessonRead('01_background');
    a.startAttempt(QB, { seed: 4 });
    a.submitAnswer(QB, 'q_model', { type: 'single', value: 'stages' });
    b.markLessonRead('01_background');
    expect(mergeProgress(a.get(), b.get())).toBe(a.get());
    expect(mergeProgress(a.get(), a.get(), { followLocation: true })).toBe(a.get());
    expect(mergeProgress(b.get(), a.get())).not.toBe(b.get());
  });

  it('merging is idempotent, and merging the merge back adds nothing (no ping-pong between windows)', () => {
    const answer = fc.constantFrom<QuizProgress['answers'][string]>({ type: 'single', value: 'stages' }, { type: 'truefalse', value: true });
    const quizArb = fc.record({
      attempt: fc.nat(4),
      answers: fc.dictionary(fc.constantFrom('q_model', 'q_levels', 'q_linear'), answer),
      finished: fc.boolean(),
      best: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    const stateArb = fc.record({
      lessonsRead: fc.subarray(['01_background', '02_discussion']),
      quizzes: fc.record({ [QB]: quizArb, [QD]: quizArb }),
      view: fc.constantFrom('start', 'end'),
    });
    type StateInput = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;
    const toState = (x: StateInput): ProgressState => ({
      lessonsRead: x.lessonsRead,
      quizzes: Object.fromEntries(Object.entries(x.quizzes).map(([id, q]) => [id, quiz(q as Partial<QuizProgress>)])),
      location: { view: x.view } as ProgressState['location'],
    });
    fc.assert(
      fc.property(stateArb, stateArb, (x, y) => {
        const mine = toState(x);
        const theirs = toState(y);
        const m = mergeProgress(mine, theirs);
        // nothing of either is lost
        for (const id of [...mine.lessonsRead, ...theirs.lessonsRead]) expect(m.lessonsRead).toContain(id);
        for (const id of [QB, QD]) {
          const best = [mine.quizzes[id].best, theirs.quizzes[id].best].filter((b): b is number => b !== null);
          expect(m.quizzes[id].best).toBe(best.length ? Math.max(...best) : null);
          expect(m.quizzes[id].attempt).toBe(Math.max(mine.quizzes[id].attempt, theirs.quizzes[id].attempt));
        }
        expect(mergeProgress(m, theirs)).toBe(m);
        expect(mergeProgress(m, m)).toBe(m);
        // the other window takes the merge in; then neither has anything more to give the other
        const back = mergeProgress(theirs, m);
        expect(mergeProgress(back, m)).toBe(back);
        expect(mergeProgress(m, back)).toBe(m);
      }),
      { numRuns: 300 },
    );
  });
});
