/**
 * Shared helpers of the accessibility acceptance suite (tests/browser/acceptance-*.test.ts):
 *
 * - `openCourse()` / `openPage()`: a fresh browser context with the built course, a fixed random
 *   seed (so quiz option order and snapshots are the same every run), a spy on setInterval, the
 *   in-page checker `window.__a11y` (plain JavaScript, see PAGE_SCRIPT) that looks through every
 *   open shadow root, and optionally Playwright's fake clock; every browser test opens the course
 *   this way (shell-helpers.ts too);
 * - `settled()`: wait for two rendered frames and the tasks queued by them (instead of a fixed delay);
 * - `axeViolations()`: axe-core with the WCAG 2.0/2.1/2.2 A and AA tags (every browser test's axe runner);
 * - `KeyboardWalker`: presses keys with page.keyboard only and, after every press, checks that focus
 *   is on a real, rendered element (never <body>) with a visible focus indicator;
 * - reflow, text spacing, clipped text, target size, motion and forced-colors checkers;
 * - `expectAriaFixture()`: compares an accessibility-tree snapshot with tests/fixtures/aria/<name>.yaml;
 * - `tour()`: drives the whole course by mouse through every view and quiz state and calls back at
 *   each, so one walk serves axe, titles, snapshots, reflow and the other per-state checks.
 *
 * The in-page code is a string (not a function passed to page.evaluate) so that no transpiler
 * helper (esbuild's `__name`) can leak into the page.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import { courseIn } from './page-course.ts';
import { fullCourse } from './course-data.ts';
import { answerQuestion, questionOnScreen } from './answer.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const ARIA_DIR = path.resolve(import.meta.dirname, '../fixtures/aria');

/**
 * axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; one readable line per violation. The one axe
 * runner of the test suite. `exclude`: CSS selectors of parts not to check (the preview panel leaves
 * out the course's iframe, which the course's own tests check).
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`,
  );
}

/**
 * Runs before the course in every page: a fixed sequence for crypto.getRandomValues (the quiz
 * seeds: question and option order become the same every run) and a record of setInterval calls
 * (the course must have no timers that change what the learner sees).
 */
const SEED_AND_TIMER_SCRIPT = `
(() => {
  // The same values on every call: how often other code (axe-core, say) draws does not matter.
  crypto.getRandomValues = function (array) {
    for (let i = 0; i < array.length; i++) array[i] = (0x5eed1234 + 7919 * i) >>> 0;
    return array;
  };
  window.__intervals = [];
  const original = window.setInterval;
  window.setInterval = function (fn, ms, ...rest) {
    window.__intervals.push({ ms: Number(ms) || 0, stack: String(new Error().stack) });
    return original.call(window, fn, ms, ...rest);
  };
})();
`;

