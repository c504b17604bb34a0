/**
 * The learner's guidance, in the built course (issue 13):
 * - the support box never shows configuration instructions: with `support` unset, a humane generic
 *   text on the start, break and end pages;
 * - learning outcomes on the start page and at the top of each lesson;
 * - "In brief": 3-6 points per lesson, each linking to the passage it summarises;
 * - glossary terms: a disclosure in the sentence, by keyboard, its definition in the same shadow
 *   root; the glossary page, reachable from the course, and back;
 * - the printable record on the end page (print stylesheet);
 * - the Figure 2 table on a phone (360x740): each row a readable block, the caption whole.
 * axe (WCAG 2.x A/AA) finds nothing on each of these states.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startPreview } from '../../src/preview/preview.ts';
import { testDist } from '../helpers/test-dist.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { axeViolations, deepFocus, horizontalScroll, mainHeading, openCourse, waitForHeading } from '../helpers/a11y.ts';
import { answerQuestion, questionOnScreen } from '../helpers/answer.ts';
import type { Course } from '../../src/course/types.ts';

const env = useBrowserAndServer();
const ROOT = path.resolve(import.meta.dirname, '../..');

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const plain = (html: string) => norm(html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&[a-z]+;/g, ' '));

async function goToLesson(page: Page, course: Course, index: number): Promise<void> {
  const lesson = course.lessons[index];
  await page.evaluate((hash) => (location.hash = hash), `#lesson/${lesson.id}`);
  await waitForHeading(page, lesson.title);
  await page.locator('lesson-view .lesson-body').waitFor();
}

describe('support box', () => {
  it('with support unset, start, break and end pages show a humane generic text, never configuration instructions', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url);
    expect(course.settings.support.configured).toBe(false);
    const check = async (host: string) => {
      const box = page.locator(`${host} section.support`);
      await box.waitFor();
      const text = norm(await box.innerText());
      expect(text, host).toContain('If this brings something up for you');
      expect(text, host).toMatch(/stop at any time/i);
      expect(text, host).toMatch(/take a break/i);
      expect(text, host).toMatch(/someone you trust/i);
      expect(text, host).toMatch(/line manager/i);
      // No configuration words, no file names, no invented numbers or links.
      expect(text, host).not.toMatch(/course\.yaml|your organisation can add|support`|here \(/i);
      expect(text, host).not.toMatch(/\d{3}/);
      expect(await box.locator('a').count(), host).toBe(0);
    };
    await check('start-page');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('course-header button', { hasText: 'Take a break' }).click();
    await waitForHeading(page, 'Take a break');
    await check('break-page');
    await page.locator('break-page button', { hasText: 'Carry on where I was' }).click();
    await page.evaluate(() => (location.hash = '#end'));
    await waitForHeading(page, 'Finish');
    await check('end-page');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the preview warns when the package ships without support details', () => {
  it('shows the banner for this course (support unset) and not for a copy that sets support', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'guidance-preview-'));
    const withSupport = path.join(tmp, 'content');
    await cp(path.join(ROOT, 'modules'), path.join(withSupport, 'modules'), { recursive: true });
    await writeFile(path.join(withSupport, 'course.yaml'), 'support:\n  heading: Someone to talk to\n  text: Call the staff care line.\n');
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      for (const [contentDir, shown] of [[ROOT, true], [withSupport, false]] as const) {
        // build: false serves this run's test build; the banner comes from the content's settings.
        const preview = await startPreview({ contentDir, distDir: testDist(), dataDir: path.join(tmp, `data-${shown}`), port: 0, build: false });
        try {
          const page = await context.newPage();
          await page.goto(preview.url);
          await page.frameLocator('#course-frame').locator('course-app main h1').first().waitFor({ timeout: 30_000 });
          // The build status has arrived (the banner is decided from it), so "hidden" is an answer, not a wait.
          await expect.poll(() => page.locator('#build-line').innerText()).not.toBe('Starting…');
          const banner = page.locator('#support-warning');
          await expect.poll(() => banner.isVisible()).toBe(shown);
          if (shown) {
            expect(norm(await banner.innerText())).toMatch(/^Warning: this package ships without support details\./);
            expect(await axeViolations(page, { exclude: ['#course-frame'] })).toEqual([]);
          }
          await page.close();
        } finally {
          await preview.close();
        }
      }
    } finally {
      await context.close();
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('learning outcomes and "In brief"', () => {
  it('the start page lists each lesson with its learning outcomes', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    const covers = norm(await page.locator('start-page ol.parts').innerText());
    for (const lesson of course.lessons) {
      expect(lesson.outcomes?.length, lesson.id).toBeGreaterThan(0);
      for (const o of lesson.outcomes!) expect(covers).toContain(plain(o));
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('each lesson opens with its outcomes and 3-6 key points, each linking to the passage it comes from', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url);
    for (let i = 0; i < course.lessons.length; i++) {
      const lesson = course.lessons[i];
      await goToLesson(page, course, i);
      const outcomes = page.getByRole('region', { name: 'What you will learn' });
      expect(norm(await outcomes.innerText())).toContain(plain(lesson.outcomes![0]));
      // Outcomes and brief come before the review's text.
      const order = await page.locator('lesson-view').evaluate((host) => {
        const root = host.shadowRoot!;
        const pos = (sel: string) => Array.from(root.querySelectorAll('*')).indexOf(root.querySelector(sel)!);
        return { outcomes: pos('section.outcomes'), brief: pos('section.brief'), body: pos('.lesson-body') };
      });
      expect(order.outcomes).toBeGreaterThan(0);
      expect(order.brief).toBeGreaterThan(order.outcomes);
      expect(order.body).toBeGreaterThan(order.brief);

      const brief = page.getByRole('region', { name: 'In brief' });
      const points = brief.locator('li');
      const n = await points.count();
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      expect(n).toBe(lesson.brief!.length);
      if (i === 0) expect(await axeViolations(page)).toEqual([]);
      for (let k = 0; k < n; k++) {
        const source = lesson.brief![k].source;
        expect(norm(await points.nth(k).innerText())).toContain(plain(lesson.brief![k].html));
        await points.nth(k).locator('a.brief-source').click();
        // The passage is focused and highlighted; the lesson did not navigate away.
        await expect.poll(async () => (await deepFocus(page)).id).toBe(source);
        expect(await page.locator(`lesson-view [id="${source}"]`).evaluate((el) => el.classList.contains('passage-highlight'))).toBe(true);
        expect(await mainHeading(page)).toBe(lesson.title);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('glossary', () => {
  it('every glossary term is marked in a lesson, on first use, as a collapsed disclosure named by its words', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    const seeded = ['Stages of Change', 'Role Exit', 'Matthew Effect', 'socio-ecological', 'empowerment', 'micro-credit', 'ambiguous factor'];
    expect(course.glossary!.map((g) => g.term).sort()).toEqual([...seeded].sort());
    const found = new Set<string>();
    for (let i = 0; i < course.lessons.length; i++) {
      await goToLesson(page, course, i);
      const terms = await page.locator('lesson-view glossary-term').evaluateAll((els) =>
        els.map((el) => {
          const b = el.shadowRoot!.querySelector('button.term')!;
          const r = b.getBoundingClientRect();
          return { w: r.width, h: r.height, term: el.getAttribute('term')!, expanded: b.getAttribute('aria-expanded'), controls: b.getAttribute('aria-controls'), owner: !!el.shadowRoot!.getElementById(b.getAttribute('aria-controls')!) };
        }),
      );
      // At most once per lesson: the first use.
      expect(new Set(terms.map((t) => t.term)).size).toBe(terms.length);
      for (const t of terms) {
        found.add(t.term);
        expect(t.expanded).toBe('false');
        // A 24px target even inside a sentence (WCAG 2.5.8).
        expect(t.h, t.term).toBeGreaterThanOrEqual(24);
        expect(t.w, t.term).toBeGreaterThanOrEqual(24);
        // The controlled definition is in the same shadow root as its button.
        expect(t.owner).toBe(true);
      }
    }
    expect([...found].sort()).toEqual(course.glossary!.map((g) => g.id).sort());
    // Role and name as a listener hears them.
    await goToLesson(page, course, 0);
    expect(await page.getByRole('button', { name: 'Stage of Change, glossary' }).count()).toBe(1);
    await context.close();
  });

  it('by keyboard: Enter shows the definition after the words, Escape hides it and keeps focus on the term', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url);
    await goToLesson(page, course, 0);
    const entry = course.glossary!.find((g) => g.id === 'stages_of_change')!;
    const host = page.locator('lesson-view glossary-term[term="stages_of_change"]');
    const button = host.locator('button.term');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => button.getAttribute('aria-expanded')).toBe('true');
    const definition = host.locator('.definition');
    expect(await definition.isVisible()).toBe(true);
    expect(norm(await definition.innerText())).toContain(entry.definitionText);
    expect(await axeViolations(page)).toEqual([]);
    // Tab reaches the glossary link inside the definition: it is next in reading order.
    await page.keyboard.press('Tab');
    expect((await deepFocus(page)).text).toBe('All terms in the glossary');
    await page.keyboard.press('Escape');
    await expect.poll(async () => button.getAttribute('aria-expanded')).toBe('false');
    expect(await definition.isVisible()).toBe(false);
    const f = await deepFocus(page);
    expect(f.className).toContain('term');
    expect(f.text).toBe('Stage of Change');
    // Space toggles too (a native button).
    await page.keyboard.press('Space');
    await expect.poll(async () => button.getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the glossary page lists every term with its definition; it opens at the term, links to its passage, and "Back" returns', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url);
    // Reachable from the start page.
    await page.locator('start-page button', { hasText: 'glossary' }).click();
    await waitForHeading(page, 'Glossary');
    expect(await page.title()).toBe(`Glossary – ${course.title}`);
    expect(page.url()).toMatch(/#glossary$/);
    const text = norm(await page.locator('glossary-page dl').innerText());
    for (const g of course.glossary!) {
      expect(text).toContain(g.term);
      expect(text).toContain(g.definitionText);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('glossary-page button', { hasText: 'Back to Start' }).click();
    await waitForHeading(page, course.title);

    // From a term in a lesson: the page opens with that term focused.
    await goToLesson(page, course, 1);
    const host = page.locator('lesson-view glossary-term[term="empowerment"]');
    await host.locator('button.term').click();
    await host.locator('button.glossary-link').click();
    await waitForHeading(page, 'Glossary');
    await expect.poll(async () => (await deepFocus(page)).id).toBe('term-empowerment');
    // The browser's Back returns to the lesson.
    await page.goBack();
    await waitForHeading(page, course.lessons[1].title);

    // A term's source link opens its passage in its lesson, highlighted.
    await page.evaluate(() => (location.hash = '#glossary'));
    await waitForHeading(page, 'Glossary');
    const entry = course.glossary!.find((g) => g.id === 'socio_ecological')!;
    await page.locator('glossary-page a', { hasText: 'Where the review says this about socio-ecological' }).click();
    await waitForHeading(page, course.lessons.find((l) => l.id === entry.source.lessonId)!.title);
    await expect.poll(async () => (await deepFocus(page)).id).toBe(entry.source.passage);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Finish every quiz answering every question right. */
