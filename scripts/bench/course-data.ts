/**
 * The compiled course (same content folder as the packages), for the floor, for knowing the
 * right answers in the scripted completion, and for building the worst-case learner state.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Course } from '../../src/course/types.ts';

/** `root`: the repository (its compiler); `contentDir`: the content folder, this course's by default. */
export async function loadCourse(root: string, contentDir = root): Promise<Course> {
  const { compileCourse } = (await import(pathToFileURL(path.join(root, 'src/content/compile.ts')).href)) as typeof import('../../src/content/compile.ts');
  return (await compileCourse(contentDir)).course;
}