/** The in-page checker. Every function looks through all open shadow roots. */
const PAGE_SCRIPT = `
(() => {
  if (window.__a11y) return;
  const SPACING_CSS = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  let spacing = null;

  function roots() {
    const out = [document];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          out.push(el.shadowRoot);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return out;
  }
  function elements() {
    return roots().flatMap((r) => Array.from(r.querySelectorAll('*')));
  }
  function hostPath(el) {
    const hosts = [];
    let root = el.getRootNode();
    while (root instanceof ShadowRoot) {
      hosts.unshift(root.host.localName);
      root = root.host.getRootNode();
    }
    return hosts.join(' > ');
  }
  function text(el) {
    const own = el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent;
    return (own || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim();
  }
  function describe(el) {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return (hostPath(el) ? hostPath(el) + ' > ' : '') + el.localName + (el.id ? '#' + el.id : '') + cls + ' "' + text(el).slice(0, 50) + '"';
  }
  function seconds(list) {
    return Math.max(0, ...String(list).split(',').map((s) => parseFloat(s) || 0));
  }
  function hasBorder(cs) {
    return ['Top', 'Right', 'Bottom', 'Left'].some((s) => cs['border' + s + 'Style'] !== 'none' && parseFloat(cs['border' + s + 'Width']) > 0);
  }
  function hasOutline(cs) {
    return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  }
  function visible(el) {
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;
    // Off the page (the skip link waits above the top edge until it is focused).
    if (r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) return false;
    return true;
  }

  /** The element that has focus, through shadow roots, and whether it shows a focus indicator. */
  function focused() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      return { lost: true, tag: el ? el.localName : '', id: '', text: '', host: '', className: '', type: '', value: '', checked: false, dataId: '', dataDir: '', indicator: '', focusVisible: false, rendered: false, description: el ? el.localName : 'nothing' };
    }
    const cs = getComputedStyle(el);
    let indicator = '';
    if (hasOutline(cs)) indicator = 'outline ' + cs.outlineStyle + ' ' + cs.outlineWidth;
    else if (cs.boxShadow && cs.boxShadow !== 'none') indicator = 'box-shadow ' + cs.boxShadow;
    else if (el.labels && el.labels[0] && hasOutline(getComputedStyle(el.labels[0]))) indicator = 'label outline';
    return {
      lost: false,
      tag: el.localName,
      id: el.id,
      text: text(el),
      host: hostPath(el),
      className: typeof el.className === 'string' ? el.className : '',
      type: el.type || '',
      value: typeof el.value === 'string' ? el.value : '',
      checked: !!el.checked,
      dataId: (el.dataset && el.dataset.id) || '',
      dataDir: (el.dataset && el.dataset.dir) || '',
      indicator,
      focusVisible: el.matches(':focus-visible'),
      rendered: el.isConnected && (!el.checkVisibility || el.checkVisibility()),
      description: describe(el),
    };
  }

  /** WCAG 1.4.12: apply the text-spacing overrides to the document and every shadow root. */
  function applyTextSpacing() {
    if (!spacing) {
      spacing = new CSSStyleSheet();
      spacing.replaceSync(SPACING_CSS);
    }
    let added = 0;
    for (const root of roots()) {
      if (!root.adoptedStyleSheets.includes(spacing)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
        added++;
      }
    }
    return added;
  }

  /** Take the text-spacing overrides away again (the next check sees the course's own styles). */
  function removeTextSpacing() {
    for (const root of roots()) {
      if (spacing && root.adoptedStyleSheets.includes(spacing)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== spacing);
    }
  }

  /** Elements that hide overflow and whose text does not fit (clipped by the text-spacing overrides, say). */
  function clipped() {
    const out = [];
    for (const el of elements()) {
      const cs = getComputedStyle(el);
      const hides = (v) => v === 'hidden' || v === 'clip';
      if (!hides(cs.overflowX) && !hides(cs.overflowY)) continue;
      if (!visible(el)) continue;
      const content = el.shadowRoot ? el.shadowRoot.textContent : el.textContent;
      if (!(content || '').trim()) continue;
      if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(describe(el) + ' cuts off text vertically (' + el.scrollHeight + ' > ' + el.clientHeight + ')');
      if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) out.push(describe(el) + ' cuts off text sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
    return out;
  }

  /** The text a link shares its line box with: the inline content of its nearest block. */
  function inSentence(el) {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (!block) return false;
    let inline = '';
    const collect = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) inline += child.textContent;
        else if (child.nodeType === 1 && child !== el && getComputedStyle(child).display === 'inline') collect(child);
      }
    };
    collect(block);
    return /[A-Za-z0-9]{2,}/.test(inline);
  }

  /**
   * WCAG 2.5.8 Target Size (Minimum): every button, input, select and link not inside a sentence is
   * at least 24 by 24 CSS px, or (the spacing exception) a 24 px circle on its centre touches no
   * other target and no other undersized target's circle.
   */
  function smallTargets() {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex="0"]';
    const targets = [];
    for (const root of roots()) {
      for (const el of root.querySelectorAll(selector)) {
        if (!visible(el)) continue;
        if (el.localName === 'a' && inSentence(el)) continue;
        const r = el.getBoundingClientRect();
        targets.push({ el, r, small: r.width < 23.99 || r.height < 23.99 });
      }
    }
    const out = [];
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    for (const t of targets) {
      if (!t.small) continue;
      const [cx, cy] = centre(t.r);
      const clash = targets.find((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (o.small) {
          const [ox, oy] = centre(o.r);
          return Math.hypot(ox - cx, oy - cy) < 24;
        }
        const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
        const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      if (clash) out.push(describe(t.el) + ' is ' + Math.round(t.r.width) + 'x' + Math.round(t.r.height) + ' px and too close to ' + describe(clash.el));
    }
    return out;
  }

  /** Running animations, transitions longer than 1 ms, and smooth scrolling. */
  function motion() {
    const out = [];
    const seen = new Set();
    for (const root of roots()) {
      for (const a of root.getAnimations ? root.getAnimations() : []) {
        if (seen.has(a)) continue;
        seen.add(a);
        if (a.playState === 'running') out.push('running animation ' + (a.animationName || a.transitionProperty || a.id || 'script') + ' on ' + (a.effect && a.effect.target ? describe(a.effect.target) : '?'));
      }
    }
    for (const el of [document.documentElement, ...elements()]) {
      const cs = getComputedStyle(el);
      if (cs.transitionProperty !== 'none' && seconds(cs.transitionDuration) > 0.001) out.push(describe(el) + ' has a transition of ' + cs.transitionDuration + ' (' + cs.transitionProperty + ')');
      if (cs.animationName !== 'none' && seconds(cs.animationDuration) > 0.001) out.push(describe(el) + ' has an animation of ' + cs.animationDuration);
      if (cs.scrollBehavior === 'smooth') out.push(describe(el) + ' scrolls smoothly');
    }
    return out;
  }

  /** Controls that vanish in forced-colors mode: buttons and fields need a border (or outline) of their own. */
  function forcedColorsProblems() {
    const out = [];
    for (const root of roots()) {
      for (const el of root.querySelectorAll('button, select, textarea, input:not([type=hidden])')) {
        if (!visible(el)) continue;
        const cs = getComputedStyle(el);
        if (el.localName === 'input' && (el.type === 'radio' || el.type === 'checkbox')) {
          if (cs.appearance === 'none' && !hasBorder(cs)) out.push(describe(el) + ': a custom ' + el.type + ' with no border');
          continue;
        }
        const looksLikeLink = el.localName === 'button' && cs.textDecorationLine.includes('underline');
        if (!hasBorder(cs) && !hasOutline(cs) && !looksLikeLink) out.push(describe(el) + ' has no border or outline');
      }
    }
    return out;
  }

  /** Links inside running text must be told apart by more than colour (underline). */
  function colourOnlyLinks() {
    const out = [];
    for (const root of roots()) {
      for (const a of root.querySelectorAll('a[href]')) {
        if (!visible(a) || !inSentence(a)) continue;
        const underlined = (el) => getComputedStyle(el).textDecorationLine.includes('underline');
        if (underlined(a) || Array.from(a.querySelectorAll('*')).some(underlined)) continue;
        out.push(describe(a) + ' is in running text but not underlined');
      }
    }
    return out;
  }

  /** Visible text of the whole page, shadow roots included (for wording checks). */
  function pageText() {
    const parts = [];
    for (const el of elements()) {
      if (!visible(el)) continue;
      for (const node of el.childNodes) if (node.nodeType === 3 && node.textContent.trim()) parts.push(node.textContent.trim());
    }
    return parts.join(' ').replace(/\\s+/g, ' ');
  }

  window.__a11y = { roots, elements, describe, focused, applyTextSpacing, removeTextSpacing, clipped, smallTargets, motion, forcedColorsProblems, colourOnlyLinks, pageText };
})();
`;

