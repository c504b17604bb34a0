/**
 * The compiled course (same content folder as the packages), for the floor, for knowing the
 * right answers in the scripted completion, and for building the worst-case learner state.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Course } from '../../src/course/types.ts';

export async function loadCourse(root: string): Promise<Course> {
  const { compileCourse } = (await import(pathToFileURL(path.join(root, 'src/content/compile.ts')).href)) as typeof import('../../src/content/compile.ts');
  return (await compileCourse(root)).course;
}
