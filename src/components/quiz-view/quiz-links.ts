/** Where the quiz's "Review this in the lesson" links lead, and the way back to the quiz. */
import type { Location } from '../../course/progress.ts';
import type { Question, Quiz } from '../../course/types.ts';

/** The passage a question comes from, and the way back to the quiz. */
export function reviewLocation(quiz: Quiz, question: Question): { location: Location; returnTo: Location } {
  return {
    location: { view: 'lesson', id: quiz.lessonId, passage: question.source },
    returnTo: { view: 'quiz', id: quiz.id },
  };
}
