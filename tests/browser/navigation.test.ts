/**
 * Moving through the course in a real browser (built course, standalone): the whole course by
 * keyboard alone (Tab, Enter, Space), focus always visible and on the new view's h1 after each
 * move; the course menu as a disclosure; the skip link; the browser's Back button; a quiz's link to a
 * passage and back; "Take a break"; "Save and exit"; and "Continue where you left off" after a relaunch.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { courseSequence } from '../../src/course/navigation.ts';
import { byText, expectHeadingFocused, focused, goByMenu, headingText, menuEntries, openMenu, paragraphPassage, tabTo, type Focused } from './shell-helpers.ts';
import { openCourse } from '../helpers/a11y.ts';

const env = useBrowserAndServer();

const isMenuButton = (f: Focused) => f.tag === 'button' && f.id === 'menu-button';
const isMenuLink = (name: string) => (f: Focused) => f.tag === 'a' && f.host === 'course-header' && f.text.replace('✓', '').trim().startsWith(name);

describe('keyboard only', () => {
  it('goes from the start through every lesson and quiz to the end with Tab, Enter and Space', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const seq = courseSequence(course);
    const title = (i: number) => {
      const loc = seq[i];
      if (loc.view === 'lesson') return course.lessons.find((l) => l.id === loc.id)!.title;
      if (loc.view === 'quiz') return course.quizzes.find((q) => q.id === loc.id)!.title;
      return loc.view === 'end' ? 'Finish' : course.title;
    };
    expect(await headingText(page)).toBe(course.title);

    // The first Tab reaches the skip link, which is visible when focused.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.text).toBe('Skip to content');
    expect(skip.visible).toBe(true);
    expect(await page.locator('course-app .skip-link').isVisible()).toBe(true);

    // Start -> first lesson with the Start button (Enter).
    await tabTo(page, byText('button', 'Start the course'));
    await page.keyboard.press('Enter');
    let h = await expectHeadingFocused(page, title(1));
    expect(h.visible).toBe(true);

    for (let i = 1; i < seq.length - 1; i++) {
      const loc = seq[i];
      if (loc.view === 'lesson') {
        // Lessons: the Next button at the end (Space).
        await tabTo(page, byText('button', /^Next/), 200);
        await page.keyboard.press('Space');
      } else {
        // Quizzes: the course menu (Tab wraps round to the header; Enter opens the menu and follows a link).
        await tabTo(page, isMenuButton, 200);
        await page.keyboard.press('Enter');
        expect(await page.locator('course-header #menu-button').getAttribute('aria-expanded')).toBe('true');
        await tabTo(page, isMenuLink(title(i + 1)));
        await page.keyboard.press('Enter');
        expect(await page.locator('course-header #menu-button').getAttribute('aria-expanded')).toBe('false');
      }
      h = await expectHeadingFocused(page, title(i + 1));
      expect(h.visible, `focus visible on the h1 of ${title(i + 1)}`).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
    }
    expect(await headingText(page)).toBe('Finish');
    expect(await page.title()).toBe(`Finish – ${course.title}`);
    // Reading by keyboard to each lesson's Next button reached each lesson's end.
    const summary = (await page.locator('end-page .summary').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(summary).toContain(`Lessons read ${course.lessons.length} of ${course.lessons.length}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the course menu is a disclosure: state as text, aria-current on the current place, Escape closes it', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const button = page.locator('course-header #menu-button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('course-menu');
    expect(await page.locator('course-header nav#course-menu').isVisible()).toBe(false);

    await tabTo(page, isMenuButton);
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('course-header nav#course-menu').getAttribute('aria-label')).toBe('Course menu');
    const entries = await menuEntries(page);
    expect(entries).toEqual([
      'Start (you are here)',
      ...courseSequence(course)
        .slice(1, -1)
        .map((loc) =>
          loc.view === 'lesson'
            ? `${course.lessons.find((l) => l.id === loc.id)!.title}, not read yet`
            : `${course.quizzes.find((q) => q.id === (loc as { id: string }).id)!.title}, not started`,
        ),
      'Finish',
    ]);
    expect(await page.locator('course-header nav#course-menu a[aria-current="page"]').textContent()).toContain('Start');

    // Escape closes the menu and puts focus back on its button.
    await tabTo(page, isMenuLink(course.lessons[0].title));
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect((await focused(page)).id).toBe('menu-button');

    // After moving, aria-current follows.
    await goByMenu(page, course.lessons[1].title);
    await openMenu(page);
    expect(await page.locator('course-header nav#course-menu a[aria-current="page"]').textContent()).toContain(course.lessons[1].title);
    expect(await page.locator('course-header nav#course-menu a[aria-current]').count()).toBe(1);
    await context.close();
  });

  it('"Skip to content" moves focus to the view\'s h1', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    await goByMenu(page, course.lessons[0].title);
    // Back from the h1: past the notice, the course outline (wide screens) and the header's controls
    // to the skip link, the first thing on the page.
    let f = await focused(page);
    for (let i = 0; i < 25 && f.text !== 'Skip to content'; i++) {
      await page.keyboard.press('Shift+Tab');
      f = await focused(page);
    }
    expect(f.text).toBe('Skip to content');
    expect(f.visible).toBe(true);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, course.lessons[0].title);
    await context.close();
  });
});

describe('history, passages, breaks and leaving', () => {
  it('mirrors the place in the URL hash so the browser\'s Back and Forward buttons work', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const [l1] = course.lessons;
    const quiz = course.quizzes.find((q) => q.lessonId === l1.id)!;
    expect(await page.evaluate(() => location.hash)).toBe('#start');
    await goByMenu(page, l1.title);
    expect(await page.evaluate(() => location.hash)).toBe(`#lesson/${l1.id}`);
    await goByMenu(page, quiz.title);
    expect(await page.evaluate(() => location.hash)).toBe(`#quiz/${quiz.id}`);

    await page.goBack();
    await expectHeadingFocused(page, l1.title);
    expect(await page.evaluate(() => location.hash)).toBe(`#lesson/${l1.id}`);
    await page.goBack();
    await expectHeadingFocused(page, course.title);
    await page.goForward();
    await expectHeadingFocused(page, l1.title);
    // The store followed the history: the menu marks the lesson as the current place.
    await openMenu(page);
    expect(await page.locator('course-header nav#course-menu a[aria-current="page"]').textContent()).toContain(l1.title);
    await context.close();
  });

  it('a quiz\'s link to a passage focuses and highlights it, and "Back to the question" returns', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const lesson = course.lessons[1];
    const quiz = course.quizzes.find((q) => q.lessonId === lesson.id)!;
    const passage = paragraphPassage(lesson, 1);
    await goByMenu(page, quiz.title);
    // What the quiz view dispatches for "Review this in the lesson".
    await page.locator('quiz-view').evaluate(
      (el, d) => el.dispatchEvent(new CustomEvent('navigate', { detail: d, bubbles: true, composed: true })),
      { location: { view: 'lesson', id: lesson.id, passage }, returnTo: { view: 'quiz', id: quiz.id } },
    );
    await expect.poll(async () => (await focused(page)).id).toBe(passage);
    const target = page.locator(`lesson-view [id="${passage}"]`);
    expect(await target.getAttribute('class')).toContain('passage-highlight');
    expect(await target.getAttribute('tabindex')).toBe('-1');
    // Scrolled into view.
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-box!.height);
    expect(box!.y).toBeLessThan(900);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Two ways back: at the top and right after the passage.
    expect(await page.locator('lesson-view button', { hasText: 'Back to the question' }).count()).toBe(2);
    const afterPassage = page.locator('lesson-view .back-to-question button');
    expect(await afterPassage.evaluate((b) => b.closest('.back-to-question')!.previousElementSibling?.id)).toBe(passage);

    // By keyboard: Tab from the passage reaches the button right after it (after the glossary terms inside the passage).
    const terms = await target.locator('glossary-term').count();
    await tabTo(page, byText('button', 'Back to the question'), 5 + terms);
    await page.keyboard.press('Enter');
    await expect.poll(() => headingText(page)).toBe(quiz.title);
    expect(await page.evaluate(() => location.hash)).toBe(`#quiz/${quiz.id}`);
    await context.close();
  });

  it('"Take a break" saves, says so calmly, and "Carry on where I was" returns to the same place', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const lesson = course.lessons[1];
    await goByMenu(page, lesson.title);
    await page.locator('course-header button', { hasText: 'Take a break' }).click();
    await expectHeadingFocused(page, 'Take a break');
    expect(await page.title()).toBe(`Taking a break – ${course.title}`);
    await expect.poll(async () => (await page.locator('break-page .view').textContent())?.replace(/\s+/g, ' ')).toContain(
      'Your progress is saved. Take as long as you need.',
    );
    expect(await page.locator('break-page .view').textContent()).toContain(lesson.title);
    expect(await page.locator('break-page .support h2').textContent()).toBe(course.settings.support.heading);
    // No "Take a break" button on the break page itself.
    expect(await page.locator('course-header button', { hasText: 'Take a break' }).count()).toBe(0);
    await page.locator('break-page button', { hasText: 'Carry on where I was' }).click();
    await expectHeadingFocused(page, lesson.title);
    await context.close();
  });

  it('"Save and exit" on the end page ends the session and says the window can be closed', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    await goByMenu(page, 'Finish');
    const summary = (await page.locator('end-page .summary').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(summary).toContain(`Lessons read 0 of ${course.lessons.length}`);
    expect(summary).toContain(`Quizzes finished 0 of ${course.quizzes.length}`);
    expect(await page.locator('end-page .view').textContent()).toContain('What is recorded');
    await page.locator('end-page button', { hasText: 'Save and exit' }).click();
    await expect.poll(async () => (await focused(page)).text).toContain('You can leave this page now.');
    expect(await page.locator('end-page button', { hasText: 'Save and exit' }).count()).toBe(0);
    await context.close();
  });

  it('after a relaunch, the start page offers "Continue where you left off"', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const lesson = course.lessons[1];
    await goByMenu(page, lesson.title);
    // Standalone mode keeps progress in this browser: a new launch of the same course restores it.
    await page.reload();
    const panel = page.locator('start-page .resume');
    await panel.waitFor();
    expect(await headingText(page)).toBe(course.title);
    expect(await panel.locator('h2').textContent()).toBe('Welcome back');
    expect((await panel.textContent())?.replace(/\s+/g, ' ')).toContain(`You were last at: ${lesson.title}.`);
    // Both choices are there; the panel is not a dialog.
    expect(await panel.locator('button', { hasText: 'Start from the beginning of the course' }).count()).toBe(1);
    expect(await page.locator('[role="dialog"], dialog').count()).toBe(0);
    await panel.locator('button', { hasText: 'Continue where you left off' }).click();
    await expectHeadingFocused(page, lesson.title);
    await context.close();
  });

  it('after a break and "Save and exit", a relaunch continues where the learner was', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    await goByMenu(page, course.lessons[1].title);
    await page.locator('course-header button', { hasText: 'Take a break' }).click();
    await page.locator('break-page button', { hasText: 'Save and exit' }).click();
    await expect.poll(async () => (await page.locator('break-page .view').textContent()) ?? '').toContain('You can leave this page now.');
    await page.reload();
    const panel = page.locator('start-page .resume');
    await panel.waitFor();
    const text = (await panel.textContent())?.replace(/\s+/g, ' ') ?? '';
    // The break page is shown over the learner's place: the bookmark stays that place.
    expect(text).toContain(`You were last at: ${course.lessons[1].title}`);
    await panel.locator('button', { hasText: 'Continue where you left off' }).click();
    await expectHeadingFocused(page, course.lessons[1].title);
    await context.close();
  });
});
