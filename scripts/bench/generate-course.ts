/**
 * A generated course for `npm run bench`: the shipped review has two lessons, and a course of 20
 * shows what grows with the course's size (issue 22: "fast and small at any size"). By default 20
 * lessons of about 4,250 words (85,000 words), each with learning outcomes and "In brief" points, and
 * 20 quizzes of 12 questions of all five types, sourced to the lesson's paragraphs and quoting them
 * where the format asks, in the content folder format of the review site (docs/quiz-format.md), with
 * its own course.yaml credit, so the real build accepts it.
 *
 * The words are filler from a fixed word list, drawn by a seeded generator: the same options give
 * the same files, byte for byte, so two benches compare the same course.
 *
 *   node --import tsx scripts/bench/generate-course.ts DIR [--lessons N] [--words N] [--questions N]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { rng } from '../../src/course/quiz-engine.ts';

export interface GeneratedCourseOptions {
  lessons: number;
  /** Words of running text per lesson (headings excluded), about. */
  wordsPerLesson: number;
  questionsPerQuiz: number;
}

export const BENCH_COURSE: GeneratedCourseOptions = { lessons: 20, wordsPerLesson: 4250, questionsPerQuiz: 12 };

/** Neutral words (no topic of the review: nothing here may read as a claim about it). */
const WORDS = (
  'table window garden river morning paper yellow basket ladder orange pencil island bottle ' +
  'meadow blanket candle harbour silver forest kettle button mirror valley planet cotton marble ' +
  'journey pocket lantern summer winter autumn spring carpet shelter compass thunder feather ' +
  'bridge canvas pepper violin castle saddle puzzle rocket ribbon parcel tunnel cabinet ' +
  'walks carries builds paints counts opens folds lifts follows gathers measures sorts washes ' +
  'quietly slowly brightly gently early later often rarely nearly along beside under over ' +
  'the a some every each this that another several many few small large round narrow wide ' +
  'old new warm cold soft heavy light green blue red brown grey white black calm busy'
).split(' ');


type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function sentence(r: Rand, words: number): string {
  return cap(Array.from({ length: words }, () => pick(r, WORDS)).join(' ')) + '.';
}

/** A paragraph: its sentences (each 10-18 words). */
function paragraph(r: Rand, words: number): string[] {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 10 + Math.floor(r() * 9));
    out.push(sentence(r, n));
    left -= n;
  }
  return out;
}

/** Two-digit, for file names that sort in course order. */
const two = (n: number) => String(n).padStart(2, '0');

interface Lesson {
  file: string;
  n: number;
  title: string;
  /** Each paragraph's sentences, in order; a section heading before every 8th. */
  paragraphs: string[][];
}

const PER_SECTION = 8;
/** A heading's id as the importer makes it (src/content/pages.ts): its words, lower case, joined by "-". */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const sectionHeading = (l: Lesson, s: number) => `Part ${l.n}, section ${s + 1}`;
/** Paragraph i's passage id: the id of the heading it follows, and its number under that heading. */
function passageId(l: Lesson, i: number): string {
  const s = Math.floor(i / PER_SECTION);
  return `${slug(s === 0 ? l.title : sectionHeading(l, s))}-p${(i % PER_SECTION) + 1}`;
}

function makeLesson(r: Rand, n: number, opts: GeneratedCourseOptions): Lesson {
  const paragraphs: string[][] = [];
  for (let words = 0; words < opts.wordsPerLesson; ) {
    const size = 90 + Math.floor(r() * 40);
    paragraphs.push(paragraph(r, size));
    words += size;
  }
  return { file: `${two(n)}-part-${two(n)}.md`, n, title: `Part ${n}: ${cap(pick(r, WORDS))} and ${pick(r, WORDS)}`, paragraphs };
}

