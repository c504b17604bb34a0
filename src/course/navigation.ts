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

/** A run of places the outline and the menu show together: `section` null for places outside any section. */
export interface SectionGroup {
  section: string | null;
  locations: Location[];
}

/**
 * The reading order cut into the review's sections: consecutive lessons of one section (with their
 * quizzes) form a group; start, end and lessons without a section are groups with section null. A
 * course whose lessons name no section gives one group, the whole sequence, so a flat review looks
 * as it always did.
 */
export function courseSections(course: Course): SectionGroup[] {
  const groups: SectionGroup[] = [];
  const sectionOf = (loc: Location): string | null => {
    const lessonId = loc.view === 'lesson' ? loc.id : loc.view === 'quiz' ? course.quizzes.find((q) => q.id === loc.id)?.lessonId : undefined;
    return (lessonId && course.lessons.find((l) => l.id === lessonId)?.section) || null;
  };
  for (const loc of courseSequence(course)) {
    const section = sectionOf(loc);
    const last = groups[groups.length - 1];
    if (last && last.section === section) last.locations.push(loc);
    else groups.push({ section, locations: [loc] });
  }
  return groups;
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
