/** Our own pages (tests/fixtures/pages/course/modules): every construct the importer handles. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import { cleanParent, importPages, lessonIdFromFile, type ImportedPages } from '../../src/content/pages.ts';
import { slugify } from '../../src/content/page/headings.ts';
import { listPassages } from '../../scripts/list-passages.ts';

const CONTENT = path.resolve(import.meta.dirname, '../fixtures/pages/course');
const MODULES = path.join(CONTENT, 'modules');
let pages: ImportedPages;
const lesson = (id: string): Lesson => pages.lessons.find((l) => l.id === id)!;

beforeAll(async () => {
  pages = await importPages(MODULES, CONTENT);
});

describe('ordering, ids and course title', () => {
  it('orders by nav_order, then file name when pages share one', () => {
    expect(pages.lessons.map((l) => [l.id, l.navOrder])).toEqual([
      ['01_welcome', 10],
      ['02_a_shared', 20],
      ['02_b_shared', 20],
      ['03_notes', 30],
    ]);
  });

  it('trims titles and reads "20 " as 20', () => {
    expect(lesson('01_welcome').title).toBe('Welcome to the course');
    expect(lesson('02_b_shared').navOrder).toBe(20);
  });

  it('uses the most common parent and warns about the page that differs', () => {
    expect(pages.courseTitle).toBe('Fixture Course');
    expect(pages.warnings).toContainEqual(expect.objectContaining({ file: 'modules/03-notes.md', reason: expect.stringContaining('Another Title') }));
  });

  it('helpers: lesson ids, parent clean-up, slugs', () => {
    expect(lessonIdFromFile('05-discussion.md')).toBe('05_discussion');
    expect(lessonIdFromFile('a b+c.v2.md')).toBe('a_b_c.v2');
    expect(cleanParent('  §  The Factors - A Review ')).toBe('The Factors - A Review');
    expect(slugify('Theoretical Background')).toBe('theoretical-background');
    expect(slugify('2. Théorie & “practice”: why?')).toBe('theorie-practice-why');
    expect(slugify('!!!')).toBe('section');
  });
});

describe('clean-up and Markdown', () => {
  it('drops style, the wrapper div, the TOC marker and attribute lists', () => {
    const html = lesson('01_welcome').html;
    for (const s of ['<style', 'color: red', 'wrapper', 'markdown=', 'TOC', '{: .fs-3}', 'no_toc', '{:']) {
      if (s === '{:') expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toContain(s);
      else expect(html, s).not.toContain(s);
    }
  });

  it('leaves code alone', () => {
    expect(lesson('01_welcome').html).toContain('<pre><code>code with {: .keep} and [^1] kept as is\n</code></pre>');
    expect(lesson('01_welcome').html).toContain('Inline code <code>[^1]</code> stays too.');
  });

  it('decodes entities and keeps curly quotes', () => {
    expect(lesson('01_welcome').html).toContain('This is the “first” paragraph — it’s got curly quotes &amp; an entity é');
  });

  it('autolinks bare URLs, but not inside existing links, and marks external links', () => {
    const html = lesson('01_welcome').html;
    expect(html).toContain(
      'Visit <a href="https://example.org/bare" target="_blank" rel="noopener noreferrer">https://example.org/bare<span class="visually-hidden"> (opens in a new tab)</span></a>',
    );
    expect(html).toContain('<a href="https://example.org/already" target="_blank" rel="noopener noreferrer">link<span');
    expect(html).toContain('<a href="guide.html">the guide</a>');
    expect(html.match(/<a [^>]*><a /)).toBeNull();
  });

  it('renders block quotes and nested lists with passage ids on each item', () => {
    const html = lesson('01_welcome').html;
    expect(html).toMatch(/<blockquote id="custom-id-p1">\s*<p>A block quote with <strong>bold<\/strong> text.<\/p>\s*<p>And a second paragraph.<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(/<li id="custom-id-p2">First item<ul>\s*<li id="custom-id-p3">Nested item one<\/li>\s*<li id="custom-id-p4">Nested item two<\/li>/);
  });

  it('renders GFM tables with a caption, column scopes and row ids', () => {
    const html = lesson('01_welcome').html;
    expect(html).toMatch(/<table id="details-p1"><caption>Fixture table caption<\/caption>/);
    expect(html).toContain('<th scope="col">Name</th>');
    expect(html).toMatch(/<tr id="details-p1-r1">\s*<td>Alpha<\/td>/);
    expect(html).toMatch(/<tr id="details-p1-r2">\s*<td>Beta<\/td>/);
    expect(html).not.toContain('Table:');
  });

  it('sanitises raw HTML in the page', () => {
    const html = lesson('01_welcome').html;
    expect(html).toContain('<p id="details-p6">Raw HTML paragraph <a>bad link</a> <span>styled</span>.</p>');
    expect(html).not.toMatch(/<script|<iframe|onclick|javascript:|style=|alert/);
  });
});

describe('headings', () => {
  it('takes out the # title heading and shifts ## to h2', () => {
    const l = lesson('01_welcome');
    expect(l.headingId).toBe('welcome-to-the-course');
    expect(l.html).not.toContain('Welcome to the course</h');
    expect(l.html).toContain('<h2 id="custom-id">Background</h2>');
    expect(l.html).toContain('<h3 id="details">Details</h3>');
  });

  it('de-duplicates ids; an explicit id wins; no_toc headings stay out of the toc', () => {
    const l = lesson('01_welcome');
    expect(l.toc).toEqual([
      { id: 'custom-id', text: 'Background', level: 2 },
      { id: 'background', text: 'Background', level: 2 },
    ]);
  });

  it('without a title heading: headingId from the title, the highest heading becomes h2, duplicates get -2', () => {
    const l = lesson('02_a_shared');
    expect(l.headingId).toBe('shared-order-a');
    expect(l.html).toBe(
      '<h2 id="part-one">Part one</h2>\n<p id="part-one-p1">Some text in part one.</p>\n<h3 id="sub-part">Sub part</h3>\n' +
        '<p id="sub-part-p1">More text.</p>\n<h2 id="part-one-2">Part one</h2>\n<p id="part-one-2-p1">Duplicate heading text.</p>\n' +
        '<h2 id="before-id">Last part</h2>\n<p id="before-id-p1">Para after.</p>\n' +
        '<h2 id="paragraph-ial-stays-with-the-paragraph">Paragraph IAL stays with the paragraph</h2>',
    );
    expect(l.toc.map((t) => [t.id, t.level])).toEqual([
      ['part-one', 2],
      ['sub-part', 3],
      ['part-one-2', 2],
      ['before-id', 2],
      ['paragraph-ial-stays-with-the-paragraph', 2],
    ]);
  });

  it('passage ids count per section and passageIds lists every id in order', () => {
    expect(lesson('02_a_shared').passageIds).toEqual([
      'shared-order-a', 'part-one', 'part-one-p1', 'sub-part', 'sub-part-p1', 'part-one-2', 'part-one-2-p1',
      'before-id', 'before-id-p1', 'paragraph-ial-stays-with-the-paragraph',
    ]);
    expect(lesson('02_b_shared').passageIds).toEqual(['shared-order-b', 'shared-order-b-p1', 'shared-order-b-p2']);
    expect(lesson('02_b_shared').html).toMatch(/^<p id="shared-order-b-p1">Only a short page.<\/p>\n<figure id="shared-order-b-p2">/);
  });
});

describe('notes', () => {
  it('kramdown footnotes: numbered, linked, a second reference gets -2', () => {
    const l = lesson('01_welcome');
    expect(l.footnotes).toEqual([
      { label: '1', id: 'fn-1', refId: 'fnref-1', html: 'The first note, with <em>emphasis</em>.' },
      { label: '2', id: 'fn-2', refId: 'fnref-2', html: 'A named note that continues on an indented line.' },
    ]);
    expect(l.html).toContain('Second item with a note<sup class="fnref"><a id="fnref-1" href="#fn-1" role="doc-noteref" aria-label="Note 1">1</a></sup>');
    expect(l.html).toContain('<a id="fnref-1-2" href="#fn-1"');
    expect(l.html).toContain('named note<sup class="fnref"><a id="fnref-2" href="#fn-2"');
    expect(l.html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toContain('[^');
  });

  it('note blocks: rejoined mid-sentence (--- rules), shared rules, small print without rules, lowercase continuation', () => {
    const l = lesson('03_notes');
    expect(l.footnotes.map((f) => [f.label, f.refId])).toEqual([
      ['4', 'fnref-4'],
      ['5', 'fnref-5'],
      ['6', null],
      ['7', null],
    ]);
    expect(l.footnotes[0].html).toContain('<a href="https://example.org/n4" target="_blank" rel="noopener noreferrer">link');
    expect(l.html).toContain('<p id="notes-p1">The first paragraph talks about the middle of a sentence and carries a marker<sup class="fnref"><a id="fnref-4"');
    expect(l.html).toContain('a second one<sup class="fnref"><a id="fnref-4-2" href="#fn-4"');
    expect(l.html).toContain('<p id="notes-p2">The second paragraph ends here.</p>');
    expect(l.html).toContain('<p id="notes-p4">A fourth paragraph ends with a full stop. but this text continues in lowercase');
    expect(l.html).toContain('x<sup>2</sup>.');
    expect(l.html).not.toMatch(/Note (five|six|seven)|<hr/);
  });

  it('drops a "Contents" heading followed by site links, and the rules around it', () => {
    const l = lesson('03_notes');
    expect(l.html).not.toMatch(/Contents|Welcome|\/docs\/|<ul/);
    expect(l.passageIds).toEqual(['notes', 'notes-p1', 'fnref-4', 'fnref-4-2', 'notes-p2', 'notes-p3', 'fnref-5', 'notes-p4']);
  });
});

describe('images and figures', () => {
  it('local figure: image copied, caption, long description from .alt.md (sanitised)', () => {
    const html = lesson('01_welcome').html;
    expect(html).toContain(
      '<figure id="details-p2"><img src="assets/local-figure.png" alt="Bar chart of A, B and C"><figcaption>Figure 1. A local chart</figcaption>' +
        '<div class="figure-alt"><p>The chart shows three bars: <em>A</em> is 1, B is 2 and C is 3.</p></div></figure>',
    );
    expect(html).toContain('<p id="details-p3">Text right after the figure starts a new paragraph.</p>');
    expect(pages.assets['assets/local-figure.png']).toBe(path.join(MODULES, 'assets/local-figure.png'));
  });

  it('external image with a local copy in modules/assets: uses the copy, no warning', () => {
    const html = lesson('01_welcome').html;
    expect(html).toContain('<figure id="details-p4"><img src="assets/remote-copy.png" alt="Remote picture"><figcaption>Figure 2: A picture that lives on another website</figcaption></figure>');
    expect(html).not.toContain('images.example.net');
    expect(pages.assets['assets/remote-copy.png']).toBe(path.join(MODULES, 'assets/remote-copy.png'));
    expect(pages.warnings.some((w) => w.reason.includes('images.example.net'))).toBe(false);
  });

  it('an alt text that only repeats the caption is emptied, so the caption is read once', () => {
    const html = lesson('02_b_shared').html;
    expect(html).toContain('<figure id="shared-order-b-p2"><img src="assets/local-figure.png" alt=""><figcaption>Figure 3. Same words</figcaption>');
    expect(html.split('Same words').length - 1).toBe(1);
  });

  it('inline local image outside assets/ is packaged under assets/', () => {
    expect(lesson('01_welcome').html).toContain('An inline image <img src="assets/inline-pic.png" alt="tiny"> sits in this sentence.');
    expect(pages.assets['assets/inline-pic.png']).toBe(path.join(MODULES, 'inline-pic.png'));
  });

  it('lists every file read as an input', () => {
    for (const f of ['01-welcome.md', '02-a-shared.md', '02-b-shared.md', '03-notes.md', 'assets/local-figure.alt.md', 'assets/local-figure.png', 'inline-pic.png']) {
      expect(pages.inputs).toContain(path.join(MODULES, f));
    }
  });
});

describe('scripts/list-passages.ts', () => {
  it('prints each passage id with the start of its text, per lesson', () => {
    const out = listPassages(pages.lessons);
    expect(out).toContain('01_welcome  (01-welcome.md): Welcome to the course');
    expect(out).toMatch(/\n {2}custom-id-p1 +blockquote: A block quote with bold text\. And a second paragraph\.\n/);
    expect(out).toMatch(/\n {2}details-p1-r2 +tr: Beta 2\n/);
    expect(out).toMatch(/\n {2}notes-p1 +p: The first paragraph talks about the middle of a sentence an…\n/);
    expect(out).toMatch(/\n {2}fn-4 +\[note 4\] A note with a link in it\.\n/);
    expect(out).not.toContain('fnref-');
    expect(out).not.toContain('opens in a new tab');
  });
});
