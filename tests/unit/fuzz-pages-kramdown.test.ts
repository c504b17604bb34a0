/**
 * The property test: fast-check builds pages from the site's constructs in random combinations, and
 * each must read as kramdown renders it (same comparison and same deliberate differences as
 * importer-kramdown.test.ts). Bounded: a fixed number of pages, rendered by one Ruby process.
 * FC_SEED=<n> replays a run; the seed is in the failure message.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importPages } from '../../src/content/pages.ts';
import { pageBody, renderKramdown } from '../helpers/kramdown.ts';
import { shapeOf } from '../helpers/page-shape.ts';
import { expectedTree, lessonTree } from './kramdown-differences.ts';

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = 60;

// Words that trigger none of the importer's heuristics (captions, contents, notes headings).
const word = fc.constantFrom('river', 'boats', 'school', 'night', 'shift', 'letter', 'harbour', 'workers', 'family', 'rota', 'study', 'data', 'years', 'small');
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** Inline pieces: plain words, emphasis next to punctuation and digits, links. */
const inline = fc.oneof(
  { weight: 4, arbitrary: words(1, 5) },
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  fc.tuple(word, fc.integer({ min: 1, max: 30 })).map(([w, n]) => `*${w},*${n}(${n % 4})`),
  fc.tuple(word, word).map(([a, b]) => `**${a}.**${b}`),
  fc.tuple(word, word).map(([a, b]) => `[${a} ${b}](https://example.org/${a})`),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => `${xs.join(' ')}.`);
/** A paragraph: lines joined plainly, or with a hard break (two spaces, a backslash). */
const paragraph = fc
  .array(fc.tuple(sentence, fc.constantFrom('', '', '  ', '\\')), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map(([s, brk], i) => (i < lines.length - 1 ? s + brk : s)).join('\n'));

