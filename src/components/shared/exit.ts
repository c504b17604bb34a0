/**
 * "Save and exit", shared by the end and break pages: ends the session once and says calmly what
 * to do next. The message sits in a polite live region rendered by the page from the start.
 */
import type { CourseSession } from '../../course/session.ts';

export type ExitState = 'idle' | 'saving' | 'done' | 'error';

export async function saveAndExit(session: CourseSession): Promise<ExitState> {
  try {
    await session.exit();
    return 'done';
  } catch (err) {
    console.error(err);
    return 'error';
  }
}

export function exitMessage(state: ExitState, mode: CourseSession['mode']): string {
  switch (state) {
    case 'saving':
      return 'Saving your progress…';
    case 'done':
      return mode === 'standalone'
        ? 'Your progress is saved in this browser. You can close this window now.'
        : 'Your progress is saved. You can close this window now.';
    case 'error':
      return 'Your progress could not be saved just now. Please leave this window open for a moment and try again. If it keeps happening, tell your learning team.';
    default:
      return '';
  }
}
