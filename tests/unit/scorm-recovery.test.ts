/**
 * The runtime when things go wrong around it: progress saved after a failed Initialize is adopted by
 * the next LMS launch, save()/exit() report whether the LMS confirmed, and two windows of the course
 * at once do not overwrite each other's progress.
 */
import { describe, expect, it } from 'vitest';
import { decodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { ADOPT_MAX_AGE_MS } from '../../src/scorm/runtime.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';
import { StrictLms } from '../helpers/strict-lms.ts';
import { launch, MemoryStorage, settle, START, type Harness } from '../helpers/scorm-harness.ts';

const course = fixtureCourse();
const QB = 'quiz_background';
const ids = (h: Harness) => h.session.notices().map((n) => n.id);
const record = (storage: MemoryStorage, learner?: string) =>
  JSON.parse(storage.getItem(storageKey(course.id, learner)) ?? 'null') as {
    suspend: string;
    seq: number;
    synced: boolean;
    lmsFailedAt?: number;
  } | null;
const suspendState = (text: string | undefined) => {
  const d = decodeSuspend(course, text ?? '');
  return d.ok ? d.state : null;
};

/** Some progress: lesson 1 read, two answers in quiz 1, in the quiz. */
function work(h: Harness): void {
  h.store.markLessonRead('01_background');
  h.store.go({ view: 'quiz', id: QB });
  h.store.startAttempt(QB, { seed: 3 });
  h.store.submitAnswer(QB, 'q_model', { type: 'single', value: 'stages' });
  h.store.submitAnswer(QB, 'q_levels', { type: 'multiple', value: ['individual'] });
  h.tick();
}

describe.each(['1.2', '2004'] as const)('SCORM %s: progress from a launch whose Initialize failed', (version) => {
  /** A failed launch in this browser, with some progress; returns its storage and the progress. */
  async function failedLaunch(clock = START) {
    const h = await launch(course, { lms: new StrictLms({ version, faults: { initialize: false } }), clock });
    expect(ids(h)).toEqual(['lms-unavailable']);
    work(h);
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true }); // kept in this browser, as the notice says
    return { storage: h.storage, state: h.store.get() };
  }

  it('is marked as an LMS launch that failed, with the time, under the course key (the learner is unknown)', async () => {
    const { storage } = await failedLaunch();
    expect(record(storage)?.lmsFailedAt).toBe(START);
    expect(suspendState(record(storage)?.suspend)).toEqual((await failedLaunch()).state);
  });

  it('is adopted by the next launch when the LMS has no progress, said calmly, sent to the LMS and then cleared', async () => {
    const { storage, state } = await failedLaunch();
    const lms = new StrictLms({ version, learnerId: 'student_9' });
    const h = await launch(course, { lms, storage, clock: START + 60 * 60 * 1000 });
    expect(h.store.get()).toEqual(state);
    expect(h.session.resumeLocation).toEqual({ view: 'quiz', id: QB });
    expect(h.session.notices()).toEqual([NOTICES.restoredFromBrowser]);
    // Now this learner's copy (not yet confirmed); the marked one is gone, so nobody else adopts it.
    expect(storage.getItem(storageKey(course.id))).toBeNull();
    expect(suspendState(record(storage, 'student_9')?.suspend)).toEqual(state);
    expect(record(storage, 'student_9')?.synced).toBe(false);
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
    expect(suspendState(lms.stored['cmi.suspend_data'])).toEqual(state);
    expect(lms.violations).toEqual([]);
  });

  it('is not adopted when the LMS already holds progress (a shared computer, or the learner went on elsewhere)', async () => {
    const { storage } = await failedLaunch();
    const before = new StrictLms({ version, learnerId: 'student_9' });
    const first = await launch(course, { lms: before, storage: new MemoryStorage() });
    first.store.markLessonRead('02_discussion');
    first.tick();
    await first.session.exit();
    const h = await launch(course, { lms: new StrictLms(before.relaunch()), storage });
    expect(h.store.get().lessonsRead).toEqual(['02_discussion']);
    expect(h.store.get().quizzes[QB].attempt).toBe(0);
    expect(ids(h)).toEqual([]);
    expect(record(storage)?.lmsFailedAt).toBe(START); // left for whoever it belongs to
  });

  it('is not adopted when older than the limit (and is cleared), nor when it was never marked', async () => {
    const { storage } = await failedLaunch();
    const late = await launch(course, { lms: new StrictLms({ version }), storage, clock: START + ADOPT_MAX_AGE_MS + 1 });
    expect(late.store.get().lessonsRead).toEqual([]);
    expect(ids(late)).toEqual([]);
    expect(storage.getItem(storageKey(course.id))).toBeNull();

    // Progress from a launch outside any LMS (no API at all) is not an LMS learner's.
    const plain = await launch(course, { version: 'auto' });
    work(plain);
    expect(record(plain.storage)?.lmsFailedAt).toBeUndefined();
    const h = await launch(course, { lms: new StrictLms({ version }), storage: plain.storage });
    expect(h.store.get().lessonsRead).toEqual([]);
    expect(record(plain.storage)).not.toBeNull();
  });

  it('a failed launch where nothing was done leaves nothing to adopt', async () => {
    const failed = await launch(course, { lms: new StrictLms({ version, faults: { initialize: false } }) });
    await failed.session.exit();
    const h = await launch(course, { lms: new StrictLms({ version }), storage: failed.storage });
    expect(ids(h)).toEqual([]);
    expect(h.session.resumeLocation).toBeNull();
  });

  it('a later failed launch carries on from the marked copy', async () => {
    const { storage, state } = await failedLaunch();
    const again = await launch(course, { lms: new StrictLms({ version, faults: { initialize: false } }), storage });
    expect(again.store.get()).toEqual(state);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s: save() and exit() say whether the LMS confirmed', (version) => {
  it('confirmed: saved', async () => {
    const lms = new StrictLms({ version });
    const h = await launch(course, { lms });
    work(h);
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true }); // the second call reports the first
    expect(lms.finishCount).toBe(1);
    // After Finish: still true while nothing changed; a change is kept in this browser only.
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    h.store.markLessonRead('02_discussion');
    expect(await h.session.save()).toEqual({ saved: false, inBrowser: true });
  });

  it('Commit fails: not saved (kept in this browser); Finish then works: saved', async () => {
    const lms = new StrictLms({ version, faults: { commit: () => 'fail' } });
    const h = await launch(course, { lms });
    work(h);
    const saving = h.session.save();
    await settle();
    expect(await saving).toEqual({ saved: false, inBrowser: true });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
  });

  it('Commit and Finish fail: not saved, kept in this browser; without a browser copy, not kept either', async () => {
    for (const storage of [new MemoryStorage(), null]) {
      const lms = new StrictLms({ version, faults: { commit: () => 'fail', finish: true } });
      const h = await launch(course, { lms, storage });
      work(h);
      await settle();
      expect(await h.session.exit()).toEqual({ saved: false, inBrowser: storage !== null });
      expect(ids(h)).toContain('exit-failed');
    }
  });

  it('suspend_data refused (Finish works): not saved', async () => {
    const lms = new StrictLms({ version, faults: { setValue: (el) => (el === 'cmi.suspend_data' ? '351' : null) } });
    const h = await launch(course, { lms });
    work(h);
    await settle();
    expect(await h.session.exit()).toEqual({ saved: false, inBrowser: true });
    expect(lms.finishCount).toBe(1);
  });

  it('pagehide ended the session: exit() reports that Finish', async () => {
    const lms = new StrictLms({ version, faults: { finish: true } });
    const h = await launch(course, { lms });
    work(h);
    h.win.pagehide();
    expect(await h.session.exit()).toEqual({ saved: false, inBrowser: true });
    expect(lms.finishCount).toBe(1);
  });
});

