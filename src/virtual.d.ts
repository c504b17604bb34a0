declare module 'virtual:course' {
  import type { Course } from './course/types.ts';
  const course: Course;
  export default course;
}

declare module 'virtual:course-text' {
  import type { CourseText } from './course/course-text.ts';
  const text: CourseText;
  export default text;
}
