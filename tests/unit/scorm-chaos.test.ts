/**
 * Seeded random faults (issue 21): the real runtime and progress store, in Node, against the strict
 * Moodle-like LMS (scorm-again behind Moodle's checks), in many short lives of one learner's
 * attempt: commits that fail or say "true" and keep nothing, retries that wait (a fake clock: a wait ends only when the test lets
 * time pass, so answers arrive meanwhile), closes whose Finish is lost, reloads, two windows on one
 * record, a browser killed with everything in memory. After each life a clean launch closes the
 * attempt, and then:
 * - every answer the learner was shown as submitted is in cmi.interactions exactly once;
 * - the stored status and score never went down;
 * - no API error the LMS was not told to make.
 * A failure names its seed: `CHAOS_SEED=<seed> npx vitest run tests/unit/scorm-chaos.test.ts` replays it;
 * `CHAOS_LIVES=1000` runs more lives than the default 60 (about 250 sessions).
 */
import { describe, expect, it } from 'vitest';
import type { Answer, Course, Question } from '../../src/course/types.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';
import { StrictLms, type CommitDecision, type SharedRecord, type Version } from '../helpers/strict-lms.ts';
import { launch, MemoryStorage, settle, type Harness } from '../helpers/scorm-harness.ts';
import { rng as prng } from '../../src/course/quiz-engine.ts';

const course: Course = fixtureCourse();
const KEY = storageKey(course.id, 'learner_1');


function randomAnswer(q: Question, r: () => number): Answer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  switch (q.type) {
    case 'single':
      return { type: 'single', value: pick(q.options).id };
    case 'multiple':
      return { type: 'multiple', value: q.options.filter(() => r() < 0.5).map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: r() < 0.5 };
    case 'matching':
      return { type: 'matching', value: Object.fromEntries(q.items.map((i) => [i.id, pick(q.targets).id])) };
    case 'ordering':
      return { type: 'ordering', value: [...q.options.map((o) => o.id)].sort(() => r() - 0.5) };
  }
}

interface Window {
  h: Harness;
  lms: StrictLms;
}

const STATUS_RANK: Record<string, number> = { '': 0, 'not attempted': 0, unknown: 0, incomplete: 1, browsed: 1, completed: 2, failed: 3, passed: 4 };

function storedIds(stored: Record<string, string>): string[] {
  return Object.entries(stored)
    .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map(([, v]) => v);
}

/** Errors the LMS was not told to make: injected Commit failures and Moodle's 403 for an objective status never stored are expected. */
function unexpectedErrors(lms: StrictLms): string[] {
  return lms
    .errors()
    .filter((e) => e.fn !== 'Commit')
    .filter((e) => !(e.error === '403' && /^cmi\.objectives\.\d+\.success_status$/.test(e.element ?? '')))
    .map((e) => `${e.fn}(${e.element ?? ''}) error ${e.error}`);
}

interface LifeResult {
  sessions: number;
  answers: number;
  problems: string[];
}

