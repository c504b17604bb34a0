/**
 * Shared by the security tests: walk the whole built course like a learner (start page, every
 * lesson and quiz in order, the results, the break page, the end page), and inspect the DOM of a
 * view across shadow roots for anything that could run or load from elsewhere.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Course } from '../../src/course/types.ts';
import { answerAndSubmit } from '../helpers/answer.ts';

/** Every file of a built package, as the URL paths the static server would log. */
export async function packageFiles(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else out.add(`/${path.relative(dir, abs).split(path.sep).join('/')}`);
    }
  };
  await walk(dir);
  return out;
}

export interface DomFinding {
  where: string;
  what: string;
}

/**
 * Elements and attributes in the rendered course (document body and every open shadow root) that
 * can run script, load something, or restyle the page. Runs in the course's window.
 */
export function inspectDom(root: { locator(s: string): { evaluate<R>(fn: (el: Element) => R): Promise<R> } }): Promise<DomFinding[]> {
  return root.locator('body').evaluate((body) => {
    const findings: { where: string; what: string }[] = [];
    const forbidden = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'style', 'svg', 'math', 'template', 'portal']);
    const badUrl = (v: string) => /^(javascript|data|vbscript):/i.test(v.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
    const hostPath = (el: Element): string => {
      const r = el.getRootNode();
      return r instanceof ShadowRoot ? `${hostPath(r.host)} > ${r.host.localName}` : 'document';
    };
    const visit = (scope: ParentNode) => {
      for (const el of Array.from(scope.querySelectorAll('*'))) {
        const where = `${hostPath(el)}: <${el.localName}>`;
        // The course's own fallback for browsers without JavaScript (index.html) is inert here.
        if (forbidden.has(el.localName)) findings.push({ where, what: `a <${el.localName}> element` });
        for (const a of Array.from(el.attributes)) {
          const n = a.name.toLowerCase();
          if (n.startsWith('on')) findings.push({ where, what: `the attribute ${a.name}="${a.value}"` });
          if (n === 'style' || n === 'srcdoc' || n === 'formaction' || n === 'srcset') findings.push({ where, what: `the attribute ${a.name}` });
          if ((n === 'href' || n === 'src' || n === 'action' || n === 'xlink:href') && badUrl(a.value)) findings.push({ where, what: `${a.name}="${a.value}"` });
          if (n === 'src' && /^(https?:)?\/\//i.test(a.value.trim())) findings.push({ where, what: `an image from elsewhere: ${a.value}` });
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(body);
    return findings;
  });
}

/** Fire the events an inline handler could listen to, on every element of the view (no clicks: links would navigate). */
export function provokeHandlers(root: { locator(s: string): { evaluate<R>(fn: (el: Element) => R): Promise<R> } }): Promise<void> {
  return root.locator('body').evaluate((body) => {
    const all: Element[] = [];
    const collect = (scope: ParentNode) => {
      for (const el of Array.from(scope.querySelectorAll('*'))) {
        all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(body);
    for (const el of all) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error', 'animationstart']) el.dispatchEvent(new Event(type));
    }
  });
}

export interface WalkOptions {
  /** Called on every view once it shows (its name for messages). */
  onView(name: string): Promise<void>;
}

/**
 * Go through the whole course as a learner does: "Start the course", then each lesson (read to the
 * end, then "Next") and each quiz (every question, the results, "Continue") to the end page; then
 * "Take a break" and "Carry on where I was".
 */
export async function walkCourse(course: FrameLocator | Page, data: Course, opts: WalkOptions): Promise<string[]> {
  const seen: string[] = [];
  const view = async (name: string) => {
    seen.push(name);
    await opts.onView(name);
  };
  await course.locator('start-page h1').waitFor();
  await view('start page');
  await course.getByRole('button', { name: /^Start the course/ }).click();
  for (let step = 0; step < 50; step++) {
    const lesson = course.locator('lesson-view');
    const quizView = course.locator('quiz-view');
    const end = course.locator('end-page');
    await lesson.or(quizView).or(end).first().waitFor();
    if (await end.count()) {
      await view('end page');
      break;
    }
    if (await lesson.count()) {
      const title = ((await lesson.locator('h1').first().textContent()) ?? '').trim();
      await view(`lesson "${title}"`);
      // Reading to the end marks the lesson read.
      await lesson.locator('.end-sentinel').scrollIntoViewIfNeeded();
      await lesson.getByRole('button', { name: /^Next/ }).click();
      await lesson.waitFor({ state: 'detached' }).catch(() => {});
      continue;
    }
    const quizId = await quizView.evaluate((el) => (el as unknown as { quiz: { id: string } }).quiz.id);
    const quiz = data.quizzes.find((q) => q.id === quizId)!;
    await view(`quiz "${quiz.title}" intro`);
    await quizView.getByRole('button', { name: 'Start the quiz' }).click();
    for (let n = 0; ; n++) {
      await quizView.locator('#question').waitFor();
      await view(`quiz "${quiz.title}" question ${n + 1}`);
      // Wrong and right answers, so that every kind of feedback shows.
      await answerAndSubmit(course, quiz, n % 2 === 0);
      await view(`quiz "${quiz.title}" feedback ${n + 1}`);
      const results = quizView.getByRole('button', { name: 'See your results' });
      if (await results.count()) {
        await results.click();
        break;
      }
      await quizView.getByRole('button', { name: 'Next question' }).click();
    }
    await quizView.locator('quiz-results').waitFor();
    await view(`quiz "${quiz.title}" results`);
    await quizView.getByRole('button', { name: 'Continue' }).click();
    await quizView.waitFor({ state: 'detached' }).catch(() => {});
  }
  await course.getByRole('button', { name: 'Take a break' }).click();
  await course.locator('break-page h1').waitFor();
  await view('break page');
  await course.getByRole('button', { name: 'Carry on where I was' }).click();
  await course.locator('break-page').waitFor({ state: 'detached' });
  return seen;
}
