/**
 * Per-lesson objectives are never downgraded in a normal (credit) launch, as the course status is
 * not (src/scorm/status-floor.ts): never below what the LMS holds at launch, read by objective id
 * (the LMS may keep them at other indices than ours), nor below what this session sent already.
 * The score goes with the success status, as the course score does. Against the Moodle-like strict
 * LMS, in SCORM 1.2 and 2004.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/course/types.ts';
import { encodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { initialState } from '../../src/course/progress.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';
import { StrictLms, type Version } from '../helpers/strict-lms.ts';
import { launch, MemoryStorage, type Harness } from '../helpers/scorm-harness.ts';

// Retries after a pass (a lower one must not lower the objective): the quiz rules that leave a passed quiz open.
const course = fixtureCourse();
course.settings.quiz = { attempts: 0, showCorrectAnswers: 'never', retry: 'all' };
const QB = 'quiz_background';
const QD = 'quiz_discussion';
const L1 = '01_background';
const L2 = '02_discussion';

/** Objective `id` in a flat CMI, wherever the LMS keeps it: its status and score fields by name. */
function objective(cmi: Record<string, string>, id: string): Record<string, string> {
  const key = Object.keys(cmi).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && cmi[k] === id);
  if (!key) return {};
  const prefix = key.slice(0, -'id'.length);
  return Object.fromEntries(
    Object.entries(cmi)
      .filter(([k, v]) => k.startsWith(prefix) && /(status|score\.raw)$/.test(k) && v !== '')
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** The held objective, as the strict LMS shows it after each commit and Finish of the launch. */
const seenAtEachSave = (lms: StrictLms, id: string) => lms.commits.map((c) => objective(c.cmi, id));

/** The LMS's objectives 0 and 1 the other way round (another SCO or an LMS that orders them its own way). */
function swapObjectives(stored: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k.replace(/^cmi\.objectives\.([01])\./, (_, n) => `cmi.objectives.${1 - Number(n)}.`), v]));
}

const right: Record<string, Answer> = {
  q_model: { type: 'single', value: 'stages' },
  q_levels: { type: 'multiple', value: ['individual', 'relational', 'structural'] },
  q_linear: { type: 'truefalse', value: false },
};

/** An attempt at quiz 1: all right, or one wrong (67 %, under its pass mark of 80). */
function takeBackground(h: Harness, pass: boolean, seed: number): void {
  h.store.startAttempt(QB, { seed });
  h.store.submitAnswer(QB, 'q_model', pass ? right.q_model : { type: 'single', value: 'none' });
  h.store.submitAnswer(QB, 'q_levels', right.q_levels);
  h.store.submitAnswer(QB, 'q_linear', right.q_linear);
  h.tick();
}

/** Quiz 2 with every answer wrong. */
function failDiscussion(h: Harness): void {
  h.store.startAttempt(QD, { seed: 2 });
  h.store.submitAnswer(QD, 'q_roles', { type: 'matching', value: { family: 'helps', religion: 'helps', services: 'hinders' } });
  h.store.submitAnswer(QD, 'q_steps', { type: 'ordering', value: ['helping', 'control', 'trust', 'self_esteem'] });
  h.tick();
}

const held = {
  '1.2': { passed: { status: 'passed', 'score.raw': '100' }, completed: { status: 'completed' } },
  '2004': {
    passed: { completion_status: 'completed', success_status: 'passed', 'score.raw': '100' },
    completed: { completion_status: 'completed', success_status: 'unknown' },
  },
} as const;

/**
 * An LMS record from another launch: both lessons read and quiz 1 passed (objective 1 passed with
 * 100, objective 2 completed), the objectives kept in the other order, and a suspend_data this
 * launch cannot read (another device's newer course version, an edited record).
 */
