/**
 * The preview's "Review mode" switch hands the course what Moodle hands it on re-entering a
 * finished attempt (moodle-facts.md): 1.2 the stored model in review mode with entry "", 2004 an
 * empty model in review mode with entry ab-initio.
 */
import { describe, expect, it } from 'vitest';
import { launchCmi } from '../../src/preview/page/cmi-view.ts';
import { NO_FAULTS, MOODLE_COMMIT_MS } from '../../src/preview/page/lms.ts';

const learner = { id: 'learner-1', name: 'learner-1, Preview' };

describe('the preview in review mode', () => {
  it('SCORM 1.2: lesson_mode review, entry "", the stored record as it is', () => {
    const stored = { core: { lesson_status: 'passed', lesson_location: 'end', exit: '', score: { raw: '100' } }, suspend_data: '1abc' };
    const c = launchCmi('1.2', stored, learner, 80, { review: true });
    expect(c.core).toMatchObject({ lesson_mode: 'review', entry: '', lesson_status: 'passed', lesson_location: 'end', credit: 'credit' });
    expect(c.suspend_data).toBe('1abc');
  });

  it('SCORM 2004: mode review, entry ab-initio, and nothing of the stored attempt', () => {
    const stored = { completion_status: 'completed', success_status: 'passed', location: 'end', suspend_data: '1abc', exit: 'normal' };
    const c = launchCmi('2004', stored, learner, 80, { review: true });
    expect(c).toMatchObject({ mode: 'review', entry: 'ab-initio', learner_id: 'learner-1' });
    expect(c).not.toHaveProperty('completion_status');
    expect(c).not.toHaveProperty('suspend_data');
    expect(c).not.toHaveProperty('location');
  });

  it('off by default, like the other switches; Moodle-speed commits take 300 ms', () => {
    expect(NO_FAULTS).toMatchObject({ reviewMode: false, closeLost: false, moodleCommits: false });
    expect(launchCmi('2004', { location: 'end', exit: 'suspend' }, learner, null)).toMatchObject({ mode: 'normal', entry: 'resume' });
    expect(MOODLE_COMMIT_MS).toBe(300);
  });
});
