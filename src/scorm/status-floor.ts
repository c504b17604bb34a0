/**
 * Never downgrade what the LMS already records within an attempt: a course that lost its progress
 * record (corrupt or outdated suspend_data, a data model handed over empty, a progress reset) must
 * not turn a stored `completed` back into `incomplete` or a `passed` into `failed`. The floor is what
 * the LMS held at launch, raised by whatever the course sends later; status groups below it are not
 * sent. The same rule serves the course status and each lesson objective (one floor per objective
 * id, read at launch from the LMS's own objectives, whatever index it keeps them at).
 */

/** Completion and success, of the course or of one objective. */
export interface Standing {
  completed: boolean;
  success: 'passed' | 'failed' | 'unknown';
}

export type StatusFloor = Standing;

export const NO_FLOOR: StatusFloor = { completed: false, success: 'unknown' };

const SUCCESS_RANK = { unknown: 0, failed: 1, passed: 2 } as const;

/** SCORM 1.2 `lesson_status` (or an objective's `status`) as a floor (1.2 has one status for both). */
export function floor12(lessonStatus: string | null): StatusFloor {
  switch (lessonStatus) {
    case 'passed':
      return { completed: true, success: 'passed' };
    case 'failed':
      return { completed: true, success: 'failed' };
    case 'completed':
      return { completed: true, success: 'unknown' };
    default:
      return NO_FLOOR;
  }
}

/** SCORM 2004 `completion_status` and `success_status` as a floor. */
export function floor2004(completion: string | null, success: string | null): StatusFloor {
  return { completed: completion === 'completed', success: success === 'passed' || success === 'failed' ? success : 'unknown' };
}

/** Would sending this completion lower the floor? */
export const completionBelow = (s: Standing, floor: StatusFloor): boolean => floor.completed && !s.completed;

/** Would sending this success status (and the score that goes with it) lower the floor? */
export const successBelow = (s: Standing, floor: StatusFloor): boolean => SUCCESS_RANK[s.success] < SUCCESS_RANK[floor.success];

/** The floor after the course sent this status. */
export function raise(floor: StatusFloor, s: Standing): StatusFloor {
  return {
    completed: floor.completed || s.completed,
    success: SUCCESS_RANK[s.success] > SUCCESS_RANK[floor.success] ? s.success : floor.success,
  };
}
