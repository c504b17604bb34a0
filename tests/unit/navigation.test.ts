import { describe, expect, it } from 'vitest';
import { courseSequence, nextLocation, previousLocation } from '../../src/course/navigation.ts';
import type { Course } from '../../src/course/types.ts';

const course = {
  lessons: [{ id: 'a' }, { id: 'b' }],
  quizzes: [{ id: 'qa', lessonId: 'a' }],
} as unknown as Course;

describe('course sequence', () => {
  it('puts each quiz right after its lesson, between start and end', () => {
    expect(courseSequence(course)).toEqual([
      { view: 'start' },
      { view: 'lesson', id: 'a' },
      { view: 'quiz', id: 'qa' },
      { view: 'lesson', id: 'b' },
      { view: 'end' },
    ]);
  });
  it('walks forwards and backwards and stops at the ends', () => {
    expect(nextLocation(course, { view: 'lesson', id: 'a' })).toEqual({ view: 'quiz', id: 'qa' });
    expect(previousLocation(course, { view: 'lesson', id: 'b' })).toEqual({ view: 'quiz', id: 'qa' });
    expect(nextLocation(course, { view: 'end' })).toBeNull();
    expect(previousLocation(course, { view: 'start' })).toBeNull();
  });
});
