import { describe, expect, it } from 'vitest';
import { minifyCssLiterals, minifyCssText } from '../../src/content/rollup-minify-css.ts';

describe('CSS literal minifier', () => {
  it('drops comments and indentation but keeps meaningful spaces', () => {
    const css = `
      /* why */
      .a :focus-visible,
      .b > .c {
        margin: 0 auto;
        font: 1rem/1.5 system-ui, sans-serif;
      }`;
    expect(minifyCssText(css)).toBe('.a :focus-visible,.b > .c{margin: 0 auto;font: 1rem/1.5 system-ui,sans-serif}');
  });
  it('only touches css tagged templates, not backticks in comments or other templates', () => {
    const code = "// Lit `css` results\nconst s = css`\n  p {  color: red;  }\n`;\nconst h = html`<p>  x  </p>`;";
    expect(minifyCssLiterals(code)).toBe("// Lit `css` results\nconst s = css`p{color: red}`;\nconst h = html`<p>  x  </p>`;");
  });
  it('keeps interpolations as they are', () => {
    expect(minifyCssLiterals('x = css` a { b: ${v}; } `')).toBe('x = css`a{b: ${v}}`');
  });
});
