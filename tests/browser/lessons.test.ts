/**
 * The lessons in a real browser (built course, no LMS: standalone): both pages render with their
 * headings and notes; note 3 of Theoretical Background links both ways inside the shadow root;
 * a lesson counts as read only once its end has been scrolled into view.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { openCourse, settled } from '../helpers/a11y.ts';
import { expectHeadingFocused, focused, goByMenu, menuEntries, openMenu, progressText } from './shell-helpers.ts';

const env = useBrowserAndServer();

describe('lessons', () => {
  it('both lessons render with their title as h1, their sub-headings, notes and credit', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    expect(course.lessons.map((l) => l.title)).toEqual(['Theoretical Background', 'Discussion']);
    for (const lesson of course.lessons) {
      await goByMenu(page, lesson.title);
      const view = page.locator('lesson-view');
      // Exactly one h1 in the whole page: the lesson title, with the lesson's heading id.
      expect(await page.locator('course-app h1').count()).toBe(1);
      expect(await view.locator('h1').getAttribute('id')).toBe(lesson.headingId);
      expect(await page.title()).toBe(`${lesson.title} – ${course.title}`);
      // Every contents entry is a real heading of the right level, and "On this page" lists it.
      for (const entry of lesson.toc) {
        expect(await view.locator(`h${entry.level}#${entry.id}`).textContent()).toContain(entry.text);
        expect(await view.locator(`nav[aria-labelledby="lv-toc-heading"] a[href="#${entry.id}"]`).count()).toBe(1);
      }
      expect(await view.locator('nav[aria-labelledby="lv-toc-heading"]').count()).toBe(lesson.toc.length > 0 ? 1 : 0);
      // The text of the review is there, passage by passage.
      const body = (await view.locator('.lesson-body').textContent()) ?? '';
      expect(body.length).toBeGreaterThan(2000);
      for (const id of lesson.passageIds.filter((p) => p !== lesson.headingId)) {
        expect(await view.locator(`[id="${id}"]`).count(), `passage ${id}`).toBe(1);
      }
      // Notes at the end under a "Notes" h2, each with its id.
      if (lesson.footnotes.length > 0) {
        expect(await view.locator('section.notes h2').textContent()).toBe('Notes');
        for (const fn of lesson.footnotes) expect(await view.locator(`section.notes li#${fn.id}`).count()).toBe(1);
      } else {
        expect(await view.locator('section.notes').count()).toBe(0);
      }
      // The credit of the review on every lesson.
      const credit = (await view.locator('footer .credit').textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(credit).toContain(course.credit.author);
      expect(credit).toContain(String(course.credit.year));
      expect(credit).toContain(course.credit.title);
      expect(await view.locator(`footer .credit a[href="${course.credit.url}"]`).count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('note 3 of Theoretical Background links both ways, with focus moving inside the shadow root', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    const lesson = course.lessons.find((l) => l.title === 'Theoretical Background')!;
    const note = lesson.footnotes.find((f) => f.label === '3')!;
    expect(note.refId).not.toBeNull();
    await goByMenu(page, lesson.title);
    const hashBefore = await page.evaluate(() => location.hash);

    // The marker in the text goes to the note: focus on the note, scrolled into view.
    const marker = page.locator(`lesson-view a[href="#${note.id}"]`);
    expect(await marker.count()).toBe(1);
    await marker.click();
    let f = await focused(page);
    expect(f.id).toBe(note.id);
    expect(f.host).toBe('lesson-view');
    expect(f.text).toContain('We refer to prostitution activities');
    expect(await page.locator(`lesson-view li#${note.id}`).isVisible()).toBe(true);
    // Still the same lesson; the URL hash still names the lesson (the router is not confused by #fn-3).
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    expect(await page.locator('lesson-view h1').textContent()).toBe(lesson.title);

    // "Back to text" (named with the note number) returns focus to the marker.
    const back = page.locator(`lesson-view li#${note.id} a.back-link`);
    expect(((await back.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe('Back to text for note 3');
    await back.click();
    f = await focused(page);
    expect(f.id).toBe(note.refId);
    expect(f.tag).toBe('a');
    expect(f.text).toBe('3');
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);

    // The same by keyboard: Enter on the focused marker goes to the note again.
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe(note.id);
    await context.close();
  });

  it('a lesson counts as read only after its end has been scrolled into view', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { viewport: { width: 1280, height: 700 }, textFrom: 'build' });
    const lesson = course.lessons[1];
    const total = course.lessons.length + course.quizzes.length;
    await goByMenu(page, lesson.title);
    // Give the observer every chance to (wrongly) fire while the top of the lesson is shown:
    // intersection observers report after a rendering step, so two frames are enough.
    await settled(page);
    await settled(page);
    await openMenu(page);
    expect(await menuEntries(page)).toContain(`${lesson.title}, not read yet (you are here)`);
    expect(await progressText(page)).toBe(`0 of ${total} parts done`);
    expect(await page.locator('lesson-view .read-state').count()).toBe(0);

    // Halfway down: still not read.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
    await settled(page);
    await settled(page);
    expect(await progressText(page)).toBe(`0 of ${total} parts done`);

    // Scroll the end of the lesson text into view: now it is read, and the menu and progress say so.
    await page.locator('lesson-view .end-sentinel').scrollIntoViewIfNeeded();
    await expect.poll(() => progressText(page)).toBe(`1 of ${total} parts done`);
    expect(await menuEntries(page)).toContain(`${lesson.title}, read (you are here)`);
    expect(await page.locator('lesson-view .read-state').textContent()).toContain('You have read this lesson.');
    // The other lesson was never shown: not read.
    expect(await menuEntries(page)).toContain(`${course.lessons[0].title}, not read yet`);
    expect(await page.locator('course-header progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1, total]);
    await context.close();
  });

  it('a short lesson that fits on the screen counts as read at once', async () => {
    // A very tall window: the whole lesson fits, so there is nothing to scroll.
    const { page, course, context } = await openCourse(env.browser, env.server.url, { viewport: { width: 1280, height: 6000 }, textFrom: 'build' });
    const lesson = course.lessons[0];
    await goByMenu(page, lesson.title);
    await expectHeadingFocused(page, lesson.title);
    await expect.poll(async () => (await menuEntries(page)).find((e) => e.startsWith(lesson.title))).toBe(`${lesson.title}, read (you are here)`);
    await context.close();
  });
});
