import { describe, expect, it } from 'vitest';
import { classifyUrl, sanitizeHtml } from '../../src/content/sanitize.ts';
import { markdownToSafeHtml } from '../../src/content/markdown.ts';

/** Everything that could run code or load something from the network. */
function assertInert(html: string): void {
  expect(html).not.toMatch(/<\s*(script|style|iframe|object|embed|form|input|svg|math|template|link|meta|base)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/(javascript|vbscript|data)\s*:/i);
}

describe('sanitizeHtml', () => {
  it('keeps allowed structure and text', () => {
    const html = '<h2 id="a">Title</h2><p>One <em>two</em> <strong>three</strong><sup>3</sup></p><ul><li>x</li></ul>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops script, style, iframe, object, embed, form and template together with their content', () => {
    const out = sanitizeHtml(
      '<p>a</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://x.test">inner</iframe>' +
        '<object data="x"><p>fallback</p></object><embed src="x"><form><input value="v"><button>b</button></form>' +
        '<template><p>tpl</p></template><link rel="stylesheet" href="x.css"><meta http-equiv="refresh" content="0">' +
        '<base href="https://evil.test/"><p>b</p>',
    );
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('drops svg and math with everything inside, including scripts and links', () => {
    const out = sanitizeHtml('<svg><script>alert(1)</script><a href="javascript:alert(1)"><text>t</text></a></svg><math><mi>x</mi></math>ok');
    expect(out).toBe('ok');
  });

  it('removes every event handler and style attribute', () => {
    const out = sanitizeHtml('<p onclick="x()" ONMOUSEOVER="y()" style="color:red" class="lead">t</p><img src="a.png" alt="A" onerror="z()">');
    expect(out).toBe('<p class="lead">t</p><img src="a.png" alt="A">');
    assertInert(out);
  });

  it('removes javascript:, vbscript: and data: links, also when disguised', () => {
    const hrefs = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'jav&#x61;script:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      '\u0001javascript:alert(1)',
    ];
    for (const h of hrefs) {
      const out = sanitizeHtml(`<a href="${h}">x</a>`);
      expect(out, h).toBe('<a>x</a>');
    }
  });

  it('refuses protocol-relative and backslash hosts', () => {
    expect(classifyUrl('//evil.test/x')).toBe('unsafe');
    expect(classifyUrl('/\\evil.test/x')).toBe('unsafe');
    expect(classifyUrl('\\\\evil.test')).toBe('unsafe');
    expect(classifyUrl('#fn-1')).toBe('fragment');
    expect(classifyUrl('other.html')).toBe('relative');
    expect(classifyUrl('mailto:a@b.test')).toBe('mailto');
    expect(classifyUrl('HTTPS://x.test')).toBe('external');
  });

  it('keeps fragment, relative and mailto links without a new tab', () => {
    expect(sanitizeHtml('<a href="#fn-2">2</a>')).toBe('<a href="#fn-2">2</a>');
    expect(sanitizeHtml('<a href="page.html">p</a>')).toBe('<a href="page.html">p</a>');
    expect(sanitizeHtml('<a href="mailto:help@example.org">mail</a>')).toBe('<a href="mailto:help@example.org">mail</a>');
  });

  it('opens external links in a new tab, safely, and says so to screen-reader users', () => {
    const out = sanitizeHtml('<a href="https://example.org/" target="_self" rel="opener">Example</a>');
    expect(out).toBe(
      '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">Example<span class="visually-hidden"> (opens in a new tab)</span></a>',
    );
    // Sanitising twice does not add the suffix twice.
    expect(sanitizeHtml(out)).toBe(out);
  });

  it('allows only relative image sources (no hot-linking, no data:), keeping the alt text', () => {
    expect(sanitizeHtml('<img src="https://cdn.test/a.png" alt="A chart">')).toBe('A chart');
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA" alt="">')).toBe('');
    expect(sanitizeHtml('<img src="/abs.png" alt="x">')).toBe('x');
    expect(sanitizeHtml('<img src="../../etc/passwd" alt="y">')).toBe('y');
    expect(sanitizeHtml('<img src="assets/fig.png" alt="Fig" srcset="https://x.test/a.png 2x">')).toBe('<img src="assets/fig.png" alt="Fig">');
  });

  it('unwraps unknown elements but keeps their text', () => {
    expect(sanitizeHtml('<p><font color="red">red</font> <blink>b</blink><custom-el>c</custom-el></p>')).toBe('<p>red bc</p>');
  });

  it('survives nesting tricks', () => {
    const tricky = [
      '<scr<script>ipt>alert(1)</script>',
      '<<script>script>alert(1)<</script>/script>',
      '<div><style><img src=x onerror=alert(1)></style></div>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<svg><style><img src=x onerror=alert(1)></style></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)"><script>x</script>link</a>',
      '<template><script>alert(1)</script></template>',
      '<!--<script>alert(1)</script>-->',
      '<p>"><script>alert(1)</script></p>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<img src=x onerror=alert(1)//',
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    ];
    for (const t of tricky) {
      const out = sanitizeHtml(t);
      assertInert(out);
      // The output must stay inert when parsed again (no mutation XSS).
      expect(sanitizeHtml(out), t).toBe(out);
    }
  });

  it('keeps text that looks like markup escaped, and entities decoded to characters', () => {
    expect(sanitizeHtml('<p>a &lt;script&gt; b &amp; c</p>')).toBe('<p>a &lt;script&gt; b &amp; c</p>');
    expect(sanitizeHtml('<p>&ldquo;normal&rdquo; don&rsquo;t &mdash; Månsson</p>')).toBe('<p>“normal” don’t — Månsson</p>');
  });

  it('filters attributes per element and validates values', () => {
    expect(sanitizeHtml('<table><tbody><tr><th scope="col" colspan="2" width="x">h</th><td rowspan="abc">d</td></tr></tbody></table>')).toBe(
      '<table><tbody><tr><th scope="col" colspan="2">h</th><td>d</td></tr></tbody></table>',
    );
    expect(sanitizeHtml('<p role="button" aria-label="x" data-x="1" id="1bad">t</p>')).toBe('<p aria-label="x">t</p>');
    expect(sanitizeHtml('<sup class="fnref"><a id="fnref-3" href="#fn-3" role="doc-noteref" aria-label="Note 3">3</a></sup>')).toBe(
      '<sup class="fnref"><a id="fnref-3" href="#fn-3" role="doc-noteref" aria-label="Note 3">3</a></sup>',
    );
  });

  it('keeps alignment (marked\'s align, kramdown\'s text-align style, <p align>) as a class, never as a style', () => {
    const out = sanitizeHtml(
      '<table><tr><th align="right">a</th><td style="text-align: center">b</td><td style="color: red; text-align:left">c</td><td align="middle">d</td></tr></table><p align="center" class="x">e</p><span align="right">f</span>',
    );
    expect(out).toBe(
      '<table><tbody><tr><th class="align-right">a</th><td class="align-center">b</td><td class="align-left">c</td><td>d</td></tr></tbody></table><p class="x align-center">e</p><span>f</span>',
    );
    assertInert(out);
    expect(sanitizeHtml(out)).toBe(out);
  });
});

describe('markdownToSafeHtml for page text (kramdown\'s emphasis)', () => {
  it('emphasis next to punctuation and digits as kramdown parses it; CommonMark text stays CommonMark', () => {
    expect(markdownToSafeHtml('*Journal,*14(4)', { inline: true, page: true })).toBe('<em>Journal,</em>14(4)');
    expect(markdownToSafeHtml('**bold,**text and *a*b', { inline: true, page: true })).toBe('<strong>bold,</strong>text and <em>a</em>b');
    expect(markdownToSafeHtml('snake_case_word and * alone *', { inline: true, page: true })).toBe('snake_case_word and * alone *');
    expect(markdownToSafeHtml('*a **b** c*', { inline: true, page: true })).toBe('<em>a <strong>b</strong> c</em>');
    // Quiz text keeps marked's (CommonMark) rules.
    expect(markdownToSafeHtml('*Journal,*14(4)', { inline: true })).toBe('*Journal,*14(4)');
  });
});

describe('markdownToSafeHtml', () => {
  it('renders GFM and sanitises raw HTML inside Markdown', () => {
    const out = markdownToSafeHtml('Hello **you** <script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<a href="javascript:x" onclick="y">l</a>');
    expect(out).toContain('<strong>you</strong>');
    expect(out).toContain('<table>');
    expect(out).toContain('<td>1</td>');
    assertInert(out);
  });

  it('inline mode has no paragraph', () => {
    expect(markdownToSafeHtml('The *exit* process', { inline: true })).toBe('The <em>exit</em> process');
  });

  it('keeps curly quotes and apostrophes as characters', () => {
    expect(markdownToSafeHtml('“entry-exit-re-entry” it’s \'plain\' "quotes"', { inline: true })).toBe(
      '“entry-exit-re-entry” it’s \'plain\' "quotes"',
    );
  });

  it('autolinks bare URLs as external links', () => {
    expect(markdownToSafeHtml('See https://example.org/x for more.', { inline: true })).toBe(
      'See <a href="https://example.org/x" target="_blank" rel="noopener noreferrer">https://example.org/x<span class="visually-hidden"> (opens in a new tab)</span></a> for more.',
    );
  });
});

describe('sanitizeHtml on generated markup', () => {
  it('is inert and idempotent for any mix of risky fragments', async () => {
    const fc = await import('fast-check');
    const pieces = [
      '<script>', '</script>', '<p>', '</p>', '<a href="javascript:alert(1)">', '<a href="https://x.test">', '</a>', '<svg>',
      '</svg>', '<style>', '</style>', '<img src=x onerror=alert(1)>', '<table>', '<tr>', '<td>', '</table>', '<div onclick="x">',
      '</div>', '<!--', '-->', '<math>', '<mtext>', '<template>', '"', "'", '>', '<', '&amp;', 'text ', '<iframe>', '<noscript>',
      '<li>', '<ul>', '<blockquote>', '<b>', '</b>', '<figure>', '<select>', '<textarea>', '<xmp>', '<form>', '<em>', '</em>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const out = sanitizeHtml(parts.join(''));
        assertInert(out);
        expect(sanitizeHtml(out)).toBe(out);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
