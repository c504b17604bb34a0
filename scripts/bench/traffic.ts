/**
 * LMS traffic in one scripted full completion: the real course in Chromium inside the bench LMS
 * page, driven like a learner through Playwright locators (getByRole / getByLabel pierce shadow
 * DOM): start, read each lesson by scrolling to its end, answer every quiz question correctly,
 * finish with "Save and exit". The parent page's wrapped API counts every call.
 *
 * Definitions (docs/benchmark.md):
 * - commits = Commit calls + Terminate calls (Terminate commits too, and scorm-again sends the data then);
 * - allowed commits = answers submitted + lessons finished + quizzes submitted + exits (each
 *   submitted answer is committed, so a lost close loses none; the last answer and its quiz's
 *   finish share one commit, so the figure stays below the budget);
 * - values set = sum of the lengths (characters) of all values passed to SetValue;
 * - CMI JSON at commits = sum of the UTF-8 sizes of the CMI JSON scorm-again would post at each commit.
 */
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import type { ScormVersion } from './build.ts';
import { measured, notMeasured, type Measured } from './measured.ts';
import type { BenchServer } from './server.ts';
import { openCourse, PROFILES, waitReady } from './timing.ts';

export interface LogEntry {
  kind: 'init' | 'finish' | 'get' | 'set' | 'commit' | 'err' | 'errStr' | 'diag';
  name: string;
  t: number;
  result: string;
  error?: string;
  element?: string;
  valueChars?: number;
  valueBytes?: number;
  value?: string;
  cmiBytes?: number;
}

export interface Traffic {
  setValues: number;
  getValues: number;
  commitCalls: number;
  terminateCalls: number;
  commits: number;
  answersSubmitted: number;
  lessonsFinished: number;
  quizzesSubmitted: number;
  exits: number;
  allowedCommits: number;
  /** Each commit and the learner step it followed. */
  commitLog: { name: string; after: string; cmiBytes: number }[];
  valueChars: number;
  valueBytes: number;
  cmiBytesAtCommits: number;
  maxSuspendChars: number;
  /** SetValue calls that returned "false" (element: error code). */
  setValueErrors: string[];
  finalStatus: string;
  /** Elements set, with how often. */
  elements: Record<string, number>;
}

const STEP_TIMEOUT = 15_000;

interface Step {
  name: string;
  at: number;
}

export async function scriptedCompletion(
  browser: Browser,
  server: BenchServer,
  version: ScormVersion,
  course: Course,
  _log: (s: string) => void,
): Promise<Measured<Traffic>> {
  if (course.quizzes.length === 0) return notMeasured('the course has no quizzes yet, so no full completion can be scripted');
  const { context, page, frame, problems } = await openCourse(browser, server, version, PROFILES[0]);
  const steps: Step[] = [{ name: 'launch', at: Date.now() }];
  const step = (name: string, replaceLast = false) => {
    if (replaceLast) steps[steps.length - 1].name = name;
    else steps.push({ name, at: Date.now() });
  };
  let lessonsFinished = 0;
  let quizzesSubmitted = 0;
  let answersSubmitted = 0;
  try {
    await waitReady(frame, problems);
    const driver = new Driver(page, frame, step);
    await driver.start();
    for (const lesson of course.lessons) {
      await driver.readLesson(lesson.title);
      lessonsFinished++;
      for (const quiz of course.quizzes.filter((q) => q.lessonId === lesson.id)) {
        await driver.next();
        answersSubmitted += await driver.takeQuiz(quiz);
        quizzesSubmitted++;
      }
      await driver.next();
    }
    await driver.exit();
    const entries = await waitForFinish(page);
    return measured(summarise(entries, steps, version, { answersSubmitted, lessonsFinished, quizzesSubmitted, exits: 1 }, await finalStatus(page, version)));
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const last = steps.at(-1)!.name;
    return notMeasured(`the scripted completion stopped after "${last}": ${msg}${problems.length ? ` (${problems.slice(0, 2).join('; ')})` : ''}`);
  } finally {
    await context.close();
  }
}

