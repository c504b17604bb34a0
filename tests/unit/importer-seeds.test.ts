/** The review's two real pages, unedited, as they come from the Jekyll site. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import { importPages, type ImportedPages } from '../../src/content/pages.ts';
import { getAttr, parseHtml, textContent, walkElements, type Element } from '../../src/content/page/dom.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let pages: ImportedPages;
let theory: Lesson;
let discussion: Lesson;

function byId(html: string): Map<string, Element> {
  const map = new Map<string, Element>();
  walkElements(parseHtml(html), (el) => {
    const id = getAttr(el, 'id');
    if (id) map.set(id, el);
  });
  return map;
}
const text = (el: Element | undefined) => (el ? textContent(el).replace(/\s+/g, ' ').trim() : '');

beforeAll(async () => {
  pages = await importPages(path.join(ROOT, 'modules'), ROOT);
  [theory, discussion] = pages.lessons;
});

describe('seed pages: lessons', () => {
  it('orders lessons by nav_order and takes ids from file names', () => {
    expect(pages.lessons.map((l) => [l.id, l.file, l.navOrder, l.title])).toEqual([
      ['02_theoretical_background', '02-theoretical-background.md', 20, 'Theoretical Background'],
      ['05_discussion', '05-discussion.md', 50, 'Discussion'],
    ]);
  });

  it('takes the course title from parent, without the §', () => {
    expect(pages.courseTitle).toBe('The Factors Involved in the Exit from Sex Traffifficking - A Review');
  });

  it('takes the title heading out of the body and uses its slug as headingId', () => {
    expect(theory.headingId).toBe('theoretical-background');
    expect(discussion.headingId).toBe('discussion');
    for (const l of pages.lessons) {
      expect(l.html).not.toMatch(/<h1|<h2/);
      expect(l.toc).toEqual([]);
      expect(l.passageIds[0]).toBe(l.headingId);
    }
  });

  it('drops the Jekyll and kramdown machinery', () => {
    for (const l of pages.lessons) {
      for (const s of ['TOC', '{:', '<style', 'dont-break-out', 'markdown=', 'Table of Contents', '/docs/', 'youtube', '<hr', '***', '<div class="dont']) {
        expect(l.html, `${l.file}: ${s}`).not.toContain(s);
      }
      expect(l.html).not.toMatch(/<script|<iframe|\son\w+=/i);
      expect(l.html).not.toMatch(/[\uE000\uE001]/);
    }
  });

  it('keeps curly quotes and dashes as characters', () => {
    expect(theory.html).toContain('we don’t have a uniform picture');
    expect(theory.html).toContain('more generic—Stage of Change model');
    expect(discussion.html).toContain('that “entry-exit-re-entry” specified in “The Stage of Change Model”');
    expect(discussion.html).not.toMatch(/&[lr][sd]quo;|&#82\d\d;|&quot;/);
  });

  it('counts words and minutes', () => {
    for (const l of pages.lessons) {
      expect(l.words).toBeGreaterThan(600);
      expect(l.minutes).toBe(Math.ceil(l.words / 200));
    }
  });
});

describe('seed pages: Theoretical Background', () => {
  it('rejoins the paragraph split by the note block', () => {
    const ids = byId(theory.html);
    const p1 = text(ids.get('theoretical-background-p1'));
    expect(p1).toContain('not always grounded in empirical data. Among the latter, some focus only on the barriers');
    expect(p1.startsWith('The literature that attempts')).toBe(true);
    expect(p1.endsWith('what factors are involved in the exit process.')).toBe(true);
    expect(text(ids.get('theoretical-background-p2')).startsWith('Based on what is suggested')).toBe(true);
    expect(text(ids.get('theoretical-background-p3')).startsWith('The review question is important')).toBe(true);
  });

  it('has exactly the documented passage ids', () => {
    expect(theory.passageIds).toEqual([
      'theoretical-background',
      'theoretical-background-p1',
      'fnref-3',
      'theoretical-background-p2',
      'theoretical-background-p3',
    ]);
  });

  it('moves both notes to footnotes: note 3 linked both ways, note 2 without a marker', () => {
    expect(theory.footnotes.map((f) => [f.label, f.id, f.refId])).toEqual([
      ['2', 'fn-2', null],
      ['3', 'fn-3', 'fnref-3'],
    ]);
    expect(theory.footnotes[0].html).toBe('TIP: Office to Monitor and Combat Trafficking in Persons in the U.S. Department of State.');
    expect(theory.footnotes[1].html).toMatch(/^We refer to prostitution activities .* even pornographic activities\.$/);
    expect(theory.html).toContain(
      'working as prostitutes<sup class="fnref"><a id="fnref-3" href="#fn-3" role="doc-noteref" aria-label="Note 3">3</a></sup>',
    );
    expect(theory.html).not.toContain('TIP: Office');
    expect(theory.html).not.toContain('<sup>2</sup>');
    expect(pages.warnings).toContainEqual(
      expect.objectContaining({ file: 'modules/02-theoretical-background.md', line: 47, reason: expect.stringContaining('Note 2 has no marker') }),
    );
  });
});

describe('seed pages: Discussion', () => {
  const URL = 'https://statics.bsafes.com/images/papers/the-factors-involvoed-in-the-exit-from-sex-trafficking-a-review-fig-2.png';

  it('has the documented passages in order', () => {
    const ids = byId(discussion.html);
    const rows = Array.from({ length: 28 }, (_, i) => `discussion-p3-r${i + 1}`);
    expect(discussion.passageIds).toEqual(['discussion', 'discussion-p1', 'discussion-p2', 'discussion-p3', ...rows, 'discussion-p4', 'discussion-p5']);
    expect(text(ids.get('discussion-p1')).startsWith('Analyzing the results of the review')).toBe(true);
    expect(ids.get('discussion-p2')?.tagName).toBe('figure');
    expect(ids.get('discussion-p3')?.tagName).toBe('table');
    expect(text(ids.get('discussion-p4')).startsWith('Figure 2 summarizes the results')).toBe(true);
    expect(text(ids.get('discussion-p5')).startsWith('Finally, the relational factors')).toBe(true);
  });

  it('turns the caption line and the image into one figure, caption once', () => {
    const fig = byId(discussion.html).get('discussion-p2')!;
    const caption = fig.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'figcaption');
    expect(text(caption)).toBe('Figure 2. Intervening Factors in the Exit Process from Sex Trafficking');
    expect(discussion.html.split('Intervening Factors in the Exit Process').length - 1).toBe(1);
  });

  it('does not hot-link the external image and warns with page, line and URL', () => {
    expect(discussion.html).not.toContain('statics.bsafes.com');
    expect(discussion.html).not.toContain('<img');
    const w = pages.warnings.find((x) => x.file === 'modules/05-discussion.md' && x.reason.includes(URL));
    expect(w).toBeDefined();
    expect(w!.line).toBe(46);
    expect(pages.assets).toEqual({});
  });

  it('renders the long description: a captioned data table of the Results factors', () => {
    const ids = byId(discussion.html);
    const fig = ids.get('discussion-p2')!;
    expect(discussion.html).toContain('<div class="figure-alt"><p>This table is a summary of the factors reported in the review');
    expect(text(fig)).toContain('(Figure 2 itself is not included in this course)');
    const table = ids.get('discussion-p3')!;
    expect(table.parentNode && 'tagName' in table.parentNode && table.parentNode.tagName).toBe('div');
    expect(discussion.html).toMatch(/<table id="discussion-p3"><caption>Factors in the exit from sex trafficking[^<]*<\/caption>/);
    const headers = [...discussion.html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['Level', 'Effect', 'Factor', 'Study']);
    expect(text(ids.get('discussion-p3-r1'))).toBe('Individual Facilitating Spirituality Hickle (2017)');
    expect(text(ids.get('discussion-p3-r17'))).toContain('Relational Ambiguous Family');
    expect(text(ids.get('discussion-p3-r28'))).toBe('Structural Hindering Low cultural capital Dalla & Kreimer (2017)');
    const effects = Array.from({ length: 28 }, (_, i) => text(ids.get(`discussion-p3-r${i + 1}`)).split(' ')[1]);
    expect(new Set(effects)).toEqual(new Set(['Facilitating', 'Hindering', 'Ambiguous']));
    // Totals in the review contradict each other: the summary must not state any.
    expect(text(fig)).not.toMatch(/\b(21|32) (facilitating|factors)\b/i);
    expect(pages.inputs).toContain(path.join(ROOT, 'modules/assets/the-factors-involvoed-in-the-exit-from-sex-trafficking-a-review-fig-2.alt.md'));
  });

  it('has no notes', () => {
    expect(discussion.footnotes).toEqual([]);
  });
});
