import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/types.ts';
import { decodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';
import { StrictLms, type Version } from '../helpers/strict-lms.ts';
import { launch, START, type Harness } from '../helpers/scorm-harness.ts';

const course = fixtureCourse();

/** What the LMS accepted, element -> last value (what Moodle would store). */
function sent(lms: StrictLms): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of lms.log) if (e.fn === 'SetValue' && e.result === 'true' && e.element) out[e.element] = e.value ?? '';
  return out;
}

function pick(obj: Record<string, string>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** Local clock time of START + ms, as SCORM 1.2 CMITime. */
function clockAt(ms: number): string {
  const d = new Date(START + ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Timestamps (ms after START) of each answer in the journey below. */
const ANSWER_AT = [10_000, 17_000, 20_000, 30_000, 38_000, 157_000, 172_000];
const LATENCY = [5, 7, 3, 6, 8, 20, 15];

/**
 * A learner: reads lesson 1, fails quiz 1 then retries the wrong questions and passes, reads
 * lesson 2, passes quiz 2 with one partly wrong answer, goes to the end page. 230 s in all.
 */
function journey(h: Harness, until: 'all' | 'first-quiz' = 'all'): void {
  const { store } = h;
  const step = (ms: number, fn: () => void) => {
    h.advance(ms);
    fn();
    h.tick();
  };
  step(1000, () => store.go({ view: 'lesson', id: '01_background' }));
  step(1000, () => store.go({ view: 'lesson', id: '01_background', passage: '01_background-p4' }));
  step(1000, () => store.markLessonRead('01_background'));
  step(2000, () => {
    store.go({ view: 'quiz', id: 'quiz_background' });
    store.startAttempt('quiz_background', { seed: 42 });
  });
  step(5000, () => store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'role' }));
  step(7000, () => store.submitAnswer('quiz_background', 'q_levels', { type: 'multiple', value: ['individual', 'spiritual'] }));
  step(3000, () => store.submitAnswer('quiz_background', 'q_linear', { type: 'truefalse', value: false }));
  if (until === 'first-quiz') return;
  step(4000, () => store.startAttempt('quiz_background', { wrongOnly: true, seed: 43 }));
  step(6000, () => store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'stages' }));
  step(8000, () => store.submitAnswer('quiz_background', 'q_levels', { type: 'multiple', value: ['structural', 'individual', 'relational'] }));
  step(2000, () => store.go({ view: 'lesson', id: '02_discussion' }));
  step(95_000, () => store.markLessonRead('02_discussion'));
  step(2000, () => {
    store.go({ view: 'quiz', id: 'quiz_discussion' });
    store.startAttempt('quiz_discussion', { seed: 7 });
  });
  step(20_000, () =>
    store.submitAnswer('quiz_discussion', 'q_roles', { type: 'matching', value: { family: 'ambiguous', religion: 'ambiguous', services: 'helps' } }),
  );
  step(15_000, () => store.submitAnswer('quiz_discussion', 'q_steps', { type: 'ordering', value: ['trust', 'self_esteem', 'control', 'helping'] }));
  step(58_000, () => store.go({ view: 'end' }));
}

