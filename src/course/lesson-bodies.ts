/**
 * Lesson bodies arrive in their own chunk, after the first view: the start page and the SCORM
 * runtime need only the outline (titles, ids, quizzes), and the bodies are most of the course's bytes.
 */
import type { Course } from './types.ts';

let loading: Promise<void> | null = null;
let loaded = false;

/** True once every lesson of the course has its html and notes. */
export function lessonBodiesLoaded(): boolean {
  return loaded;
}

/** Load the bodies (once) and put them into the course's lesson objects. */
export function loadLessonBodies(course: Course): Promise<void> {
  loading ??= import('virtual:lesson-bodies').then(({ default: bodies }) => {
    for (const lesson of course.lessons) Object.assign(lesson, bodies[lesson.id]);
    loaded = true;
  });
  return loading;
}
