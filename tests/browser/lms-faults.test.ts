/**
 * The built course against a failing LMS, in the browser: the course runs in an iframe of a parent
 * page that publishes a scorm-again API (StrictLms, Moodle's rules) with one fault switched on
 * (tests/helpers/fault-lms.ts). For each fault: the learner can carry on, what they did reaches the
 * LMS when the LMS allows it, Finish/Terminate is called exactly once (never after a failed
 * Initialize), the learner is told only what they need to know, and nothing is lost: after the
 * fault sequence, the LMS's stored data (decoded with the runtime's suspend_data codec, and its
 * interactions) plus a relaunch hold every answer the learner gave.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { FaultConfig } from '../helpers/fault-lms.ts';
import type { Answer, Course, Quiz } from '../../src/course/types.ts';
import { decodeSuspend, encodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { initialState } from '../../src/course/progress.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { leaveWords } from '../../src/components/shared/exit.ts';
import { expectInteractions, goByMenu, launchCourse, nextQuestion, saveAndExit, shown, startQuiz, useLmsSuite, type Launch, type LmsBackend } from './lms-faults-setup.ts';
import { answerAndSubmit } from '../helpers/answer.ts';

let course: Course;
let quiz: Quiz;
const { env, fresh } = useLmsSuite((suite) => ({ course, quiz } = suite));

/** Answer `n` questions of the first quiz (the first one right, the others not), keeping what the store recorded. */
async function answerSome(l: Launch, n: number): Promise<Record<string, Answer>> {
  await startQuiz(l.course, quiz);
  for (let i = 0; i < n; i++) {
    if (i > 0) await nextQuestion(l.course);
    await answerAndSubmit(l.course, quiz, i === 0);
  }
  const answers = await l.answers(quiz.id);
  expect(Object.keys(answers)).toHaveLength(n);
  return answers;
}

/** Every given answer is in the suspend_data the LMS stored (decoded with the runtime's codec). */
function expectAnswersIn(stored: Record<string, string>, given: Record<string, Answer>): void {
  const decoded = decodeSuspend(course, stored['cmi.suspend_data'] ?? '');
  expect(decoded.ok, `suspend_data decodes (${decoded.ok ? '' : decoded.reason})`).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.state.quizzes[quiz.id].answers).toEqual(given);
}


/**
 * Relaunch with what the LMS stored: the learner is welcomed back, and the progress store (the one
 * place progress lives) holds every answer. Returns the launch, on the start page.
 */
async function relaunchAndCheck(context: BrowserContext, cfg: FaultConfig, given: Record<string, Answer>): Promise<Launch> {
  const again = await launchCourse(context, env.server, cfg);
  // Progress is restored before the first view renders.
  expect(await again.answers(quiz.id)).toEqual(given);
  await again.course.getByRole('button', { name: 'Continue where you left off' }).waitFor({ timeout: 10_000 });
  return again;
}

const NO_NOTICES: string[] = [];

/** The course runs in a frame of the LMS page, as in Moodle's embedded player: no window to close there. */
const IN_FRAME = leaveWords('frame');

/**
 * After a clean "Save and exit": no notice, the course closed, one Finish, no strict violation, every
 * answer in suspend_data and as interactions, and a relaunch elsewhere (`cfg` with what was stored)
 * continues with every answer.
 */
async function closeSavedAndRelaunch(l: Launch, backend: LmsBackend, cfg: FaultConfig, given: Record<string, Answer>): Promise<void> {
  expect(await l.notices()).toEqual(NO_NOTICES);
  await l.closeCourse();
  const r = await l.report();
  expect(r.finishCount).toBe(1);
  expect(r.violations).toEqual([]);
  expectAnswersIn(backend.stored, given);
  expectInteractions(backend.stored, quiz, given);
  const { context: other } = await fresh();
  await relaunchAndCheck(other, { ...cfg, stored: backend.stored }, given);
}

/** Wait until the course has made no LMS call for a moment. */
async function lmsIdle(l: Launch): Promise<void> {
  let before = -1;
  for (let i = 0; i < 40; i++) {
    const now = (await l.report()).timeline.length;
    if (now === before) return;
    before = now;
    await l.page.waitForTimeout(300);
  }
  throw new Error('The course kept calling the LMS.');
}


