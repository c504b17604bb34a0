/**
 * The full compiled course (lesson bodies, question words and glossary definitions included), as the
 * build sees it. The page holds only the course's shape until the learner moves on (its text loads on
 * demand: src/course/course-text.ts), so tests that need the text read it here.
 */
import path from 'node:path';
import { compileCourse } from '../../src/content/compile.ts';
import type { Course } from '../../src/course/types.ts';

const cache = new Map<string, Promise<Course>>();

export function fullCourse(contentDir = path.resolve(import.meta.dirname, '../..')): Promise<Course> {
  if (!cache.has(contentDir)) cache.set(contentDir, compileCourse(contentDir).then((c) => c.course));
  return cache.get(contentDir)!;
}