/** One learner's attempt through random faults; returns what broke (nothing, we hope). */
async function life(seed: number): Promise<LifeResult> {
  const r = prng(seed);
  const version: Version = r() < 0.5 ? '1.2' : '2004';
  const shared: SharedRecord = { stored: {} };
  const storage = new MemoryStorage();
  const problems: string[] = [];
  const acknowledged = new Set<string>();
  const all: StrictLms[] = [];
  let open: Window[] = [];
  let waiting: Array<() => void> = [];
  let sessions = 0;
  let best = { status: 0, score: -1 };
  let clock = Date.parse('2026-11-21T09:30:00.000Z');

  const watch = (when: string) => {
    const s = shared.stored;
    const status = version === '1.2' ? (s['cmi.core.lesson_status'] ?? '') : (s['cmi.success_status'] ?? '');
    const raw = Number.parseFloat((version === '1.2' ? s['cmi.core.score.raw'] : s['cmi.score.raw']) ?? '-1');
    const rank = STATUS_RANK[status] ?? 0;
    if (rank < best.status) problems.push(`${when}: status went down to "${status}"`);
    if (raw < best.score) problems.push(`${when}: score went down from ${best.score} to ${raw}`);
    best = { status: Math.max(best.status, rank), score: Math.max(best.score, raw) };
  };

  async function openWindow(clean = false): Promise<void> {
    const failRate = clean ? 0 : [0, 0.3, 0.7, 1][Math.floor(r() * 4)];
    // Moodle's player also answered "true" to Commits it did not keep: a few lie.
    const decisions: CommitDecision[] = Array.from({ length: 200 }, () => (r() < failRate ? 'fail' : !clean && r() < 0.1 ? 'lie' : 'ok'));
    const lms = new StrictLms({
      version,
      shared,
      faults: { commit: (n) => decisions[n - 1] ?? 'ok', finishLost: !clean && r() < 0.4 },
    });
    all.push(lms);
    clock += 60_000;
    const h = await launch(course, {
      lms,
      storage,
      clock,
      retryDelays: [500, 2000, 5000],
      // A retry waits until the test lets time pass (or forever, when the browser is killed first).
      sleep: () => new Promise<void>((resolve) => waiting.push(resolve)),
    });
    sessions++;
    open.push({ h, lms });
  }

  const others = (w: Window) => open.filter((o) => o !== w);
  const tellOthers = (w: Window) => others(w).forEach((o) => o.h.win.storageEvent(KEY));

  function act(w: Window): void {
    const { store } = w.h;
    const roll = r();
    if (roll < 0.1) {
      store.markLessonRead('01_background'); // never lesson 2: the attempt stays open (exit suspend)
      return;
    }
    if (roll < 0.2) {
      store.go(r() < 0.5 ? { view: 'lesson', id: '01_background' } : { view: 'start' });
      return;
    }
    const quiz = course.quizzes[Math.floor(r() * course.quizzes.length)];
    const p = store.get().quizzes[quiz.id];
    const pending = store.pending(quiz.id);
    if (p.attempt === 0 || (p.finished && r() < 0.5)) {
      store.go({ view: 'quiz', id: quiz.id });
      store.startAttempt(quiz.id, { wrongOnly: r() < 0.5, seed: Math.floor(r() * 2 ** 32) });
      return;
    }
    if (p.finished || pending.length === 0) return;
    const qid = pending[Math.floor(r() * pending.length)];
    const question = quiz.questions.find((q) => q.id === qid) as Question;
    store.submitAnswer(quiz.id, qid, randomAnswer(question, r));
    const after = store.get().quizzes[quiz.id];
    if (after.answers[qid]) acknowledged.add(`${quiz.id}.${qid}.${after.attempt}`);
  }

  await openWindow();
  const steps = 20 + Math.floor(r() * 40);
  for (let step = 0; step < steps; step++) {
    const roll = r();
    if (open.length === 0) {
      await openWindow();
      continue;
    }
    const w = open[Math.floor(r() * open.length)];
    if (roll < 0.45) {
      act(w);
      if (r() < 0.8) tellOthers(w);
    } else if (roll < 0.65) {
      w.h.tick(); // the deferred LMS work runs
      await settle();
    } else if (roll < 0.72) {
      // Time passes: waiting retries run.
      const wake = waiting;
      waiting = [];
      wake.forEach((f) => f());
      await settle();
    } else if (roll < 0.77 && open.length < 2) {
      await openWindow(); // a second window of the same attempt
    } else if (roll < 0.83) {
      // Closed: "Save and exit", or the window closed (pagehide Finish, maybe lost); maybe reloaded.
      if (r() < 0.5) await w.h.session.exit();
      else w.h.win.pagehide();
      open = open.filter((o) => o !== w);
      tellOthers(w);
      if (r() < 0.5) await openWindow();
    } else if (roll < 0.86) {
      // The browser is killed: every window gone, nothing more runs; localStorage stays.
      open = [];
      waiting = [];
    } else if (roll < 0.9) {
      w.h.win.hide(); // the tab goes to the background
      w.h.win.show();
    }
    watch(`seed ${seed} step ${step}`);
  }
  // The learner comes back once more, everything works, and leaves with "Save and exit".
  open = [];
  waiting = [];
  await openWindow(true);
  const last = open[0];
  last.h.tick();
  await settle();
  await last.h.session.exit();
  watch(`seed ${seed} final`);

  const ids = storedIds(shared.stored);
  for (const id of acknowledged) {
    const n = ids.filter((x) => x === id).length;
    if (n !== 1) problems.push(`answer ${id} is in cmi.interactions ${n} times`);
  }
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length > 0) problems.push(`recorded twice: ${[...new Set(dupes)].join(', ')}`);
  for (const lms of all) {
    problems.push(...unexpectedErrors(lms), ...lms.violations);
  }
  return { sessions, answers: acknowledged.size, problems: problems.map((p) => `[${version}] ${p}`) };
}

describe('seeded random faults: nothing acknowledged is lost or recorded twice', () => {
  const only = process.env.CHAOS_SEED ? [Number(process.env.CHAOS_SEED)] : null;
  const lives = Number(process.env.CHAOS_LIVES ?? 60);
  const seeds = only ?? Array.from({ length: lives }, (_, i) => 1000 + i * 7919);

  it(`${seeds.length} lives of one attempt (${only ? 'replaying one seed' : 'at least 200 sessions'})`, async () => {
    let sessions = 0;
    let answers = 0;
    const failures: string[] = [];
    for (const seed of seeds) {
      const result = await life(seed);
      sessions += result.sessions;
      answers += result.answers;
      if (result.problems.length > 0) failures.push(`seed ${seed} (replay: CHAOS_SEED=${seed}):\n  ${result.problems.slice(0, 8).join('\n  ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    if (!only) {
      expect(sessions).toBeGreaterThanOrEqual(200);
      expect(answers).toBeGreaterThan(200); // the lives did answer questions
    }
    // About 0.2 s a life alone; this machine is shared, so the limit leaves room.
  }, Math.max(90_000, seeds.length * 1000));
});
