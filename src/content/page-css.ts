/**
 * The page stylesheet (src/styles/global.css) as the package ships it. The dark palette is written
 * once there, for `:root[data-theme='dark']` (the learner chose it); CSS cannot join that selector
 * and `@media (prefers-color-scheme: dark)` (the device asks for it, the learner chose nothing) in one
 * rule, so the build writes the same declarations a second time for the device, and the two can never
 * drift apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PAGE_CSS_SOURCE = path.join(import.meta.dirname, '../styles/global.css');

const DARK_SELECTOR = ":root[data-theme='dark']";

/** global.css with the device's dark theme added after the learner's. */
export function pageCss(file = PAGE_CSS_SOURCE): string {
  return withDeviceDarkTheme(readFileSync(file, 'utf8'), file);
}

/** Add `@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { …the dark palette… } }`. */
export function withDeviceDarkTheme(css: string, file = 'global.css'): string {
  const start = css.indexOf(`${DARK_SELECTOR} {`);
  if (start < 0) throw new Error(`${file}: no "${DARK_SELECTOR} { … }" rule: the dark palette must be written there, once.`);
  const open = css.indexOf('{', start);
  const close = css.indexOf('}', open);
  const body = css.slice(open + 1, close);
  if (body.includes('{')) throw new Error(`${file}:${lineOf(css, start)}: the "${DARK_SELECTOR}" rule must hold declarations only.`);
  if (/@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''))) {
    throw new Error(`${file}: write the dark palette once, for "${DARK_SELECTOR}"; the build adds the prefers-color-scheme rule.`);
  }
  const device = `\n@media (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {${body.replace(/\n/g, '\n  ')}}\n}`;
  return css.slice(0, close + 1) + device + css.slice(close + 1);
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
