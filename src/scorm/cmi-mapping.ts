/**
 * What the LMS is told, derived from progress in one place and in version-neutral terms; the
 * dialects (scorm12.ts, scorm2004.ts) turn it into element/value pairs.
 */
import type { Course } from '../course/types.ts';
import { courseStatus, locationToString, type CourseStatus, type ProgressState } from '../course/progress.ts';
import type { Dialect, Pair } from './adapter.ts';
import { NO_FLOOR, type StatusFloor } from './status-floor.ts';

/** One objective per lesson: read or not, and the result of the lesson's quiz(zes). */
export interface LessonObjective {
  id: string;
  /** The lesson's title (2004 objective description). */
  title: string;
  completed: boolean;
  /** passed/failed once every quiz of the lesson has a finished attempt; unknown before or without quiz. */
  success: 'passed' | 'failed' | 'unknown';
  /** 0-100: mean of the lesson's quizzes' best scores, or null. */
  score: number | null;
}

export function lessonObjectives(course: Course, state: ProgressState): LessonObjective[] {
  return course.lessons.map((lesson) => {
    const quizzes = course.quizzes.filter((q) => q.lessonId === lesson.id);
    const bests = quizzes.map((q) => state.quizzes[q.id]?.best ?? null);
    const known = quizzes.length > 0 && bests.every((b) => b !== null);
    const score = known ? Math.round((bests.reduce((s, b) => s + (b ?? 0), 0) / bests.length) * 100) / 100 : null;
    const passed = known && quizzes.every((q, i) => (bests[i] ?? 0) >= q.settings.passMark);
    return {
      id: lesson.id,
      title: lesson.title,
      completed: state.lessonsRead.includes(lesson.id),
      success: known ? (passed ? 'passed' : 'failed') : 'unknown',
      score,
    };
  });
}

/** Cut to `max` characters; the LMS rejects longer values outright (error 405 / 406). */
export function fit(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max);
}

export interface CoreValues {
  status: CourseStatus;
  /** Status/score groups, then location, exit (and session time when asked). */
  groups: Pair[][];
}

/**
 * The course-level values for the LMS. suspend_data is added by the runtime (it needs the save
 * counter); objectives separately (they need the LMS's own objective indices).
 */
export function coreValues(
  course: Course,
  state: ProgressState,
  dialect: Dialect,
  sessionMs: number | null,
  floor: StatusFloor = NO_FLOOR,
): CoreValues {
  const status = courseStatus(course, state);
  const groups = dialect.status(status, floor);
  groups.push([[dialect.el.location, fit(locationToString(state.location), dialect.limits.location)]]);
  // A course completed but failed stays suspended: the learner may come back and pass within the
  // attempt (a 2004 LMS starts a new, empty attempt after a normal exit).
  groups.push([[dialect.el.exit, dialect.exit(status.completed && status.success !== 'failed')]]);
  if (sessionMs !== null) groups.push([[dialect.el.sessionTime, dialect.sessionTime(sessionMs)]]);
  return { status, groups };
}
