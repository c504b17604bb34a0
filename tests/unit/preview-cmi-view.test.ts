import { describe, expect, it } from 'vitest';
import { figuresFrom, interactionProblem, interactionsFrom, launchCmi, objectivesFrom, readableDuration } from '../../src/preview/page/cmi-view.ts';

const cmi12 = {
  suspend_data: 'x'.repeat(4100),
  core: {
    lesson_status: 'passed',
    lesson_location: 'lesson:05_discussion',
    score: { raw: '85', min: '0', max: '100' },
    session_time: '00:12:30',
    total_time: '0001:02:03.50',
    entry: 'resume',
    exit: 'suspend',
  },
  objectives: { 0: { id: 'quiz_1', status: 'passed', score: { raw: '90', min: '', max: '100' } } },
  interactions: {
    0: { id: 'q_1', type: 'choice', student_response: 'a,b', result: 'correct', time: '10:00:00', correct_responses: { 0: { pattern: 'a,b' } } },
    1: { id: 'q-2', type: 'true-false', student_response: 't', result: 'wrong', correct_responses: {} },
  },
};

const cmi2004 = {
  completion_status: 'completed',
  success_status: 'failed',
  score: { scaled: '0.4', raw: '', min: '0', max: '100' },
  location: 'quiz:q1',
  suspend_data: 'abc',
  session_time: 'PT5M',
  total_time: 'PT1H30M',
  entry: '',
  exit: 'normal',
  objectives: { 0: { id: 'quiz_1', success_status: 'failed', completion_status: 'completed', score: { scaled: '0.4', raw: '40' } } },
  interactions: {
    0: {
      id: 'q1',
      type: 'matching',
      learner_response: 'a[.]x[,]b[.]y',
      result: 'incorrect',
      timestamp: '2026-01-01T10:00:00',
      correct_responses: { 0: { pattern: 'a[.]y[,]b-1[.]x' } },
    },
  },
};

describe('figuresFrom', () => {
  it('reads SCORM 1.2: one status field, and limits of 4,096 / 255', () => {
    const f = figuresFrom('1.2', cmi12);
    expect(f).toMatchObject({
      lessonStatus: 'passed',
      completion: 'completed',
      success: 'passed',
      scoreRaw: '85',
      scoreScaled: null,
      grade: '85 / 100',
      location: 'lesson:05_discussion',
      locationLimit: 255,
      suspendDataLength: 4100,
      suspendDataLimit: 4096,
      sessionTime: '00:12:30',
      totalTime: '0001:02:03.50',
      entry: 'resume',
      exit: 'suspend',
    });
    expect(figuresFrom('1.2', { core: { lesson_status: 'incomplete' } })).toMatchObject({ completion: 'incomplete', success: 'unknown', grade: 'none: score.raw is not set' });
    expect(figuresFrom('1.2', { core: { lesson_status: 'failed' } })).toMatchObject({ completion: 'completed', success: 'failed' });
  });

  it('reads SCORM 2004: separate statuses, and limits of 64,000 / 1,000', () => {
    const f = figuresFrom('2004', cmi2004);
    expect(f).toMatchObject({
      lessonStatus: null,
      completion: 'completed',
      success: 'failed',
      scoreScaled: '0.4',
      location: 'quiz:q1',
      locationLimit: 1000,
      suspendDataLength: 3,
      suspendDataLimit: 64000,
      totalTime: 'PT1H30M',
    });
    // Moodle grades from score.raw alone: scaled only gives no grade.
    expect(f.grade).toMatch(/only score.scaled/);
  });

  it('copes with an empty tree (before anything is set)', () => {
    expect(figuresFrom('1.2', {})).toMatchObject({ lessonStatus: '', suspendDataLength: 0, location: '' });
    expect(figuresFrom('2004', {})).toMatchObject({ completion: '', success: '' });
  });
});