/** Learner actions on the real course, through accessible names. */
class Driver {
  constructor(
    private page: Page,
    private frame: Frame,
    /** Records what the learner is about to do, so each commit can be put beside its cause. */
    private step: (name: string, replaceLast?: boolean) => void,
  ) {}

  private button(name: string | RegExp): Locator {
    return this.frame.getByRole('button', { name });
  }

  /** Wait for the main view of a kind (the course app shows one view at a time). */
  private async view(tag: string): Promise<Locator> {
    const view = this.frame.locator(`course-app main > ${tag}`);
    await view.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    return view;
  }

  async start(): Promise<void> {
    await this.view('start-page');
    this.step('Start the course');
    await this.button(/^Start the course/).click({ timeout: STEP_TIMEOUT });
  }

  /** Scroll like a reader (mouse wheel over the course frame) until the end of the lesson has been seen. */
  async readLesson(title: string): Promise<void> {
    const view = await this.view('lesson-view');
    await view.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: STEP_TIMEOUT });
    this.step(`reading "${title}" to its end`);
    const box = await this.page.locator('#sco').boundingBox();
    if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 400; i++) {
      await this.page.mouse.wheel(0, 500);
      await this.page.waitForTimeout(30);
      const atEnd = await this.frame.evaluate(() => {
        const el = document.scrollingElement ?? document.documentElement;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      if (atEnd) break;
    }
    // The store marks a lesson read when its end is seen; give the observer a moment.
    await this.page.waitForTimeout(300);
  }

  /** The forward button at the end of a view. */
  async next(): Promise<void> {
    const forward = this.frame.locator('course-app main').getByRole('button', { name: /^(Next|Continue)\b/ });
    this.step(`"${norm((await forward.first().textContent({ timeout: STEP_TIMEOUT })) ?? '')}"`);
    await forward.first().click({ timeout: STEP_TIMEOUT });
  }

  /** Take the quiz; returns how many answers were submitted. */
  async takeQuiz(quiz: Quiz): Promise<number> {
    let submitted = 0;
    const view = await this.view('quiz-view');
    this.step(`Start the quiz "${quiz.title}"`);
    await view.getByRole('button', { name: 'Start the quiz' }).click({ timeout: STEP_TIMEOUT });
    for (let guard = 0; guard < quiz.questions.length * 3 + 5; guard++) {
      const submit = view.getByRole('button', { name: 'Submit answer' });
      const nextQ = view.getByRole('button', { name: /^(Next question|See your results)$/ });
      const results = view.locator('quiz-results');
      await submit.or(nextQ).or(results).first().waitFor({ timeout: STEP_TIMEOUT });
      if (await results.isVisible()) return submitted;
      if (await nextQ.isVisible()) {
        this.step(`"${norm((await nextQ.textContent()) ?? '')}" (${quiz.id})`);
        await nextQ.click();
        continue;
      }
      const el = view.locator('#question');
      const qid = await el.evaluate((e) => (e as unknown as { question: { id: string } }).question.id);
      const question = quiz.questions.find((q) => q.id === qid);
      if (!question) throw new Error(`quiz ${quiz.id} shows a question "${qid}" it does not have`);
      this.step(`answering ${quiz.id}/${question.id}`);
      await answer(el, question);
      this.step(`Submit answer ${quiz.id}/${question.id}`);
      await submit.click();
      submitted++;
      await nextQ.waitFor({ timeout: STEP_TIMEOUT });
      if (norm((await nextQ.textContent()) ?? '') === 'See your results') this.step(`quiz ${quiz.id} submitted (last answer)`, true);
    }
    throw new Error(`quiz ${quiz.id} never reached its results`);
  }

  async exit(): Promise<void> {
    await this.view('end-page');
    this.step('Save and exit');
    await this.button('Save and exit').click({ timeout: STEP_TIMEOUT });
  }
}

