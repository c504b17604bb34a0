/**
 * The preview LMS in a real browser: the built course runs in the player's iframe with the
 * scorm-again API on the parent page; the learner completes the course; the side panel and the
 * record on disk must show the same figures; a server restart and relaunch resumes exactly; the
 * version switch, the fault switches, the build messages, and the panel's own accessibility
 * (axe, keyboard, 320px reflow) are checked too.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course, Quiz } from '../../src/course/types.ts';
import type { LearnerRecord } from '../../src/preview/store.ts';
import { startPreview, type Preview } from '../../src/preview/preview.ts';
import { axeViolations, settled } from '../helpers/a11y.ts';
import { launch } from '../helpers/chromium.ts';
import { testDist } from '../helpers/test-dist.ts';
import { courseIn } from '../helpers/page-course.ts';
import { answerQuestion, questionOnScreen } from '../helpers/answer.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let dataDir: string;
let distDir: string;
let preview: Preview;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let frame: FrameLocator;
let course: Course;
const pageErrors: string[] = [];

async function open(url: string): Promise<void> {
  await page.goto(url);
  try {
    await frame.locator('course-app main h1').first().waitFor({ timeout: 30_000 });
  } catch (err) {
    // Say what the player saw, not only that the course did not appear.
    const state = await page.evaluate(() => ({
      status: document.getElementById('status')?.textContent,
      launchError: document.getElementById('launch-error-text')?.textContent,
      frameSrc: (document.getElementById('course-frame') as HTMLIFrameElement).src,
      frameBody: (document.getElementById('course-frame') as HTMLIFrameElement).contentDocument?.body?.innerText.slice(0, 300),
      log: [...document.querySelectorAll('#log tbody tr')].slice(-8).map((r) => (r as HTMLElement).innerText),
    }));
    throw new Error(`the course did not appear: ${JSON.stringify({ ...state, pageErrors })}`, { cause: err });
  }
}

function startServer(): Promise<Preview> {
  return startPreview({ contentDir: ROOT, distDir, dataDir, port: 0, build: false });
}

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(tmpdir(), 'preview-browser-'));
  dataDir = path.join(tmp, 'data');
  // This run's test build (as `npm run build`, scorm-version auto); the preview only reads it (build: false).
  distDir = testDist();
  preview = await startServer();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  frame = page.frameLocator('#course-frame');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

// ---------- reading the panel and the disk ----------

const figure = (key: string, col: 'live' | 'saved') => page.locator(`#figures tr[data-figure="${key}"] td.${col}`).innerText();

async function record(learner: string, version: '1.2' | '2004'): Promise<LearnerRecord | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, learner, version === '1.2' ? 'scorm12.json' : 'scorm2004.json'), 'utf8')) as LearnerRecord;
  } catch {
    return null;
  }
}

const logRows = () => page.locator('#log tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await page.waitForTimeout(100);
    last = await fn();
  }
  return last;
}

// ---------- the learner ----------

const h1 = (name: string) => frame.getByRole('heading', { level: 1, name, exact: true });

const currentQuestion = (quiz: Quiz) => questionOnScreen(frame, quiz);

/** Answer the question on screen rightly, submit, and go on; true after the last question. */
async function answerAndGoOn(quiz: Quiz): Promise<boolean> {
  await answerQuestion(frame, await currentQuestion(quiz), true);
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  const next = frame.getByRole('button', { name: /^(Next question|See your results)$/ });
  const label = (await next.innerText()).trim();
  await next.click();
  return label === 'See your results';
}

const quizOf = (lessonId: string) => course.quizzes.filter((q) => q.lessonId === lessonId);

