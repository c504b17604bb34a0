/**
 * Fuzz properties of the page importer (src/content/pages.ts and src/content/page/*), run in the
 * fuzz worker: random text, random bodies under valid front matter, and structured near-valid
 * Jekyll/kramdown pages (front matter variants, note blocks, kramdown footnotes and attribute
 * lists, raw HTML, images, code fences, private-use characters the importer uses as its own markers;
 * since issue 24 note blocks opening with unmarked text, pipe paragraphs, tables under text with
 * cells indented four tabs).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPages, type ImportedPages } from '../../src/content/pages.ts';
import { SCORM_ID } from '../../src/course/types.ts';
import { checkOutcome, checkSafeHtml, newCounter, runCase, type Beat, type Counter } from './fuzz-checks.ts';

/** A real image, so that some generated image links resolve. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A fresh content folder per case (modules/ with one real image and its long description). */
function contentFolder(pages: Record<string, string>): { root: string; files: Map<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), 'fuzz-pages-'));
  mkdirSync(path.join(root, 'modules', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'modules', 'assets', 'real.png'), PNG);
  writeFileSync(path.join(root, 'modules', 'assets', 'real.alt.md'), 'A chart: <script>window.parent.__pwned = 1</script> with **text**.\n');
  const files = new Map<string, string>();
  for (const [name, text] of Object.entries(pages)) {
    writeFileSync(path.join(root, 'modules', name), text);
    files.set(`modules/${name}`, text);
  }
  return { root, files };
}

function checkBuilt(pages: ImportedPages): void {
  const ids = new Set<string>();
  for (const l of pages.lessons) {
    if (!SCORM_ID.test(l.id)) throw new Error(`Lesson id "${l.id}" is not a SCORM id.`);
    if (ids.has(l.id)) throw new Error(`Two lessons have the id "${l.id}".`);
    ids.add(l.id);
    if (!l.title.trim()) throw new Error(`Lesson ${l.id} has an empty title.`);
    if (!Number.isFinite(l.navOrder)) throw new Error(`Lesson ${l.id} has the nav_order ${l.navOrder}.`);
    const packaged = new Set(Object.keys(pages.assets));
    checkSafeHtml(l.html, `lesson ${l.id}`, packaged);
    for (const f of l.footnotes) checkSafeHtml(f.html, `lesson ${l.id}, note ${f.label}`, packaged);
    if (new Set(l.passageIds).size !== l.passageIds.length) throw new Error(`Lesson ${l.id} has duplicate passage ids.`);
    for (const id of l.passageIds) {
      // A note's id is a passage too: the lesson view renders the notes beside the HTML.
      if (id !== l.headingId && !l.footnotes.some((f) => f.id === id) && !l.html.includes(`id="${id}"`)) throw new Error(`Passage id ${id} is not in the HTML of ${l.id}.`);
    }
    if (/[\uE000\uE001]/.test(l.html)) throw new Error(`Lesson ${l.id} shows the importer's private marker characters.`);
    const emptyPassage = /<p id="([^"]+)">\s*<\/p>/.exec(l.html);
    if (emptyPassage) throw new Error(`Lesson ${l.id} has an empty passage ${emptyPassage[1]}.`);
  }
  for (const p of Object.keys(pages.assets)) {
    if (!/^assets\/[^/]+$/.test(p) || p.includes('..')) throw new Error(`An asset is packaged outside assets/: ${p}`);
  }
}

