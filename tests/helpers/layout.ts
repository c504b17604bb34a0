/**
 * Layout checks of the view on screen at phone, tablet and desktop widths, light and dark (and in
 * print): the main content fills the column the layout gives it, nothing overlaps it, and the page
 * does not scroll sideways. Geometry only, read from the real rendering (getBoundingClientRect
 * through the open shadow roots), so a view that falls into the wrong grid column fails here even
 * when every axe rule passes (the "Take a break" page at 1280 px once sat in the 16rem outline column).
 */
import type { Page } from 'playwright-core';
import { afterMediaSwitch, settled } from './a11y.ts';

export interface LayoutVariant {
  width: number;
  height: number;
  theme: 'light' | 'dark';
  media?: 'print';
}

/** 320 px (WCAG reflow), a tablet, and a desktop wide enough for the outline beside the view. */
export const LAYOUT_WIDTHS = [
  { width: 320, height: 640 },
  { width: 768, height: 1024 },
  { width: 1280, height: 900 },
] as const;

export const LAYOUT_VARIANTS: LayoutVariant[] = LAYOUT_WIDTHS.flatMap((size) => (['light', 'dark'] as const).map((theme) => ({ ...size, theme })));

/** Print is one more variant: the page is laid out for paper, whatever the window's size. */
export const PRINT_VARIANT: LayoutVariant = { width: 1280, height: 900, theme: 'light', media: 'print' };

const label = (v: LayoutVariant) => `${v.width} px ${v.theme}${v.media ? ` ${v.media}` : ''}`;

/**
 * The in-page check, returning problems as readable lines. A string, not a function, so that no
 * transpiler helper (esbuild's `__name`) can leak into the page (as in a11y.ts).
 */
const MEASURE = `(() => {
  const problems = [];
  const px = (n) => Math.round(n);
  const app = document.querySelector('course-app');
  const root = app && app.shadowRoot;
  const main = root && root.querySelector('main');
  const layout = root && root.querySelector('.layout');
  if (!main || !layout) return ['no course-app main'];
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
  };
  const intersect = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const vw = document.documentElement.clientWidth;
  const m = main.getBoundingClientRect();
  const ms = getComputedStyle(main);

  // Main fills its column: the page width, less the outline beside it when there is one.
  const outline = root.querySelector('course-outline');
  const o = shown(outline) ? outline.getBoundingClientRect() : null;
  const gap = parseFloat(getComputedStyle(layout).columnGap) || 0;
  // A max-width in px caps a box on purpose (the page width, a reading measure); 'none' or a
  // percentage does not.
  const cap = (cs) => (cs.maxWidth.endsWith('px') ? parseFloat(cs.maxWidth) : Infinity);
  const maxWidth = cap(ms);
  const column = Math.min(maxWidth, vw - (o ? o.width + gap : 0));
  if (m.width < column - 2) problems.push('main is ' + px(m.width) + ' px wide where its column allows ' + px(column) + ' px');
  if (m.left < -1 || m.right > vw + 1) problems.push('main spans ' + px(m.left) + '-' + px(m.right) + ' px, outside the ' + vw + ' px window');
  if (o && intersect(o, m)) problems.push('main overlaps the course outline');
  const sw = document.documentElement.scrollWidth;
  if (sw > vw) problems.push('the page scrolls sideways (' + sw + ' > ' + vw + ' px)');

  // The view fills main's content box, up to its own reading measure when it has one.
  const view = root.querySelector('#view');
  if (!shown(view)) problems.push('no view (#view) shown in main');
  else {
    const v = view.getBoundingClientRect();
    const inner = m.width - parseFloat(ms.paddingLeft) - parseFloat(ms.paddingRight);
    const measure = cap(getComputedStyle(view));
    if (v.width < Math.min(inner, measure) - 2) {
      problems.push('the view is ' + px(v.width) + ' px wide in a main of ' + px(inner) + ' px' + (measure < Infinity ? ' (its measure: ' + px(measure) + ' px)' : ''));
    }
  }

  // Nothing overlaps the main content: the header above it, nor the blocks of main and of the view each other.
  const header = root.querySelector('course-header');
  if (shown(header) && getComputedStyle(header).position !== 'fixed') {
    const h = header.getBoundingClientRect();
    if (h.bottom > m.top + 1 && intersect(h, m)) problems.push('the header (bottom ' + px(h.bottom) + ') overlaps main (top ' + px(m.top) + ')');
  }
  const blocks = (parent) =>
    [...((parent && parent.children) || [])].filter((el) => {
      if (!shown(el) || /^(STYLE|SCRIPT|SLOT)$/.test(el.tagName) || el.classList.contains('visually-hidden')) return false;
      const p = getComputedStyle(el).position;
      return p !== 'absolute' && p !== 'fixed' && p !== 'sticky';
    });
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const viewRoot = view && view.shadowRoot;
  for (const group of [blocks(main), blocks(viewRoot), blocks(viewRoot && viewRoot.querySelector('.view'))]) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (intersect(group[i].getBoundingClientRect(), group[j].getBoundingClientRect())) problems.push(name(group[i]) + ' overlaps ' + name(group[j]));
      }
    }
  }
  return problems;
})()`;

/** Problems of the view on screen as it is now (see the file's header). */
export async function layoutProblems(page: Page): Promise<string[]> {
  const scroll = await page.evaluate(() => window.scrollY);
  // Measured at the top: a sticky header may rightly cover content scrolled under it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const problems = (await page.evaluate(MEASURE)) as string[];
  await page.evaluate((y) => window.scrollTo(0, y), scroll);
  return problems;
}

/**
 * Check the view on screen in every variant, then put the page back as it was (size, light, screen).
 * Returns problems prefixed with the variant, e.g. "1280 px light: main is 256 px wide ...".
 */
export async function layoutProblemsEverywhere(page: Page, variants: LayoutVariant[] = LAYOUT_VARIANTS): Promise<string[]> {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  const out: string[] = [];
  try {
    for (const v of variants) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.theme, media: v.media ?? 'screen' });
      // The resize and the media change laid out.
      await settled(page);
      out.push(...(await layoutProblems(page)).map((p) => `${label(v)}: ${p}`));
    }
  } finally {
    await page.setViewportSize(before);
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    await afterMediaSwitch(page);
  }
  return out;
}