/** What `window.__a11y.focused()` returns. */
export interface FocusInfo {
  lost: boolean;
  tag: string;
  id: string;
  text: string;
  host: string;
  className: string;
  type: string;
  /** An input's or select's value. */
  value: string;
  checked: boolean;
  dataId: string;
  dataDir: string;
  /** How focus is shown ('outline solid 3px', 'label outline', ...); '' when it is not. */
  indicator: string;
  focusVisible: boolean;
  rendered: boolean;
  description: string;
}

type A11yApi = {
  focused(): FocusInfo;
  applyTextSpacing(): number;
  removeTextSpacing(): void;
  clipped(): string[];
  smallTargets(): string[];
  motion(): string[];
  forcedColorsProblems(): string[];
  colourOnlyLinks(): string[];
  pageText(): string;
};
declare global {
  interface Window {
    __a11y: A11yApi;
    __intervals: Array<{ ms: number; stack: string }>;
  }
}

export const deepFocus = (page: Page): Promise<FocusInfo> => page.evaluate(() => window.__a11y.focused());
export const applyTextSpacing = (page: Page): Promise<number> => page.evaluate(() => window.__a11y.applyTextSpacing());
export const removeTextSpacing = (page: Page): Promise<void> => page.evaluate(() => window.__a11y.removeTextSpacing());
export const clippedText = (page: Page): Promise<string[]> => page.evaluate(() => window.__a11y.clipped());
export const smallTargets = (page: Page): Promise<string[]> => page.evaluate(() => window.__a11y.smallTargets());
export const runningMotion = (page: Page): Promise<string[]> => page.evaluate(() => window.__a11y.motion());
export const forcedColorsProblems = (page: Page): Promise<string[]> => page.evaluate(() => window.__a11y.forcedColorsProblems());
export const colourOnlyLinks = (page: Page): Promise<string[]> => page.evaluate(() => window.__a11y.colourOnlyLinks());
export const pageText = (page: Page): Promise<string> => page.evaluate(() => window.__a11y.pageText());
export const intervals = (page: Page): Promise<Array<{ ms: number; stack: string }>> => page.evaluate(() => window.__intervals);

