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
 * `error`: the session threw (it should not); `unrecorded`: a look back (review, browse, no
 * credit), which had nothing to save.
 */
export type ExitState = 'idle' | 'saving' | 'done' | 'kept' | 'unsaved' | 'error' | 'unrecorded';

/**
 * Where the course runs, which decides what "leaving" means: a frame of an LMS page (Moodle's
 * embedded player: there is no window to close, the LMS has its own exit), a window the LMS opened
 * (a popup: closing it is the way out), or a tab of its own.
 */
export type ExitPlace = 'frame' | 'popup' | 'page';

interface WindowLike {
  top?: unknown;
  opener?: unknown;
}

/** Where `win` is. Reading `top` or `opener` across origins can throw: that is still a frame. */
export function exitPlace(win: unknown = (globalThis as { window?: unknown }).window): ExitPlace {
  const w = win as WindowLike | undefined;
  if (!w) return 'page';
  try {
    const top = w.top as WindowLike | undefined;
    // Moodle's "new window" display opens its player page in a popup, with the course in a frame of it.
    if ((top?.opener ?? w.opener) != null) return 'popup';
    return top && top !== w ? 'frame' : 'page';
  } catch {
    return 'frame';
  }
}

/** How a save went, as one of the states above. */
export function saveState(result: SaveResult): 'done' | 'kept' | 'unsaved' {
  return result.saved ? 'done' : result.inBrowser ? 'kept' : 'unsaved';
}

export async function saveAndExit(session: CourseSession): Promise<ExitState> {
  try {
    const result = await session.exit();
    return session.recording === false ? 'unrecorded' : saveState(result);
  } catch (err) {
    console.error(err);
    return 'error';
  }
}

/** True once "Save and exit" has ended the session (whatever the LMS said). */
export const exitEnded = (state: ExitState) => state === 'done' || state === 'kept' || state === 'unsaved' || state === 'unrecorded';

/** Said when the progress was not confirmed but is kept here (the words of the notices). */
export const KEPT_HERE = 'Your progress is kept in this browser on this device; open the course again here to carry on.';

/** The break page's line when "Take a break" was not confirmed (the learner may carry on in this window). */
export const BREAK_KEPT = 'Your progress is kept in this browser on this device. Take as long as you need.';

/** What to do once the session has ended, in words that fit where the course runs. */
export function leaveWords(place: ExitPlace): string {
  switch (place) {
    case 'popup':
      return 'You can close this window now.';
    case 'frame':
      return 'To leave, use your learning system’s own exit (in Moodle, “Exit activity”), or go to another page.';
    default:
      return 'You can leave this page now.';
  }
}

export function exitMessage(state: ExitState, mode: CourseSession['mode'], place: ExitPlace = exitPlace()): string {
  // Without an LMS there is no LMS exit to point to, even in a frame.
  const leave = leaveWords(mode === 'standalone' && place === 'frame' ? 'page' : place);
  switch (state) {
    case 'saving':
      return 'Saving your progress…';
    case 'done':
      return mode === 'standalone' ? `Your progress is saved in this browser. ${leave}` : `Your progress is saved. ${leave}`;
    case 'kept':
      return `${KEPT_HERE} ${leave}`;
    case 'unrecorded':
      return `Your record is as it was before this visit. ${leave}`;
    case 'unsaved':
      return 'Your progress could not be saved. If this keeps happening, please tell your learning team.';
    case 'error':
      return 'Your progress could not be saved just now. Please stay on this page for a moment and try again. If it keeps happening, tell your learning team.';
    default:
      return '';
  }
}