describe('objectives and interactions', () => {
  it('lists objectives for both versions', () => {
    expect(objectivesFrom('1.2', cmi12)).toEqual([{ index: 0, id: 'quiz_1', success: 'passed', completion: null, score: 'raw 90' }]);
    expect(objectivesFrom('2004', cmi2004)).toEqual([{ index: 0, id: 'quiz_1', success: 'failed', completion: 'completed', score: 'raw 40, scaled 0.4' }]);
  });

  it('lists interactions as the manager sees them, flagging what Moodle refuses', () => {
    const rows = interactionsFrom('1.2', cmi12);
    expect(rows[0]).toMatchObject({ index: 0, id: 'q_1', type: 'choice', response: 'a,b', correct: 'a,b', result: 'correct', time: '10:00:00', problem: null });
    expect(rows[1]).toMatchObject({ id: 'q-2', correct: '', result: 'wrong' });
    expect(rows[1]!.problem).toMatch(/refuses the id "q-2"/);
    const r2004 = interactionsFrom('2004', cmi2004);
    expect(r2004[0]).toMatchObject({ id: 'q1', response: 'a[.]x[,]b[.]y', correct: 'a[.]y[,]b-1[.]x', time: '2026-01-01T10:00:00' });
    expect(r2004[0]!.problem).toMatch(/response id "b-1"/);
  });

  it('checks response ids only where Moodle does', () => {
    expect(interactionProblem('2004', 'q1', 'choice', ['a[,]b'])).toBeNull();
    expect(interactionProblem('2004', 'q1', 'sequencing', ['a[,]b c'])).toMatch(/"b c"/);
    expect(interactionProblem('2004', 'q1', 'fill-in', ['any text - here'])).toBeNull();
    expect(interactionProblem('1.2', 'q1', 'choice', ['{a,b-2}'])).toMatch(/"b-2"/);
    expect(interactionProblem('1.2', 'x'.repeat(251), 'choice', [])).toMatch(/refuses the id/);
  });
});

describe('readableDuration', () => {
  it.each([
    ['PT1H30M', '1 h 30 min 0 s'],
    ['PT65S', '1 min 5 s'],
    ['PT0S', '0 s'],
    ['P1DT1S', '24 h 1 s'],
    ['0001:02:03.50', '1 h 2 min 3.5 s'],
    ['00:00:00', '0 s'],
    ['', ''],
    ['PT', ''],
    ['soon', ''],
  ])('%s -> %s', (input, out) => {
    expect(readableDuration(input)).toBe(out);
  });
});

describe('launchCmi', () => {
  const learner = { id: 'learner-1', name: 'learner-1, Preview' };

  it('first launch: ab-initio, learner, credit, mastery score from the pass mark', () => {
    expect(launchCmi('1.2', null, learner, 80)).toEqual({
      core: { entry: 'ab-initio', student_id: 'learner-1', student_name: 'learner-1, Preview', credit: 'credit', lesson_mode: 'normal', total_time: '0000:00:00' },
      student_data: { mastery_score: '80' },
    });
    expect(launchCmi('2004', null, learner, 75)).toMatchObject({ entry: 'ab-initio', learner_id: 'learner-1', credit: 'credit', mode: 'normal', scaled_passing_score: '0.75' });
    expect(launchCmi('2004', null, learner, null)).not.toHaveProperty('scaled_passing_score');
  });

  it('resume when suspend data exists: keeps stored data, drops this-session-only fields', () => {
    const c = launchCmi('1.2', cmi12, learner, 80);
    expect(c.core).toMatchObject({ entry: 'resume', lesson_status: 'passed', lesson_location: 'lesson:05_discussion', total_time: '0001:02:03.50' });
    expect(c.core).not.toHaveProperty('session_time');
    expect(c.core).not.toHaveProperty('exit');
    expect(c.suspend_data).toBe(cmi12.suspend_data);
    expect(c.interactions).toEqual(cmi12.interactions);
    // The stored tree is not changed.
    expect(cmi12.core.exit).toBe('suspend');
  });

  it('after a normal exit with no suspend data the entry is empty', () => {
    expect(launchCmi('2004', { ...cmi2004, suspend_data: '' }, learner, null).entry).toBe('');
    expect(launchCmi('2004', { ...cmi2004, suspend_data: '', exit: 'suspend' }, learner, null).entry).toBe('resume');
    const c = launchCmi('2004', cmi2004, learner, null);
    expect(c).not.toHaveProperty('session_time');
    expect(c).not.toHaveProperty('exit');
  });
});
