/**
 * The acceptance suite's checkers can fail: on a small page with one known fault of each kind
 * (inside a shadow root, like the course), each checker in tests/helpers/a11y.ts reports it, and
 * reports nothing on the same page once the fault is gone. Without this, "zero problems found" on
 * the course could mean a checker that sees nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { testDist } from '../helpers/test-dist.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import {
  KeyboardWalker,
  applyTextSpacing,
  axeViolations,
  expectAriaFixture,
  clippedText,
  colourOnlyLinks,
  forcedColorsProblems,
  horizontalScroll,
  instrument,
  intervals,
  removeTextSpacing,
  runningMotion,
  smallTargets,
} from '../helpers/a11y.ts';

const FAULTS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checker faults</title></head>
<body>
<main><h1>Faults</h1><div id="host"></div></main>
<script>
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = \`
  <style>
    .tiny { width: 12px; height: 12px; padding: 0; margin: 0; border: 1px solid; display: inline-block; vertical-align: top; }
    .clip { width: max-content; height: 1.5em; line-height: 1.5; overflow: hidden; font-size: 16px; margin: 0; }
    .moving { transition: color 300ms; }
    .noring:focus { outline: none; box-shadow: none; }
    .bare { border: 0; background: #ddd; min-height: 44px; }
    a.plain { text-decoration: none; color: #1d5c7a; }
    .wide { width: 2000px; height: 10px; }
    .fine { min-width: 44px; min-height: 44px; border: 2px solid; }
  </style>
  <p><button class="tiny" aria-label="one"></button><button class="tiny" aria-label="two"></button></p>
  <p class="clip">Some words that fit on one line</p>
  <button class="moving fine">Moving</button>
  <button class="noring fine">No ring</button>
  <button class="bare">Bare</button>
  <p>Read <a class="plain" href="#x">this link</a> in a sentence.</p>
  <div class="wide"></div>
  <button class="fine vanish">Vanish</button>
  \`;
  // Just wide enough for its text on one line: the text-spacing overrides make it wrap, and the second line is cut off.
  const clip = root.querySelector('.clip');
  clip.style.width = Math.ceil(clip.getBoundingClientRect().width * 1.08) + 'px';
  root.querySelector('.vanish').addEventListener('click', (e) => e.currentTarget.remove());
  setInterval(() => {}, 60000);
</script>
</body></html>`;

const env = useBrowserAndServer(() => serve(testDist(), { routes: { '/faults.html': ['text/html; charset=utf-8', FAULTS] } }));
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await env.browser.newContext({ viewport: { width: 800, height: 600 } });
  await instrument(context);
  page = await context.newPage();
  await page.goto(`${env.server.url}/faults.html`);
});

/** Remove the elements with this class from the shadow root (to see the checker go quiet). */
const remove = (cls: string) =>
  page.evaluate((c) => document.getElementById('host')!.shadowRoot!.querySelectorAll(`.${c}`).forEach((el) => el.remove()), cls);

describe('each acceptance checker finds its fault inside a shadow root', () => {
  it('axe-core runs with the WCAG tags and sees into shadow roots (unnamed buttons would be found)', async () => {
    await page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelectorAll('.tiny').forEach((b) => b.removeAttribute('aria-label')));
    expect((await axeViolations(page)).join('\n')).toMatch(/^button-name/m);
    await page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelectorAll('.tiny').forEach((b, i) => b.setAttribute('aria-label', `b${i}`)));
    expect((await axeViolations(page)).join('\n')).not.toMatch(/button-name/);
  });

  it('target size: two 12 px buttons side by side', async () => {
    const found = await smallTargets(page);
    expect(found.join('\n')).toMatch(/button\.tiny .* is 12x12 px and too close to/);
  });

  it('text spacing reaches shadow roots, and clipped text is reported', async () => {
    expect(await clippedText(page)).toEqual([]);
    expect(await applyTextSpacing(page)).toBe(2);
    const spacing = await page.evaluate(() => getComputedStyle(document.getElementById('host')!.shadowRoot!.querySelector('.clip')!).letterSpacing);
    expect(parseFloat(spacing)).toBeCloseTo(0.12 * 16, 1);
    expect((await clippedText(page)).join('\n')).toMatch(/p\.clip .* cuts off text vertically/);
    await removeTextSpacing(page);
    expect(await clippedText(page)).toEqual([]);
  });

  it('motion: a 300 ms transition and smooth scrolling', async () => {
    await page.evaluate(() => (document.documentElement.style.scrollBehavior = 'smooth'));
    const found = (await runningMotion(page)).join('\n');
    expect(found).toMatch(/button\.moving.* has a transition of 0\.3s/);
    expect(found).toMatch(/html .* scrolls smoothly/);
    await page.evaluate(() => (document.documentElement.style.scrollBehavior = ''));
    await remove('moving');
    expect(await runningMotion(page)).toEqual([]);
  });

  it('forced colours: a button with no border', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    expect((await forcedColorsProblems(page)).join('\n')).toMatch(/button\.bare "Bare" has no border or outline/);
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it('colour alone: a link in a sentence without underline', async () => {
    expect((await colourOnlyLinks(page)).join('\n')).toMatch(/a\.plain "this link" is in running text but not underlined/);
  });

  it('reflow: a 2000 px wide box makes the page scroll sideways', async () => {
    expect(await horizontalScroll(page)).toMatch(/scrolls sideways/);
    await remove('wide');
    expect(await horizontalScroll(page)).toBeNull();
  });

  it('timers: setInterval is recorded', async () => {
    expect(await intervals(page)).toHaveLength(1);
  });

  it('accessibility-tree fixtures: a missing one fails and says how to make it; a different snapshot fails', async () => {
    const saved = process.env.UPDATE_ARIA;
    delete process.env.UPDATE_ARIA;
    try {
      await expect(expectAriaFixture('no-such-view', '- main')).rejects.toThrow(/No accessibility-tree fixture .*no-such-view\.yaml.*UPDATE_ARIA=1/);
      await expect(expectAriaFixture('start', '- main:\n  - heading "Something else" [level=1]')).rejects.toThrow(/accessibility tree of "start" differs/);
    } finally {
      if (saved !== undefined) process.env.UPDATE_ARIA = saved;
    }
  });

  it('keyboard walker: no visible focus indicator fails, and so does focus lost to <body>', async () => {
    const kb = new KeyboardWalker(page, { settleMs: 300 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(kb.tabTo((f) => f.text === 'Never there', { max: 12 })).rejects.toThrow(/No visible focus indicator .* button\.noring/);
    await page.locator('button.vanish').focus();
    await expect(kb.press('Enter')).rejects.toThrow(/Focus was lost after Enter/);
  });
});