async function recordFromElsewhere(version: Version): Promise<Record<string, string>> {
  const lms = new StrictLms({ version });
  const h = await launch(course, { lms, storage: null });
  h.store.markLessonRead(L1);
  h.store.markLessonRead(L2);
  takeBackground(h, true, 1);
  await h.session.exit();
  expect(lms.violations).toEqual([]);
  const stored = swapObjectives(lms.stored);
  expect(stored['cmi.objectives.1.id']).toBe(L1);
  expect(objective(stored, L1)).toEqual(held[version].passed);
  // Moodle keeps no "unknown" 2004 status: the record holds only the completion.
  expect(objective(stored, L2)).toEqual(version === '1.2' ? held[version].completed : { completion_status: 'completed' });
  return { ...stored, 'cmi.suspend_data': '1garbage', [version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']: 'suspend' };
}

describe.each(['1.2', '2004'] as const)('SCORM %s: a lesson objective is never sent lower', (version) => {
  it('the LMS holds objectives (at its own indices) that the progress record cannot show: they stay, matched by id', async () => {
    const stored = await recordFromElsewhere(version);
    const lms = new StrictLms({ version, stored });
    const h = await launch(course, { lms, storage: null });
    expect(h.session.notices().map((n) => n.id)).toEqual([NOTICES.restoreFailed.id]);
    // The learner starts over: fails quiz 1 (67 %) and quiz 2 without reading either lesson again.
    takeBackground(h, false, 4);
    failDiscussion(h);
    await h.session.exit();
    expect(lms.violations).toEqual([]);
    // Objective 1 (at the LMS's index 1) is still passed with 100 after every save.
    for (const seen of seenAtEachSave(lms, L1)) expect(seen).toEqual(held[version].passed);
    // Objective 2 stays completed, and takes what is new: the quiz result, with its score.
    expect(objective(lms.stored, L2)).toEqual(
      version === '1.2'
        ? { status: 'failed', 'score.raw': '0' }
        : { completion_status: 'completed', success_status: 'failed', 'score.raw': '0' },
    );
    // No objective was added: ours were found by id.
    expect(Object.keys(lms.stored).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k)).sort()).toEqual(['cmi.objectives.0.id', 'cmi.objectives.1.id']);
  });

  it('a browser copy that says less than the LMS (adopted because the LMS record cannot be read) does not lower it', async () => {
    const stored = await recordFromElsewhere(version);
    const storage = new MemoryStorage();
    const mine = { ...initialState(course), lessonsRead: [L1] };
    mine.quizzes[QB] = { ...mine.quizzes[QB], attempt: 1, finished: true, best: 33, last: 33 };
    storage.setItem(storageKey(course.id, 'learner_1'), JSON.stringify({ suspend: encodeSuspend(course, mine, 7), seq: 7, synced: false }));
    const lms = new StrictLms({ version, stored });
    const h = await launch(course, { lms, storage });
    expect(h.session.notices().map((n) => n.id)).toEqual([NOTICES.restoredFromBrowser.id]);
    expect(h.store.get().quizzes[QB].best).toBe(33);
    h.tick(); // the adopted copy is committed at once
    await h.session.exit();
    expect(lms.commitCalls).toBe(1);
    expect(lms.violations).toEqual([]);
    for (const seen of seenAtEachSave(lms, L1)) expect(seen).toEqual(held[version].passed);
    for (const seen of seenAtEachSave(lms, L2)) expect(seen).toEqual(held[version].completed);
  });

  it('in one session: a passed lesson stays passed through a lower retry, a progress reset and a failed retry', async () => {
    const lms = new StrictLms({ version });
    const h = await launch(course, { lms, storage: null });
    h.store.markLessonRead(L1);
    takeBackground(h, true, 1);
    const passedAt = lms.commits.length;
    expect(objective(lms.cmi(), L1)).toEqual(held[version].passed);
    takeBackground(h, false, 2); // a lower retry: the best score stays 100
    h.store.reset(); // progress forgotten: lesson unread, quiz never taken
    h.tick();
    takeBackground(h, false, 3); // and failed after the reset
    await h.session.exit();
    expect(lms.violations).toEqual([]);
    expect(h.store.get().quizzes[QB].best).toBe(66.67);
    const after = seenAtEachSave(lms, L1).slice(passedAt - 1);
    expect(after.length).toBeGreaterThan(3);
    for (const seen of after) expect(seen).toEqual(held[version].passed);
  });
});