/** The page as the review site publishes it: front matter, a title heading, sections of paragraphs. */
function pageMarkdown(l: Lesson, n: number): string {
  const lines = ['---', 'layout: default', `title: "${l.title}"`, 'parent: A Generated Review for the Benchmark', `nav_order: ${n * 10}`, '---', '', `# ${l.title}`, ''];
  l.paragraphs.forEach((p, i) => {
    if (i > 0 && i % PER_SECTION === 0) lines.push(`## ${sectionHeading(l, i / PER_SECTION)}`, '');
    lines.push(p.join(' '), '');
  });
  return lines.join('\n');
}

function briefYaml(l: Lesson): string {
  // Three points, spread over the lesson (a short lesson may have only a few paragraphs).
  const at = [0, 1, 2].map((i) => Math.floor((i * l.paragraphs.length) / 3));
  const points = at.map((p) => `  - text: "The lesson's paragraph ${p + 1} is about the ${l.paragraphs[p][0].split(' ')[1]}."\n    source: ${passageId(l, p)}`);
  return ['outcomes:', `  - Say what ${l.title.split(': ')[1].toLowerCase()} stand for in this part.`, '  - Name the things this part counts.', 'brief:', ...points, ''].join('\n');
}

/** YAML double-quoted string. */
const q = (s: string) => JSON.stringify(s);

/** Four options of about the same length: the sentence's own words and three others. */
function options(r: Rand, right: string): string[] {
  const len = right.split(' ').length;
  const others = new Set<string>();
  while (others.size < 3) {
    const o = cap(Array.from({ length: len }, () => pick(r, WORDS)).join(' '));
    if (o.toLowerCase() !== right.toLowerCase()) others.add(o);
  }
  return [right, ...others];
}

/** Question k of the quiz on lesson l: the five types in turn, each sourced to its own paragraph. */
function question(r: Rand, l: Lesson, k: number): string {
  const p = (k * 3) % l.paragraphs.length;
  const passage = passageId(l, p);
  const first = l.paragraphs[p][0].replace(/\.$/, '').split(' ');
  const phrase = (from: number, n: number) => first.slice(from, from + n).join(' ');
  const id = `q_${two(k + 1)}`;
  const head = (type: string, prompt: string) => [`  - id: ${id}`, `    type: ${type}`, `    prompt: ${q(prompt)}`];
  switch (k % 5) {
    case 0: {
      const opts = options(r, cap(phrase(0, 3)));
      const order = [...opts].sort(() => r() - 0.5);
      return [
        ...head('single', `Which words open paragraph ${p + 1} of this part?`),
        '    options:',
        ...order.map((o, i) => `      - { id: opt_${i + 1}, text: ${q(o)} }`),
        `    correct: opt_${order.indexOf(opts[0]) + 1}`,
        `    source: ${passage}`,
      ].join('\n');
    }
    case 1: {
      const right = [cap(phrase(0, 2)), cap(phrase(2, 2))];
      const wrong = options(r, cap(phrase(4, 2))).slice(1, 3);
      return [
        ...head('multiple', `Which of these word pairs come first in paragraph ${p + 1}?`),
        '    hint: Choose all that apply.',
        '    options:',
        `      - { id: first_pair, text: ${q(right[0])} }`,
        `      - { id: other_a, text: ${q(wrong[0])} }`,
        `      - { id: second_pair, text: ${q(right[1])} }`,
        `      - { id: other_b, text: ${q(wrong[1])} }`,
        '    correct: [first_pair, second_pair]',
        `    source: ${passage}`,
      ].join('\n');
    }
    case 2: {
      const truth = k % 2 === 0;
      const word = truth ? first[0].toLowerCase() : pick(r, WORDS.filter((w) => w !== first[0].toLowerCase()));
      return [...head('truefalse', `True or false: paragraph ${p + 1} of this part begins with the word "${word}".`), `    correct: ${truth}`, `    source: ${passage}`].join('\n');
    }
    case 3:
      return [
        ...head('matching', `Match each position in the first sentence of paragraph ${p + 1} to its word.`),
        '    items:',
        `      - { id: word_one, text: "First word" }`,
        `      - { id: word_two, text: "Second word" }`,
        '    targets:',
        `      - { id: t_one, text: ${q(cap(first[0]))} }`,
        `      - { id: t_two, text: ${q(cap(first[1]))} }`,
        `      - { id: t_other, text: ${q(cap(pick(r, WORDS)))} }`,
        '    correct:',
        '      word_one: t_one',
        '      word_two: t_two',
        `    source: ${passage}`,
      ].join('\n');
    default: {
      const parts = [phrase(0, 2), phrase(2, 2), phrase(4, 2)];
      return [
        ...head('ordering', `Put these words in the order in which paragraph ${p + 1} gives them.`),
        '    options:',
        ...parts.map((t, i) => `      - { id: part_${i + 1}, text: ${q(t)} }`),
        '    correct: [part_1, part_2, part_3]',
        `    source: { passage: ${passage}, quote: ${q(first.slice(0, 6).join(' '))} }`,
      ].join('\n');
    }
  }
}