const INTERACTIONS = [
  { id: 'quiz_background.q_model.1', type: 'choice', r12: 'role', c12: 'stages', ok: false },
  { id: 'quiz_background.q_levels.1', type: 'choice', r12: 'individual,spiritual', c12: 'individual,relational,structural', ok: false },
  { id: 'quiz_background.q_linear.1', type: 'true-false', r12: 'f', c12: 'f', ok: true },
  { id: 'quiz_background.q_model.2', type: 'choice', r12: 'stages', c12: 'stages', ok: true },
  { id: 'quiz_background.q_levels.2', type: 'choice', r12: 'structural,individual,relational', c12: 'individual,relational,structural', ok: true },
  {
    id: 'quiz_discussion.q_roles.1',
    type: 'matching',
    r12: 'family.ambiguous,religion.ambiguous,services.helps',
    c12: 'family.ambiguous,religion.ambiguous,services.helps',
    ok: true,
  },
  { id: 'quiz_discussion.q_steps.1', type: 'sequencing', r12: 'trust,self_esteem,control,helping', c12: 'self_esteem,trust,control,helping', ok: false },
];
/** The values expected of each of INTERACTIONS at its index n, as `cmi.interactions.n.<field>`. */
function expectedInteractions(fields: (x: (typeof INTERACTIONS)[number], n: number) => Record<string, string>): Record<string, string> {
  return Object.fromEntries(INTERACTIONS.flatMap((x, n) => Object.entries(fields(x, n)).map(([k, v]) => [`cmi.interactions.${n}.${k}`, v])));
}
const to2004 = (r: string, type: string) => (type === 'true-false' ? (r === 't' ? 'true' : 'false') : r.replace(/,/g, '[,]').replace(type === 'matching' ? /\./g : /$^/, '[.]'));

async function fullRun(version: Version): Promise<{ lms: StrictLms; h: Harness }> {
  const lms = new StrictLms({ version, masteryScore: 80, learnerId: 'student_7' });
  const h = await launch(course, { lms });
  journey(h);
  expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
  return { lms, h };
}

