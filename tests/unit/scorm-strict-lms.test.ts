/** The test LMS must catch what Moodle would refuse or rewrite; otherwise the runtime tests prove nothing. */
import { describe, expect, it } from 'vitest';
import { StrictLms } from '../helpers/strict-lms.ts';

function started(version: '1.2' | '2004', masteryScore?: number): StrictLms {
  const lms = new StrictLms({ version, masteryScore });
  lms.api[version === '1.2' ? 'LMSInitialize' : 'Initialize']('');
  return lms;
}

describe('StrictLms (SCORM 1.2)', () => {
  const bad: Array<[string, string]> = [
    ['cmi.suspend_data', 'x'.repeat(4097)],
    ['cmi.core.lesson_location', 'x'.repeat(256)],
    ['cmi.core.score.raw', '100.5'],
    ['cmi.core.score.raw', '1000'],
    ['cmi.core.session_time', '1:02:03'],
    ['cmi.core.session_time', '00:00:01.123'],
    ['cmi.interactions.0.id', 'quiz-1.q1.1'],
    ['cmi.objectives.0.id', 'lesson one'],
  ];
  it.each(bad)('refuses %s = %j', (el, value) => {
    const lms = started('1.2');
    expect(lms.api.LMSSetValue(el, value)).toBe('false');
    expect(lms.api.LMSGetLastError()).toBe('405');
    expect(lms.violations).toHaveLength(1);
    expect(lms.cmi()[el] ?? '').not.toBe(value);
  });

  it('checks responses against the interaction type', () => {
    const lms = started('1.2');
    const set = (el: string, v: string) => lms.api.LMSSetValue(`cmi.interactions.0.${el}`, v);
    expect(set('student_response', 'a')).toBe('false'); // before the type
    expect(set('id', 'q.a.1')).toBe('true');
    expect(set('type', 'true-false')).toBe('true');
    expect(set('student_response', 'true')).toBe('false');
    expect(set('student_response', 't')).toBe('true');
    lms.api.LMSSetValue('cmi.interactions.1.id', 'q.b.1');
    lms.api.LMSSetValue('cmi.interactions.1.type', 'matching');
    expect(lms.api.LMSSetValue('cmi.interactions.1.student_response', 'a-b')).toBe('false');
    expect(lms.api.LMSSetValue('cmi.interactions.1.student_response', 'a.b,c.d')).toBe('true');
    lms.api.LMSSetValue('cmi.interactions.2.id', 'q.c.1');
    lms.api.LMSSetValue('cmi.interactions.2.type', 'choice');
    expect(lms.api.LMSSetValue('cmi.interactions.2.correct_responses.0.pattern', 'x'.repeat(256))).toBe('false');
    expect(lms.api.LMSSetValue('cmi.interactions.2.correct_responses.0.pattern', 'a,b-c')).toBe('false');
    expect(lms.api.LMSSetValue('cmi.interactions.2.time', '12:00:00.123')).toBe('false');
    expect(lms.violations).toHaveLength(6);
  });

  it('does at LMSFinish what Moodle does: a status contradicting the score is rewritten and flagged', () => {
    const lms = started('1.2', 80);
    lms.api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    lms.api.LMSSetValue('cmi.core.score.raw', '90');
    lms.api.LMSFinish('');
    expect(lms.violations[0]).toMatch(/contradicts raw 90/);
    expect(lms.stored['cmi.core.lesson_status']).toBe('passed');
  });

  it('flags a Finish without a status (Moodle records "completed")', () => {
    const lms = started('1.2');
    lms.api.LMSFinish('');
    expect(lms.violations).toEqual([expect.stringMatching(/not attempted/)]);
    expect(lms.stored['cmi.core.lesson_status']).toBe('completed');
  });

  it('flags calls before Initialize, after Finish and a second Finish', () => {
    const lms = new StrictLms({ version: '1.2' });
    lms.api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    lms.api.LMSInitialize('');
    lms.api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    lms.api.LMSFinish('');
    lms.api.LMSSetValue('cmi.core.lesson_status', 'completed');
    lms.api.LMSCommit('');
    lms.api.LMSFinish('');
    expect(lms.violations).toEqual([
      expect.stringMatching(/SetValue.*while new/),
      expect.stringMatching(/SetValue.*while finished/),
      expect.stringMatching(/Commit while finished/),
      expect.stringMatching(/called 2 times/),
      expect.stringMatching(/Finish while finished/),
    ]);
    expect(lms.finishCount).toBe(2);
  });

  it('keeps only committed data, and hands it to the next launch with entry resume', () => {
    const lms = started('1.2');
    lms.api.LMSSetValue('cmi.suspend_data', 'abc');
    lms.api.LMSSetValue('cmi.core.exit', 'suspend');
    expect(lms.stored).toEqual({});
    lms.api.LMSCommit('');
    expect(lms.stored['cmi.suspend_data']).toBe('abc');
    const next = new StrictLms(lms.relaunch());
    next.api.LMSInitialize('');
    expect(next.api.LMSGetValue('cmi.core.entry')).toBe('resume');
    expect(next.api.LMSGetValue('cmi.suspend_data')).toBe('abc');
    expect(next.commits).toEqual([]);
  });
});