describe('the preview LMS with the built course', () => {
  let midQuestion: { id: string; caption: string };

  it('launches the course in the iframe with SCORM 1.2 by default, offering only window.API', async () => {
    await open(preview.url);
    course = await courseIn(frame.locator('course-app'));
    expect(await page.evaluate(() => [typeof window.API, typeof window.API_1484_11])).toEqual(['object', 'undefined']);
    expect(await page.locator('#course-frame').getAttribute('title')).toBe(`Course: ${course.title}`);
    expect(await page.locator('#version-12').isChecked()).toBe(true);
    await waitFor('LMSInitialize in the log', logRows, (rows) => rows.some((r) => /LMSInitialize "" "true" 0$/.test(r)));
    expect(await figure('entry', 'live')).toBe('ab-initio');
    expect(await figure('commits', 'saved')).toBe('none yet');
    await waitFor('the launch announcement', () => page.locator('#status').innerText(), (t) => /^Launched learner-1 in SCORM 1\.2, first attempt\.$/.test(t));
  }, 60_000);

  it('records a mid-quiz position; the learner closes the player', async () => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const lesson = course.lessons[0]!;
    await h1(lesson.title).waitFor();
    await frame.getByRole('button', { name: /^Next/ }).last().click();
    const quiz = quizOf(lesson.id)[0]!;
    await h1(quiz.title).waitFor();
    await frame.getByRole('button', { name: 'Start the quiz' }).click();
    expect(await answerAndGoOn(quiz)).toBe(false);
    midQuestion = { id: (await currentQuestion(quiz)).id, caption: (await frame.locator('quiz-view #question .caption').innerText()).trim() };
    // The panel follows live: the 1.2 status and the bookmark are set, an interaction is listed.
    await waitFor('lesson status in the panel', () => figure('lesson_status', 'live'), (t) => t === 'incomplete');
    expect(await page.locator('#interactions tbody tr').count()).toBeGreaterThanOrEqual(1);

    // Closing the tab: the course finishes on pagehide; the player sends that Finish by beacon.
    await page.goto('about:blank');
    const rec = await waitFor('the Finish on disk', () => record('learner-1', '1.2'), (r) => r?.finished === true);
    expect((rec!.cmi.suspend_data as string).length).toBeGreaterThan(0);
  }, 120_000);

  it('after a server restart, a relaunch resumes exactly where the learner was', async () => {
    await preview.close();
    preview = await startServer();
    await open(preview.url);
    expect(await figure('entry', 'live')).toBe('resume');
    const stored = (await record('learner-1', '1.2'))!;
    expect(await figure('suspend_data', 'live')).toMatch(new RegExp(`^${(stored.cmi.suspend_data as string).length} of 4,096 characters`));
    await frame.getByRole('button', { name: 'Continue where you left off' }).click();
    const quiz = quizOf(course.lessons[0]!.id)[0]!;
    await frame.locator('quiz-view #question').waitFor();
    expect((await currentQuestion(quiz)).id).toBe(midQuestion.id);
    expect((await frame.locator('quiz-view #question .caption').innerText()).trim()).toBe(midQuestion.caption);
  }, 60_000);

  it('completes the course; the panel shows the same figures as the record on disk', async () => {
    for (const [li, lesson] of course.lessons.entries()) {
      if (li > 0) {
        await h1(lesson.title).waitFor();
        await frame.getByRole('button', { name: /^Next/ }).last().click();
      }
      for (const [qi, quiz] of quizOf(lesson.id).entries()) {
        if (!(li === 0 && qi === 0)) {
          await h1(quiz.title).waitFor();
          await frame.getByRole('button', { name: 'Start the quiz' }).click();
        }
        for (let guard = 0; guard < 100 && !(await answerAndGoOn(quiz)); guard++);
        await h1('Your results').waitFor();
        await frame.getByRole('button', { name: 'Continue' }).click();
      }
    }
    await h1('Finish').waitFor();
    await frame.getByRole('button', { name: 'Save and exit' }).click();

    const rec = await waitFor('the final record', () => record('learner-1', '1.2'), (r) => r?.finished === true && (r.cmi.core as { lesson_status: string }).lesson_status === 'passed');
    await waitFor('the panel to show the Finish', () => figure('commits', 'saved'), (t) => t.startsWith(`${rec!.commits},`) && t.endsWith('(by Finish)'));
    const core = rec!.cmi.core as { lesson_status: string; lesson_location: string; total_time: string; score: { raw: string } };
    const suspend = rec!.cmi.suspend_data as string;
    for (const col of ['live', 'saved'] as const) {
      expect(await figure('lesson_status', col), col).toBe(core.lesson_status);
      expect(await figure('completion', col), col).toBe('completed');
      expect(await figure('success', col), col).toBe('passed');
      expect(await figure('score_raw', col), col).toBe(core.score.raw);
      expect(await figure('grade', col), col).toBe(`${core.score.raw} / 100`);
      expect(await figure('location', col), col).toBe(`${core.lesson_location || '(empty)'} (${core.lesson_location.length} of 255 characters)`);
      expect(await figure('suspend_data', col), col).toBe(`${suspend.length.toLocaleString('en-GB')} of 4,096 characters (${Math.round((suspend.length / 4096) * 100)}%)`);
    }
    expect(core.score.raw).toBe('100');
    expect(await figure('total_time', 'saved')).toMatch(new RegExp(`^${core.total_time.replace(/[.]/g, '\\.')} \\(`));
    // The interactions table is the manager's view of what is stored: same ids, responses and results.
    const stored = Object.values(rec!.cmi.interactions as Record<string, { id: string; result: string; student_response: string }>);
    expect(stored.length).toBeGreaterThan(course.quizzes.length);
    const shown = await page.locator('#interactions tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.trim())),
    );
    expect(shown.map((cells) => [cells[1], cells[3], cells[5]])).toEqual(stored.map((i) => [i.id, i.student_response, i.result]));
    expect(await page.locator('#objectives tbody tr').count()).toBe(Object.keys(rec!.cmi.objectives as object).length);
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('"Exit and relaunch" resumes the finished attempt from the server', async () => {
    await page.getByRole('button', { name: 'Exit and relaunch' }).click();
    await waitFor('the relaunch', logRows, (rows) => rows.some((r) => /^Launch \d+: learner-1, SCORM 1\.2, entry "resume" \(relaunched\)$/.test(r)));
    await frame.locator('course-app main h1').first().waitFor();
    expect(await figure('lesson_status', 'live')).toBe('passed');
    expect(await figure('score_raw', 'live')).toBe('100');
  }, 60_000);
});

describe('the panel itself', () => {
  it('has no axe violations (WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page, { exclude: ['#course-frame'] })).toEqual([]);
  }, 60_000);

  it('is usable by keyboard: skip link to the panel, and the version switch by arrow keys', async () => {
    await open(page.url());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the LMS panel');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-heading');
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'version-12'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('version-12');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#version-2004').isChecked()).toBe(true);
    await frame.locator('course-app main h1').first().waitFor();
    await waitFor('the 2004 launch', logRows, (rows) => rows.some((r) => /^Launch \d+: learner-1, SCORM 2004, entry "ab-initio" \(switched to SCORM 2004\)$/.test(r)));
    // Only the chosen version's API is offered.
    expect(await page.evaluate(() => [typeof window.API, typeof window.API_1484_11])).toEqual(['undefined', 'object']);
    await waitFor('Initialize in the log', logRows, (rows) => rows.some((r) => /\bInitialize "" "true" 0$/.test(r)));
    expect(new URL(page.url()).searchParams.get('version')).toBe('2004');
    // 2004 figures: separate statuses and the 64,000 limit.
    expect(await figure('suspend_data', 'live')).toMatch(/of 64,000 characters/);
    expect(await page.locator('#figures tr[data-figure="lesson_status"]').count()).toBe(0);
  }, 60_000);

  it('keeps a 2004 learner\'s data apart from their 1.2 data', async () => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await frame.getByRole('button', { name: 'Take a break' }).click();
    await h1('Take a break').waitFor();
    const rec = await waitFor('the 2004 record', () => record('learner-1', '2004'), (r) => r !== null);
    expect(rec!.version).toBe('2004');
    expect(rec!.cmi.completion_status).toBe('incomplete');
    expect(((await record('learner-1', '1.2'))!.cmi.core as { lesson_status: string }).lesson_status).toBe('passed');
  }, 60_000);

  it('reflows at 320 px: no sideways scrolling, the panel stacks under the course', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await settled(page);
      const layout = await page.evaluate(() => {
        const frameBox = document.getElementById('course-frame')!.getBoundingClientRect();
        const panelBox = document.querySelector('.panel')!.getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, frameBottom: frameBox.bottom, panelTop: panelBox.top, panelWidth: panelBox.width };
      });
      expect(layout.scroll).toBeLessThanOrEqual(layout.width);
      expect(layout.panelTop).toBeGreaterThanOrEqual(layout.frameBottom);
      expect(layout.panelWidth).toBeLessThanOrEqual(320);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});