/** WCAG 1.4.10: the page does not scroll sideways. */
export async function horizontalScroll(page: Page): Promise<string | null> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth ? `the page scrolls sideways: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}` : null;
}

/**
 * Keyboard only (page.keyboard), with a focus check after every key press: focus settles (within a
 * moment, after a view has re-rendered) on a rendered element that is not <body> and that shows a
 * focus indicator (its own outline or box-shadow, or its label's outline for a native radio).
 */
export class KeyboardWalker {
  /** Every key pressed and where focus went: for failure messages and the report. */
  readonly log: string[] = [];
  presses = 0;

  /** How long focus may take to settle after a key press (a view re-rendering). */
  readonly settleMs: number;

  constructor(
    readonly page: Page,
    opts: { settleMs?: number } = {},
  ) {
    this.settleMs = opts.settleMs ?? 3000;
  }

  async press(key: string): Promise<FocusInfo> {
    await this.page.keyboard.press(key);
    this.presses++;
    return this.settle(key);
  }

  async type(text: string): Promise<FocusInfo> {
    await this.page.keyboard.type(text);
    this.presses += text.length;
    return this.settle(`type "${text}"`);
  }

  /** Wait for focus to settle after a key press; fail when it is lost or not shown. */
  async settle(what: string): Promise<FocusInfo> {
    const deadline = Date.now() + this.settleMs;
    let f = await deepFocus(this.page);
    while ((f.lost || !f.indicator || !f.rendered) && Date.now() < deadline) {
      await this.page.waitForTimeout(25);
      f = await deepFocus(this.page);
    }
    this.log.push(`${what} -> ${f.description}`);
    if (f.lost) throw new Error(`Focus was lost after ${what}: it is on ${f.description}.\nLast steps:\n${this.log.slice(-8).join('\n')}`);
    if (!f.rendered) throw new Error(`Focus is on an element that is not rendered after ${what}: ${f.description}`);
    if (!f.indicator) throw new Error(`No visible focus indicator after ${what} on ${f.description} (:focus-visible ${f.focusVisible})`);
    return f;
  }

  /** Tab (or Shift+Tab) until focus matches; fails with the path taken. */
  async tabTo(match: (f: FocusInfo) => boolean, opts: { back?: boolean; max?: number } = {}): Promise<FocusInfo> {
    const seen: string[] = [];
    for (let i = 0; i < (opts.max ?? 120); i++) {
      const f = await this.press(opts.back ? 'Shift+Tab' : 'Tab');
      if (match(f)) return f;
      seen.push(f.description);
    }
    throw new Error(`${opts.back ? 'Shift+Tab' : 'Tab'} never reached the wanted element. Visited:\n${seen.join('\n')}`);
  }

  /** Wait until focus is on an element that matches (after navigation: the new view's heading). */
  async expectFocus(match: (f: FocusInfo) => boolean, what: string): Promise<FocusInfo> {
    const deadline = Date.now() + 5000;
    let f = await deepFocus(this.page);
    while (!match(f) && Date.now() < deadline) {
      await this.page.waitForTimeout(25);
      f = await deepFocus(this.page);
    }
    if (!match(f)) throw new Error(`Expected focus on ${what}, but it is on ${f.description}`);
    return f;
  }
}

