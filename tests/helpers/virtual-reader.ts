/**
 * A virtual screen reader in the test page: @guidepup/virtual-screen-reader, bundled with esbuild
 * (no network) and added to the page, reading the course as a listener would hear it.
 *
 * The reader walks the light DOM only, and the course lives in shadow roots. So `hear()` first copies
 * the composed tree of one part of the page (shadow roots entered, slots filled with their assigned
 * nodes) into a plain light-DOM container, keeping everything a screen reader uses: roles, ARIA
 * attributes (ids made unique per shadow root, and every id reference rewritten to match, so
 * aria-labelledby, aria-describedby and label[for] resolve as they do in their own root), form state
 * (checked, selected, value, disabled) and what is not rendered (display: none or visibility: hidden
 * in the real page becomes `hidden` in the copy; visually hidden text stays, as it is read). The
 * reader then reads the copy from its start to its end, one `next()` at a time.
 *
 * What the copy cannot show: CSS generated content (the course keeps none in accessible names) and live
 * announcements (`announced()` reads the live regions' current text instead).
 */
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

let bundle: Promise<string> | null = null;

/** The reader's browser build as one script (window.__vsr), made once per test run. */
function readerScript(): Promise<string> {
  bundle ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@guidepup/virtual-screen-reader/browser.js');
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: '__vsr', write: false, platform: 'browser', logLevel: 'silent' });
    return out.outputFiles[0].text;
  })();
  return bundle;
}

/** In-page code (a string, so no transpiler helper leaks into the page). */
const FLATTEN_SCRIPT = `
(() => {
  if (window.__hear) return;
  const REFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-errormessage', 'aria-activedescendant', 'for', 'headers', 'list'];
  let rootIds = new Map();
  function rootKey(node) {
    const root = node.getRootNode();
    if (!rootIds.has(root)) rootIds.set(root, 'r' + rootIds.size + '-');
    return rootIds.get(root);
  }
  function rendered(el) {
    const cs = getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility !== 'hidden';
  }
  function copy(node, into) {
    if (node.nodeType === Node.TEXT_NODE) {
      into.append(document.createTextNode(node.textContent));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node;
    const tag = el.localName;
    if (tag === 'style' || tag === 'script' || tag === 'template') return;
    if (tag === 'slot') {
      const assigned = el.assignedNodes({ flatten: true });
      for (const n of assigned.length ? assigned : el.childNodes) copy(n, into);
      return;
    }
    // A custom element becomes a plain container (its shadow tree is what is rendered).
    const custom = tag.includes('-');
    const out = document.createElement(custom ? 'div' : tag);
    const key = rootKey(el);
    for (const a of el.attributes) {
      if (a.name === 'id') out.setAttribute('id', key + a.value);
      else if (REFS.includes(a.name)) out.setAttribute(a.name, a.value.split(/\\s+/).filter(Boolean).map((v) => key + v).join(' '));
      else if (a.name !== 'style' && a.name !== 'class' && !a.name.startsWith('@')) out.setAttribute(a.name, a.value);
    }
    if (!rendered(el)) out.setAttribute('hidden', '');
    if (tag === 'input' && (el.type === 'radio' || el.type === 'checkbox')) el.checked ? out.setAttribute('checked', '') : out.removeAttribute('checked');
    if (tag === 'input' && el.type !== 'radio' && el.type !== 'checkbox') out.setAttribute('value', el.value);
    if (tag === 'option') el.selected ? out.setAttribute('selected', '') : out.removeAttribute('selected');
    if ('disabled' in el && el.disabled) out.setAttribute('disabled', '');
    if (tag === 'progress') { out.setAttribute('value', String(el.value)); out.setAttribute('max', String(el.max)); }
    into.append(out);
    const children = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
    for (const c of children) copy(c, out);
  }
  function find(path) {
    let root = document;
    let el = null;
    for (const sel of path) {
      el = root.querySelector(sel);
      if (!el) throw new Error('hear(): nothing matches ' + sel + ' in ' + path.join(' >> '));
      root = el.shadowRoot || el;
    }
    return el;
  }
  window.__hear = async (path, max) => {
    rootIds = new Map();
    const source = find(path);
    const box = document.createElement('div');
    box.id = '__hear-copy';
    copy(source, box);
    document.body.append(box);
    const { virtual } = window.__vsr;
    try {
      await virtual.start({ container: box });
      // Read to the end: the reader either says "end of document" or wraps round to its first phrase.
      let first = null;
      for (let i = 0; i < max; i++) {
        await virtual.next();
        const log = await virtual.spokenPhraseLog();
        const last = log[log.length - 1];
        if (first === null && last !== 'document') first = last;
        else if (last === first && log.length > 2) return log.slice(0, -1);
        if (last === 'end of document') return log;
      }
      throw new Error('hear(): still reading after ' + max + ' steps');
    } finally {
      await virtual.stop();
      box.remove();
    }
  };
})();
`;

/** Add the reader to the page (again after a reload). */
export async function installReader(page: Page): Promise<void> {
  const has = await page.evaluate(() => typeof (window as unknown as { __vsr?: unknown }).__vsr !== 'undefined');
  if (!has) await page.addScriptTag({ content: await readerScript() });
  await page.addScriptTag({ content: FLATTEN_SCRIPT });
}

/**
 * What a listener hears reading one part of the page from its start: `path` is a chain of selectors,
 * each looked up inside the previous match's shadow root, e.g. ['course-app', 'main'] or
 * ['course-app', 'course-outline', 'nav']. The phrases, without the reader's own "document" framing.
 */
export async function hear(page: Page, path: string[], max = 400): Promise<string[]> {
  await installReader(page);
  const log = await page.evaluate(([p, m]) => (window as unknown as { __hear: (p: string[], m: number) => Promise<string[]> }).__hear(p, m), [path, max] as const);
  return log.filter((phrase) => phrase !== 'document' && phrase !== 'end of document');
}

/**
 * What a listener hears of a glossary term in a lesson and, once open, its definition. `termPath` finds the term's control (e.g.
 * ['course-app', 'lesson-view', '.glossary-term']). Kept here so the case is one line in the test.
 */
export function hearGlossaryTerm(page: Page, termPath: string[]): Promise<string[]> {
  return hear(page, termPath);
}