async function buildPages(beat: Beat, counter: Counter, pages: Record<string, string>): Promise<void> {
  const { root, files } = contentFolder(pages);
  try {
    const input = Object.entries(pages).map(([n, t]) => `=== modules/${n}\n${t}`).join('\n');
    const out = await runCase(beat, input, counter, () => importPages(path.join(root, 'modules'), root));
    const built = checkOutcome(out, files, counter, (v) => v.warnings);
    if (built) checkBuilt(built);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ---- generators -------------------------------------------------------------------------------

const words = fc.constantFrom('Exit', 'stigma', 'family', 'the', 'review', 'Ferrari (2021)', 'p. 12', 'models', 'exit.', 'a', 'service', '“quoted”', '—', 'naïve');
const shortText = fc.oneof(
  { arbitrary: fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 16 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
);
const noteName = fc.constantFrom('1', '2', '3', 'a', 'note', '10', 'x y', '');
const url = fc.constantFrom(
  'https://example.org/page', 'http://example.org', 'mailto:a@example.org', '#discussion', '#', 'other.html', '',
  'javascript:window.parent.__pwned=1', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '//evil.example/x', '/\\evil.example', '\\\\evil',
);
const imageUrl = fc.constantFrom(
  'assets/real.png', 'real.png', 'assets/missing.png', 'https://evil.example/pixel.png', '//evil.example/p.png',
  '../secret.png', '../../../../etc/passwd', 'data:image/png;base64,AAAA', '/abs/path.png', 'assets/', 'assets/real.png "Title"',
  'javascript:alert(1)', 'assets/real.alt.md',
);
const htmlPayload = fc.constantFrom(
  '<script>window.parent.__pwned = 1</script>',
  '<img src=x onerror="window.parent.__pwned=1">',
  '<a href="javascript:window.parent.__pwned=1">click</a>',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.parent.__pwned=1</script>"></iframe>',
  '<style>body{background:url(https://evil.example/x)}</style>',
  '<svg><script>window.parent.__pwned=1</script></svg>',
  '<svg onload="window.parent.__pwned=1"><a xlink:href="javascript:alert(1)">x</a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<div onclick="alert(1)" style="color:red">styled</div>',
  '<object data="x.swf"></object><embed src="x">',
  '<form action="https://evil.example"><input name=a><button formaction="javascript:alert(1)">b</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="https://example.org"><a href="javascript:alert(1)">nested</a></a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<table><tr><td>cell<script>alert(1)</script></td></tr>',
  '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
  '<template><script>alert(1)</script></template>',
  '<!-- <script>alert(1)</script> -->',
  '<p id="1bad" class="a b" role="button" dir="sideways">attrs</p>',
  '<img src="assets/real.png" alt="ok" srcset="https://evil.example/a.png 2x">',
  '<div markdown="1">\n\n*inside*\n\n</div>',
  '<div markdown="1">\n\nunclosed',
  '</div></section></table>',
  '<sup>1</sup>',
  '<sup>99</sup>',
);
const ial = fc.constantFrom('{: .fs-2}', '{:toc}', '{: #custom-id .no_toc}', '{: #1bad}', '{:.x}', '{::comment}', '{:/comment}', '{::nomarkdown}', '{:ref: .x}', '{: #discussion}', '{#dup}', '{: }', '{:', '}');
const privateUse = fc.constantFrom('\uE000fig:7\uE001', '\uE000fig:0\uE001', '\uE000fn:1\uE001', '\uE000fn:nope\uE001', '\uE000', '\uE001', '\uE000fig:abc\uE001');

const block: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: shortText.map((t) => `${t}.`), weight: 6 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), shortText, fc.option(ial)).map(([n, t, a]) => `${'#'.repeat(n)} ${t}${a ? ` ${a}` : ''}`), weight: 3 },
  { arbitrary: fc.tuple(shortText, fc.constantFrom('===', '---', '-')).map(([t, u]) => `${t}\n${u}`), weight: 1 },
  { arbitrary: fc.tuple(shortText, noteName).map(([t, n]) => `${t}[^${n}] more text.`), weight: 2 },
  { arbitrary: fc.tuple(noteName, shortText, fc.boolean(), fc.option(imageUrl)).map(([n, t, cont, img]) => `[^${n}]: ${t}${img ? ` ![pic](${img})` : ''}${cont ? `\n    continued ${t}` : ''}`), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('1', '2', '3', '12', 'a', '*'), shortText, fc.boolean(), fc.boolean()).map(([n, t, rules, small]) => `${rules ? '***\n' : ''}<sup>${n}</sup> ${t}${small ? '\n{: .fs-2}' : ''}${rules ? '\n***' : ''}`), weight: 2 },
  { arbitrary: fc.tuple(shortText, url).map(([t, u]) => `See [${t}](${u}) and <${u}>.`), weight: 2 },
  { arbitrary: fc.tuple(shortText, imageUrl, fc.option(shortText)).map(([alt, u, cap]) => `${cap ? `Figure 1. ${cap}\n` : ''}![${alt}](${u})`), weight: 2 },
  { arbitrary: fc.tuple(shortText, imageUrl).map(([alt, u]) => `Inline ![${alt}](${u}) picture and <img src="${u}" alt="${alt}">.`), weight: 1 },
  { arbitrary: htmlPayload, weight: 3 },
  { arbitrary: fc.tuple(shortText, htmlPayload).map(([t, h]) => `${t} ${h} ${t}`), weight: 2 },
  { arbitrary: ial, weight: 2 },
  { arbitrary: privateUse, weight: 1 },
  { arbitrary: fc.tuple(shortText, privateUse).map(([t, p]) => `${t} ${p} ${t}.`), weight: 1 },
  { arbitrary: fc.constantFrom('***', '---', '* * *', '___', ''), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), shortText, fc.boolean()).map(([f, t, closed]) => `${f}\n${t} <script>alert(1)</script>\n${closed ? f : ''}`), weight: 1 },
  { arbitrary: fc.tuple(shortText, shortText).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| 1 | ${b} |\n| 2 |`), weight: 1 },
  // Issue 24's shapes: a note block opening with unmarked text, a pipe paragraph, a raw table under text with a cell indented four tabs.
  { arbitrary: fc.tuple(shortText, fc.constantFrom('1', '2', '30', 'a'), fc.constantFrom('', '.', ':', ')'), shortText, fc.boolean()).map(([tail, n, sep, t, marked]) => `***\n${tail}\n${marked ? `<sup>${n}</sup>${sep} ${t}\n` : ''}{: .fs-2}\n***`), weight: 2 },
  { arbitrary: fc.array(shortText, { minLength: 1, maxLength: 4 }).map((cells) => `${cells.join(' | ')}\n| ${cells.join(' \\| ')} |`), weight: 1 },
  { arbitrary: fc.tuple(shortText, shortText, htmlPayload).map(([a, b, h]) => `${a}\n<table>\n<tr><td>\n\n\t\t\t\t${b} ${h}\n</td></tr>\n</table>`), weight: 1 },
  { arbitrary: fc.array(shortText, { minLength: 1, maxLength: 4 }).map((items) => items.map((t, i) => (i % 2 ? `1. ${t}` : `- ${t}`)).join('\n')), weight: 1 },
  { arbitrary: shortText.map((t) => `> ${t}\n> <script>alert(1)</script>`), weight: 1 },
  { arbitrary: fc.constantFrom('1. TOC\n{:toc}', '<style>\n.x { color: red }\n</style>', '<script>\nwindow.parent.__pwned = 1\n', '<!--', '\t\tindented code', '    four spaces'), weight: 1 },
);

const yamlValue = fc.oneof(
  shortText.map((t) => JSON.stringify(t)),
  shortText,
  fc.constantFrom('', '~', 'null', '[a, b]', '{a: 1}', '|\n  block', '.nan', '.inf', '-1e400', '2021-01-01', '!!binary aGk=', '&anchor x', '*anchor', '"unclosed', "'", ': :', 'yes', '0x1F', '1_000', '50 ', ' 20 '),
  fc.integer().map(String),
  fc.double().map(String),
);

const frontMatter: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(shortText, fc.integer({ min: -5, max: 500 }), fc.option(shortText)).map(([t, n, p]) => `---\nlayout: default\ntitle: ${JSON.stringify(t)}\nnav_order: ${n} \n${p ? `parent: "§ ${p}"\n` : ''}---\n`), weight: 5 },
  {
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('title', 'nav_order', 'parent', 'layout', 'has_children', 'permalink', 'title', 'x'), yamlValue), { maxLength: 6 })
      .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
    weight: 3,
  },
  { arbitrary: fc.constantFrom('', '---\n', '---\ntitle: A\nnav_order: 1\n', '--- \ntitle: A\nnav_order: 1\n...\n', '\uFEFF---\r\ntitle: A\r\nnav_order: 1\r\n---\r\n', '---\n---\n', '---\n- a\n- b\n---\n', '---\ntitle: [a]\nnav_order: {}\n---\n', '---\ntitle:\tA\n\tnav_order: 1\n---\n', '---\ntitle: A\ntitle: B\nnav_order: 1\n---\n', '---\na: &x [*x]\ntitle: A\nnav_order: 1\n---\n', '---\nx: !!binary aGk=\ntitle: A\nnav_order: 2\n---\n', 'title: A\nnav_order: 1\n---\n'), weight: 2 },
);

const structuredPage = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([fm, blocks, eol, blankBetween]) => (fm + blocks.join(blankBetween ? '\n\n' : '\n')).replace(/\n/g, eol));

const fileName = fc.constantFrom('01-a.md', '02-b.md', '02_b.md', '02 b.md', 'ü-page.md', 'A.MD', '.md', `${'x'.repeat(251)}.md`, 'fig.md');

// ---- properties -------------------------------------------------------------------------------

type Opts = { numRuns: number; seed?: number; beat: Beat };

async function check<T>(opts: Opts, arb: fc.Arbitrary<T>, run: (value: T, counter: Counter) => Promise<void>): Promise<Counter> {
  const counter = newCounter();
  await fc.assert(
    fc.asyncProperty(arb, (v) => run(v, counter)),
    { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: false },
  );
  return counter;
}

export const properties: Record<string, (opts: Opts) => Promise<Counter>> = {
  /** Any text at all as a page file. */
  randomText: (opts) =>
    check(opts, fc.string({ unit: 'binary', maxLength: 1500 }), (text, c) => buildPages(opts.beat, c, { '01-random.md': text })),

  /** Valid front matter, then any text: the whole body pipeline sees random input. */
  randomBody: (opts) =>
    check(opts, fc.oneof(fc.string({ unit: 'binary', maxLength: 1500 }), fc.string({ unit: 'grapheme-ascii', maxLength: 1500 })), (body, c) =>
      buildPages(opts.beat, c, { '01-random.md': `---\ntitle: Random\nnav_order: 1\n---\n${body}` }),
    ),

  /** Near-valid pages assembled from the constructs the real pages use, and hostile ones. */
  structured: (opts) => check(opts, structuredPage, (page, c) => buildPages(opts.beat, c, { '01-page.md': page })),

  /** Several pages at once: colliding lesson ids, notes and headings across files, odd file names. */
  severalPages: (opts) =>
    check(opts, fc.uniqueArray(fc.tuple(fileName, structuredPage), { minLength: 1, maxLength: 3, selector: ([n]) => n.toLowerCase() }), (pages, c) =>
      buildPages(opts.beat, c, Object.fromEntries(pages)),
    ),
};