describe('no fault (control)', () => {
  it('commits each answer, finishes once, and a relaunch continues with every answer', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004' });
    const given = await answerSome(l, 1);
    expect(await saveAndExit(l.course)).toBe(`Your progress is saved. ${IN_FRAME}`);
    await closeSavedAndRelaunch(l, backend, { version: '2004' }, given);
  });
});

describe('the LMS cannot be reached', () => {
  it('no API found: the course runs on its own, says so once, and keeps every answer in this browser', async () => {
    const { context } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', noApi: true });
    expect(await l.notices()).toEqual([shown(NOTICES.standalone)]);
    const given = await answerSome(l, 1);
    expect(await saveAndExit(l.course)).toBe(`Your progress is saved in this browser. ${leaveWords('page')}`);
    const r = await l.report();
    expect([r.initializeCount, r.finishCount, r.setValues]).toEqual([0, 0, 0]);
    await l.page.close();
    // The relaunch in the same browser carries on with every answer.
    await relaunchAndCheck(context, { version: '2004', noApi: true }, given);
  });

  it('Initialize returns false: a calm warning, no further LMS calls, and a later launch keeps the answers', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', initializeFails: true });
    expect(await l.notices()).toEqual([shown(NOTICES.lmsUnavailable)]);
    const given = await answerSome(l, 1);
    await saveAndExit(l.course);
    await l.closeCourse();
    const r = await l.report();
    // Terminate after a failed Initialize would be a SCORM error: nothing is called after it.
    expect([r.initializeCount, r.finishCount, r.setValues, r.commitCalls]).toEqual([1, 0, 0, 0]);
    expect(r.violations).toEqual([]);
    await l.page.close();
    // "You can close the course and open it again to try once more": the next launch, with the LMS
    // working, must not have lost what the learner did while it was unreachable.
    const again = await relaunchAndCheck(context, { version: '2004' }, given);
    expect(await again.notices()).toEqual([shown(NOTICES.restoredFromBrowser)]);
    expect(await saveAndExit(again.course)).toBe(`Your progress is saved. ${IN_FRAME}`);
    expectAnswersIn(backend.stored, given);
  });
});

describe('the LMS refuses data', () => {
  it('GetValue of cmi.interactions._count errors (interactions unsupported): nobody is bothered, suspend_data keeps the answers', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', noInteractions: true });
    const given = await answerSome(l, 1);
    expect(await saveAndExit(l.course)).toBe(`Your progress is saved. ${IN_FRAME}`);
    expect(await l.notices()).toEqual(NO_NOTICES);
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(r.violations).toEqual([]);
    // The course stops asking once the LMS said it has no interactions.
    expect(r.timeline.filter((t) => t.fn === 'SetValue' && /^cmi\.interactions/.test(t.element ?? ''))).toEqual([]);
    expectAnswersIn(backend.stored, given);
    const { context: other } = await fresh();
    await relaunchAndCheck(other, { version: '2004', stored: backend.stored }, given);
  });

  it('SetValue of suspend_data rejected: a warning, the answers still reach the LMS as interactions, and a relaunch here restores them', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', refuseSet: '^cmi\\.suspend_data$', refuseCode: '406' });
    const given = await answerSome(l, 2);
    await saveAndExit(l.course);
    // Finish went through, but the progress record did not: the learner is told it is kept here.
    expect(await l.notices()).toEqual([shown(NOTICES.exitFailed)]);
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expectInteractions(backend.stored, quiz, given);
    expect(backend.stored['cmi.suspend_data']).toBeUndefined();
    await l.page.close();
    // Same browser, the LMS fixed: the browser copy brings the answers back, and they reach the LMS.
    const again = await relaunchAndCheck(context, { version: '2004', stored: backend.stored }, given);
    expect(await again.notices()).toEqual([shown(NOTICES.restoredFromBrowser)]);
    await saveAndExit(again.course);
    expectAnswersIn(backend.stored, given);
  });
});