describe('standalone: save() and exit() report the browser copy', () => {
  it('kept in this browser: saved; the browser keeps nothing: not saved', async () => {
    const h = await launch(course, { version: 'auto' });
    work(h);
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: true });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
    const none = await launch(course, { version: 'auto', storage: null });
    work(none);
    expect(await none.session.save()).toEqual({ saved: false, inBrowser: false });
    expect(await none.session.exit()).toEqual({ saved: false, inBrowser: false });
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s: the course open in two windows at once', (version) => {
  /** Two windows of the same learner's launch, sharing this browser's localStorage. */
  async function twoWindows() {
    const storage = new MemoryStorage();
    const lmsA = new StrictLms({ version });
    const lmsB = new StrictLms({ version });
    const a = await launch(course, { lms: lmsA, storage });
    const b = await launch(course, { lms: lmsB, storage });
    a.tick();
    b.tick();
    const key = storageKey(course.id, 'learner_1');
    return { a, b, lmsA, lmsB, storage, key };
  }

  it('the window closed last keeps what was done in the other, and says once, calmly, that both are open', async () => {
    const { a, b, lmsA, lmsB, key } = await twoWindows();
    b.win.storageEvent(key); // b's opening values reached the browser copy
    work(a);
    b.win.storageEvent(key);
    expect(b.store.get()).toEqual(a.store.get()); // b was not used: it follows a, place included
    expect(b.session.notices()).toEqual([NOTICES.openElsewhere]);
    expect(NOTICES.openElsewhere.level).toBe('info');
    a.win.pagehide();
    b.win.pagehide();
    expect(suspendState(lmsA.stored['cmi.suspend_data'])).toEqual(a.store.get());
    expect(suspendState(lmsB.stored['cmi.suspend_data'])).toEqual(a.store.get());
    expect([lmsA.finishCount, lmsB.finishCount]).toEqual([1, 1]);
    expect([...lmsA.violations, ...lmsB.violations]).toEqual([]);
  });

  it('work in both windows is brought together; a used window keeps its own place', async () => {
    const { a, b, lmsB, key } = await twoWindows();
    b.store.go({ view: 'lesson', id: '02_discussion' });
    b.store.markLessonRead('02_discussion');
    b.tick();
    work(a);
    b.win.storageEvent(key);
    const inB = b.store.get();
    expect(inB.lessonsRead).toEqual(['02_discussion', '01_background']);
    expect(inB.quizzes[QB]).toEqual(a.store.get().quizzes[QB]);
    expect(inB.location).toEqual({ view: 'lesson', id: '02_discussion' });
    // a takes b's merge in: it gains the lesson read in b, and keeps its own place
    a.win.storageEvent(key);
    expect(a.store.get().lessonsRead).toEqual(['01_background', '02_discussion']);
    expect(a.store.get().location).toEqual({ view: 'quiz', id: QB });
    b.win.pagehide();
    expect(suspendState(lmsB.stored['cmi.suspend_data'])?.lessonsRead).toEqual(['02_discussion', '01_background']);
  });

  it('no ping-pong: a merge that adds nothing changes nothing and writes nothing', async () => {
    const { a, b, storage, key } = await twoWindows();
    work(a);
    b.win.storageEvent(key);
    a.win.storageEvent(key); // b wrote its merged copy
    const changes: string[] = [];
    a.store.subscribe((_s, d) => changes.push(d.reason));
    b.store.subscribe((_s, d) => changes.push(d.reason));
    const text = storage.getItem(key);
    a.win.storageEvent(key);
    b.win.storageEvent(key);
    expect(changes).toEqual([]);
    expect(storage.getItem(key)).toBe(text);
  });

  it('without the storage event (it can arrive late), the next write still takes the other window’s progress in', async () => {
    const { a, b, lmsB } = await twoWindows();
    work(a);
    b.win.pagehide(); // Finish: its final write merges first
    expect(suspendState(lmsB.stored['cmi.suspend_data'])).toEqual(a.store.get());
  });

  it('a window opened after the other wrote only its opening values restores nothing and says nothing', async () => {
    const storage = new MemoryStorage();
    const a = await launch(course, { lms: new StrictLms({ version }), storage });
    a.tick();
    expect(record(storage, 'learner_1')?.synced).toBe(false); // opening values are set, not committed
    const b = await launch(course, { lms: new StrictLms({ version }), storage });
    expect(ids(b)).toEqual([]);
    expect(b.session.resumeLocation).toBeNull();
  });

  it('a later save of this learner’s own, or another key, is not taken for another window', async () => {
    const storage = new MemoryStorage();
    const lms = new StrictLms({ version });
    const h = await launch(course, { lms, storage });
    work(h);
    h.win.storageEvent(storageKey(course.id, 'someone_else'));
    h.win.storageEvent(null);
    h.win.storageEvent(storageKey(course.id, 'learner_1')); // nothing new in it: this window wrote it
    expect(ids(h)).toEqual([]);
  });
});
