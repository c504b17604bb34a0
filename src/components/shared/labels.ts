/**
 * Words for places and states in the course, shared by the menu, the document title,
 * previous/next buttons and the end summary, so a place is called the same everywhere.
 */
import { locationFromString, locationToString, type CourseStatus, type Location, type ProgressState } from '../../course/progress.ts';
import type { Course } from '../../course/types.ts';
import { courseSequence } from '../../course/navigation.ts';

/** Short name of a place: the lesson or quiz title, or the name of a course page. */
export function locationLabel(course: Course, loc: Location): string {
  switch (loc.view) {
    case 'start':
      return 'Start';
    case 'end':
      return 'Finish';
    case 'break':
      return 'Taking a break';
    case 'lesson':
      return course.lessons.find((l) => l.id === loc.id)?.title ?? 'Lesson';
    case 'quiz':
      return course.quizzes.find((q) => q.id === loc.id)?.title ?? 'Quiz';
  }
}

/** The state of a place as plain text for the menu (never colour alone), or '' when it has none. */
export function locationState(course: Course, state: ProgressState, status: CourseStatus, loc: Location): string {
  switch (loc.view) {
    case 'lesson':
      return state.lessonsRead.includes(loc.id) ? 'read' : 'not read yet';
    case 'quiz': {
      const q = state.quizzes[loc.id];
      if (!q || q.attempt === 0) return 'not started';
      if (q.best !== null) return `score ${formatPercent(q.best)}, ${quizPassed(course, loc.id, q.best) ? 'passed' : 'not passed yet'}`;
      return 'in progress';
    }
    case 'end':
      return status.completed ? 'course complete' : '';
    default:
      return '';
  }
}

/** Whether a best score reaches the quiz's pass mark (compared unrounded, as the LMS does). */
export function quizPassed(course: Course, quizId: string, best: number | null): boolean {
  const quiz = course.quizzes.find((q) => q.id === quizId);
  return best !== null && !!quiz && best >= quiz.settings.passMark;
}

/** Whether a place counts as done, for the tick in the menu and outline: a lesson read, a quiz passed. */
export function locationDone(course: Course, state: ProgressState, loc: Location): boolean {
  if (loc.view === 'lesson') return state.lessonsRead.includes(loc.id);
  if (loc.view === 'quiz') return quizPassed(course, loc.id, state.quizzes[loc.id]?.best ?? null);
  return false;
}

/**
 * The one rounding rule for scores on screen: whole percent, half up (56.8 -> "57%"). Used by the
 * results, the menu, the outline and the end page, so a score reads the same everywhere.
 */
export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** "2 of 4 parts done": parts are the lessons and quizzes. */
export function progressText(status: CourseStatus): string {
  const total = status.lessonsTotal + status.quizzesTotal;
  const done = status.lessonsRead + status.quizzesSubmitted;
  return `${done} of ${total} ${total === 1 ? 'part' : 'parts'} done`;
}

/**
 * The URL hash for a place: `#lesson/05_discussion`, `#lesson/05_discussion/p-12` with a passage,
 * `#quiz/discussion_check`, `#start` (the bookmark string, as the quiz's links use it).
 * The store stays the source of truth; the hash only lets the browser's Back button work.
 */
export function locationHash(loc: Location): string {
  return '#' + locationToString(loc) + (loc.view === 'lesson' && loc.passage ? `/${loc.passage}` : '');
}

/** Read a hash written by locationHash (a leading `/` is allowed); null when it names nothing in this course. */
export function locationFromHash(course: Course, hash: string): Location | null {
  const [view, id, passage, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (rest.length > 0) return null;
  const loc = locationFromString(course, id === undefined ? view : `${view}/${id}`);
  if (!loc || passage === undefined) return loc;
  if (loc.view !== 'lesson') return null;
  const lesson = course.lessons.find((l) => l.id === loc.id);
  return lesson?.passageIds.includes(passage) ? { ...loc, passage } : loc;
}

/** The first place not yet done, for "carry on" when the place before a break is unknown. */
export function firstUnfinished(course: Course, state: ProgressState): Location {
  for (const loc of courseSequence(course)) {
    if (loc.view === 'lesson' && !state.lessonsRead.includes(loc.id)) return loc;
    if (loc.view === 'quiz' && (state.quizzes[loc.id]?.best ?? null) === null) return loc;
  }
  return { view: 'end' };
}
