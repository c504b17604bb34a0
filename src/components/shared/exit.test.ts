import { describe, expect, it } from 'vitest';
import { NOTICES } from '../../scorm/notices.ts';
import type { CourseSession, SaveResult } from '../../course/session.ts';
import { exitEnded, exitMessage, exitPlace, saveAndExit, saveState } from './exit.ts';

/** A window tree: the course in a frame of an LMS page, in a popup the LMS opened, or a tab of its own. */
function frameOf(top: Record<string, unknown>): Record<string, unknown> {
  return { top, parent: top };
}
const lmsPage = () => {
  const top: Record<string, unknown> = { opener: null };
  top.top = top;
  return top;
};

describe('where the course runs decides the words for leaving', () => {
  it('a frame of an LMS page (Moodle’s embedded player): use the LMS’s own exit, never “close this window”', () => {
    const win = frameOf(lmsPage());
    expect(exitPlace(win)).toBe('frame');
    const done = exitMessage('done', 'scorm12', exitPlace(win));
    expect(done).toBe('Your progress is saved. To leave, use your learning system’s own exit (in Moodle, “Exit activity”), or go to another page.');
    expect(done).not.toMatch(/close this window/);
  });

  it('a popup the LMS opened (the course itself, or a frame inside it): close this window', () => {
    const popup: Record<string, unknown> = { opener: {} };
    popup.top = popup;
    expect(exitPlace(popup)).toBe('popup');
    expect(exitPlace(frameOf(popup))).toBe('popup');
    expect(exitMessage('done', 'scorm2004', 'popup')).toBe('Your progress is saved. You can close this window now.');
  });

  it('a tab of its own (standalone): leave this page', () => {
    const tab: Record<string, unknown> = { opener: null };
    tab.top = tab;
    expect(exitPlace(tab)).toBe('page');
    expect(exitMessage('done', 'standalone', 'page')).toBe('Your progress is saved in this browser. You can leave this page now.');
    // No LMS, so no LMS exit to point to, even in a frame.
    expect(exitMessage('done', 'standalone', 'frame')).toBe('Your progress is saved in this browser. You can leave this page now.');
  });

  it('a top window that cannot be read is a frame', () => {
    const win = {};
    Object.defineProperty(win, 'top', {
      get() {
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
    expect(exitPlace(win)).toBe('frame');
  });
});

describe('the exit message follows what the session confirmed', () => {
  it('says "saved" only when the LMS (or, standalone, this browser) confirmed', () => {
    expect(saveState({ saved: true, inBrowser: true })).toBe('done');
    expect(saveState({ saved: true, inBrowser: false })).toBe('done');
    expect(saveState({ saved: false, inBrowser: true })).toBe('kept');
    expect(saveState({ saved: false, inBrowser: false })).toBe('unsaved');
    for (const state of ['kept', 'unsaved', 'error', 'unrecorded'] as const) {
      for (const mode of ['scorm12', 'scorm2004', 'standalone'] as const) expect(exitMessage(state, mode, 'frame')).not.toMatch(/progress is saved/i);
    }
  });

  it('not confirmed but kept: the same advice as the warning notice (open the course again on this device)', () => {
    const kept = exitMessage('kept', 'scorm2004', 'frame');
    expect(kept).toMatch(/kept in this browser on this device; open the course again here to carry on/);
    expect(NOTICES.exitFailed.text).toMatch(/kept in this browser: open the course again on this device to carry on/);
  });

  it('a look back (review, browse, no credit) says the record is as it was, not "saved"', async () => {
    const session = { recording: false, exit: async (): Promise<SaveResult> => ({ saved: true, inBrowser: false }) } as unknown as CourseSession;
    const state = await saveAndExit(session);
    expect(state).toBe('unrecorded');
    expect(exitEnded(state)).toBe(true);
    expect(exitMessage(state, 'scorm2004', 'frame')).toMatch(/^Your record is as it was before this visit\. To leave, use/);
  });

  it('the session has ended after any finished exit, not after an error', () => {
    expect(['done', 'kept', 'unsaved'].every((s) => exitEnded(s as 'done'))).toBe(true);
    expect(['idle', 'saving', 'error'].some((s) => exitEnded(s as 'done'))).toBe(false);
  });
});