describe.each(['1.2', '2004'] as const)('SCORM %s: a full course run against the strict LMS', (version) => {
  it('runs without an error code or a strict violation, committing only at commit points', async () => {
    const { lms, h } = await fullRun(version);
    expect(lms.violations).toEqual([]);
    expect(lms.errors()).toEqual([]);
    expect(h.session.lmsErrors).toEqual([]);
    expect(h.session.mode).toBe(version === '1.2' ? 'scorm12' : 'scorm2004');
    // lesson 1 read, 3 answers (the last one finishes quiz 1), 2 answers of the retry, lesson 2 read,
    // 2 answers of quiz 2 (the last one completes the course): 9 commits, then the Finish.
    expect(lms.commits.map((c) => c.kind)).toEqual([...Array(9).fill('commit'), 'finish']);
    expect(lms.commits.every((c) => c.ok)).toBe(true);
    expect(lms.initializeCount).toBe(1);
    expect(lms.finishCount).toBe(1);
    expect(h.session.ended).toBe(true);
    expect(h.session.notices()).toEqual([]);
    // Nothing is sent after the Finish: further progress goes to the browser copy only.
    const calls = lms.log.length;
    h.store.go({ view: 'start' });
    h.tick();
    expect(await h.session.save()).toEqual({ saved: false, inBrowser: true }); // the LMS has not got the new place
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true }); // what the Finish did
    h.win.pagehide();
    expect(lms.log.length).toBe(calls);
    expect(lms.violations).toEqual([]);
  });

  it('leaves every field as expected', async () => {
    const { lms, h } = await fullRun(version);
    const values = sent(lms);
    const state = h.store.get();
    const decoded = decodeSuspend(course, values['cmi.suspend_data']);
    expect(decoded).toEqual({ ok: true, seq: expect.any(Number), state });

    if (version === '1.2') {
      expect(pick(values, ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max', 'cmi.core.lesson_location', 'cmi.core.exit', 'cmi.core.session_time'])).toEqual({
        'cmi.core.lesson_status': 'passed',
        'cmi.core.score.raw': '87.5',
        'cmi.core.score.min': '0',
        'cmi.core.score.max': '100',
        'cmi.core.lesson_location': 'end',
        'cmi.core.exit': '',
        'cmi.core.session_time': '0000:03:50.00',
      });
      expect(lms.stored['cmi.core.lesson_status']).toBe('passed');
      expect(pick(values, Object.keys(values).filter((k) => k.startsWith('cmi.objectives.')))).toEqual({
        'cmi.objectives.0.id': '01_background',
        'cmi.objectives.0.score.raw': '100',
        'cmi.objectives.0.score.min': '0',
        'cmi.objectives.0.score.max': '100',
        'cmi.objectives.0.status': 'passed',
        'cmi.objectives.1.id': '02_discussion',
        'cmi.objectives.1.score.raw': '75',
        'cmi.objectives.1.score.min': '0',
        'cmi.objectives.1.score.max': '100',
        'cmi.objectives.1.status': 'passed',
      });
      const expected = expectedInteractions((x, n) => ({
        id: x.id,
        type: x.type,
        time: clockAt(ANSWER_AT[n]),
        weighting: '1',
        student_response: x.r12,
        'correct_responses.0.pattern': x.c12,
        result: x.ok ? 'correct' : 'wrong',
        latency: `0000:00:${String(LATENCY[n]).padStart(2, '0')}.00`,
      }));
      expect(pick(values, Object.keys(values).filter((k) => k.startsWith('cmi.interactions.')))).toEqual(expected);
    } else {
      expect(
        pick(values, ['cmi.completion_status', 'cmi.success_status', 'cmi.score.scaled', 'cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.location', 'cmi.exit', 'cmi.session_time']),
      ).toEqual({
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'passed',
        'cmi.score.scaled': '0.875',
        'cmi.score.raw': '87.5',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.location': 'end',
        'cmi.exit': 'normal',
        'cmi.session_time': 'PT3M50S',
      });
      expect(pick(values, Object.keys(values).filter((k) => k.startsWith('cmi.objectives.')))).toEqual({
        'cmi.objectives.0.id': '01_background',
        'cmi.objectives.0.description': 'Theoretical background',
        'cmi.objectives.0.score.scaled': '1',
        'cmi.objectives.0.score.raw': '100',
        'cmi.objectives.0.score.min': '0',
        'cmi.objectives.0.score.max': '100',
        'cmi.objectives.0.completion_status': 'completed',
        'cmi.objectives.0.success_status': 'passed',
        'cmi.objectives.1.id': '02_discussion',
        'cmi.objectives.1.description': 'Discussion',
        'cmi.objectives.1.score.scaled': '0.75',
        'cmi.objectives.1.score.raw': '75',
        'cmi.objectives.1.score.min': '0',
        'cmi.objectives.1.score.max': '100',
        'cmi.objectives.1.completion_status': 'completed',
        'cmi.objectives.1.success_status': 'passed',
      });
      const prompts = [...course.quizzes[0].questions.map((q) => q.promptText), ...course.quizzes[1].questions.map((q) => q.promptText)];
      const promptOf = ['q_model', 'q_levels', 'q_linear', 'q_model', 'q_levels', 'q_roles', 'q_steps'].map((id) => prompts[['q_model', 'q_levels', 'q_linear', 'q_roles', 'q_steps'].indexOf(id)]);
      const expected = expectedInteractions((x, n) => ({
        id: x.id,
        type: x.type,
        timestamp: new Date(START + ANSWER_AT[n]).toISOString().replace(/(\.\d)\d\dZ$/, '$1Z'),
        weighting: '1',
        learner_response: to2004(x.r12, x.type),
        'correct_responses.0.pattern': to2004(x.c12, x.type),
        result: x.ok ? 'correct' : 'incorrect',
        latency: `PT${LATENCY[n]}S`,
        description: promptOf[n],
      }));
      expect(pick(values, Object.keys(values).filter((k) => k.startsWith('cmi.interactions.')))).toEqual(expected);
      expect(lms.stored['cmi.success_status']).toBe('passed');
      expect(lms.stored['cmi.completion_status']).toBe('completed');
    }
    // One interaction per submitted answer, never overwritten.
    const ids = lms.log.filter((e) => e.fn === 'SetValue' && /^cmi\.interactions\.\d+\.id$/.test(e.element ?? ''));
    expect(ids.map((e) => e.element)).toEqual(INTERACTIONS.map((_, n) => `cmi.interactions.${n}.id`));
  });

  it('reports the status step by step without contradicting the score', async () => {
    const lms = new StrictLms({ version, masteryScore: 80 });
    const h = await launch(course, { lms });
    journey(h);
    // At each commit: before completion no score (1.2) / score only once every quiz is in (2004).
    const statuses = lms.commits.map((c) =>
      version === '1.2'
        ? [c.cmi['cmi.core.lesson_status'], c.cmi['cmi.core.score.raw']]
        : [c.cmi['cmi.completion_status'], c.cmi['cmi.success_status'], c.cmi['cmi.score.raw']],
    );
    expect(statuses).toEqual(
      version === '1.2'
        ? [...Array(8).fill(['incomplete', '']), ['passed', '87.5']]
        : [
            ...Array(8).fill(['incomplete', 'unknown', '']),
            ['completed', 'passed', '87.5'],
          ],
    );
  });

  it('commits only at the allowed points: once per submitted answer, never per SetValue', async () => {
    const lms = new StrictLms({ version, masteryScore: 80 });
    const h = await launch(course, { lms });
    const commits = () => lms.commitCalls;
    h.tick();
    expect(commits()).toBe(0); // the opening values are set, not committed
    h.store.go({ view: 'lesson', id: '01_background' });
    h.tick();
    expect(commits()).toBe(0);
    h.store.markLessonRead('01_background');
    h.store.markLessonRead('01_background'); // already read: no event, no commit
    h.tick();
    expect(commits()).toBe(1);
    h.store.startAttempt('quiz_background', { seed: 1 });
    h.store.startAttempt('quiz_background', { seed: 1 });
    h.tick();
    expect(commits()).toBe(1); // starting a quiz is set, not committed
    h.store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'stages' });
    expect(commits()).toBe(1); // not inside the click: after the feedback has rendered
    h.tick();
    expect(commits()).toBe(2); // each submitted answer, so a lost close loses none
    h.store.submitAnswer('quiz_background', 'q_levels', { type: 'multiple', value: ['individual'] });
    h.tick();
    expect(commits()).toBe(3);
    expect(lms.log.some((e) => e.element === 'cmi.interactions.1.id')).toBe(true);
    h.store.submitAnswer('quiz_background', 'q_linear', { type: 'truefalse', value: true });
    h.tick();
    expect(commits()).toBe(4); // the last answer and the finished quiz: one commit
    h.win.hide();
    expect(commits()).toBe(4); // nothing new to commit
    h.win.show();
    h.store.go({ view: 'lesson', id: '02_discussion' });
    h.tick();
    h.win.hide();
    expect(commits()).toBe(5); // hidden with an unsaved bookmark: commit at once (the page may be frozen next)
    h.win.show();
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    expect(commits()).toBe(5); // nothing changed since
    h.store.go({ view: 'break' });
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    expect(commits()).toBe(6); // "Take a break"
    h.win.pagehide();
    h.win.pagehide();
    await h.session.exit();
    expect(lms.finishCount).toBe(1);
    expect(commits()).toBe(6); // Finish persists by itself: no extra Commit before it
    expect(lms.violations).toEqual([]);
    expect(lms.errors()).toEqual([]);
  });

  it('never calls the LMS inside a store action (a slow LMS cannot freeze a click)', async () => {
    const lms = new StrictLms({ version, masteryScore: 80 });
    const h = await launch(course, { lms });
    const before = lms.log.length;
    h.store.markLessonRead('01_background');
    h.store.startAttempt('quiz_background', { seed: 3 });
    h.store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'stages' });
    expect(lms.log.length).toBe(before);
    expect(h.pending()).toBe(1); // one coalesced task
    h.tick();
    expect(lms.log.length).toBeGreaterThan(before);
    expect(lms.commitCalls).toBe(1);
  });

  it('resumes: the relaunch restores the store exactly and offers the bookmark', async () => {
    const lms = new StrictLms({ version, masteryScore: 80, learnerId: 'student_7' });
    const h = await launch(course, { lms });
    journey(h, 'first-quiz');
    h.store.go({ view: 'lesson', id: '02_discussion', passage: '02_discussion-p2' });
    h.tick();
    h.win.pagehide(); // the learner closes the window
    expect(lms.finishCount).toBe(1);
    const before = h.store.get();

    const lms2 = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: lms2, storage: null });
    expect(lms2.cmi()[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']).toBe('resume');
    expect(h2.store.get()).toEqual(before);
    expect(h2.session.resumeLocation).toEqual({ view: 'lesson', id: '02_discussion', passage: '02_discussion-p2' });
    expect(h2.session.notices()).toEqual([]);
    // Carry on: interactions continue after the three of the first session.
    h2.advance(1000);
    h2.store.startAttempt('quiz_background', { wrongOnly: true, seed: 9 });
    h2.store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'stages' });
    h2.tick();
    expect(sent(lms2)['cmi.interactions.3.id']).toBe('quiz_background.q_model.2');
    await h2.session.exit();
    expect(lms2.violations).toEqual([]);
    // Moodle's 2004 answers 403 for an objective status it never stored ("unknown"): read as unset,
    // not an error of the course's.
    expect(lms2.errors().filter((e) => !(e.error === '403' && /^cmi\.objectives\.\d+\.success_status$/.test(e.element ?? '')))).toEqual([]);
    expect(h2.session.lmsErrors).toEqual([]);
  });

  it('a later pass replaces a fail, also after a relaunch', async () => {
    const lms = new StrictLms({ version, masteryScore: 80 });
    const h = await launch(course, { lms });
    const s = h.store;
    s.markLessonRead('01_background');
    s.markLessonRead('02_discussion');
    s.startAttempt('quiz_background', { seed: 1 });
    s.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'none' });
    s.submitAnswer('quiz_background', 'q_levels', { type: 'multiple', value: ['spiritual'] });
    s.submitAnswer('quiz_background', 'q_linear', { type: 'truefalse', value: false });
    s.startAttempt('quiz_discussion', { seed: 1 });
    s.submitAnswer('quiz_discussion', 'q_roles', { type: 'matching', value: { family: 'ambiguous', religion: 'ambiguous', services: 'helps' } });
    s.submitAnswer('quiz_discussion', 'q_steps', { type: 'ordering', value: ['self_esteem', 'trust', 'control', 'helping'] });
    h.tick();
    await h.session.exit(); // completed, failed: (33.33 + 100) / 2 = 66.665, rounded by courseStatus
    const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status';
    expect(lms.stored[status]).toBe('failed');
    expect(lms.stored[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('66.66');

    const lms2 = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: lms2 });
    expect(h2.store.status().success).toBe('failed');
    h2.store.startAttempt('quiz_background', { wrongOnly: true, seed: 2 });
    h2.store.submitAnswer('quiz_background', 'q_model', { type: 'single', value: 'stages' });
    h2.store.submitAnswer('quiz_background', 'q_levels', { type: 'multiple', value: ['individual', 'relational', 'structural'] });
    h2.tick();
    await h2.session.exit();
    expect(lms2.stored[status]).toBe('passed');
    expect(lms2.stored[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('100');
    expect([...lms.violations, ...lms2.violations]).toEqual([]);
  });

  it('reads the learner\u2019s name for the printed record, first name first (the LMS writes "Last, First")', async () => {
    const h = await launch(course, { lms: new StrictLms({ version }) });
    expect(h.session.learnerName).toBe('Test Learner');
  });

  it('keeps a mirror of the latest progress in this browser, per learner', async () => {
    const lms = new StrictLms({ version, learnerId: 'student_42' });
    const h = await launch(course, { lms });
    h.store.markLessonRead('01_background');
    h.tick();
    const raw = h.storage.getItem(storageKey(course.id, 'student_42'));
    expect(raw).not.toBeNull();
    const rec = JSON.parse(raw as string) as { suspend: string; synced: boolean };
    expect(rec.synced).toBe(true);
    const back = decodeSuspend(course, rec.suspend);
    expect(back.ok && back.state).toEqual(h.store.get());
    // the bookmark changes: the browser copy follows at once (not yet confirmed by the LMS)
    h.store.go({ view: 'lesson', id: '02_discussion' });
    const rec2 = JSON.parse(h.storage.getItem(storageKey(course.id, 'student_42')) as string) as { suspend: string; synced: boolean };
    expect(rec2.synced).toBe(false);
    expect(decodeSuspend(course, rec2.suspend).ok && (decodeSuspend(course, rec2.suspend) as { state: unknown }).state).toEqual(h.store.get());
  });
});

