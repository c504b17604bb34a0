import { describe, expect, it } from 'vitest';
import type { CourseStatus } from '../../src/course/progress.ts';
import { initialState } from '../../src/course/progress.ts';
import { lessonObjectives, fit } from '../../src/scorm/cmi-mapping.ts';
import { buildInteraction, description, response12, response2004 } from '../../src/scorm/interactions.ts';
import { scorm12 } from '../../src/scorm/scorm12.ts';
import { scorm2004 } from '../../src/scorm/scorm2004.ts';
import { clock12, decimal, duration2004, timespan12, timestamp2004 } from '../../src/scorm/time.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';

const course = fixtureCourse();

function status(over: Partial<CourseStatus>): CourseStatus {
  return {
    lessonsRead: 0,
    lessonsTotal: 2,
    quizzesSubmitted: 0,
    quizzesPassed: 0,
    quizzesTotal: 2,
    progress: 0,
    completed: false,
    score: null,
    success: 'unknown',
    ...over,
  };
}

describe('time formats', () => {
  it('SCORM 1.2 timespan HHHH:MM:SS.SS, capped at 4 hour digits', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_456)).toBe('0001:02:03.46');
    expect(timespan12(-5)).toBe('0000:00:00.00');
    expect(timespan12(NaN)).toBe('0000:00:00.00');
    expect(timespan12(1e12)).toBe('9999:59:59.99');
  });

  it('SCORM 1.2 time of day HH:MM:SS', () => {
    expect(clock12(new Date(2026, 10, 21, 9, 5, 7, 999))).toBe('09:05:07');
  });

  it('SCORM 2004 durations with at most 2 decimals', () => {
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(5_000)).toBe('PT5S');
    expect(duration2004(1_234)).toBe('PT1.23S');
    expect(duration2004(1_500)).toBe('PT1.5S');
    expect(duration2004(61_000)).toBe('PT1M1S');
    expect(duration2004(3_723_456)).toBe('PT1H2M3.46S');
    expect(duration2004(90_000_000)).toBe('PT25H0M0S');
  });

  it('SCORM 2004 timestamps in UTC with one decimal', () => {
    expect(timestamp2004(new Date(Date.UTC(2026, 10, 21, 9, 5, 7, 987)))).toBe('2026-11-21T09:05:07.9Z');
  });

  it('decimals without exponents or trailing zeros', () => {
    expect(decimal(87.5)).toBe('87.5');
    expect(decimal(100)).toBe('100');
    expect(decimal(66.666666, 2)).toBe('66.67');
    expect(decimal(0.87500001, 4)).toBe('0.875');
    expect(decimal(1e-9, 4)).toBe('0');
    expect(decimal(-1e-9, 4)).toBe('0');
  });
});

