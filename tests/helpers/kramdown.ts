/**
 * The oracle: Debian's kramdown (ruby-kramdown + ruby-kramdown-parser-gfm) with Jekyll's defaults,
 * the renderer the review site itself uses. One Ruby process renders a whole batch of pages.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.join(import.meta.dirname, 'kramdown-render.rb');
export const KRAMDOWN_PACKAGES = 'ruby-kramdown ruby-kramdown-parser-gfm';

/** Jekyll hands kramdown the page without its front matter. */
export function pageBody(page: string): string {
  const text = page.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Render page bodies with kramdown. Throws with the packages to install when Ruby or kramdown is missing. */
export function renderKramdown(bodies: string[]): string[] {
  const r = spawnSync('ruby', [SCRIPT], { input: JSON.stringify(bodies), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.stderr.trim().split('\n')[0];
    throw new Error(`kramdown (the oracle) cannot run (${why}). Install Debian's packages: apt-get install ruby ${KRAMDOWN_PACKAGES} (scripts/ensure-tools.mjs does it when it can).`);
  }
  return JSON.parse(r.stdout) as string[];
}