export const isButton = (text: string | RegExp) => (f: FocusInfo) =>
  f.tag === 'button' && (typeof text === 'string' ? f.text === text : text.test(f.text));
export const isHeading = (tag: string, text?: string) => (f: FocusInfo) => f.tag === tag && (text === undefined || f.text === text);

/**
 * Compare an accessibility-tree snapshot with tests/fixtures/aria/<name>.yaml. A missing fixture is
 * written only with UPDATE_ARIA=1 (which also rewrites a changed one); review it before committing.
 */
export async function expectAriaFixture(name: string, snapshot: string): Promise<void> {
  const file = path.join(ARIA_DIR, `${name}.yaml`);
  const text = snapshot.trimEnd() + '\n';
  if (process.env.UPDATE_ARIA === '1') {
    const old = existsSync(file) ? await readFile(file, 'utf8') : null;
    if (old !== text) {
      await mkdir(ARIA_DIR, { recursive: true });
      await writeFile(file, text);
      console.log(`UPDATE_ARIA=1: wrote ${path.relative(process.cwd(), file)} (review it before committing)`);
    }
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `No accessibility-tree fixture ${path.relative(process.cwd(), file)}. Create it with ` +
        `UPDATE_ARIA=1 npx vitest run --project browser tests/browser/acceptance-views.test.ts, then review it ` +
        `(names, roles and states of every control) before committing.`,
    );
  }
  expect(text, `accessibility tree of "${name}" differs from ${path.relative(process.cwd(), file)} (UPDATE_ARIA=1 rewrites it)`).toBe(
    await readFile(file, 'utf8'),
  );
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  course: Course;
  /** Uncaught page errors, console errors and failed requests. */
  errors: string[];
}

/** Install the fixed random seed, the setInterval record and `window.__a11y` in every page of a context. */
export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SEED_AND_TIMER_SCRIPT });
  await context.addInitScript({ content: PAGE_SCRIPT });
}

/**
 * A fresh context (fresh storage: a first launch) with the course loaded, seeded and instrumented: the
 * one way every browser test opens the built course.
 * `fakeClock`: Playwright's clock is installed before the course loads (time still flows), so a test
 * can run minutes of the page's timers at once (`page.clock.runFor`) instead of waiting for them.
 * `textFrom`: where the course's words come from. 'page' (the default) reads them as the page has
 * them, which loads every lesson's text at once; 'build' takes them from this repo's compiled course
 * (checked to be the page's version), so the page loads its text only as the learner moves on (the
 * shell's tests of what is fetched when, and of lessons read to their end).
 */
export async function openCourse(browser: Browser, url: string, options: OpenOptions & { textFrom?: 'page' | 'build' } = {}): Promise<Opened> {
  const { textFrom = 'page', ...rest } = options;
  const opened = await openPage(browser, url, rest);
  if (textFrom === 'page') return { ...opened, course: await courseIn(opened.page.locator('course-app')) };
  const version = await opened.page.evaluate(() => document.querySelector('course-app')!.course.version);
  const course = await fullCourse();
  if (version !== course.version) throw new Error('The test build and the compiled course differ: rebuild.');
  return { ...opened, course };
}

export type OpenOptions = BrowserContextOptions & { fakeClock?: boolean };

/** `openCourse` without the course's words: for a page of another course, or none needed. */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<Omit<Opened, 'course'>> {
  const { fakeClock, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  if (fakeClock) await context.clock.install();
  await instrument(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A failed load is reported below with its URL; the browser's own /favicon.ico request is not the course's.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(`${url}/index.html`);
  await page.locator('course-app main h1').first().waitFor();
  return { context, page, errors };
}

/**
 * Wait until the page has rendered twice and run its pending tasks: what a layout change, a scroll
 * or a media change triggers (resize and intersection observers, rendering) has happened by then.
 * An event to wait on, not a delay: on a slow machine it simply comes later.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/**
 * After the test itself switched the theme or the media: wait until the colour transitions that
 * the switch started (0.01 ms under reduced motion) have ended, so the motion check sees only the
 * page's own. Longer ones are not waited for: the motion check must still find them.
 */
export async function afterMediaSwitch(page: Page): Promise<void> {
  await settled(page);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || Number(a.effect?.getComputedTiming().duration ?? 0) > 1),
  );
}

