/**
 * The course's reading order: start, each lesson followed by its quizzes, end.
 * Pure functions, shared by the menu, previous/next buttons and the quiz's "Continue".
 */
import type { Location } from './progress.ts';
import type { Course } from './types.ts';

export function courseSequence(course: Course): Location[] {
  const seq: Location[] = [{ view: 'start' }];
  for (const lesson of course.lessons) {
    seq.push({ view: 'lesson', id: lesson.id });
    for (const quiz of course.quizzes.filter((q) => q.lessonId === lesson.id)) seq.push({ view: 'quiz', id: quiz.id });
  }
  seq.push({ view: 'end' });
  return seq;
}

export function sameLocation(a: Location, b: Location): boolean {
  return a.view === b.view && ('id' in a ? a.id : '') === ('id' in b ? b.id : '');
}

function indexOf(course: Course, loc: Location): number {
  return courseSequence(course).findIndex((l) => sameLocation(l, loc));
}

export function nextLocation(course: Course, loc: Location): Location | null {
  const seq = courseSequence(course);
  const i = indexOf(course, loc);
  return i >= 0 && i < seq.length - 1 ? seq[i + 1] : null;
}

export function previousLocation(course: Course, loc: Location): Location | null {
  const seq = courseSequence(course);
  const i = indexOf(course, loc);
  return i > 0 ? seq[i - 1] : null;
}

/** Detail of the `navigate` event any component dispatches (bubbles, composed); the course app handles it. */
export interface NavigateDetail {
  location: Location;
  /** Where a "Back to ..." link in the target view should return (e.g. from a passage back to its question). */
  returnTo?: Location;
}

export function navigateEvent(detail: NavigateDetail): CustomEvent<NavigateDetail> {
  return new CustomEvent('navigate', { detail, bubbles: true, composed: true });
}

/** Detail of the `open-glossary` event (bubbles, composed): the glossary page opens over the current place. */
export interface OpenGlossaryDetail {
  /** id of the term to show first; the whole glossary when absent. */
  term?: string;
}

export function openGlossaryEvent(detail: OpenGlossaryDetail = {}): CustomEvent<OpenGlossaryDetail> {
  return new CustomEvent('open-glossary', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    navigate: CustomEvent<NavigateDetail>;
    'open-glossary': CustomEvent<OpenGlossaryDetail>;
  }
}
