/**
 * The three sequences a real Moodle 5.2dev showed (issue 15), replayed in Chromium against the
 * Moodle-like test LMS (tests/helpers/strict-lms.ts via fault-lms.ts: synchronous commits that take
 * 300 ms, Moodle's review launches, a close beacon that arrives after the session expired), in
 * SCORM 1.2 and 2004:
 * 1. the last window closed mid-quiz, its Finish lost: every answer survives and is in the LMS
 *    after the relaunch (also when Moodle's player said "true" to Commits it did not keep);
 * 2. re-entering a finished attempt (review mode; 2004 with Moodle's empty model and ab-initio):
 *    the learner sees their record, and every stored value stays as it was;
 * 3. "Save and exit" inside the LMS's frame points to the LMS's own exit, not to a window to close.
 */
import { describe, expect, it } from 'vitest';
import type { FaultConfig } from '../helpers/fault-lms.ts';
import type { Answer, Course, Question, Quiz } from '../../src/course/types.ts';
import { decodeSuspend, encodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { ProgressStore } from '../../src/course/progress.ts';
import { NOTICES } from '../../src/scorm/notices.ts';
import { leaveWords } from '../../src/components/shared/exit.ts';
import { expectInteractions, goByMenu, launchCourse, nextQuestion, saveAndExit, shown, startQuiz, useLmsSuite, type Launch } from './lms-faults-setup.ts';
import { answerAndSubmit } from '../helpers/answer.ts';

let course: Course;
let quiz: Quiz;
const { env, fresh } = useLmsSuite((suite) => {
  ({ course, quiz } = suite);
  expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
});
/** Moodle's Commit is a synchronous request: the page waits for it. */
const MOODLE = { slowCommitMs: 300 } as const;

function answersIn(stored: Record<string, string>): Record<string, Answer> | null {
  const d = decodeSuspend(course, stored['cmi.suspend_data'] ?? '');
  return d.ok ? d.state.quizzes[quiz.id].answers : null;
}


async function answerThree(l: Launch): Promise<Record<string, Answer>> {
  await startQuiz(l.course, quiz);
  for (let i = 0; i < 3; i++) {
    if (i > 0) await nextQuestion(l.course);
    await answerAndSubmit(l.course, quiz, i !== 1);
  }
  const given = await l.answers(quiz.id);
  expect(Object.keys(given)).toHaveLength(3);
  return given;
}

/** The right answer to a question, as the store records it (each type's answer holds what its `correct` holds). */
const rightAnswer = (q: Question) => ({ type: q.type, value: q.correct }) as Answer;

/** What Moodle holds for a learner who finished and passed the course (44 s in all). */
function finishedRecord(version: '1.2' | '2004'): Record<string, string> {
  const store = new ProgressStore(course);
  for (const l of course.lessons) store.markLessonRead(l.id);
  for (const q of course.quizzes) {
    store.startAttempt(q.id, { seed: 5 });
    for (const id of store.get().quizzes[q.id].questionIds) store.submitAnswer(q.id, id, rightAnswer(q.questions.find((x) => x.id === id)!));
  }
  store.go({ view: 'end' });
  const suspend = encodeSuspend(course, store.get(), 40);
  return version === '1.2'
    ? {
        'cmi.core.lesson_status': 'passed',
        'cmi.core.score.raw': '100',
        'cmi.core.score.min': '0',
        'cmi.core.score.max': '100',
        'cmi.core.lesson_location': 'end',
        'cmi.suspend_data': suspend,
        'cmi.core.total_time': '0000:00:44.00',
        'cmi.core.exit': '',
      }
    : {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'passed',
        'cmi.score.scaled': '1',
        'cmi.score.raw': '100',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.location': 'end',
        'cmi.suspend_data': suspend,
        'cmi.total_time': 'PT44S',
        'cmi.exit': 'normal',
      };
}

describe.each(['1.2', '2004'] as const)('SCORM %s against the Moodle-like test LMS', (version) => {
  it('1. the last window closes mid-quiz and the close never arrives: every answer is already in the LMS', async () => {
    const { context, backend } = await fresh();
    const cfg: FaultConfig = { version, masteryScore: 80, ...MOODLE, finishLost: true };
    const l = await launchCourse(context, env.server, cfg);
    const given = await answerThree(l);
    // Each answer was committed after its feedback (a 300 ms synchronous commit each).
    await expect.poll(() => answersIn(backend.stored)).toEqual(given);
    await l.closeCourse();
    const r = await l.report();
    expect(r.finishCount).toBe(1);
    expect(r.commits.at(-1)).toEqual({ kind: 'finish', ok: false }); // the beacon was lost
    expect(r.violations).toEqual([]);
    expectInteractions(backend.stored, quiz, given);
    // Another device: the LMS alone resumes at the same question with every answer.
    const { context: other } = await fresh();
    const again = await launchCourse(other, env.server, { ...cfg, finishLost: false, stored: backend.stored });
    expect(await again.answers(quiz.id)).toEqual(given);
    await again.course.getByRole('button', { name: 'Continue where you left off' }).click();
    await again.course.locator('quiz-view #question').waitFor();
    expect((await again.report()).violations).toEqual([]);
  });

  it('1b. the commits fail too before the lost close: the browser copy is newer, adopted calmly, and sent to the LMS at once', async () => {
    const { context, backend } = await fresh();
    // Only the first answer's commit gets through; the session is gone before the close.
    const cfg: FaultConfig = { version, masteryScore: 80, ...MOODLE, finishLost: true, commits: ['ok'], commitDefault: 'fail' };
    const l = await launchCourse(context, env.server, cfg);
    const given = await answerThree(l);
    await l.closeCourse();
    const held = answersIn(backend.stored);
    expect(held).not.toBeNull();
    expect(Object.keys(held ?? {}).length).toBeLessThan(3); // the LMS has the older state
    await l.page.close();
    // Same browser, the next day: the LMS works again.
    const again = await launchCourse(context, env.server, { version, masteryScore: 80, ...MOODLE, stored: backend.stored });
    expect(await again.answers(quiz.id)).toEqual(given);
    expect(await again.notices()).toEqual([shown(NOTICES.restoredFromBrowser)]);
    await expect.poll(() => answersIn(backend.stored)).toEqual(given); // committed at once
    expectInteractions(backend.stored, quiz, given);
    expect((await again.report()).violations).toEqual([]);
  });

  it('1c. Moodle answers every Commit after the first "true" and keeps nothing (issue 21): the relaunch brings the browser copy back, every answer recorded once', async () => {
    const { context, backend } = await fresh();
    const cfg: FaultConfig = { version, masteryScore: 80, ...MOODLE, finishLost: true, commits: ['ok'], commitDefault: 'lie' };
    const l = await launchCourse(context, env.server, cfg);
    const given = await answerThree(l);
    await l.closeCourse();
    const r = await l.report();
    const commits = r.timeline.filter((t) => /Commit$/.test(t.fn));
    expect(commits.length).toBeGreaterThan(1);
    expect(commits.every((t) => t.result === 'true')).toBe(true); // what Moodle's player said
    expect(r.commits.filter((c) => c.kind === 'commit' && c.ok)).toHaveLength(1); // what it kept
    expect(Object.keys(answersIn(backend.stored) ?? {}).length).toBeLessThan(3); // what it kept: the older state
    await l.page.close();
    const again = await launchCourse(context, env.server, { version, masteryScore: 80, ...MOODLE, stored: backend.stored });
    expect(await again.answers(quiz.id)).toEqual(given);
    expect(await again.notices()).toEqual([shown(NOTICES.restoredFromBrowser)]);
    await expect.poll(() => answersIn(backend.stored)).toEqual(given);
    expectInteractions(backend.stored, quiz, given);
    const ids = [...Object.entries(backend.stored)].filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
    expect(new Set(ids).size).toBe(ids.length); // none twice
    expect((await again.report()).violations).toEqual([]);
  });

  it('2. re-entering a finished attempt in review mode shows the record and changes not one stored value', async () => {
    const { context, backend } = await fresh();
    const record = finishedRecord(version);
    // The finishing visit in this browser (normal mode): the course keeps its copy here.
    const first = await launchCourse(context, env.server, { version, masteryScore: 80, ...MOODLE, stored: { ...record, [version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']: 'suspend' } });
    expect(await saveAndExit(first.course)).toMatch(/^Your progress is saved\./);
    await first.page.close();
    const stored = { ...record, ...backend.stored };
    const syncs = backend.syncs;

    // Moodle's review launch: 1.2 the stored model with entry ""; 2004 an empty model with ab-initio.
    const l = await launchCourse(context, env.server, { version, masteryScore: 80, ...MOODLE, stored, launchMode: 'review' });
    expect(await l.notices()).toEqual([shown(NOTICES.review)]);
    expect(await l.notices()).toEqual(['You are looking back over this course; nothing you do now changes your record.']);
    // Every lesson can be read, and the quiz shows the learner's own results.
    for (const lesson of course.lessons) {
      await goByMenu(l.course, lesson.title);
      await l.course.locator('lesson-view h1').filter({ hasText: lesson.title }).waitFor();
    }
    await goByMenu(l.course, quiz.title);
    await l.course.getByRole('heading', { name: 'Your results', level: 1 }).waitFor();
    await expect.poll(async () => (await l.course.locator('quiz-results .score-line').textContent())?.replace(/\s+/g, ' ')).toMatch(/100/);
    expect(await saveAndExit(l.course)).toBe(`Your record is as it was before this visit. ${leaveWords('frame')}`);
    await l.closeCourse();
    const r = await l.report();
    expect(r.setValues).toBe(0);
    expect(r.commitCalls).toBe(0);
    // 2004: Moodle would store the empty model's total time at Terminate, so none is called.
    expect(r.finishCount).toBe(version === '1.2' ? 1 : 0);
    expect(r.stored).toEqual(stored);
    expect(r.violations).toEqual([]);
    expect(backend.syncs - syncs).toBe(version === '1.2' ? 1 : 0);
    expect(backend.stored).toEqual({ ...stored }); // the LMS "server" holds what it held
  });

  it('2b. review with no browser copy (another device): the course as new, with a calm note; nothing stored changes', async () => {
    const { context, backend } = await fresh();
    const stored = finishedRecord(version);
    const l = await launchCourse(context, env.server, { version, ...MOODLE, stored, launchMode: 'review', reviewModel: 'empty' });
    expect(await l.notices()).toEqual([shown(NOTICES.reviewNew)]);
    await startQuiz(l.course, quiz);
    await answerAndSubmit(l.course, quiz, false);
    await l.closeCourse();
    const r = await l.report();
    expect([r.setValues, r.commitCalls, r.finishCount]).toEqual([0, 0, 0]);
    expect(r.stored).toEqual(stored);
    expect(backend.syncs).toBe(0);
  });

  it('3. "Save and exit" in the LMS frame points to the LMS’s own exit; the progress is saved', async () => {
    const { context, backend } = await fresh();
    const l = await launchCourse(context, env.server, { version, masteryScore: 80, ...MOODLE });
    await startQuiz(l.course, quiz);
    await answerAndSubmit(l.course, quiz, true);
    const message = await saveAndExit(l.course);
    expect(message).toBe(`Your progress is saved. ${leaveWords('frame')}`);
    expect(message).toMatch(/Exit activity/);
    expect(message).not.toMatch(/close this window/i);
    expect(Object.keys(answersIn(backend.stored) ?? {})).toHaveLength(1);
    expect((await l.report()).violations).toEqual([]);
  });
});
