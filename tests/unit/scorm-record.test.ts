/**
 * Nothing a learner did is lost or downgraded (issue 15), against the Moodle-like strict LMS:
 * a close whose Finish is lost (the LMS session had expired), the newer of the browser copy and the
 * LMS's record wins, review / browse / no-credit launches change nothing, a status is never sent
 * lower than the LMS holds, and SCORM 2004 reads location and suspend_data only on resume.
 */
import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/types.ts';
import { decodeSuspend, encodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { storageKey } from '../../src/scorm/standalone.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { initialState } from '../../src/course/progress.ts';
import { fixtureCourse, largeCourse } from '../helpers/course-fixture.ts';
import { StrictLms, type StrictLmsOptions, type Version } from '../helpers/strict-lms.ts';
import { launch, MemoryStorage, type Harness } from '../helpers/scorm-harness.ts';

const course = fixtureCourse();
const QB = 'quiz_background';
const ids = (h: Harness) => h.session.notices().map((n) => n.id);
const stateOf = (text: string | undefined, c: Course = course) => {
  const d = decodeSuspend(c, text ?? '');
  return d.ok ? d.state : null;
};
const sets = (lms: StrictLms) => lms.log.filter((e) => e.fn === 'SetValue');
const STATUS = { '1.2': ['cmi.core.lesson_status'], '2004': ['cmi.completion_status', 'cmi.success_status'] } as const;

/** Lesson 1 read, quiz 1 started, two answers: each step ticked as the browser would. */
function work(h: Harness): void {
  h.store.markLessonRead('01_background');
  h.tick();
  h.store.go({ view: 'quiz', id: QB });
  h.store.startAttempt(QB, { seed: 3 });
  h.tick();
  h.store.submitAnswer(QB, 'q_model', { type: 'single', value: 'stages' });
  h.tick();
  h.store.submitAnswer(QB, 'q_levels', { type: 'multiple', value: ['individual'] });
  h.tick();
}

/** A finished, passed course in the LMS (and this learner's browser copy of it). */
async function finishedRecord(version: Version): Promise<{ lms: StrictLms; storage: MemoryStorage; h: Harness }> {
  const lms = new StrictLms({ version, masteryScore: 80 });
  const h = await launch(course, { lms });
  const s = h.store;
  s.markLessonRead('01_background');
  s.markLessonRead('02_discussion');
  s.startAttempt(QB, { seed: 1 });
  s.submitAnswer(QB, 'q_model', { type: 'single', value: 'stages' });
  s.submitAnswer(QB, 'q_levels', { type: 'multiple', value: ['individual', 'relational', 'structural'] });
  s.submitAnswer(QB, 'q_linear', { type: 'truefalse', value: false });
  s.startAttempt('quiz_discussion', { seed: 1 });
  s.submitAnswer('quiz_discussion', 'q_roles', { type: 'matching', value: { family: 'ambiguous', religion: 'ambiguous', services: 'helps' } });
  s.submitAnswer('quiz_discussion', 'q_steps', { type: 'ordering', value: ['self_esteem', 'trust', 'control', 'helping'] });
  s.go({ view: 'end' });
  h.tick();
  expect(await h.session.exit()).toEqual({ saved: true, inBrowser: true });
  expect(lms.violations).toEqual([]);
  return { lms, storage: h.storage, h };
}

describe.each(['1.2', '2004'] as const)('SCORM %s: a close whose Finish never reaches the LMS', (version) => {
  it('every submitted answer is already committed, and the relaunch here adopts what the close lost, says so and commits it at once', async () => {
    const lms = new StrictLms({ version, faults: { finishLost: true } });
    const h = await launch(course, { lms });
    work(h);
    // Each answer reached the LMS by its own commit.
    expect(stateOf(lms.stored['cmi.suspend_data'])?.quizzes[QB].answers).toEqual(h.store.get().quizzes[QB].answers);
    // What follows is not a commit point: the learner moves on, then closes the window.
    h.store.go({ view: 'lesson', id: '02_discussion' });
    h.tick();
    const before = h.store.get();
    h.win.pagehide();
    expect(lms.finishCount).toBe(1);
    expect(stateOf(lms.stored['cmi.suspend_data'])?.location).toEqual({ view: 'quiz', id: QB }); // the close was lost

    const lms2 = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: lms2, storage: h.storage });
    expect(h2.store.get()).toEqual(before);
    expect(ids(h2)).toEqual([NOTICES.restoredFromBrowser.id]);
    expect(NOTICES.restoredFromBrowser.level).toBe('info');
    h2.tick();
    expect(lms2.commitCalls).toBe(1); // at once, not at the next commit point
    expect(stateOf(lms2.stored['cmi.suspend_data'])).toEqual(before);
    expect([...lms.violations, ...lms2.violations]).toEqual([]);
  });

  it('the quiz a lost close left open resumes in the same order (never restarted from older LMS data)', async () => {
    const lms = new StrictLms({ version, faults: { finishLost: true, commit: (n) => (n === 1 ? 'ok' : 'fail') } });
    const h = await launch(course, { lms, retryDelays: [] });
    work(h); // lesson 1 committed; the quiz start and both answers never reached the LMS
    const quiz = h.store.get().quizzes[QB];
    h.win.pagehide();
    expect(stateOf(lms.stored['cmi.suspend_data'])?.quizzes[QB].attempt).toBe(0);
    // The LMS's record (lesson 1 read) is older, and the copy says it grew from exactly that.
    const lms2 = new StrictLms(lms.relaunch());
    const h2 = await launch(course, { lms: lms2, storage: h.storage });
    expect(h2.store.get().quizzes[QB]).toEqual(quiz);
    // The answers' interactions were lost with their commits: they reach the LMS now, once each.
    h2.tick();
    const sent = sets(lms2).filter((e) => /^cmi\.interactions\.\d+\.id$/.test(e.element ?? '')).map((e) => e.value);
    expect(sent).toEqual([`${QB}.q_model.1`, `${QB}.q_levels.1`]);
    expect(lms2.violations).toEqual([]);
  });

  it('the LMS went on elsewhere since: both are brought together, nothing dropped', async () => {
    const lms = new StrictLms({ version, faults: { finishLost: true, commit: (n) => (n === 1 ? 'ok' : 'fail') } });
    const a = await launch(course, { lms, retryDelays: [] });
    work(a); // device A: lesson 1 committed, the answers only in A's browser
    a.win.pagehide();
    // Device B (another browser) reads lesson 2 from the LMS's record and exits properly.
    const lmsB = new StrictLms(lms.relaunch());
    const b = await launch(course, { lms: lmsB });
    b.store.markLessonRead('02_discussion');
    b.tick();
    await b.session.exit();
    // Back on device A: its copy grew from an older LMS state than the LMS now holds.
    const lmsA = new StrictLms(lmsB.relaunch());
    const again = await launch(course, { lms: lmsA, storage: a.storage });
    const got = again.store.get();
    expect(got.lessonsRead).toEqual(expect.arrayContaining(['01_background', '02_discussion']));
    expect(got.quizzes[QB].answers).toEqual(a.store.get().quizzes[QB].answers);
    expect(ids(again)).toEqual([NOTICES.restoredFromBrowser.id]);
    again.tick();
    expect(stateOf(lmsA.stored['cmi.suspend_data'])).toEqual(got);
  });

  it('a copy the LMS already holds, or an older one, is not announced; another learner never adopts it', async () => {
    const lms = new StrictLms({ version });
    const h = await launch(course, { lms });
    work(h);
    await h.session.exit();
    const h2 = await launch(course, { lms: new StrictLms(lms.relaunch()), storage: h.storage });
    expect(ids(h2)).toEqual([]);
    expect(h2.store.get()).toEqual(h.store.get());
    const other = await launch(course, { lms: new StrictLms({ version, learnerId: 'someone_else' }), storage: h.storage });
    expect(other.store.get()).toEqual(initialState(course));
    expect(ids(other)).toEqual([]);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s: review, browse and no credit change nothing', (version) => {
  const launches: Array<[string, Partial<StrictLmsOptions>]> = [
    ['review', { launchMode: 'review' }],
    ['browse', { launchMode: 'browse' }],
    ['no-credit', { credit: 'no-credit' }],
  ];

  it.each(launches)('%s: the learner reads and answers; not one value is set, the record stays as it was', async (_name, more) => {
    const { lms, storage } = await finishedRecord(version);
    const stored = { ...lms.stored };
    const copy = storage.getItem(storageKey(course.id, 'learner_1'));
    const lms2 = new StrictLms(lms.relaunch({}, more));
    const h = await launch(course, { lms: lms2, storage });
    expect(h.session.recording).toBe(false);
    // The learner's own record is shown (from the LMS, or, with Moodle's empty 2004 model, this browser).
    expect(h.store.get().lessonsRead).toEqual(['01_background', '02_discussion']);
    expect(h.store.get().quizzes[QB].best).toBe(100);
    expect(h.session.notices()).toEqual([NOTICES.review]);
    expect(NOTICES.review.text).toBe('You are looking back over this course; nothing you do now changes your record.');
    // The learner goes back over lessons and tries a quiz again.
    h.store.go({ view: 'lesson', id: '01_background' });
    h.store.startAttempt(QB, { seed: 9 });
    h.store.submitAnswer(QB, 'q_model', { type: 'single', value: 'none' });
    h.tick();
    h.win.hide();
    expect(await h.session.save()).toEqual({ saved: true, inBrowser: false });
    expect(await h.session.exit()).toEqual({ saved: true, inBrowser: false });
    h.win.pagehide();
    expect(sets(lms2)).toEqual([]);
    expect(lms2.commitCalls).toBe(0);
    expect(lms2.stored).toEqual(stored);
    expect(storage.getItem(storageKey(course.id, 'learner_1'))).toBe(copy); // nor the browser copy
    expect(lms2.violations).toEqual([]);
    // Mode and credit are read before anything else.
    const reads = lms2.log.filter((e) => e.fn === 'GetValue').map((e) => e.element);
    expect(reads.slice(0, 2)).toEqual(version === '1.2' ? ['cmi.core.lesson_mode', 'cmi.core.credit'] : ['cmi.mode', 'cmi.credit']);
  });

  it('review with nothing to show (no record given, no browser copy): the course as new, with a calm note', async () => {
    const { lms } = await finishedRecord(version);
    const stored = { ...lms.stored };
    const lms2 = new StrictLms(lms.relaunch({}, { launchMode: 'review', reviewModel: 'empty' }));
    const h = await launch(course, { lms: lms2 });
    expect(h.store.get()).toEqual(initialState(course));
    expect(h.session.notices()).toEqual([NOTICES.reviewNew]);
    expect(NOTICES.reviewNew.level).toBe('info');
    expect(NOTICES.reviewNew.text).toMatch(/^You are looking back over this course; nothing you do now changes your record\..*not recorded/);
    h.store.markLessonRead('01_background');
    h.tick();
    await h.session.exit();
    expect(sets(lms2)).toEqual([]);
    // Moodle stores what Terminate carries from an empty model (total time from zero): no Terminate then.
    expect(lms2.finishCount).toBe(0);
    expect(lms2.stored).toEqual(stored);
    expect(lms2.violations).toEqual([]);
  });

  it('a review launch with the stored model ends with a Finish that sets nothing', async () => {
    const { lms } = await finishedRecord(version);
    const stored = { ...lms.stored };
    const lms2 = new StrictLms(lms.relaunch({}, { launchMode: 'review', reviewModel: 'stored' }));
    const h = await launch(course, { lms: lms2, storage: null });
    expect(h.store.get().lessonsRead).toEqual(['01_background', '02_discussion']);
    await h.session.exit();
    expect(lms2.finishCount).toBe(1);
    expect(sets(lms2)).toEqual([]);
    expect(lms2.stored).toEqual(stored);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s: a status is never sent lower than the LMS holds', (version) => {
  it('a finished record whose progress data cannot be read: the course starts clean, the status stays', async () => {
    const { lms } = await finishedRecord(version);
    const stored = { ...lms.stored, 'cmi.suspend_data': '1garbage', [version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']: 'suspend' };
    const lms2 = new StrictLms({ ...lms.relaunch(), stored });
    const h = await launch(course, { lms: lms2, storage: null });
    expect(ids(h)).toEqual([NOTICES.restoreFailed.id]);
    h.store.go({ view: 'lesson', id: '01_background' });
    h.store.markLessonRead('01_background');
    h.tick();
    await h.session.exit();
    const statusSets = sets(lms2).filter((e) => /status$|score\./.test(e.element ?? '') && !/objectives/.test(e.element ?? ''));
    expect(statusSets).toEqual([]);
    for (const el of STATUS[version]) expect(lms2.stored[el]).toBe(stored[el]);
    expect(lms2.stored[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('100');
    expect(lms2.violations).toEqual([]);
  });
});

describe('SCORM 2004: location and suspend_data are read only on resume', () => {
  it('the strict LMS flags a read of a value never set', () => {
    const lms = new StrictLms({ version: '2004' });
    lms.api.Initialize('');
    lms.api.GetValue('cmi.suspend_data');
    expect(lms.violations).toEqual(['GetValue(cmi.suspend_data) of a value never set (error 403; entry "ab-initio")']);
    expect(lms.api.GetLastError()).toBe('403');
  });

  it('a first launch does not read them; a resumed one does', async () => {
    const lms = new StrictLms({ version: '2004' });
    const h = await launch(course, { lms });
    work(h);
    await h.session.exit();
    const read = (l: StrictLms) => l.log.filter((e) => e.fn === 'GetValue' && /^cmi\.(location|suspend_data)$/.test(e.element ?? ''));
    expect(read(lms)).toEqual([]);
    expect(lms.violations).toEqual([]);
    const lms2 = new StrictLms(lms.relaunch());
    await launch(course, { lms: lms2, storage: null });
    expect(read(lms2).map((e) => e.element).sort()).toEqual(['cmi.location', 'cmi.suspend_data']);
    expect(lms2.violations).toEqual([]);
  });
});

describe('SCORM 2004 descriptions: within the SPM (250 characters), accepted by the strict LMS', () => {
  it('interaction descriptions carry the prompt, objective descriptions the lesson title, cut to 250', async () => {
    const big = largeCourse(1, 1, 3); // prompts of 400+ characters
    big.lessons[0].title = `A lesson title ${'that goes on '.repeat(30)}`;
    const lms = new StrictLms({ version: '2004' });
    const h = await launch(big, { lms });
    const quiz = big.quizzes[0];
    const q = quiz.questions[0];
    expect(q.promptText.length).toBeGreaterThan(250);
    h.store.startAttempt(quiz.id, { seed: 1 });
    h.store.submitAnswer(quiz.id, h.store.get().quizzes[quiz.id].questionIds[0], { type: 'single', value: 'option_1_long_identifier_text' });
    h.store.markLessonRead(big.lessons[0].id);
    h.tick();
    await h.session.exit();
    expect(lms.violations).toEqual([]);
    const value = (el: string) => sets(lms).find((e) => e.element === el)?.value ?? '';
    expect(value('cmi.interactions.0.description')).toHaveLength(250);
    expect(value('cmi.interactions.0.description').startsWith(q.promptText.replace(/\s+/g, ' ').trim().slice(0, 200))).toBe(true);
    expect(value('cmi.objectives.0.description')).toHaveLength(250);
    expect(value('cmi.objectives.0.description').startsWith('A lesson title that goes on')).toBe(true);
  });

  it('SCORM 1.2 has no description: the interaction id names the question (quiz.question.attempt)', async () => {
    const lms = new StrictLms({ version: '1.2' });
    const h = await launch(course, { lms });
    work(h);
    expect(sets(lms).filter((e) => /description/.test(e.element ?? ''))).toEqual([]);
    expect(sets(lms).filter((e) => /^cmi\.interactions\.\d+\.id$/.test(e.element ?? '')).map((e) => e.value)).toEqual([
      `${QB}.q_model.1`,
      `${QB}.q_levels.1`,
    ]);
  });
});

it('an old browser copy without `base` still follows the save counter', async () => {
  const lms = new StrictLms({ version: '1.2' });
  const state = initialState(course);
  state.lessonsRead = ['01_background'];
  lms.stored = {};
  const older = new StrictLms({ version: '1.2', stored: { 'cmi.suspend_data': encodeSuspend(course, state, 4), 'cmi.core.exit': 'suspend' } });
  const storage = new MemoryStorage();
  const newer = { ...state, lessonsRead: ['01_background', '02_discussion'] };
  storage.setItem(storageKey(course.id, 'learner_1'), JSON.stringify({ suspend: encodeSuspend(course, newer, 5), seq: 5, synced: false }));
  const h = await launch(course, { lms: older, storage });
  expect(h.store.get().lessonsRead).toEqual(['01_background', '02_discussion']);
  expect(ids(h)).toEqual([NOTICES.restoredFromBrowser.id]);
  void lms;
});