/** The text of the view's h1 (the question prompt on a question screen). */
export async function mainHeading(page: Page): Promise<string> {
  return ((await page.locator('course-app main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** "Question 2 of 11" of the question on screen. */
export async function questionCaption(page: Page): Promise<string> {
  return ((await page.locator('quiz-view #question .caption').textContent()) ?? '').trim();
}

const button = (page: Page, host: string, text: string) => page.locator(`${host} button`, { hasText: text }).first();

/** What the tour tells its visitor about the state on screen. */
export interface TourState {
  /** Unique name, e.g. "quiz exit_models question 3 (matching)". */
  name: string;
  /** The view type (one aria fixture per kind): start, menu-open, lesson, quiz-intro, question-single, ... */
  kind: string;
  /** What the document title must start with. */
  title: string;
  /** The question on screen, on question and feedback states. */
  question?: Question;
}

export type Visit = (state: TourState) => Promise<void>;

/** Wait until the view's h1 reads `text` (views render asynchronously after a click). */
export async function waitForHeading(page: Page, text: string, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = await mainHeading(page);
  while (seen !== text && Date.now() < deadline) {
    await page.waitForTimeout(25);
    seen = await mainHeading(page);
  }
  if (seen !== text) throw new Error(`Expected the view's h1 "${text}", but it is "${seen}"`);
}

/**
 * Drive the course by mouse through every view and quiz state and call `visit` at each:
 * start, the course menu open, the display settings open, the glossary, each lesson (read to its
 * end), each quiz (intro, every question, the "nothing chosen" error, feedback right and not right, results, a retry of the wrong ones), a
 * passage reached from the results, the resume offer after a reload, the break page, the end.
 * Which answers are wrong: the first question of each type met (so every type shows both kinds of
 * feedback), then in the retry all right.
 */
export async function tour(opened: Opened, visit: Visit): Promise<string[]> {
  const { page, course } = opened;
  const names: string[] = [];
  const at = async (s: TourState) => {
    names.push(s.name);
    await visit(s);
  };
  const titled = (...parts: string[]) => [...parts, course.title].join(' – ');

  await at({ name: 'start', kind: 'start', title: titled('Start') });
  await page.locator('course-header #menu-button').click();
  await page.locator('course-header nav#course-menu').waitFor({ state: 'visible' });
  await at({ name: 'start, course menu open', kind: 'menu-open', title: titled('Start') });
  await page.locator('course-header #menu-button').click();
  await page.locator('course-header #display-button').click();
  await page.locator('course-header display-settings').waitFor({ state: 'visible' });
  await at({ name: 'start, display settings open', kind: 'settings', title: titled('Start') });
  await page.locator('course-header #display-button').click();
  await page.locator('course-header display-settings').waitFor({ state: 'hidden' });
  await button(page, 'start-page', 'glossary').click();
  await waitForHeading(page, 'Glossary');
  await at({ name: 'glossary (from the start page)', kind: 'glossary', title: titled('Glossary') });
  await button(page, 'glossary-page', 'Back to Start').click();
  await waitForHeading(page, course.title);
  await button(page, 'start-page', 'Start the course').click();

  const wrongTypes = new Set<string>();
  let resumeDone = false;
  let errorDone = false;
  for (let li = 0; li < course.lessons.length; li++) {
    const lesson = course.lessons[li];
    await waitForHeading(page, lesson.title);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('lesson-view .read-state').waitFor();
    await at({ name: `lesson ${lesson.id}`, kind: 'lesson', title: titled(lesson.title) });
    await page.locator('lesson-view button.next').click();

    for (const quiz of course.quizzes.filter((q) => q.lessonId === lesson.id)) {
      const quizTitle = (...parts: string[]) => titled(...parts, quiz.title);
      await waitForHeading(page, quiz.title);
      await at({ name: `quiz ${quiz.id} intro`, kind: 'quiz-intro', title: quizTitle() });
      await button(page, 'quiz-view', 'Start the quiz').click();

      for (let attempt = 1; attempt <= 2; attempt++) {
        for (;;) {
          await page.locator('quiz-view #question').waitFor();
          const q = await questionOnScreen(page, quiz);
          const caption = await questionCaption(page);
          const label = `quiz ${quiz.id} attempt ${attempt} ${caption.toLowerCase()} (${q.type})`;
          await at({ name: label, kind: `question-${q.type}`, title: quizTitle(caption), question: q });
          if (!resumeDone && li === 0 && caption.startsWith('Question 3 ')) {
            resumeDone = true;
            await takeBreakAndResume(page, at, titled, quiz, q);
          }
          if (!errorDone) {
            errorDone = true;
            await button(page, 'quiz-view', 'Submit answer').click();
            await page.locator('quiz-view .error-summary').waitFor();
            await at({ name: `${label}, nothing chosen: error`, kind: 'error', title: `Error: ${quizTitle(caption)}`, question: q });
          }
          const right = attempt === 2 || wrongTypes.has(q.type);
          wrongTypes.add(q.type);
          await answerQuestion(page, q, right);
          await button(page, 'quiz-view', 'Submit answer').click();
          await page.locator('quiz-view question-feedback').waitFor();
          const outcome = ((await page.locator('quiz-view question-feedback h2').textContent()) ?? '').trim();
          const kind = outcome === 'Correct' ? 'feedback-correct' : outcome === 'Not quite' ? 'feedback-incorrect' : 'feedback-partial';
          await at({ name: `${label}, feedback "${outcome}"`, kind: `${kind}`, title: quizTitle(caption), question: q });
          const last = await button(page, 'quiz-view', 'See your results').count();
          await button(page, 'quiz-view', last ? 'See your results' : 'Next question').click();
          if (last) break;
        }
        await waitForHeading(page, 'Your results');
        await at({ name: `quiz ${quiz.id} attempt ${attempt} results`, kind: `results`, title: quizTitle('Your results') });
        const retry = page.locator('quiz-results button', { hasText: 'Try only the questions I got wrong' });
        if (attempt === 2 || (await retry.count()) === 0) break;
        if (li === 0) {
          // A passage reached from the results, with "Back to the question".
          await page.locator('quiz-results a', { hasText: 'Review this in the lesson' }).first().click();
          await page.locator('lesson-view .passage-highlight').waitFor();
          await at({ name: `lesson ${lesson.id}, passage from the results`, kind: 'lesson-passage', title: titled(lesson.title) });
          await page.locator('lesson-view .back-top button').click();
          await waitForHeading(page, 'Your results');
        }
        await retry.click();
      }
      await button(page, 'quiz-results', 'Continue').click();
    }
  }
  await waitForHeading(page, 'Finish');
  await at({ name: 'end', kind: 'end', title: titled('Finish') });
  await button(page, 'course-header', 'Take a break').click();
  await waitForHeading(page, 'Take a break');
  await page.locator('break-page .lead', { hasText: 'Your progress is saved.' }).waitFor();
  await at({ name: 'break (from the end page)', kind: 'break', title: titled('Taking a break') });
  return names;
}

/** Mid-quiz: take a break and carry on, then reload and accept the resume offer; both return to the same question. */
async function takeBreakAndResume(page: Page, at: (s: TourState) => Promise<void>, titled: (...p: string[]) => string, quiz: Quiz, q: Question) {
  const prompt = await mainHeading(page);
  const caption = await questionCaption(page);
  await button(page, 'course-header', 'Take a break').click();
  await waitForHeading(page, 'Take a break');
  await page.locator('break-page .lead', { hasText: 'Your progress is saved.' }).waitFor();
  await at({ name: `break (from ${quiz.id} ${caption.toLowerCase()})`, kind: 'break', title: titled('Taking a break') });
  await button(page, 'break-page', 'Carry on where I was').click();
  await waitForHeading(page, prompt);
  expect(await questionCaption(page)).toBe(caption);
  await page.reload();
  await page.locator('start-page .resume').waitFor();
  await at({ name: 'start, resume offer after a reload', kind: 'resume-offer', title: titled('Start') });
  await button(page, 'start-page', 'Continue where you left off').click();
  await waitForHeading(page, prompt);
  expect(await questionCaption(page)).toBe(caption);
  expect((await questionOnScreen(page, quiz)).id).toBe(q.id);
}
