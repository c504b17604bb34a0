/**
 * "Save and exit", shared by the end and break pages: ends the session once and says calmly what
 * to do next. The message sits in a polite live region rendered by the page from the start.
 *
 * The message follows what the session reports (`SaveResult`): it says "saved" only when the LMS
 * (or, without one, this browser) confirmed it, so it never contradicts a warning notice.
 */
import type { CourseSession, SaveResult } from '../../course/session.ts';

/**
 * `done`: confirmed; `kept`: not confirmed, but kept in this browser; `unsaved`: neither;
 * `error`: the session threw (it should not).
 */
export type ExitState = 'idle' | 'saving' | 'done' | 'kept' | 'unsaved' | 'error';

/** How a save went, as one of the states above. */
export function saveState(result: SaveResult): 'done' | 'kept' | 'unsaved' {
  return result.saved ? 'done' : result.inBrowser ? 'kept' : 'unsaved';
}

export async function saveAndExit(session: CourseSession): Promise<ExitState> {
  try {
    return saveState(await session.exit());
  } catch (err) {
    console.error(err);
    return 'error';
  }
}

/** True once "Save and exit" has ended the session (whatever the LMS said). */
export const exitEnded = (state: ExitState) => state === 'done' || state === 'kept' || state === 'unsaved';

/** Said when the progress was not confirmed but is kept here (the words of the notices). */
export const KEPT_HERE = 'Your progress is kept in this browser on this device; open the course again here to carry on.';

/** The break page's line when "Take a break" was not confirmed (the learner may carry on in this window). */
export const BREAK_KEPT = 'Your progress is kept in this browser on this device. Take as long as you need.';

export function exitMessage(state: ExitState, mode: CourseSession['mode']): string {
  switch (state) {
    case 'saving':
      return 'Saving your progress…';
    case 'done':
      return mode === 'standalone'
        ? 'Your progress is saved in this browser. You can close this window now.'
        : 'Your progress is saved. You can close this window now.';
    case 'kept':
      return `${KEPT_HERE} You can close this window now.`;
    case 'unsaved':
      return 'Your progress could not be saved. If this keeps happening, please tell your learning team.';
    case 'error':
      return 'Your progress could not be saved just now. Please leave this window open for a moment and try again. If it keeps happening, tell your learning team.';
    default:
      return '';
  }
}
