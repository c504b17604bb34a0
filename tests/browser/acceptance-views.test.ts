/**
 * Accessibility acceptance, per view and quiz state (1280 x 900): one tour of the built course
 * (tests/helpers/a11y.ts `tour`) visits start, the course menu, the resume offer, each lesson, a
 * linked passage, each quiz's intro, every question, the error, feedback right and not right,
 * results and a retry, the break page and the end page. At each state it records:
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) violations, the document title and language, the
 * accessibility tree of the first state of each kind against its reviewed fixture, target sizes,
 * links told apart by more than colour, wording about time, motion under prefers-reduced-motion,
 * controls under forced colours, text spacing (no clipping, no sideways scrolling) and a visible
 * "Take a break". Each `it` then reports one of these across all states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import {
  applyTextSpacing,
  axeViolations,
  clippedText,
  colourOnlyLinks,
  expectAriaFixture,
  forcedColorsProblems,
  horizontalScroll,
  intervals,
  openCourse,
  pageText,
  removeTextSpacing,
  runningMotion,
  smallTargets,
  tour,
  type Opened,
  type TourState,
} from '../helpers/a11y.ts';

const env = useBrowserAndServer();
let opened: Opened;
let states: string[] = [];
const kinds = new Set<string>();

/** Problems found, by check, then by state name. */
const found: Record<string, Record<string, string[]>> = {
  axe: {},
  title: {},
  lang: {},
  aria: {},
  targets: {},
  links: {},
  time: {},
  motion: {},
  forced: {},
  spacing: {},
  breakControl: {},
};
let motionDetectorWorks: string[] = [];
/** The most document and shadow roots the text-spacing overrides reached in one state. */
let spacingRoots = 0;

function note(check: string, state: string, problems: string[]): void {
  if (problems.length > 0) found[check][state] = problems;
}

const TIME_WORDS = /time left|time remaining|seconds remaining|minutes remaining|countdown|hurry|time is up/i;

async function title(page: Page): Promise<string> {
  return page.evaluate(() => document.title);
}

async function visit(page: Page, s: TourState): Promise<void> {
  note('axe', s.name, await axeViolations(page));
  // The title is set once the view has rendered.
  const deadline = Date.now() + 3000;
  while ((await title(page)) !== s.title && Date.now() < deadline) await page.waitForTimeout(25);
  const t = await title(page);
  if (t !== s.title) note('title', s.name, [`title is "${t}", expected "${s.title}"`]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== opened.course.settings.language) note('lang', s.name, [`<html lang="${lang}">`]);

  if (!kinds.has(s.kind)) {
    kinds.add(s.kind);
    const where = s.kind === 'menu-open' ? page.getByRole('banner') : page.locator('course-app main');
    try {
      await expectAriaFixture(s.kind, await where.ariaSnapshot());
    } catch (e) {
      // The message carries the diff; keep enough of it to see what changed.
      note('aria', s.name, [(e as Error).message.split('\n').slice(0, 60).join('\n')]);
    }
  }

  note('targets', s.name, await smallTargets(page));
  note('links', s.name, await colourOnlyLinks(page));
  const text = await pageText(page);
  const timeWords = TIME_WORDS.exec(text);
  note('time', s.name, timeWords ? [`"${timeWords[0]}" in: …${text.slice(Math.max(0, timeWords.index - 60), timeWords.index + 60)}…`] : []);

  note('motion', s.name, await runningMotion(page));

  spacingRoots = Math.max(spacingRoots, await applyTextSpacing(page));
  const scroll = await horizontalScroll(page);
  note('spacing', s.name, [...(await clippedText(page)), ...(scroll ? [scroll] : [])]);
  await removeTextSpacing(page);

  await page.emulateMedia({ forcedColors: 'active' });
  note('forced', s.name, await forcedColorsProblems(page));
  await page.emulateMedia({ forcedColors: 'none' });

  // "Take a break" on every view but the break page itself.
  if (s.kind !== 'break') {
    const shown = await page.locator('course-header button', { hasText: 'Take a break' }).isVisible();
    if (!shown) note('breakControl', s.name, ['no visible "Take a break" button']);
  }
}

beforeAll(async () => {
  opened = await openCourse(env.browser, env.server.url, { reducedMotion: 'reduce' });
  const { page } = opened;
  // The motion check must be able to fail: with motion allowed, the buttons' colour transitions show up.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  motionDetectorWorks = await runningMotion(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  states = await tour(opened, (s) => visit(page, s));
}, 240_000);

describe('every view and quiz state (1280 x 900)', () => {
  it('the tour visits every kind of view and quiz state', () => {
    for (const kind of [
      'start',
      'menu-open',
      'resume-offer',
      'lesson',
      'lesson-passage',
      'quiz-intro',
      'error',
      'feedback-correct',
      'feedback-incorrect',
      'results',
      'break',
      'end',
    ]) {
      expect(kinds, `kind "${kind}"`).toContain(kind);
    }
    const types = new Set(opened.course.quizzes.flatMap((q) => q.questions.map((x) => x.type)));
    for (const type of types) expect(kinds).toContain(`question-${type}`);
    // Every question of a first attempt (a pool draws only some of a quiz's questions per attempt).
    const questions = opened.course.quizzes.reduce((n, q) => n + Math.min(q.settings.pool ?? Infinity, q.questions.length), 0);
    expect(states.filter((s) => /feedback/.test(s)).length).toBeGreaterThanOrEqual(questions);
    expect(opened.errors).toEqual([]);
  });

  it('axe-core finds zero WCAG 2.0/2.1/2.2 A and AA violations in every state', () => {
    expect(found.axe).toEqual({});
  });

  it('the document title names the view in every state, and the language is set', () => {
    expect(found.title).toEqual({});
    expect(found.lang).toEqual({});
  });

  it('the accessibility tree of each kind of view matches its reviewed fixture', () => {
    expect(found.aria).toEqual({});
  });

  it('every target is at least 24 by 24 CSS px or spaced as WCAG 2.5.8 allows', () => {
    expect(found.targets).toEqual({});
  });

  it('links in running text are underlined (not told apart by colour alone)', () => {
    expect(found.links).toEqual({});
  });

  it('no timers: no countdown wording anywhere, and nothing set with setInterval', async () => {
    expect(found.time).toEqual({});
    expect(await intervals(opened.page)).toEqual([]);
  });

  it('with prefers-reduced-motion nothing moves: no animation, no transition, no smooth scrolling', () => {
    expect(motionDetectorWorks.length, 'the check sees the transitions that run when motion is allowed').toBeGreaterThan(0);
    expect(found.motion).toEqual({});
  });

  it('in forced-colors mode every button and field keeps a visible edge', () => {
    expect(found.forced).toEqual({});
  });

  it('text spacing (WCAG 1.4.12) in the document and every shadow root clips nothing and adds no sideways scrolling', () => {
    expect(spacingRoots, 'document and shadow roots reached').toBeGreaterThan(5);
    expect(found.spacing).toEqual({});
  });

  it('"Take a break" is visible on every view', () => {
    expect(found.breakControl).toEqual({});
  });
});
