/**
 * Accessibility acceptance: reflow and text spacing in every view and quiz state (the same tour as
 * acceptance-views), on a phone-sized window (320 x 640 CSS px) and at 400% zoom (a 1280 x 1024
 * window at 400% is a 320 x 256 CSS px viewport with 4 device pixels per CSS pixel, which is how
 * it is emulated here). In each state:
 * - WCAG 1.4.10 Reflow: the page never scrolls sideways (documentElement.scrollWidth <= clientWidth);
 * - WCAG 1.4.12 Text Spacing: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em
 *   and word spacing 0.16em injected into the document and every shadow root, no text is cut off
 *   by an element that hides overflow and the page still does not scroll sideways;
 * - WCAG 2.5.8 Target Size (phone width): every target is at least 24 x 24 px or spaced.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { applyTextSpacing, clippedText, horizontalScroll, openCourse, removeTextSpacing, smallTargets, tour } from '../helpers/a11y.ts';

const env = useBrowserAndServer();

interface Findings {
  states: string[];
  reflow: Record<string, string>;
  spacingClipped: Record<string, string[]>;
  spacingReflow: Record<string, string>;
  targets: Record<string, string[]>;
  /** The most document and shadow roots the text-spacing overrides reached in one state. */
  spacingRoots: number;
  width: number;
  ratio: number;
}

/** The tour at one window size, with the reflow and text-spacing checks in every state. */
async function run(viewport: { width: number; height: number }, deviceScaleFactor: number, targets: boolean): Promise<Findings> {
  const opened = await openCourse(env.browser, env.server.url, { viewport, deviceScaleFactor });
  const { page } = opened;
  const f: Findings = { states: [], reflow: {}, spacingClipped: {}, spacingReflow: {}, targets: {}, spacingRoots: 0, width: 0, ratio: 0 };
  ({ width: f.width, ratio: f.ratio } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, ratio: window.devicePixelRatio })));
  const check = async (p: Page, name: string) => {
    const scroll = await horizontalScroll(p);
    if (scroll) f.reflow[name] = scroll;
    if (targets) {
      const small = await smallTargets(p);
      if (small.length) f.targets[name] = small;
    }
    f.spacingRoots = Math.max(f.spacingRoots, await applyTextSpacing(p));
    const clipped = await clippedText(p);
    if (clipped.length) f.spacingClipped[name] = clipped;
    const spaced = await horizontalScroll(p);
    if (spaced) f.spacingReflow[name] = spaced;
    await removeTextSpacing(p);
  };
  f.states = await tour(opened, (s) => check(page, s.name));
  await opened.context.close();
  return f;
}

describe('reflow and text spacing', () => {
  it('320 CSS px wide: no sideways scrolling, nothing clipped with text spacing, targets at least 24 px', async () => {
    const f = await run({ width: 320, height: 640 }, 1, true);
    expect(f.width).toBe(320);
    expect(f.states.length).toBeGreaterThan(40);
    expect(f.reflow).toEqual({});
    expect(f.spacingRoots).toBeGreaterThan(5);
    expect(f.spacingClipped).toEqual({});
    expect(f.spacingReflow).toEqual({});
    expect(f.targets).toEqual({});
  }, 180_000);

  it('400% zoom (1280 x 1024 window = 320 x 256 CSS px at 4 device px each): no sideways scrolling, nothing clipped', async () => {
    const f = await run({ width: 320, height: 256 }, 4, false);
    expect(f.width).toBe(320);
    expect(f.ratio).toBe(4);
    expect(f.states.length).toBeGreaterThan(40);
    expect(f.reflow).toEqual({});
    expect(f.spacingRoots).toBeGreaterThan(5);
    expect(f.spacingClipped).toEqual({});
    expect(f.spacingReflow).toEqual({});
  }, 180_000);
});
