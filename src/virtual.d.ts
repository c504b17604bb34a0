declare module 'virtual:course' {
  import type { Course } from './course/types.ts';
  const course: Course;
  export default course;
}

/** One loader per text chunk (src/course/course-text.ts): a lesson's, a quiz's, the glossary's. */
declare module 'virtual:course-text' {
  import type { TextParts } from './course/course-text.ts';
  export const textParts: TextParts;
}