describe('fault switches (SCORM 1.2, a new learner)', () => {
  it('"New learner" starts a fresh attempt', async () => {
    await page.locator('#version-12').check();
    await waitFor('the 1.2 launch', logRows, (rows) => rows.some((r) => /SCORM 1\.2, entry "resume" \(switched to SCORM 1\.2\)$/.test(r)));
    await page.getByRole('button', { name: 'New learner' }).click();
    await waitFor('learner-2', logRows, (rows) => rows.some((r) => /^Launch \d+: learner-2, SCORM 1\.2, entry "ab-initio" \(new learner\)$/.test(r)));
    await frame.locator('course-app main h1').first().waitFor();
    expect(await page.locator('#learner').inputValue()).toBe('learner-2');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await h1(course.lessons[0]!.title).waitFor();
  }, 60_000);

  it('"Commit fails": Commit returns "false" with error 101, nothing is saved, the course carries on', async () => {
    const before = await record('learner-2', '1.2');
    await page.getByLabel('Commit fails').check();
    await frame.getByRole('button', { name: 'Take a break' }).click();
    await h1('Take a break').waitFor();
    await waitFor('a failed commit in the log', logRows, (rows) => rows.some((r) => /^[\d.]+ s LMSCommit "" "false" 101 General Exception$/.test(r)));
    await waitFor('the announcement', () => page.locator('#status').innerText(), (t) => t.startsWith('Commit failed: error 101.'));
    expect((await record('learner-2', '1.2'))?.commits).toBe(before?.commits);
    // Back to normal: the course saves again and nothing was lost.
    await page.getByLabel('Commit fails').uncheck();
    await frame.getByRole('button', { name: 'Carry on where I was' }).click();
    await frame.getByRole('button', { name: 'Take a break' }).click();
    const rec = await waitFor('a saved commit', () => record('learner-2', '1.2'), (r) => (r?.commits ?? 0) > (before?.commits ?? 0), 20_000);
    expect((rec!.cmi.core as { lesson_location: string }).lesson_location).not.toBe('');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('"Interactions unsupported": interaction writes return "false" with 401, and the quiz goes on', async () => {
    await page.getByLabel('Interactions unsupported').check();
    await frame.getByRole('button', { name: 'Carry on where I was' }).click();
    const lesson = course.lessons[0]!;
    await h1(lesson.title).waitFor();
    await frame.getByRole('button', { name: /^Next/ }).last().click();
    const quiz = quizOf(lesson.id)[0]!;
    await frame.getByRole('button', { name: 'Start the quiz' }).click();
    await answerAndGoOn(quiz);
    await waitFor('a refused interaction', logRows, (rows) => rows.some((r) => /LMSSetValue "cmi\.interactions\.\d+\.\w+", .* "false" 401 Not implemented error$/.test(r)));
    await frame.locator('quiz-view #question').waitFor();
    expect(await page.locator('#interactions tbody tr').count()).toBe(0);
    await page.getByLabel('Interactions unsupported').uncheck();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('"Slow commits": a commit takes seconds, and then the course goes on', async () => {
    const before = (await record('learner-2', '1.2'))!.commits;
    await page.getByLabel('Slow commits').check();
    const t0 = Date.now();
    await frame.getByRole('button', { name: 'Take a break' }).click();
    await waitFor('the slow commit', () => record('learner-2', '1.2'), (r) => r!.commits > before, 20_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2900);
    await page.getByLabel('Slow commits').uncheck();
    await frame.getByRole('button', { name: 'Carry on where I was' }).click();
    await frame.locator('quiz-view').waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('"No API": nothing is offered, the course runs on its own; unticked, the API is back', async () => {
    await page.getByLabel('No API').check();
    await waitFor('the launch without API', logRows, (rows) => /^Launch \d+: learner-2, SCORM 1\.2, no API offered \(no API\)$/.test(rows.at(-1) ?? ''));
    await frame.locator('course-app main h1').first().waitFor();
    expect(await page.evaluate(() => [typeof window.API, typeof window.API_1484_11])).toEqual(['undefined', 'undefined']);
    expect(await figure('lesson_status', 'live')).toBe('—');
    await page.getByLabel('No API').uncheck();
    await waitFor('the API back', logRows, (rows) => rows.some((r) => /learner-2, SCORM 1\.2, entry "resume" \(API back\)$/.test(r)));
    await frame.locator('course-app main h1').first().waitFor();
    expect(await page.evaluate(() => typeof window.API)).toBe('object');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('"Review mode": relaunches as Moodle re-enters a finished attempt; the course says so and saves nothing', async () => {
    await page.getByLabel('Review mode').check();
    await waitFor('the review launch', logRows, (rows) => rows.some((r) => /^Launch \d+: learner-2, SCORM 1\.2, entry "" \(review mode\)$/.test(r)));
    await frame.getByText('You are looking back over this course; nothing you do now changes your record.').waitFor();
    // What the LMS holds once the normal session before it has finished (its close saves too).
    const before = await record('learner-2', '1.2');
    await frame.getByRole('button', { name: 'Take a break' }).click();
    await frame.getByText('Your record is as it was before this visit. Take as long as you need.').waitFor();
    expect((await record('learner-2', '1.2'))?.commits).toBe(before?.commits);
    const rows = await logRows();
    const lastLaunch = rows.map((r, i) => (/^Launch \d+:/.test(r) ? i : -1)).reduce((m, i) => Math.max(m, i), -1);
    const since = rows.slice(lastLaunch);
    expect(since.filter((r) => /LMSSetValue|LMSCommit/.test(r))).toEqual([]);
    await page.getByLabel('Review mode').uncheck();
    await waitFor('normal again', logRows, (rows) => rows.some((r) => /learner-2, SCORM 1\.2, entry "resume" \(normal mode\)$/.test(r)));
    // The review visit's LMSFinish set nothing: the record is as it was.
    const after = await record('learner-2', '1.2');
    const core = (r: typeof after) => r?.cmi.core as { lesson_status?: string; lesson_location?: string } | undefined;
    expect([core(after)?.lesson_status, core(after)?.lesson_location, after?.cmi.suspend_data]).toEqual([
      core(before)?.lesson_status,
      core(before)?.lesson_location,
      before?.cmi.suspend_data,
    ]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('switching learners', () => {
  it('"Launch as this learner" opens another learner\'s saved attempt; choosing alone does not relaunch', async () => {
    const launches = await page.evaluate(() => window.preview!.launch);
    await page.locator('#learner').selectOption('learner-1');
    // The select's input and change events have fired by now; a relaunch they started would show
    // after the next frame and task (and the summary below, "launch + 1", would read one more).
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect(await page.evaluate(() => window.preview!.launch)).toBe(launches);
    await page.getByRole('button', { name: 'Launch as this learner' }).click();
    await waitFor('learner-1 again', logRows, (rows) => rows.some((r) => /^Launch \d+: learner-1, SCORM 1\.2, entry "resume" \(switched learner\)$/.test(r)));
    await frame.locator('course-app main h1').first().waitFor();
    expect(await figure('lesson_status', 'saved')).toBe('passed');
    expect(await page.locator('#launch-summary').innerText()).toBe(`Now: learner-1, SCORM 1.2 (launch ${launches + 1}).`);
  }, 60_000);
});

describe('build messages and saved-data errors on the page', () => {
  it('relaunches the course after a rebuild, and shows a failed build with file and line', async () => {
    const launchesBefore = await page.evaluate(() => window.preview!.launch);
    preview.server.broadcast('build', { ...preview.status(), id: 50, servedId: 50, time: new Date().toISOString() });
    await waitFor('the relaunch after the rebuild', logRows, (rows) => rows.some((r) => new RegExp(`^Launch ${launchesBefore + 1}: .*\\(rebuilt\\)$`).test(r)));
    await page.evaluate(() => window.preview!.launched);
    await waitFor('the announcement', () => page.locator('#status').innerText(), (t) => t.endsWith('(rebuilt).'));
    const problems = [{ file: 'quizzes/factors.yaml', line: 12, reason: 'The answer "z" is not one of the options.' }];
    preview.server.broadcast('build', { ...preview.status(), id: 51, ok: false, servedId: 50, problems, time: new Date().toISOString() });
    await page.locator('#build-problems').waitFor();
    expect(await page.locator('#problems-list').innerText()).toBe('quizzes/factors.yaml:12: The answer "z" is not one of the options.');
    expect(await page.locator('#problems-note').innerText()).toMatch(/last good build/);
    await waitFor('the announcement', () => page.locator('#status').innerText(), (t) => t.startsWith('The course did not build: 1 problem'));
    expect(await page.evaluate(() => window.preview!.launch)).toBe(launchesBefore + 1);
    preview.server.broadcast('build', { ...preview.status(), id: 52, servedId: 50, time: new Date().toISOString() });
    await page.locator('#build-problems').waitFor({ state: 'hidden' });
  }, 60_000);

  it('a corrupt record stops the launch with the file named, and is left as it was', async () => {
    const file = path.join(dataDir, 'learner-9', 'scorm12.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"format":"scorm-preview-record/1","cmi":');
    await page.goto(`${preview.url}?learner=learner-9`);
    await page.locator('#launch-error').waitFor();
    expect(await page.locator('#launch-error-text').innerText()).toContain(file);
    expect(await page.evaluate(() => typeof window.API)).toBe('undefined');
    expect(await readFile(file, 'utf8')).toBe('{"format":"scorm-preview-record/1","cmi":');
    await page.getByRole('button', { name: 'Reset attempt' }).click();
    await frame.locator('course-app main h1').first().waitFor();
    expect(await page.locator('#launch-error').isHidden()).toBe(true);
    expect(await figure('entry', 'live')).toBe('ab-initio');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