describe('status and score (never contradicting Moodle)', () => {
  const flat = (groups: ReturnType<typeof scorm12.status>) => Object.fromEntries(groups.flat());

  it('1.2: incomplete and no score before completion, even when every quiz is in', () => {
    expect(flat(scorm12.status(status({ score: 90, success: 'passed', completed: false })))).toEqual({ 'cmi.core.lesson_status': 'incomplete' });
  });

  it('1.2: passed/failed with the raw score when complete', () => {
    expect(flat(scorm12.status(status({ completed: true, score: 80, success: 'passed' })))).toEqual({
      'cmi.core.score.raw': '80',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_status': 'passed',
    });
    expect(flat(scorm12.status(status({ completed: true, score: 79.99, success: 'failed' })))['cmi.core.lesson_status']).toBe('failed');
  });

  it('1.2: completed without a score when the course has no quizzes, or completion does not wait for them', () => {
    expect(flat(scorm12.status(status({ completed: true, quizzesTotal: 0 })))).toEqual({ 'cmi.core.lesson_status': 'completed' });
    expect(flat(scorm12.status(status({ completed: true, score: null })))).toEqual({ 'cmi.core.lesson_status': 'completed' });
  });

  it('1.2: the score is sent before the status (a refused score leaves a consistent status)', () => {
    const order = scorm12.status(status({ completed: true, score: 90, success: 'passed' })).flat().map(([el]) => el);
    expect(order.at(-1)).toBe('cmi.core.lesson_status');
  });

  it('2004: completion and success separately; raw always with scaled', () => {
    expect(flat(scorm2004.status(status({})))).toEqual({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown' });
    expect(flat(scorm2004.status(status({ score: 42.5, success: 'failed' })))).toEqual({
      'cmi.score.scaled': '0.425',
      'cmi.score.raw': '42.5',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'failed',
    });
  });

  it('exit values', () => {
    expect([scorm12.exit(false), scorm12.exit(true), scorm2004.exit(false), scorm2004.exit(true)]).toEqual(['suspend', '', 'suspend', 'normal']);
  });
});

describe('objectives', () => {
  it('one per lesson: read or not, and the result of its quiz', () => {
    const state = initialState(course);
    state.lessonsRead = ['02_discussion'];
    state.quizzes.quiz_background = { ...state.quizzes.quiz_background, attempt: 1, finished: true, best: 60, last: 60 };
    expect(lessonObjectives(course, state)).toEqual([
      { id: '01_background', title: 'Theoretical background', completed: false, success: 'failed', score: 60 },
      { id: '02_discussion', title: 'Discussion', completed: true, success: 'unknown', score: null },
    ]);
    const [o1, o2] = lessonObjectives(course, state);
    expect(Object.fromEntries(scorm12.objective(0, o1))).toEqual({
      'cmi.objectives.0.id': '01_background',
      'cmi.objectives.0.score.raw': '60',
      'cmi.objectives.0.score.min': '0',
      'cmi.objectives.0.score.max': '100',
      'cmi.objectives.0.status': 'failed',
    });
    expect(Object.fromEntries(scorm12.objective(1, o2))).toEqual({ 'cmi.objectives.1.id': '02_discussion', 'cmi.objectives.1.status': 'completed' });
    // 2004 objectives carry the lesson title, so the Objectives report names the lesson (1.2 has no description).
    expect(Object.fromEntries(scorm2004.objective(1, o2))).toEqual({
      'cmi.objectives.1.id': '02_discussion',
      'cmi.objectives.1.description': 'Discussion',
      'cmi.objectives.1.completion_status': 'completed',
      'cmi.objectives.1.success_status': 'unknown',
    });
    expect(scorm2004.objective(4, o1)[0]).toEqual(['cmi.objectives.4.id', '01_background']);
  });

  it('below the floor the LMS holds, a status is left out (the score with the success status), as for the course', () => {
    const failedUnread = { id: '01_background', title: 'T', completed: false, success: 'failed', score: 60 } as const;
    const keys = (pairs: readonly (readonly [string, string])[]) => pairs.map(([k]) => k.replace('cmi.objectives.3.', ''));
    const held12 = (status: string) => scorm12.readFloor((el) => (el === 'cmi.objectives.3.status' ? status : null), 3);
    const held2004 = (c: string, s: string) =>
      scorm2004.readFloor((el) => ({ 'cmi.objectives.3.completion_status': c, 'cmi.objectives.3.success_status': s })[el] ?? null, 3);
    // 1.2: one element for both; `failed` says completed too, so over `completed` it is sent, over `passed` not.
    expect(keys(scorm12.objective(3, failedUnread, held12('completed')))).toEqual(['id', 'score.raw', 'score.min', 'score.max', 'status']);
    expect(keys(scorm12.objective(3, failedUnread, held12('passed')))).toEqual(['id']);
    expect(keys(scorm12.objective(3, { ...failedUnread, success: 'unknown', score: null }, held12('failed')))).toEqual(['id']);
    // 2004: completion and success apart.
    expect(keys(scorm2004.objective(3, failedUnread, held2004('completed', 'unknown')))).toEqual([
      'id', 'description', 'score.scaled', 'score.raw', 'score.min', 'score.max', 'success_status',
    ]);
    expect(keys(scorm2004.objective(3, failedUnread, held2004('completed', 'passed')))).toEqual(['id', 'description']);
    expect(keys(scorm2004.objective(3, failedUnread, held2004('incomplete', 'failed')))).toEqual(scorm2004.objective(3, failedUnread).map(([k]) => k.replace('cmi.objectives.3.', '')));
  });
});

describe('interactions', () => {
  const at = new Date(Date.UTC(2026, 10, 21, 10, 0, 0, 250));

  it('builds one record per answer with a SCORM-safe id', () => {
    const r = buildInteraction(course, 'quiz_discussion', 'q_roles', 3, { type: 'matching', value: { family: 'helps', religion: '', services: 'helps' } }, at, 1234);
    expect(r).toMatchObject({
      id: 'quiz_discussion.q_roles.3',
      type: 'matching',
      learner: { kind: 'pairs', pairs: [['family', 'helps'], ['services', 'helps']] },
      isCorrect: false,
      latencyMs: 1234,
      description: 'Match each factor to the kind of role it had in the review.',
    });
    expect(buildInteraction(course, 'quiz_discussion', 'gone', 1, { type: 'single', value: 'a' }, at, 0)).toBeNull();
  });

  it('falls back to index ids when the ids together pass 250 characters', () => {
    const c = fixtureCourse();
    c.quizzes[0].id = `q${'z'.repeat(200)}`;
    c.quizzes[0].questions[0].id = `q${'y'.repeat(100)}`;
    const r = buildInteraction(c, c.quizzes[0].id, c.quizzes[0].questions[0].id, 12, { type: 'single', value: 'stages' }, at, 0);
    expect(r?.id).toBe('q0.0.12');
  });

  it('formats each type for 1.2 and 2004', () => {
    const pairs = { kind: 'pairs', pairs: [['a', 'x'], ['b', 'y']] } as const;
    const order = { options: ['a', 'b'], targets: ['x', 'y'] };
    expect(response12({ kind: 'ids', ids: ['a', 'b'] }, order)).toBe('a,b');
    expect(response12({ kind: 'bool', value: false }, order)).toBe('f');
    expect(response12({ kind: 'pairs', pairs: [['a', 'x'], ['b', 'y']] }, order)).toBe('a.x,b.y');
    expect(response12({ kind: 'ids', ids: [] }, order)).toBeNull();
    expect(response2004({ kind: 'ids', ids: ['a', 'b'] }, 'choice')).toBe('a[,]b');
    expect(response2004({ kind: 'ids', ids: ['a', 'a'] }, 'choice')).toBe('a');
    expect(response2004({ kind: 'ids', ids: ['c', 'a', 'b'] }, 'sequencing')).toBe('c[,]a[,]b');
    expect(response2004({ kind: 'bool', value: true }, 'true-false')).toBe('true');
    expect(response2004({ ...pairs, pairs: [['a', 'x'], ['b', 'y']] }, 'matching')).toBe('a[.]x[,]b[.]y');
    expect(response2004({ kind: 'ids', ids: [] }, 'choice')).toBeNull();
  });

  it('1.2: uses authored positions when the ids would pass 255 characters', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `option_${i}_${'w'.repeat(30)}`);
    const targets = Array.from({ length: 10 }, (_, i) => `target_${i}_${'w'.repeat(30)}`);
    expect(response12({ kind: 'ids', ids: [ids[3], ids[0], ...ids.slice(4)] }, { options: ids, targets: [] })).toBe('4,1,5,6,7,8,9,10');
    expect(response12({ kind: 'pairs', pairs: ids.map((id, i): [string, string] => [id, targets[9 - i]]) }, { options: ids, targets })).toBe(
      '1.10,2.9,3.8,4.7,5.6,6.5,7.4,8.3,9.2,10.1',
    );
  });

  it('2004: more than 36 nodes or an unsafe id is not sent', () => {
    expect(response2004({ kind: 'ids', ids: Array.from({ length: 37 }, (_, i) => `o${i}`) }, 'sequencing')).toBeNull();
    expect(response2004({ kind: 'ids', ids: ['a-b'] }, 'choice')).toBeNull();
  });

  it('2004 description: one line, no leading brace, at most 250 characters', () => {
    expect(description('  Which\nmodel?  ')).toBe('Which model?');
    expect(description('{lang=xx} trick')).toBe('lang=xx} trick');
    const long = description('word '.repeat(100));
    expect(long).toHaveLength(250);
    expect(long.endsWith('…')).toBe(true);
  });

  it('1.2 weighting stays within -100..100', () => {
    const r = buildInteraction(course, 'quiz_background', 'q_linear', 1, { type: 'truefalse', value: true }, at, 0);
    const pairs = Object.fromEntries(scorm12.interaction(0, { ...r!, weight: 500 }));
    expect(pairs['cmi.interactions.0.weighting']).toBe('100');
    expect(pairs['cmi.interactions.0.student_response']).toBe('t');
    expect(pairs['cmi.interactions.0.correct_responses.0.pattern']).toBe('f');
    expect(pairs['cmi.interactions.0.result']).toBe('wrong');
  });

  it('fit cuts to the limit', () => {
    expect(fit('abc', 2)).toBe('ab');
    expect(fit('abc', 3)).toBe('abc');
  });
});