async function finishQuizzes(page: Page, course: Course): Promise<void> {
  for (const quiz of course.quizzes) {
    await page.evaluate((hash) => (location.hash = hash), `#quiz/${quiz.id}`);
    await waitForHeading(page, quiz.title);
    await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
    for (;;) {
      await page.locator('quiz-view #question').waitFor();
      await answerQuestion(page, await questionOnScreen(page, quiz), true);
      await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
      await page.locator('quiz-view question-feedback').waitFor();
      const last = await page.locator('quiz-view button', { hasText: 'See your results' }).count();
      await page.locator('quiz-view button', { hasText: last ? 'See your results' : 'Next question' }).click();
      if (last) break;
    }
    await waitForHeading(page, 'Your results');
  }
}

describe('printable record', () => {
  it('the end page prints only the record: course, date, lessons read, quiz scores, passed, and the credit', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url);
    await goToLesson(page, course, 0);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('lesson-view .read-state').waitFor();
    await finishQuizzes(page, course);
    await page.evaluate(() => (location.hash = '#end'));
    await waitForHeading(page, 'Finish');
    expect(await axeViolations(page)).toEqual([]);

    // "Print your record" opens the browser's print dialog (stubbed here).
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => void (window as unknown as { __printed: number }).__printed++;
    });
    await page.locator('end-page button', { hasText: 'Print your record' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const printed = norm(await page.locator('end-page').evaluate((el) => (el.shadowRoot!.querySelector('.view') as HTMLElement).innerText));
    expect(printed).toContain('Record of learning');
    expect(printed).toContain(`Course: ${course.title}`);
    const today = await page.evaluate(() => new Date().toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' }));
    expect(printed).toContain(`Date: ${today}`);
    expect(printed).toContain('Result: passed (overall score 100%, pass mark 80%)');
    expect(printed).toContain(`Lessons read 1 of ${course.lessons.length}`);
    expect(printed).toContain(`${course.lessons[0].title}: read`);
    expect(printed).toContain(`${course.lessons[1].title}: not read yet`);
    for (const q of course.quizzes) expect(printed).toContain(`${q.title}: score 100%, passed`);
    expect(printed).toContain(`This course is based on the review by ${course.credit.author} (${course.credit.year}). ${course.credit.title}`);
    // Everything else stays on screen only: buttons, what is recorded, leaving, support, the header.
    expect(printed).not.toContain('What is recorded');
    expect(printed).not.toContain('Save and exit');
    expect(printed).not.toContain('Print your record');
    expect(printed).not.toContain('If this brings something up for you');
    expect(await page.locator('course-header').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    // On screen the print-only heading is not shown (and not read twice).
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('end-page .record-head').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Figure 2 table on a phone (360x740)', () => {
  it('shows each row as a block (level, effect, factor, study), every cell on screen, the caption whole, still a table to a screen reader', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { viewport: { width: 360, height: 740 } });
    await goToLesson(page, course, 1);
    const table = page.locator('lesson-view table#discussion-p3');
    await table.scrollIntoViewIfNeeded();
    const layout = await table.evaluate((t: HTMLTableElement) => {
      const vw = document.documentElement.clientWidth;
      const rows = Array.from(t.tBodies[0].rows);
      const cells = rows.flatMap((r) => Array.from(r.cells));
      const caption = t.caption!;
      const r = caption.getBoundingClientRect();
      return {
        vw,
        rowDisplay: getComputedStyle(rows[0]).display,
        theadVisible: t.tHead!.getBoundingClientRect().height > 1,
        cellsOutside: cells.filter((c) => {
          const b = c.getBoundingClientRect();
          return b.left < 0 || b.right > vw + 0.5;
        }).length,
        cellsClipped: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length,
        // innerText leaves out generated content: read each cell's ::before label as drawn.
        firstRow: Array.from(rows[0].cells)
          .map((c) => `${getComputedStyle(c, '::before').content.replace(/^"|"$/g, '').split('" / ')[0]}${c.textContent!.trim()}`)
          .join(' '),
        cellsInOwnLine: Array.from(rows[0].cells).every((c, i, all) => i === 0 || c.getBoundingClientRect().top >= all[i - 1].getBoundingClientRect().bottom - 1),
        captionRight: r.right,
        captionClipped: caption.scrollWidth > caption.clientWidth + 1,
        wrapScrolls: (() => {
          const w = t.closest('.table-wrap')!;
          return w.scrollWidth > w.clientWidth + 1;
        })(),
      };
    });
    expect(layout.rowDisplay).toBe('block');
    expect(layout.theadVisible).toBe(false);
    expect(layout.cellsOutside).toBe(0);
    expect(layout.cellsClipped).toBe(0);
    expect(layout.wrapScrolls).toBe(false);
    expect(layout.captionRight).toBeLessThanOrEqual(layout.vw);
    expect(layout.captionClipped).toBe(false);
    // Each row reads as a block with its column names.
    expect(layout.cellsInOwnLine).toBe(true);
    expect(layout.firstRow).toBe('Level: Individual Effect: Facilitating Factor: Spirituality Study: Hickle (2017)');
    expect(await horizontalScroll(page)).toBeNull();
    // Still a table with its caption as its name, and column headers for each cell.
    const named = page.getByRole('table', { name: /Factors in the exit from sex trafficking/ });
    expect(await named.count()).toBe(1);
    expect(await named.getByRole('columnheader').count()).toBe(4);
    expect(await named.getByRole('cell', { name: 'Spirituality' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the ordinary table at a wide viewport', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    await goToLesson(page, course, 1);
    const display = await page.locator('lesson-view table#discussion-p3 tbody tr').first().evaluate((r) => getComputedStyle(r).display);
    expect(display).toBe('table-row');
    await context.close();
  });
});
