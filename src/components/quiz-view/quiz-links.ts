/** Where the quiz's "Review this in the lesson" links lead, and the way back to the quiz. */
import type { Location } from '../../course/progress.ts';
import type { Question, Quiz } from '../../course/types.ts';

/**
 * The words a question comes from (its sentence or quote anchor, highlighted by the lesson view; the
 * passage when it has none), and the way back to the quiz.
 */
export function reviewLocation(quiz: Quiz, question: Question): { location: Location; returnTo: Location } {
  return {
    location: { view: 'lesson', id: quiz.lessonId, passage: question.sourceAnchor ?? question.source },
    returnTo: { view: 'quiz', id: quiz.id },
  };
}
