import { describe, expect, it } from 'vitest';
import { NOTICES } from '../../scorm/notices.ts';
import { exitEnded, exitMessage, saveState } from './exit.ts';

describe('the exit message follows what the session confirmed', () => {
  it('says "saved" only when the LMS (or, standalone, this browser) confirmed', () => {
    expect(saveState({ saved: true, inBrowser: true })).toBe('done');
    expect(saveState({ saved: true, inBrowser: false })).toBe('done');
    expect(saveState({ saved: false, inBrowser: true })).toBe('kept');
    expect(saveState({ saved: false, inBrowser: false })).toBe('unsaved');
    expect(exitMessage('done', 'scorm2004')).toBe('Your progress is saved. You can close this window now.');
    expect(exitMessage('done', 'standalone')).toBe('Your progress is saved in this browser. You can close this window now.');
    for (const state of ['kept', 'unsaved', 'error'] as const) {
      for (const mode of ['scorm12', 'scorm2004', 'standalone'] as const) expect(exitMessage(state, mode)).not.toMatch(/progress is saved/i);
    }
  });

  it('not confirmed but kept: the same advice as the warning notice (open the course again on this device)', () => {
    const kept = exitMessage('kept', 'scorm2004');
    expect(kept).toMatch(/kept in this browser on this device; open the course again here to carry on/);
    expect(NOTICES.exitFailed.text).toMatch(/kept in this browser: open the course again on this device to carry on/);
  });

  it('the session has ended after any finished exit, not after an error', () => {
    expect(['done', 'kept', 'unsaved'].every((s) => exitEnded(s as 'done'))).toBe(true);
    expect(['idle', 'saving', 'error'].some((s) => exitEnded(s as 'done'))).toBe(false);
  });
});