/** Answer a question correctly, the way a learner would: labels, radios, checkboxes, selects, move buttons. */
async function answer(el: Locator, q: Question): Promise<void> {
  const exact = { exact: true };
  switch (q.type) {
    case 'single':
      await el.getByLabel(q.options.find((o) => o.id === q.correct)!.text, exact).check();
      return;
    case 'multiple':
      for (const o of q.options) if (q.correct.includes(o.id)) await el.getByLabel(o.text, exact).check();
      return;
    case 'truefalse':
      await el.getByLabel(q.correct ? 'True' : 'False', exact).check();
      return;
    case 'matching':
      for (const item of q.items) {
        const target = q.targets.find((t) => t.id === q.correct[item.id])!;
        await el.getByLabel(item.text, exact).selectOption({ label: target.text });
      }
      return;
    case 'ordering':
      // Selection sort with the "Move up" buttons: bring each option up to its place.
      for (let pos = 0; pos < q.correct.length; pos++) {
        const text = q.options.find((o) => o.id === q.correct[pos])!.text;
        for (let guard = 0; guard < q.options.length; guard++) {
          const order = (await el.locator('.order-text').allTextContents()).map(norm);
          const at = order.indexOf(norm(text));
          if (at < 0) throw new Error(`ordering question ${q.id}: option "${text}" not shown`);
          if (at <= pos) break;
          await el.getByRole('button', { name: `Move up “${text}”` }).click();
        }
      }
      return;
  }
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function waitForFinish(page: Page): Promise<LogEntry[]> {
  await page.waitForFunction(
    () => (window as unknown as { __bench: { log: { kind: string }[] } }).__bench.log.some((e) => e.kind === 'finish'),
    null,
    { timeout: STEP_TIMEOUT },
  );
  return page.evaluate(() => (window as unknown as { __bench: { log: LogEntry[] } }).__bench.log);
}

async function finalStatus(page: Page, version: ScormVersion): Promise<string> {
  const els =
    version === '1.2'
      ? ['cmi.core.lesson_status', 'cmi.core.score.raw']
      : ['cmi.completion_status', 'cmi.success_status', 'cmi.score.raw', 'cmi.score.scaled'];
  const values = await page.evaluate(
    (names) => names.map((n) => (window as unknown as { __bench: { value(e: string): unknown } }).__bench.value(n)),
    els,
  );
  return els.map((e, i) => `${e.replace(/^cmi\.(core\.)?/, '')}=${values[i] === undefined || values[i] === '' ? '(empty)' : String(values[i])}`).join(', ');
}

function summarise(
  entries: LogEntry[],
  steps: Step[],
  version: ScormVersion,
  done: { answersSubmitted: number; lessonsFinished: number; quizzesSubmitted: number; exits: number },
  status: string,
): Traffic {
  const sets = entries.filter((e) => e.kind === 'set');
  const commits = entries.filter((e) => e.kind === 'commit' || e.kind === 'finish');
  const suspend = sets.filter((e) => /suspend_data$/.test(e.element ?? ''));
  const elements: Record<string, number> = {};
  for (const s of sets) elements[s.element!] = (elements[s.element!] ?? 0) + 1;
  const stepBefore = (t: number) => [...steps].reverse().find((s) => s.at <= t)?.name ?? 'launch';
  void version;
  return {
    setValues: sets.length,
    getValues: entries.filter((e) => e.kind === 'get').length,
    commitCalls: entries.filter((e) => e.kind === 'commit').length,
    terminateCalls: entries.filter((e) => e.kind === 'finish').length,
    commits: commits.length,
    ...done,
    allowedCommits: done.answersSubmitted + done.lessonsFinished + done.quizzesSubmitted + done.exits,
    commitLog: commits.map((c) => ({ name: c.name, after: stepBefore(c.t), cmiBytes: c.cmiBytes ?? -1 })),
    valueChars: sets.reduce((s, e) => s + (e.valueChars ?? 0), 0),
    valueBytes: sets.reduce((s, e) => s + (e.valueBytes ?? 0), 0),
    cmiBytesAtCommits: commits.reduce((s, e) => s + Math.max(0, e.cmiBytes ?? 0), 0),
    maxSuspendChars: suspend.reduce((m, e) => Math.max(m, e.valueChars ?? 0), 0),
    setValueErrors: sets.filter((e) => e.result !== 'true').map((e) => `${e.element}: error ${e.error}`),
    finalStatus: status,
    elements,
  };
}