function quizYaml(r: Rand, l: Lesson, n: number, opts: GeneratedCourseOptions): string {
  return [
    `id: quiz_${two(n)}`,
    `lesson: ${l.file}`,
    `title: "Check your understanding: part ${n}"`,
    'intro: |',
    `  These ${opts.questionsPerQuiz} questions are about part ${n}. There is no time limit.`,
    'settings:',
    '  attempts: 0',
    'questions:',
    ...Array.from({ length: opts.questionsPerQuiz }, (_, k) => question(r, l, k)),
    '',
  ].join('\n');
}

const COURSE_YAML = `# Generated by scripts/bench/generate-course.ts for npm run bench: filler words, not a review.
title: "A Generated Review for the Benchmark"
id: generated_bench_review
description: A generated course of filler words, for measuring the course's size and speed at scale.
language: en
credit:
  author: The benchmark
  year: 2026
  title: "A Generated Review for the Benchmark"
  source: "Generated by scripts/bench/generate-course.ts"
  url: https://example.org/generated-review
support:
  heading: Support
  text: This generated course has no real support details; it is never given to learners.
`;

/** Write the course into `dir` (emptied first). Returns the number of words of running text. */
export async function generateCourse(dir: string, opts: GeneratedCourseOptions = BENCH_COURSE): Promise<{ words: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'modules'), { recursive: true });
  await mkdir(path.join(dir, 'quizzes'), { recursive: true });
  await writeFile(path.join(dir, 'course.yaml'), COURSE_YAML);
  let words = 0;
  for (let n = 1; n <= opts.lessons; n++) {
    const r = rng(n * 7919);
    const lesson = makeLesson(r, n, opts);
    words += lesson.paragraphs.flat().join(' ').split(' ').length;
    await writeFile(path.join(dir, 'modules', lesson.file), pageMarkdown(lesson, n));
    await writeFile(path.join(dir, 'modules', lesson.file.replace(/\.md$/, '.brief.yaml')), briefYaml(lesson));
    await writeFile(path.join(dir, 'quizzes', `part-${two(n)}.yaml`), quizYaml(r, lesson, n, opts));
  }
  return { words };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { lessons: { type: 'string' }, words: { type: 'string' }, questions: { type: 'string' } },
  });
  const num = (v: string | undefined, name: string, dflt: number) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number >= 1, not "${v}"`);
    return n;
  };
  if (positionals.length !== 1) {
    process.stderr.write('Usage: node --import tsx scripts/bench/generate-course.ts DIR [--lessons N] [--words N] [--questions N]\n');
    process.exit(2);
  }
  const opts = {
    lessons: num(values.lessons, 'lessons', BENCH_COURSE.lessons),
    wordsPerLesson: num(values.words, 'words', BENCH_COURSE.wordsPerLesson),
    questionsPerQuiz: num(values.questions, 'questions', BENCH_COURSE.questionsPerQuiz),
  };
  const { words } = await generateCourse(positionals[0], opts);
  process.stdout.write(`Wrote ${opts.lessons} lessons (${words.toLocaleString('en')} words) and ${opts.lessons} quizzes of ${opts.questionsPerQuiz} questions to ${positionals[0]}\n`);
}
