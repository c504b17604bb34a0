/**
 * Issue 21, each case in the project's own fault LMS (the strict, Moodle-like LMS): nothing the
 * learner was shown as submitted is lost, and no interaction is recorded twice, when the LMS says
 * it saved and did not, when two windows write one attempt, when commits fail and the close is lost.
 */
import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/types.ts';
import { decodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';
import { StrictLms, timeMs, type CommitDecision, type SharedRecord, type Version } from '../helpers/strict-lms.ts';
import { launch, MemoryStorage, settle, START, type Harness } from '../helpers/scorm-harness.ts';

const course: Course = fixtureCourse();
const QB = 'quiz_background';
const KEY = storageKey(course.id, 'learner_1');
const MIN = 60_000;

/** Interaction ids the LMS keeps, by index. */
export function storedInteractions(stored: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(stored)) {
    const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
    if (m) out[Number(m[1])] = v;
  }
  return out;
}

const answersOf = (stored: Record<string, string>) => {
  const d = decodeSuspend(course, stored['cmi.suspend_data'] ?? '');
  return d.ok ? d.state.quizzes[QB] : null;
};

function answer(h: Harness, question: 'q_model' | 'q_levels' | 'q_linear'): void {
  if (question === 'q_model') h.store.submitAnswer(QB, 'q_model', { type: 'single', value: 'role' });
  if (question === 'q_levels') h.store.submitAnswer(QB, 'q_levels', { type: 'multiple', value: ['individual'] });
  if (question === 'q_linear') h.store.submitAnswer(QB, 'q_linear', { type: 'truefalse', value: false });
}

const decide = (list: CommitDecision[], then: CommitDecision) => (n: number) => list[n - 1] ?? then;

