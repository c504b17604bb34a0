/**
 * The full compiled course (lesson bodies and notes included), as the build sees it. The page only
 * holds the outline until the learner moves on (lesson bodies load on demand), so tests that need
 * the bodies read them here.
 */
import path from 'node:path';
import { compileCourse } from '../../src/content/compile.ts';
import type { Course } from '../../src/course/types.ts';

const cache = new Map<string, Promise<Course>>();

export function fullCourse(contentDir = path.resolve(import.meta.dirname, '../..')): Promise<Course> {
  if (!cache.has(contentDir)) cache.set(contentDir, compileCourse(contentDir).then((c) => c.course));
  return cache.get(contentDir)!;
}
