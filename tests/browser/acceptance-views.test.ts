/**
 * Accessibility acceptance, per view and quiz state: the one tour of the built course
 * (tests/helpers/a11y.ts `tour`) visits start, the course menu, the display settings, the glossary,
 * the resume offer, each lesson, a linked passage, each quiz's intro, every question, the error,
 * feedback right and not right, results and a retry, the break page and the end page.
 * At each state (1280 x 900): the document title and language, target sizes, links told apart by
 * more than colour, wording about time, motion under prefers-reduced-motion, controls under forced
 * colours, text spacing (no clipping, no sideways scrolling) and a visible "Take a break"; then at
 * 320 x 640 (a phone) and 320 x 256 (1280 x 1024 at 400% zoom) reflow and text spacing, and at 320
 * x 640 target sizes.
 * Once per kind of state (each question type, each feedback, ...; each lesson, whose content
 * differs): axe-core (WCAG 2.0/2.1/2.2 A and AA), outside the quiz in the dark theme too; the
 * accessibility tree against its reviewed fixture; the layout (main fills its column, nothing
 * overlaps, tests/helpers/layout.ts) at 320, 768 and 1280 px, light and dark, and for a lesson in
 * print. Each `it` then reports one of these across all states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { LAYOUT_VARIANTS, PRINT_VARIANT, layoutProblemsEverywhere } from '../helpers/layout.ts';
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
  afterMediaSwitch,
  smallTargets,
  tour,
  type Opened,
  type TourState,
} from '../helpers/a11y.ts';

const env = useBrowserAndServer();
let opened: Opened;
let states: string[] = [];
const kinds = new Set<string>();
/** What axe checked: one state of each kind, every lesson. */
const axeChecked = new Set<string>();
/** The kinds of state outside a quiz: axe checks these in the dark theme here. */
const SHELL_KINDS = new Set(['start', 'menu-open', 'settings', 'glossary', 'resume-offer', 'lesson', 'lesson-passage', 'break', 'end']);
const darkChecked = new Set<string>();
/** The kinds whose layout was checked. */
const laidOut = new Set<string>();

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
  layout: {},
  phoneReflow: {},
  phoneSpacing: {},
  phoneTargets: {},
  zoomReflow: {},
  zoomSpacing: {},
};
let motionDetectorWorks: string[] = [];
/** The most document and shadow roots the text-spacing overrides reached in one state. */
let spacingRoots = 0;

/** The phone and the 400% zoom windows of WCAG 1.4.10 (1280 x 1024 at 400% is 320 x 256 CSS px). */
const PHONE = { width: 320, height: 640 };
const ZOOM = { width: 320, height: 256 };
const DESKTOP = { width: 1280, height: 900 };

function note(check: string, state: string, problems: string[]): void {
  if (problems.length > 0) found[check][state] = problems;
}

const TIME_WORDS = /time left|time remaining|seconds remaining|minutes remaining|countdown|hurry|time is up/i;

async function title(page: Page): Promise<string> {
  return page.evaluate(() => document.title);
}

/** Reflow and text spacing at a small window, then back to the desktop one. */
async function reflowAt(page: Page, s: TourState, size: typeof PHONE, prefix: 'phone' | 'zoom'): Promise<void> {
  await page.setViewportSize(size);
  const scroll = await horizontalScroll(page);
  note(`${prefix}Reflow`, s.name, scroll ? [scroll] : []);
  if (prefix === 'phone') note('phoneTargets', s.name, await smallTargets(page));
  spacingRoots = Math.max(spacingRoots, await applyTextSpacing(page));
  const spaced = await horizontalScroll(page);
  note(`${prefix}Spacing`, s.name, [...(await clippedText(page)), ...(spaced ? [spaced] : [])]);
  await removeTextSpacing(page);
  await page.setViewportSize(DESKTOP);
}

async function visit(page: Page, s: TourState): Promise<void> {
  // axe once per kind of state (the rules see the same markup again in a second question of a
  // type), but in every lesson: their content differs. The dark theme too (contrast differs), but
  // not for the quiz's states: quiz-layout.test.ts runs axe on each of them in the dark theme.
  const axeKey = s.kind === 'lesson' ? s.name : s.kind;
  if (!axeChecked.has(axeKey)) {
    axeChecked.add(axeKey);
    note('axe', s.name, await axeViolations(page));
    if (SHELL_KINDS.has(s.kind)) {
      darkChecked.add(s.kind);
      await page.emulateMedia({ colorScheme: 'dark' });
      note('axe', `${s.name} (dark)`, await axeViolations(page));
      await page.emulateMedia({ colorScheme: 'light' });
      await afterMediaSwitch(page);
    }
  }
  // The title is set once the view has rendered.
  const deadline = Date.now() + 3000;
  while ((await title(page)) !== s.title && Date.now() < deadline) await page.waitForTimeout(25);
  const t = await title(page);
  if (t !== s.title) note('title', s.name, [`title is "${t}", expected "${s.title}"`]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== opened.course.settings.language) note('lang', s.name, [`<html lang="${lang}">`]);

  if (!kinds.has(s.kind)) {
    kinds.add(s.kind);
    const where = s.kind === 'menu-open' || s.kind === 'settings' ? page.getByRole('banner') : page.locator('course-app main');
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

  await reflowAt(page, s, PHONE, 'phone');
  await reflowAt(page, s, ZOOM, 'zoom');

  if (!laidOut.has(s.kind)) {
    laidOut.add(s.kind);
    note('layout', s.name, await layoutProblemsEverywhere(page, s.kind === 'lesson' ? [...LAYOUT_VARIANTS, PRINT_VARIANT] : LAYOUT_VARIANTS));
  }

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
  // Generous: measured 473 s with the machine's load at 20 on 2 cores (axe alone took 16 s a run);
  // a busy machine makes the tour slower, not wrong.
}, 600_000);

describe('every view and quiz state', () => {
  it('the tour visits every kind of view and quiz state', () => {
    for (const kind of [
      'start',
      'menu-open',
      'settings',
      'glossary',
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

  it('axe-core finds zero WCAG 2.0/2.1/2.2 A and AA violations in every kind of state and every lesson (outside the quiz also dark)', () => {
    expect(axeChecked).toEqual(new Set([...kinds].filter((k) => k !== 'lesson').concat(opened.course.lessons.map((l) => `lesson ${l.id}`))));
    expect(darkChecked).toEqual(SHELL_KINDS);
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

  it('320 x 640 (a phone): no sideways scrolling, nothing clipped with text spacing, targets at least 24 px, in every state', () => {
    expect(found.phoneReflow).toEqual({});
    expect(found.phoneSpacing).toEqual({});
    expect(found.phoneTargets).toEqual({});
  });

  it('320 x 256 (1280 x 1024 at 400% zoom): no sideways scrolling, nothing clipped with text spacing, in every state', () => {
    expect(found.zoomReflow).toEqual({});
    expect(found.zoomSpacing).toEqual({});
  });

  it('the layout of each kind of view at 320, 768 and 1280 px, light and dark (a lesson also printed): main fills its column, nothing overlaps', () => {
    expect([...laidOut].sort()).toEqual([...kinds].sort());
    expect(found.layout).toEqual({});
  });

  it('"Take a break" is visible on every view', () => {
    expect(found.breakControl).toEqual({});
  });
});