describe('StrictLms (SCORM 2004)', () => {
  const bad: Array<[string, string]> = [
    ['cmi.location', 'x'.repeat(1001)],
    ['cmi.suspend_data', 'x'.repeat(64001)],
    ['cmi.score.scaled', '1.5'],
    ['cmi.score.raw', '-1'],
    ['cmi.session_time', 'PT1.123S'],
    ['cmi.interactions.0.id', 'a b'],
  ];
  it.each(bad)('refuses %s = %j', (el, value) => {
    const lms = started('2004');
    expect(lms.api.SetValue(el, value)).toBe('false');
    expect(lms.api.GetLastError()).toBe('406');
    expect(lms.violations).toHaveLength(1);
  });

  it('checks interaction fields as Moodle does', () => {
    const lms = started('2004');
    const set = (el: string, v: string) => lms.api.SetValue(`cmi.interactions.0.${el}`, v);
    expect(set('id', 'quiz.q.1')).toBe('true');
    expect(set('learner_response', 'a')).toBe('false'); // before the type
    expect(set('type', 'choice')).toBe('true');
    expect(set('learner_response', 'a[,]a')).toBe('false'); // not unique
    expect(set('learner_response', 'a,b')).toBe('false'); // 1.2 delimiter
    expect(set('learner_response', 'a[,]b')).toBe('true');
    expect(set('timestamp', '2026-11-21T10:00:00.123Z')).toBe('false');
    expect(set('timestamp', '2026-11-21T10:00:00.12Z')).toBe('true');
    expect(set('description', 'x'.repeat(251))).toBe('false');
    expect(set('description', '{not a language}')).toBe('false');
    expect(set('description', 'line\nbreak')).toBe('false');
    expect(set('latency', 'PT0.001S')).toBe('false');
    lms.api.SetValue('cmi.interactions.1.id', 'quiz.q.2');
    lms.api.SetValue('cmi.interactions.1.type', 'matching');
    expect(lms.api.SetValue('cmi.interactions.1.correct_responses.0.pattern', 'a.b')).toBe('false');
    expect(lms.api.SetValue('cmi.interactions.1.correct_responses.0.pattern', 'a[.]b[,]c[.]d')).toBe('true');
    expect(lms.violations).toHaveLength(9);
  });

  it('flags score.scaled without score.raw (Moodle would grade 0)', () => {
    const lms = started('2004');
    lms.api.SetValue('cmi.score.scaled', '0.9');
    lms.api.Commit('');
    expect(lms.violations).toEqual([expect.stringMatching(/scaled without score.raw/)]);
  });
});