describe('commits fail', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s: a Commit that fails once is retried; nothing shows and nothing is lost', async (version) => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version, commits: ['fail'] });
    const given = await answerSome(l, 1);
    // The break page's save is a commit point: the first Commit fails, the retry (0.5 s later) succeeds.
    await l.course.getByRole('button', { name: 'Take a break' }).click();
    await l.course.getByText('Your progress is saved. Take as long as you need.').waitFor();
    await expect.poll(async () => (await l.report()).commits.filter((c) => c.kind === 'commit').map((c) => c.ok)).toEqual([false, true]);
    expectAnswersIn(backend.stored, given);
    expect(await l.notices()).toEqual(NO_NOTICES);
    await l.course.getByRole('button', { name: 'Save and exit' }).click();
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(r.violations).toEqual([]);
  });

  it('Commit fails for good (Finish works): a warning while it lasts, the learner carries on, Finish saves everything', async () => {
    const { context, backend } = await fresh();
    // Playwright's clock (time still flows): the retries' waits are run at once below, not waited out.
    await context.clock.install();
    const l = await launchCourse(context, env.server, { version: '2004', commitDefault: 'fail' });
    const given1 = await answerSome(l, 1);
    await l.course.getByRole('button', { name: 'Take a break' }).click();
    // One try and three retries (0.5 s, 2 s, 5 s), then the learner is told: a second of the page's
    // timers per look, so each retry runs once its wait is over. The poll's own limit is real time:
    // on a loaded machine a look takes a while, and 8 of them are needed.
    await expect
      .poll(
        async () => {
          await l.page.clock.runFor(1000);
          return l.notices();
        },
        { timeout: 30_000 },
      )
      .toEqual([shown(NOTICES.saveFailed)]);
    // The break page does not say "saved" next to that warning.
    await l.course.getByText('Your progress is kept in this browser on this device. Take as long as you need.').waitFor();
    expect(backend.syncs).toBe(0);
    // The learner carries on: one more answer.
    await l.course.getByRole('button', { name: 'Carry on where I was' }).click();
    await nextQuestion(l.course);
    await answerAndSubmit(l.course, quiz, false);
    const given = await l.answers(quiz.id);
    expect(Object.keys(given)).toEqual(expect.arrayContaining(Object.keys(given1)));
    expect(await saveAndExit(l.course)).toBe(`Your progress is saved. ${IN_FRAME}`);
    expect(await l.notices()).toEqual(NO_NOTICES);
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expectAnswersIn(backend.stored, given);
    expectInteractions(backend.stored, quiz, given);
  });

  it('Commit and Finish fail for good: the learner is told the truth, and the next launch here brings every answer to the LMS', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', commitDefault: 'fail', finishFails: true });
    const given = await answerSome(l, 2);
    const message = await saveAndExit(l.course);
    expect(await l.notices()).toContain(shown(NOTICES.exitFailed));
    await l.closeCourse();
    // The LMS did not confirm anything: the exit message must not say the opposite of the notice.
    expect(message).not.toBe(`Your progress is saved. ${IN_FRAME}`);
    expect(message).toBe(`Your progress is kept in this browser on this device; open the course again here to carry on. ${IN_FRAME}`);
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(backend.syncs).toBe(0);
    await l.page.close();
    const again = await relaunchAndCheck(context, { version: '2004' }, given);
    expect(await again.notices()).toEqual([shown(NOTICES.restoredFromBrowser)]);
    await saveAndExit(again.course);
    expectAnswersIn(backend.stored, given);
  });
});

describe('a slow LMS', () => {
  it('the learner sees each result before the LMS is called; everything is committed; no warning', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '2004', slowCallMs: 15, slowCommitMs: 2500 });
    await startQuiz(l.course, quiz);
    // Note (in page time) the first frame that shows the feedback.
    await l.course.locator('course-app').evaluate(() => {
      const w = window as unknown as { feedbackAt: number };
      w.feedbackAt = 0;
      const tick = () => {
        const view = document.querySelector('course-app')?.shadowRoot?.querySelector('quiz-view');
        if (view?.shadowRoot?.querySelector('question-feedback')) w.feedbackAt = Date.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Let the writes that starting the quiz asked for finish first.
    await lmsIdle(l);
    const submittedAt = Date.now();
    await answerAndSubmit(l.course, quiz, true);
    await expect.poll(async () => (await l.report()).timeline.some((t) => t.fn === 'SetValue' && t.start >= submittedAt)).toBe(true);
    const feedbackAt = await l.course.locator('course-app').evaluate(() => (window as unknown as { feedbackAt: number }).feedbackAt);
    const firstCall = (await l.report()).timeline.find((t) => t.start >= submittedAt && t.fn !== 'GetLastError')!;
    expect(feedbackAt).toBeGreaterThan(0);
    expect(feedbackAt).toBeLessThanOrEqual(firstCall.start);
    const given = await l.answers(quiz.id);
    expect(await l.notices()).toEqual(NO_NOTICES);
    // Closing the window: Terminate (slow too) sends everything.
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(r.timeline.filter((t) => /Commit|Terminate/.test(t.fn)).every((t) => t.end - t.start >= 2400)).toBe(true);
    expectAnswersIn(backend.stored, given);
    expectInteractions(backend.stored, quiz, given);
  });
});

