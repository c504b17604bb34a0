declare module 'virtual:course' {
  import type { Course } from './course/types.ts';
  const course: Course;
  export default course;
}

declare module 'virtual:lesson-bodies' {
  import type { Lesson } from './course/types.ts';
  const bodies: Record<string, Pick<Lesson, 'html' | 'footnotes'>>;
  export default bodies;
}