describe.each(['1.2', '2004'] as Version[])('SCORM %s: the LMS says it saved and did not', (version) => {
  it('1. a copy marked synced loses to nothing: the LMS older record is brought together with it, answers and interactions complete', async () => {
    // Commit 1 is kept; Moodle's player then answers every Commit "true" and keeps nothing; the last
    // window's close is lost (the session had expired).
    const lms = new StrictLms({ version, faults: { commit: decide(['ok'], 'lie'), finishLost: true } });
    const storage = new MemoryStorage();
    const h = await launch(course, { lms, storage });
    h.store.go({ view: 'quiz', id: QB });
    h.store.startAttempt(QB, { seed: 1 });
    answer(h, 'q_model');
    h.tick();
    expect(Object.keys(answersOf(lms.stored)?.answers ?? {})).toEqual(['q_model']);
    answer(h, 'q_levels');
    h.tick();
    answer(h, 'q_linear');
    h.tick();
    await settle();
    expect(JSON.parse(storage.getItem(KEY) ?? '{}').synced).toBe(true); // as the LMS said
    h.win.pagehide();
    expect(Object.keys(answersOf(lms.stored)?.answers ?? {})).toEqual(['q_model']); // the LMS's older copy

    const again = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: again, storage });
    expect(Object.keys(h2.store.get().quizzes[QB].answers).sort()).toEqual(['q_levels', 'q_linear', 'q_model']);
    expect(h2.store.get().quizzes[QB].finished).toBe(true);
    expect(h2.session.resumeLocation).toEqual({ view: 'quiz', id: QB });
    h2.tick();
    await settle();
    expect(await h2.session.exit()).toEqual({ saved: true, inBrowser: true });
    expect(Object.keys(answersOf(again.stored)?.answers ?? {}).sort()).toEqual(['q_levels', 'q_linear', 'q_model']);
    expect(storedInteractions(again.stored).sort()).toEqual([`${QB}.q_levels.1`, `${QB}.q_linear.1`, `${QB}.q_model.1`]);
    expect(h2.session.lmsErrors).toEqual([]);
    expect([...lms.violations, ...again.violations]).toEqual([]);
  });

  it('3. answers of a finished attempt that never reached the LMS (commits failing, Try again, a lost close) are sent once', async () => {
    const lms = new StrictLms({ version, faults: { commit: decide(['ok'], 'fail'), finishLost: true } });
    const storage = new MemoryStorage();
    const h = await launch(course, { lms, storage });
    h.store.startAttempt(QB, { seed: 1 });
    answer(h, 'q_model');
    h.tick();
    await settle();
    answer(h, 'q_levels');
    answer(h, 'q_linear');
    h.tick();
    await settle();
    h.store.startAttempt(QB, { seed: 2 }); // Try again: a whole new attempt
    answer(h, 'q_model');
    h.tick();
    await settle();
    h.win.pagehide();
    expect(storedInteractions(lms.stored)).toEqual([`${QB}.q_model.1`]);

    const again = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: again, storage });
    expect(h2.store.get().quizzes[QB].attempt).toBe(2);
    expect(await h2.session.exit()).toEqual({ saved: true, inBrowser: true });
    expect(storedInteractions(again.stored).sort()).toEqual([`${QB}.q_levels.1`, `${QB}.q_linear.1`, `${QB}.q_model.1`, `${QB}.q_model.2`]);
    expect(h2.session.lmsErrors).toEqual([]);
    expect(again.violations).toEqual([]);

    // And a third launch sends none of them again.
    const third = new StrictLms(again.relaunch());
    const h3 = await launch(course, { lms: third, storage });
    h3.store.markLessonRead('01_background');
    await h3.session.exit();
    expect(storedInteractions(third.stored)).toHaveLength(4);
  });

  it('4. an answer given while a failed commit waits to retry is committed when submitted, and in the browser copy before that', async () => {
    const lms = new StrictLms({ version, faults: { commit: decide(['fail'], 'ok') } });
    const storage = new MemoryStorage();
    // The retry waits and never comes back in this test: the browser is killed while it waits.
    const h = await launch(course, { lms, storage, sleep: () => new Promise(() => {}) });
    h.store.startAttempt(QB, { seed: 1 });
    answer(h, 'q_model');
    h.tick();
    await settle();
    expect(lms.commitCalls).toBe(1);
    expect(h.sleeps).toEqual([500]);
    answer(h, 'q_levels');
    // Acknowledged: already in this browser's copy (its journal too), before any LMS work ran.
    const copy = JSON.parse(storage.getItem(KEY) ?? '{}');
    expect(copy.journal.map((e: { id: string }) => e.id)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`]);
    h.tick();
    expect(lms.commitCalls).toBe(2); // at once, not after the retry's wait
    expect(Object.keys(answersOf(lms.stored)?.answers ?? {}).sort()).toEqual(['q_levels', 'q_model']);
    expect(storedInteractions(lms.stored)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`]);
    // Killed: nothing more runs. The next launch has both answers, each recorded once.
    const again = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: again, storage });
    expect(Object.keys(h2.store.get().quizzes[QB].answers).sort()).toEqual(['q_levels', 'q_model']);
    await h2.session.exit();
    expect(storedInteractions(again.stored)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`]);
    expect(h2.session.lmsErrors).toEqual([]);
  });

  it('5. the session time of a visit closed abruptly is added on the next launch', async () => {
    for (const close of ['lost close', 'killed'] as const) {
      const lms = new StrictLms({ version, faults: { finishLost: true } });
      const storage = new MemoryStorage();
      const h = await launch(course, { lms, storage, clock: START });
      h.store.markLessonRead('01_background');
      h.tick();
      h.advance(10 * MIN);
      h.store.go({ view: 'lesson', id: '02_discussion' });
      h.store.markLessonRead('02_discussion');
      h.tick();
      await settle();
      h.advance(5 * MIN);
      if (close === 'lost close') h.win.pagehide();
      const total = version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
      expect(timeMs(lms.stored[total] ?? '')).toBe(0);
      const again = new StrictLms(lms.relaunch());
      const h2 = await launch(course, { lms: again, storage, clock: START + 60 * MIN });
      h2.advance(2 * MIN);
      h2.store.go({ view: 'end' });
      await h2.session.exit();
      // The lost close held 15 minutes; a killed browser last saved at 10 minutes.
      expect(timeMs(again.stored[total]), close).toBe((close === 'lost close' ? 17 : 12) * MIN);
      // Counted once: a third visit adds only its own time.
      const third = new StrictLms(again.relaunch());
      const h3 = await launch(course, { lms: third, storage, clock: START + 120 * MIN });
      h3.advance(MIN);
      h3.store.go({ view: 'start' });
      await h3.session.exit();
      expect(timeMs(third.stored[total]), close).toBe((close === 'lost close' ? 18 : 13) * MIN);
    }
  });
});

describe.each(['1.2', '2004'] as Version[])('SCORM %s: two windows of one attempt', (version) => {
  it('2. interaction indices are shared: tab A answers Q1, tab B Q2, tab A Q3, and the LMS keeps all three', async () => {
    const shared: SharedRecord = { stored: {} };
    const storage = new MemoryStorage();
    const lmsA = new StrictLms({ version, shared });
    const a = await launch(course, { lms: lmsA, storage });
    const lmsB = new StrictLms({ version, shared });
    const b = await launch(course, { lms: lmsB, storage });
    a.store.go({ view: 'quiz', id: QB });
    a.store.startAttempt(QB, { seed: 1 });
    answer(a, 'q_model');
    a.tick();
    await settle();
    b.win.storageEvent(KEY); // the browser tells tab B that tab A saved
    expect(Object.keys(b.store.get().quizzes[QB].answers)).toEqual(['q_model']);
    answer(b, 'q_levels');
    b.tick();
    await settle();
    a.win.storageEvent(KEY);
    answer(a, 'q_linear');
    a.tick();
    await settle();
    expect(storedInteractions(shared.stored)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`, `${QB}.q_linear.1`]);
    await b.session.exit();
    await a.session.exit();
    expect(storedInteractions(shared.stored)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`, `${QB}.q_linear.1`]);
    expect(Object.keys(answersOf(shared.stored)?.answers ?? {}).sort()).toEqual(['q_levels', 'q_linear', 'q_model']);
    expect([...a.session.lmsErrors, ...b.session.lmsErrors]).toEqual([]);
    expect([...lmsA.violations, ...lmsB.violations]).toEqual([]);
  });
});

describe.each(['1.2', '2004'] as Version[])('SCORM %s: answers of a launch whose Initialize failed', (version) => {
  it('3b. reach cmi.interactions from the launch that adopts them, once', async () => {
    const storage = new MemoryStorage();
    const h = await launch(course, { lms: new StrictLms({ version, faults: { initialize: false } }), storage });
    h.store.startAttempt(QB, { seed: 1 });
    answer(h, 'q_model');
    answer(h, 'q_levels');
    await h.session.exit();
    const lms = new StrictLms({ version });
    const h2 = await launch(course, { lms, storage, clock: START + MIN });
    expect(Object.keys(h2.store.get().quizzes[QB].answers).sort()).toEqual(['q_levels', 'q_model']);
    await h2.session.exit();
    expect(storedInteractions(lms.stored)).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`]);
    const third = new StrictLms(lms.relaunch());
    const h3 = await launch(course, { lms: third, storage, clock: START + 2 * MIN });
    await h3.session.exit();
    expect(storedInteractions(third.stored)).toHaveLength(2);
    expect([...lms.violations, ...third.violations]).toEqual([]);
  });
});

describe('SCORM 2004: objective statuses Moodle never stored', () => {
  it('6. a relaunch reads them as unset, without an API error', async () => {
    const lms = new StrictLms({ version: '2004' });
    const storage = new MemoryStorage();
    const h = await launch(course, { lms, storage });
    h.store.markLessonRead('01_background');
    await h.session.exit();
    expect(lms.stored['cmi.objectives.0.id']).toBe('01_background');
    expect(lms.stored['cmi.objectives.0.success_status']).toBeUndefined(); // "unknown" is not kept
    const again = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: again, storage });
    expect(again.log.some((e) => e.element === 'cmi.objectives.0.success_status' && e.error === '403')).toBe(true);
    expect(h2.session.lmsErrors).toEqual([]);
    expect(h2.logs).toEqual([]);
    h2.store.markLessonRead('02_discussion');
    await h2.session.exit();
    expect(again.stored['cmi.objectives.0.completion_status']).toBe('completed');
    expect(again.violations).toEqual([]);
  });
});