describe('standalone (no LMS)', () => {
  it('runs, says so calmly, and keeps progress in localStorage per course', async () => {
    const h = await launch(course, { version: 'auto' });
    expect(h.session.mode).toBe('standalone');
    expect(h.session.learnerName).toBe('');
    expect(h.session.notices()).toEqual([NOTICES.standalone]);
    expect(h.session.notices()[0].level).toBe('info');
    journey(h);
    const raw = h.storage.getItem(storageKey(course.id));
    expect(raw).not.toBeNull();

    const h2 = await launch(course, { version: 'auto', storage: h.storage });
    expect(h2.store.get()).toEqual(h.store.get());
    expect(h2.session.resumeLocation).toEqual({ view: 'end' });
    // another course in the same browser starts clean
    const other: Course = { ...course, id: 'another_course' };
    const h3 = await launch(other, { version: 'auto', storage: h.storage });
    expect(h3.store.get().lessonsRead).toEqual([]);
  });

  it('saves when the page is hidden or left, and after exit()', async () => {
    const h = await launch(course, { version: '2004' });
    h.store.markLessonRead('01_background');
    expect(h.storage.getItem(storageKey(course.id))).not.toBeNull();
    h.win.hide();
    h.win.pagehide();
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
    expect(h.session.ended).toBe(true);
  });

  it('warns when the browser keeps nothing', async () => {
    const h = await launch(course, { version: 'auto', storage: null });
    expect(h.session.notices().map((n) => n.id)).toEqual(['standalone', 'no-storage']);
    expect(h.session.notices()[1].level).toBe('warning');
    h.store.markLessonRead('01_background'); // still runs
    expect(h.store.get().lessonsRead).toEqual(['01_background']);
  });

  it('starts clean with a notice when the saved progress is corrupt or from another course version', async () => {
    const h = await launch(course, { version: 'auto' });
    h.store.markLessonRead('01_background');
    const changed: Course = { ...course, version: 'fixture-v2' };
    const h2 = await launch(changed, { version: 'auto', storage: h.storage });
    expect(h2.store.get().lessonsRead).toEqual([]);
    expect(h2.session.notices().map((n) => n.text)).toContain('We could not restore your earlier progress, so the course starts from the beginning.');
    h.storage.setItem(storageKey(course.id), '{"suspend":"1garbage","seq":3,"synced":false}');
    const h3 = await launch(course, { version: 'auto', storage: h.storage });
    expect(h3.session.notices().map((n) => n.id)).toContain('restore-failed');
    h.storage.setItem(storageKey(course.id), 'not json at all');
    const h4 = await launch(course, { version: 'auto', storage: h.storage });
    expect(h4.store.get().lessonsRead).toEqual([]);
  });

  it('warns when the browser stops keeping progress (quota, storage cleared)', async () => {
    const h = await launch(course, { version: 'auto' });
    h.storage.failWrites = true;
    h.store.markLessonRead('01_background');
    expect(h.session.notices().map((n) => n.id)).toEqual(['standalone', 'no-storage']);
  });
});

describe('page lifecycle', () => {
  it('listens to visibilitychange, pagehide, pageshow and storage only: never unload or beforeunload', async () => {
    const types: string[] = [];
    const original = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
      types.push(type);
      return (original as (...a: unknown[]) => void).call(this, type, ...rest);
    };
    try {
      await launch(course, { lms: new StrictLms({ version: '2004' }) });
      await launch(course, { version: 'auto' });
    } finally {
      EventTarget.prototype.addEventListener = original;
    }
    expect([...new Set(types)].sort()).toEqual(['pagehide', 'pageshow', 'storage', 'visibilitychange']);
  });
});
