import { describe, expect, it } from 'vitest';
import { courseStatus, initialState, type ProgressState } from '../../course/progress.ts';
import type { Course } from '../../course/types.ts';
import { tocTree } from '../lesson-view/toc.ts';
import { firstUnfinished, formatPercent, locationDone, locationFromHash, locationHash, locationLabel, locationState, progressText } from './labels.ts';

const course = {
  title: 'A course',
  lessons: [
    { id: 'l_a', title: 'Lesson A', passageIds: ['a-p1', 'a-p2'] },
    { id: 'l_b', title: 'Lesson B', passageIds: ['b-p1'] },
  ],
  quizzes: [{ id: 'q_a', title: 'Quiz A', lessonId: 'l_a', settings: { passMark: 80 } }],
  settings: { completion: { lessons: 'all', quizzes: 'all-submitted' }, passMark: 80 },
} as unknown as Course;

const withQuiz = (state: ProgressState, patch: Partial<ProgressState['quizzes'][string]>): ProgressState => ({
  ...state,
  quizzes: { ...state.quizzes, q_a: { ...state.quizzes.q_a, ...patch } },
});

describe('URL hash of a place', () => {
  it('round-trips every kind of place, with a lesson passage', () => {
    for (const loc of [
      { view: 'start' as const },
      { view: 'end' as const },
      { view: 'break' as const },
      { view: 'lesson' as const, id: 'l_b' },
      { view: 'lesson' as const, id: 'l_a', passage: 'a-p2' },
      { view: 'quiz' as const, id: 'q_a' },
    ]) {
      expect(locationFromHash(course, locationHash(loc))).toEqual(loc);
    }
    expect(locationHash({ view: 'lesson', id: 'l_a', passage: 'a-p2' })).toBe('#lesson/l_a/a-p2');
  });

  it('accepts a leading slash and refuses what the course does not have', () => {
    expect(locationFromHash(course, '#/quiz/q_a')).toEqual({ view: 'quiz', id: 'q_a' });
    expect(locationFromHash(course, '#lesson/nope')).toBeNull();
    expect(locationFromHash(course, '#quiz/l_a')).toBeNull();
    expect(locationFromHash(course, '#fn-3')).toBeNull();
    expect(locationFromHash(course, '')).toBeNull();
    expect(locationFromHash(course, '#quiz/q_a/a-p1')).toBeNull();
    expect(locationFromHash(course, '#lesson/l_a/a-p1/x')).toBeNull();
    // An unknown passage still opens the lesson, at its top.
    expect(locationFromHash(course, '#lesson/l_a/zzz')).toEqual({ view: 'lesson', id: 'l_a' });
  });
});

describe('words for places and states', () => {
  const passMarkA = () => course.quizzes.find((q) => q.id === 'q_a')!.settings.passMark;

  it('names places', () => {
    expect(locationLabel(course, { view: 'lesson', id: 'l_b' })).toBe('Lesson B');
    expect(locationLabel(course, { view: 'quiz', id: 'q_a' })).toBe('Quiz A');
    expect(locationLabel(course, { view: 'end' })).toBe('Finish');
  });

  it('says the state of each place in words', () => {
    let state = initialState(course);
    const say = (loc: Parameters<typeof locationState>[3]) => locationState(course, state, courseStatus(course, state), loc);
    expect(say({ view: 'lesson', id: 'l_a' })).toBe('not read yet');
    expect(say({ view: 'quiz', id: 'q_a' })).toBe('not started');
    expect(say({ view: 'start' })).toBe('');
    state = { ...state, lessonsRead: ['l_a'] };
    expect(say({ view: 'lesson', id: 'l_a' })).toBe('read');
    state = withQuiz(state, { attempt: 1 });
    expect(say({ view: 'quiz', id: 'q_a' })).toBe('in progress');
    state = withQuiz(state, { finished: true, best: 66.667, last: 66.667 });
    expect(say({ view: 'quiz', id: 'q_a' })).toBe(`score 67%, ${passMarkA() <= 66.667 ? 'passed' : 'not passed yet'}`);
    // A tick means passed: a finished quiz below its pass mark is not ticked.
    expect(locationDone(course, withQuiz(state, { best: passMarkA() - 0.2 }), { view: 'quiz', id: 'q_a' })).toBe(false);
    expect(locationDone(course, withQuiz(state, { best: passMarkA() }), { view: 'quiz', id: 'q_a' })).toBe(true);
    // One rounding rule: 56.8 is "57%" everywhere.
    expect(formatPercent(56.8)).toBe('57%');
    expect(say({ view: 'end' })).toBe('');
    state = { ...state, lessonsRead: ['l_a', 'l_b'] };
    expect(say({ view: 'end' })).toBe('course complete');
  });

  it('counts parts done', () => {
    let state = initialState(course);
    expect(progressText(courseStatus(course, state))).toBe('0 of 3 parts done');
    state = withQuiz({ ...state, lessonsRead: ['l_b'] }, { best: 100, finished: true });
    expect(progressText(courseStatus(course, state))).toBe('2 of 3 parts done');
  });

  it('finds the first part not finished', () => {
    let state = initialState(course);
    expect(firstUnfinished(course, state)).toEqual({ view: 'lesson', id: 'l_a' });
    state = { ...state, lessonsRead: ['l_a'] };
    expect(firstUnfinished(course, state)).toEqual({ view: 'quiz', id: 'q_a' });
    state = withQuiz({ ...state, lessonsRead: ['l_a', 'l_b'] }, { best: 0, finished: true });
    expect(firstUnfinished(course, state)).toEqual({ view: 'end' });
  });
});

describe('lesson contents tree', () => {
  it('nests sub-sections under their sections, and tolerates a skipped level', () => {
    const tree = tocTree([
      { id: 'a', text: 'A', level: 2 },
      { id: 'a1', text: 'A1', level: 3 },
      { id: 'a1x', text: 'A1x', level: 5 },
      { id: 'b', text: 'B', level: 2 },
      { id: 'b1', text: 'B1', level: 4 },
    ]);
    const shape = (nodes: ReturnType<typeof tocTree>): unknown => nodes.map((n) => [n.entry.id, shape(n.children)]);
    expect(shape(tree)).toEqual([
      ['a', [['a1', [['a1x', []]]]]],
      ['b', [['b1', []]]],
    ]);
    expect(tocTree([])).toEqual([]);
  });
});