describe('the course window goes away', () => {
  it('closed mid-quiz (pagehide), SCORM 1.2: LMSFinish once, and the relaunch continues in the quiz with every answer', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '1.2', masteryScore: 80 });
    const given = await answerSome(l, 2);
    await nextQuestion(l.course);
    const caption = (await l.course.locator('quiz-view #question .caption').textContent())?.trim();
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(r.violations).toEqual([]);
    expect(backend.stored['cmi.core.exit']).toBe('suspend');
    expectAnswersIn(backend.stored, given);
    expectInteractions(backend.stored, quiz, given);
    const { context: other } = await fresh();
    const again = await relaunchAndCheck(other, { version: '1.2', masteryScore: 80, stored: backend.stored }, given);
    await again.course.getByRole('button', { name: 'Continue where you left off' }).click();
    await again.course.locator('quiz-view #question').waitFor();
    expect((await again.course.locator('quiz-view #question .caption').textContent())?.trim()).toBe(caption);
  });

  it('opened in a window of its own (the LMS page as opener, as Moodle\u2019s "new window"): API found, "close this window", closing it loses nothing', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version: '1.2', masteryScore: 80, popup: true });
    expect(l.popup, 'the course has a window of its own').not.toBeNull();
    const given = await answerSome(l, 1);
    // The printed record names the learner as the LMS gives it ("Learner, Test"), first name first.
    await goByMenu(l.course, 'Finish');
    await l.popup!.emulateMedia({ media: 'print' });
    await expect.poll(() => l.course.locator('end-page .record-head').innerText()).toMatch(/Learner: Test Learner\b/);
    await l.popup!.emulateMedia({ media: 'screen' });
    expect(await saveAndExit(l.course)).toBe(`Your progress is saved. ${leaveWords('popup')}`);
    await closeSavedAndRelaunch(l, backend, { version: '1.2', masteryScore: 80, popup: true }, given);
  });

  it('launched twice at once: each window finishes once, and the answers given in either window are kept', async () => {
    const { context, backend } = await fresh();
    const a = await launchCourse(context, env.server, { version: '2004' });
    const b = await launchCourse(context, env.server, { version: '2004' });
    const given = await answerSome(a, 1);
    // Each window says once, calmly, that the course is open in another one too.
    await expect.poll(() => b.notices()).toEqual([shown(NOTICES.openElsewhere)]);
    expect(await a.notices()).toEqual([shown(NOTICES.openElsewhere)]);
    await a.closeCourse();
    // The learner notices the second window later and closes it without doing anything there.
    await b.closeCourse();
    expect([(await a.report()).finishCount, (await b.report()).finishCount]).toEqual([1, 1]);
    expectAnswersIn(backend.stored, given);
    const { context: other } = await fresh();
    await relaunchAndCheck(other, { version: '2004', stored: backend.stored }, given);
  });
});

describe('the stored progress cannot be used', () => {
  const cases: Array<[string, () => string]> = [
    ['corrupt', () => '1ABCdefinitely-not-progress'],
    [
      'from an older version of the course',
      () => {
        const old = { ...course, version: 'older01' };
        const state = initialState(old);
        state.lessonsRead = [course.lessons[0].id];
        state.location = { view: 'quiz', id: quiz.id };
        return encodeSuspend(old, state, 7);
      },
    ],
  ];
  it.each(cases)('suspend_data %s: a clean start with a calm notice (never a blank screen), and new answers are saved', async (_name, make) => {
    const { context, backend } = await fresh();
    const stored = {
      'cmi.suspend_data': make(),
      'cmi.location': `quiz/${quiz.id}`,
      'cmi.exit': 'suspend',
      'cmi.completion_status': 'incomplete',
    };
    const l = await launchCourse(context, env.server, { version: '2004', stored });
    expect(await l.notices()).toEqual([shown(NOTICES.restoreFailed)]);
    expect(await l.answers(quiz.id)).toEqual({});
    await l.course.locator('start-page h1').waitFor();
    const given = await answerSome(l, 1);
    await saveAndExit(l.course);
    expect((await l.report()).finishCount).toBe(1);
    expectAnswersIn(backend.stored, given);
  });
});
