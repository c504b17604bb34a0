import { describe, expect, it } from 'vitest';
import { pageCss, withDeviceDarkTheme } from '../../src/content/page-css.ts';

/** The declarations of the first rule whose selector is exactly `selector`. */
function declarations(css: string, selector: string): string[] {
  const at = css.indexOf(`${selector} {`);
  expect(at, `${selector} is in the stylesheet`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return body.split(';').map((d) => d.trim()).filter(Boolean);
}

describe('the page stylesheet: one dark palette, for the learner\u2019s choice and the device\u2019s', () => {
  it('the shipped course.css holds the same dark declarations under both selectors', () => {
    const css = pageCss();
    const chosen = declarations(css, ":root[data-theme='dark']");
    expect(chosen.length).toBeGreaterThan(10);
    expect(chosen).toContain('--theme-bg: #15191c');
    const media = css.slice(css.lastIndexOf('@media (prefers-color-scheme: dark) {'));
    expect(declarations(media, ":root:not([data-theme='light'])")).toEqual(chosen);
  });

  it('fails the build with the file\u2019s name when the palette is missing or written twice', () => {
    expect(() => withDeviceDarkTheme(':root { --a: 1; }', 'x.css')).toThrow(/x\.css: no ":root\[data-theme='dark'\] \{ … \}" rule/);
    expect(() => withDeviceDarkTheme(":root[data-theme='dark'] { --a: 1; }\n@media (prefers-color-scheme: dark) { :root { --a: 1; } }", 'x.css')).toThrow(
      /x\.css: write the dark palette once/,
    );
  });
});