const align = fc.constantFrom('---', ':--', '--:', ':-:');
const gfmTable = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([cols, rows]) =>
    fc.tuple(fc.array(word, { minLength: cols, maxLength: cols }), fc.array(align, { minLength: cols, maxLength: cols }), fc.array(fc.array(inline, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  )
  .map(([head, al, rows]) => [`| ${head.join(' | ')} |`, `|${al.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));

/** Cell text indented with two or four tabs (four: a code block for marked, issue 24), plain or in HTML. */
const indent = fc.constantFrom('\t\t', '\t\t\t\t');
const rawTable = fc
  .tuple(word, word, word, fc.boolean(), fc.boolean(), indent, fc.boolean())
  .map(([h, a, b, blank, colspan, tabs, html]) =>
    [
      '<table>',
      colspan ? `  <tr><th colspan="2">${h}</th></tr>` : `  <tr><th>${h}</th><th>${a}</th></tr>`,
      '  <tr>',
      blank ? `\t<td>\n\n<p align="center"><strong>${a}</strong></p>\n\n\t</td>` : `\t<td><strong>${a}</strong></td>`,
      blank ? `\t<td>\n\n${tabs}${html ? `<em>${b}</em>` : b}\n\n\t</td>` : `\t<td>${b}</td>`,
      '  </tr>',
      '</table>',
    ].join('\n'),
  );
/** A raw table right under a line of text or a sub-heading, with no blank line between (kramdown: still a raw block). */
const tightTable = fc.tuple(fc.oneof(sentence, words(1, 3).map((w) => `#### ${w}`)), rawTable).map(([above, t]) => `${above}\n${t}`);

/** Lines that each hold a pipe, no separator line: kramdown's table of plain cells (issue 24); a first line without one stays a paragraph. */
const pipeLine = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: words(1, 3) }, inline), { minLength: 2, maxLength: 4 }), fc.boolean())
  .map(([cells, outer]) => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | ')));
const pipeParagraph = fc
  .tuple(fc.option(sentence, { nil: undefined }), fc.array(pipeLine, { minLength: 1, maxLength: 3 }))
  .map(([lead, rows]) => [...(lead ? [lead] : []), ...rows].join('\n'));

const quote = fc.array(fc.tuple(sentence, fc.constantFrom('', '  ')), { minLength: 1, maxLength: 3 }).map((ls) => ls.map(([s, b], i) => `> ${s}${i < ls.length - 1 ? b : ''}`).join('\n'));
const list = fc.tuple(fc.boolean(), fc.array(sentence, { minLength: 1, maxLength: 4 })).map(([ordered, items]) => items.map((s, i) => `${ordered ? `${i + 1}.` : '-'} ${s}`).join('\n'));
const embed = fc.tuple(word, fc.boolean(), sentence).map(([w, titled, after]) => `<iframe src="https://video.example.org/${w}"${titled ? ` title="A ${w} talk"` : ''}></iframe>\n**Video:** ${after}`);
const subheading = words(1, 3).map((w) => `### ${w}`);
const figure = words(2, 4).map((w) => `**Figure 1. ${w}**\n![Figure 1. ${w}](https://statics.example.org/fig.png)`);

const block = fc.oneof({ weight: 4, arbitrary: paragraph }, gfmTable, rawTable, tightTable, pipeParagraph, quote, list, embed, subheading, figure);

/**
 * A note: a marker at the end of a paragraph (or in a sub-heading over a raw table, issue 24's shape),
 * the note block after it: between rules or in small print; between rules it may open with the
 * unmarked end of an earlier note, and the note text may follow a separator ("<sup>1</sup>. Letter").
 */
const withNote = fc
  .record({
    p: paragraph,
    note: sentence,
    rules: fc.boolean(),
    tail: fc.option(words(2, 6), { nil: undefined, freq: 3 }),
    separator: fc.constantFrom('', '', '.', ':', ')'),
    inHeading: fc.option(fc.record({ heading: words(1, 3), table: rawTable }), { nil: undefined, freq: 3 }),
    at: fc.nat(6),
  });

const title = fc.tuple(words(1, 3), fc.constantFrom('same', 'upper', 'section', 'punctuation'));

const page = fc.record({
  title,
  wrap: fc.boolean(),
  toc: fc.boolean(),
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  notes: fc.array(withNote, { maxLength: 2 }),
});

function source(p: fc.Arbitrary<unknown> extends never ? never : typeof page extends fc.Arbitrary<infer T> ? T : never): string {
  const [t, variant] = p.title;
  const name = t.charAt(0).toUpperCase() + t.slice(1);
  const heading = variant === 'upper' ? name.toUpperCase() : variant === 'section' ? `§ ${name}` : variant === 'punctuation' ? `${name}:` : name;
  const blocks = [...p.blocks];
  // Notes go in the text at their place, last first, so that each lands after the blocks it follows.
  const placed = p.notes.map((n, i) => ({ n, label: i + 1, at: Math.min(n.at, blocks.length) }));
  for (const { n, label, at } of [...placed].reverse()) {
    const marker = n.inHeading ? [`#### ${n.inHeading.heading}<sup>${label}</sup>`, n.inHeading.table] : [`${n.p}<sup>${label}</sup>`];
    const text = `<sup>${label}</sup>${n.separator} ${n.note}`;
    const note = n.rules ? `***\n${n.tail ? `${n.tail}\n` : ''}${text}\n{: .fs-2}\n***` : `${text}\n{: .fs-2}`;
    blocks.splice(at, 0, ...marker, note);
  }
  const parts = [`## ${heading}`, ...blocks];
  let body = parts.join('\n\n');
  if (p.toc) body = `1. TOC\n{:toc}\n\n${body}`;
  if (p.wrap) body = `<div class="dont-break-out" markdown="1">\n\n${body}\n\n</div>`;
  return `---\nlayout: default\ntitle: "${name}"\nparent: "§ Generated Review"\nnav_order: 1\n---\n<style>\n.x { color: red; }\n</style>\n\n${body}\n`;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generated pages read as kramdown renders them', () => {
  it(`${RUNS} pages of random constructs (seed ${SEED})`, async () => {
    const pages = fc.sample(page, { numRuns: RUNS, seed: SEED }).map(source);
    // The sample holds each construct of issue 24 several times (or the test proves little about them).
    const constructs: Record<string, RegExp> = {
      'a note block opening with unmarked text': /\*\*\*\n[a-z]/,
      'a separator after a marker': /<\/sup>[.:)] /,
      'a marker in a heading over a raw table': /#### [^\n]*<sup>\d<\/sup>\n\n<table>/,
      'a cell line indented four tabs': /\n\t{4}\S/,
      'a raw table right under text or a heading': /[^\n]\n<table>/,
      'a pipe paragraph': /(^|\n)[a-z*[][^|\n]* \| [^\n]*\n\n/,
    };
    for (const [what, re] of Object.entries(constructs)) expect(pages.filter((t) => re.test(t)).length, what).toBeGreaterThanOrEqual(3);
    const root = mkdtempSync(path.join(tmpdir(), 'fuzz-kramdown-'));
    dirs.push(root);
    const html = renderKramdown(pages.map(pageBody));
    const failures: string[] = [];
    for (const [i, text] of pages.entries()) {
      // One review folder per page: notes never link across generated pages.
      const dir = path.join(root, String(i));
      mkdirSync(path.join(dir, 'modules'), { recursive: true });
      writeFileSync(path.join(dir, 'modules', 'page.md'), text);
      const { lessons } = await importPages(path.join(dir, 'modules'), dir);
      const ours = shapeOf(lessonTree(lessons[0]));
      const theirs = shapeOf(expectedTree(html[i], { title: lessons[0].title }));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        failures.push(`seed ${SEED}, page ${i}:\n${text}\nours:     ${ours.blocks.join(' ')}\n          ${ours.words.join(' ')}\nkramdown: ${theirs.blocks.join(' ')}\n          ${theirs.words.join(' ')}`);
      }
    }
    if (process.env.FC_DUMP) writeFileSync(process.env.FC_DUMP, failures.join('\n\n=====\n\n'));
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
