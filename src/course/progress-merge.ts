/**
 * Bring together the progress of two windows of the same course (the learner opened it twice).
 * Pure: the runtime calls it when another window saved progress (a `storage` event), so that
 * neither window's Finish replaces what the learner did in the other.
 */
import type { ProgressState, QuizProgress } from './progress.ts';

/** -1, 0 or 1: which quiz state holds more of the learner's work. */
function compareQuiz(a: QuizProgress, b: QuizProgress): number {
  if (a.attempt !== b.attempt) return a.attempt > b.attempt ? 1 : -1;
  const na = Object.keys(a.answers).length;
  const nb = Object.keys(b.answers).length;
  if (na !== nb) return na > nb ? 1 : -1;
  if (a.finished !== b.finished) return a.finished ? 1 : -1;
  return 0;
}

function maxScore(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * `mine` merged with `theirs` (another window's progress):
 * - lessons read: the union (mine first, in reading order, then theirs that are new);
 * - each quiz: the state with more progress (higher attempt, then more answers, then finished;
 *   mine on a tie), with the best score of the two;
 * - location: mine (the learner may be looking at this window), or theirs with `followLocation`
 *   (the caller knows this window has not been used since it opened, so the other window is where
 *   the learner is; its Finish must not send the bookmark back to the start).
 * Returns `mine` itself when theirs adds nothing, so a caller can tell "no change" with `===`.
 */
export function mergeProgress(mine: ProgressState, theirs: ProgressState, options: { followLocation?: boolean } = {}): ProgressState {
  let changed = false;

  const newLessons = theirs.lessonsRead.filter((id) => !mine.lessonsRead.includes(id));
  const lessonsRead = newLessons.length > 0 ? [...mine.lessonsRead, ...newLessons] : mine.lessonsRead;
  if (newLessons.length > 0) changed = true;

  const quizzes: Record<string, QuizProgress> = { ...mine.quizzes };
  for (const [id, other] of Object.entries(theirs.quizzes)) {
    const own = mine.quizzes[id];
    if (!own) {
      quizzes[id] = other;
      changed = true;
      continue;
    }
    const base = compareQuiz(other, own) > 0 ? other : own;
    const best = maxScore(own.best, other.best);
    if (base === own && best === own.best) continue;
    quizzes[id] = best === base.best ? base : { ...base, best };
    changed = true;
  }

  let location = mine.location;
  if (options.followLocation && JSON.stringify(mine.location) !== JSON.stringify(theirs.location)) {
    location = theirs.location;
    changed = true;
  }

  // Display settings (optional) are this window's own; a window that has none takes the other's.
  const display = mine.display ?? theirs.display;
  if (display !== mine.display) changed = true;
  return changed ? { ...mine, lessonsRead, quizzes, location, ...(display ? { display } : {}) } : mine;
}
