import { describe, expect, it } from 'vitest';
import { minifyHtmlLiterals } from '../../src/content/rollup-minify-html.ts';

describe('minifyHtmlLiterals (build-time white space of Lit html templates)', () => {
  it('turns a run of white space with a line break into one space, in text and between attributes', () => {
    const code = 'const t = html`<div class="a">\n      <button\n        type="button"\n        @click=${f}>\n    Go\n  </button>\n</div>`;';
    expect(minifyHtmlLiterals(code)).toBe('const t = html`<div class="a"> <button type="button" @click=${f}> Go </button> </div>`;');
  });

  it('keeps white space without a line break, and a no-break space, as written', () => {
    const code = 'html`<p>a  b\u00a0\u00a0c</p>`';
    expect(minifyHtmlLiterals(code)).toBe(code);
  });

  it('never touches quoted attribute values, even across a binding', () => {
    const code = 'html`<p\n  aria-label="one\n   two ${x}\n three"\n  title=\'a\n b\'>x</p>`';
    expect(minifyHtmlLiterals(code)).toBe('html`<p aria-label="one\n   two ${x}\n three" title=\'a\n b\'>x</p>`');
  });

  it('minifies templates nested in bindings, and leaves the expressions alone', () => {
    const code = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`; const s = `keep\n   this`;';
    expect(minifyHtmlLiterals(code)).toBe('html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`; const s = `keep\n   this`;');
  });

  it('drops authored comments, keeps one that holds a binding', () => {
    expect(minifyHtmlLiterals('html`<p>a</p>\n  <!-- why -->\n  <p>b</p>`')).toBe('html`<p>a</p> <p>b</p>`');
    expect(minifyHtmlLiterals('html`<!-- ${x}\n -->\n<p>`')).toBe('html`<!-- ${x}\n --> <p>`');
  });

  it('leaves a template with <pre> or <textarea> exactly as written', () => {
    const code = 'html`<pre>\n  a\n    b\n</pre>`; html`<textarea>\n x</textarea>`';
    expect(minifyHtmlLiterals(code)).toBe(code);
  });

  it('keeps escapes in the raw text and ignores other tags and plain strings', () => {
    const code = 'css`a {\n}`; x = html`<p>\\`q\\`\\n\n  </p>`; y = "html`<p>\\n  </p>`";';
    expect(minifyHtmlLiterals(code)).toBe('css`a {\n}`; x = html`<p>\\`q\\`\\n </p>`; y = "html`<p>\\n  </p>`";');
  });
});
