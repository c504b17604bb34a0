/**
 * Why SCORM 2004 answers cannot reach Moodle's Interactions report from the package (docs/scorm.md,
 * "Moodle's reports"): the report reads `cmi.interactions_N.*`, the names of Moodle's 1.2 player, and a
 * 2004 SCO cannot set such an element. And why 1.2 true/false stays `t` / `f`: a format-checking LMS
 * refuses `true`. Both against the Moodle-strict test LMS (scorm-again underneath).
 */
import { describe, expect, it } from 'vitest';
import { StrictLms } from '../helpers/strict-lms.ts';
import { response12, response2004 } from '../../src/scorm/interactions.ts';

describe('the names Moodle\'s Interactions report reads', () => {
  it('a SCORM 2004 SCO cannot set cmi.interactions_0.* (not in the 2004 data model): 401, nothing stored', () => {
    const lms = new StrictLms({ version: '2004' });
    lms.api.Initialize('');
    expect(lms.api.SetValue('cmi.interactions_0.id', 'quiz.q.1')).toBe('false');
    expect(lms.api.GetLastError()).toBe('401');
    expect(lms.api.SetValue('cmi.interactions.0.student_response', 't')).toBe('false');
    // The 2004 names are what it stores.
    expect(lms.api.SetValue('cmi.interactions.0.id', 'quiz.q.1')).toBe('true');
    expect(lms.api.SetValue('cmi.interactions.0.type', 'true-false')).toBe('true');
    expect(lms.api.SetValue('cmi.interactions.0.learner_response', response2004({ kind: 'bool', value: true }, 'true-false')!)).toBe('true');
  });
});

describe('1.2 true/false responses', () => {
  it('t and f are accepted; "true" is refused by a format-checking LMS, so the course sends t / f', () => {
    const lms = new StrictLms({ version: '1.2' });
    lms.api.LMSInitialize('');
    lms.api.LMSSetValue('cmi.interactions.0.id', 'quiz.q.1');
    lms.api.LMSSetValue('cmi.interactions.0.type', 'true-false');
    expect(lms.api.LMSSetValue('cmi.interactions.0.student_response', 'true')).toBe('false');
    const sent = [true, false].map((value) => response12({ kind: 'bool', value }, { options: [], targets: [] })!);
    expect(sent).toEqual(['t', 'f']);
    for (const v of sent) expect(lms.api.LMSSetValue('cmi.interactions.0.student_response', v)).toBe('true');
  });
});
