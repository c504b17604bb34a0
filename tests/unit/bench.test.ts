import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionOf, type BuiltPackage } from '../../scripts/bench/build.ts';
import { firstView, lmsOnly, wholeCourse } from '../../scripts/bench/bytes.ts';
import { atMost } from '../../scripts/bench/budgets.ts';
import { loadCourse } from '../../scripts/bench/course-data.ts';
import { table } from '../../scripts/bench/format.ts';
import { BENCH_COURSE, generateCourse } from '../../scripts/bench/generate-course.ts';
import { compileCourse } from '../../src/content/compile.ts';
import { measured, notMeasured, stats } from '../../scripts/bench/measured.ts';
import { worstCaseStates, worstCaseSuspend } from '../../scripts/bench/worst-case.ts';
import { decodeSuspend } from '../../src/scorm/suspend-codec.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function pkg(files: Record<string, string>): BuiltPackage {
  const enc = new TextEncoder();
  return {
    version: '1.2',
    zipPath: 'x.zip',
    zipBytes: 0,
    dir: '',
    schemaversion: '1.2',
    files: new Map(Object.entries(files).map(([p, t]) => [p, enc.encode(t)])),
  };
}

describe('bench statistics', () => {
  it('gives min, median and max, the median of an even count being the mean of the middle two', () => {
    expect(stats([5, 1, 3])).toMatchObject({ min: 1, median: 3, max: 5 });
    expect(stats([4, 1, 3, 2])).toMatchObject({ min: 1, median: 2.5, max: 4 });
  });
});

describe('bench package handling', () => {
  it('reads the SCORM version from <schemaversion> as Moodle does', () => {
    expect(versionOf('1.2')).toBe('1.2');
    expect(versionOf('2004 4th Edition')).toBe('2004');
    expect(versionOf('CAM 1.3')).toBe('2004');
    expect(versionOf('2004 5th Edition')).toBe('1.2');
  });

  it('leaves the manifest and schemas out of the whole-course transfer', () => {
    const p = pkg({ 'index.html': '<p>x</p>', 'course.js': 'x', 'imsmanifest.xml': '<m/>', 'adlcp_rootv1p2.xsd': '<x/>' });
    expect(lmsOnly('imsmanifest.xml')).toBe(true);
    expect(wholeCourse(p).files.map((f) => f.path)).toEqual(['course.js', 'index.html']);
  });

  it('refuses a first view with a file the package does not have, or with no file at all', () => {
    const p = pkg({ 'index.html': '<p>x</p>' });
    expect(firstView(p, ['index.html', 'missing.js']).ok).toBe(false);
    expect(firstView(p, []).ok).toBe(false);
    const ok = firstView(p, ['index.html', 'index.html']);
    expect(ok.ok && ok.value.files.length).toBe(1);
  });
});

describe('bench budgets', () => {
  it('fails a budget whose figure was not measured, and checks the limit otherwise', () => {
    const fmt = String;
    expect(atMost('x', notMeasured('no zip'), (n: number) => n, 10, fmt)).toMatchObject({ ok: false, figure: 'not measured: no zip' });
    expect(atMost('x', measured(10), (n) => n, 10, fmt).ok).toBe(true);
    expect(atMost('x', measured(11), (n) => n, 10, fmt).ok).toBe(false);
    expect(atMost('x', measured(Number.NaN), (n) => n, 10, fmt).ok).toBe(false);
  });

  it('prints a table with padded columns and a rule under the header', () => {
    expect(table([['a', 'bb'], ['ccc', 'd']]).split('\n')).toEqual(['a    bb', '---  --', 'ccc  d']);
  });
});

describe('bench worst-case suspend_data', () => {
  it('builds states that answer every question of every quiz and that the runtime codec reads back', async () => {
    const course = await loadCourse(ROOT);
    const states = worstCaseStates(course);
    expect(states.length).toBeGreaterThan(1);
    for (const { state } of states.slice(0, 5)) {
      expect(state.lessonsRead).toHaveLength(course.lessons.length);
      for (const q of course.quizzes) expect(Object.keys(state.quizzes[q.id].answers)).toHaveLength(q.questions.length);
    }
    const worst = await worstCaseSuspend(ROOT, course);
    expect(worst.ok).toBe(true);
    if (!worst.ok) return;
    expect(worst.value.chars).toBe(worst.value.value.length);
    expect(decodeSuspend(course, worst.value.value).ok).toBe(true);
  });
});

describe('bench generated course', () => {
  const read = async (dir: string) => {
    const out: Record<string, string> = {};
    for (const sub of ['modules', 'quizzes']) for (const f of await readdir(path.join(dir, sub))) out[`${sub}/${f}`] = await readFile(path.join(dir, sub, f), 'utf8');
    out['course.yaml'] = await readFile(path.join(dir, 'course.yaml'), 'utf8');
    return out;
  };

  it('writes the same files every time, and a course the real build accepts, every question sourced in its lesson', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'bench-gen-'));
    try {
      const opts = { lessons: 3, wordsPerLesson: 600, questionsPerQuiz: 12 };
      const a = await generateCourse(path.join(tmp, 'a'), opts);
      await generateCourse(path.join(tmp, 'b'), opts);
      const files = await read(path.join(tmp, 'a'));
      expect(files).toEqual(await read(path.join(tmp, 'b')));
      expect(Object.keys(files).filter((f) => f.startsWith('quizzes/'))).toHaveLength(3);
      const { course } = await compileCourse(path.join(tmp, 'a'));
      expect(course.lessons).toHaveLength(3);
      expect(course.lessons.reduce((n, l) => n + l.words, 0)).toBeGreaterThanOrEqual(a.words);
      expect(course.credit.author).toBe('The benchmark');
      for (const quiz of course.quizzes) {
        expect(quiz.questions).toHaveLength(12);
        expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'matching', 'ordering']));
        const lesson = course.lessons.find((l) => l.id === quiz.lessonId)!;
        for (const q of quiz.questions) expect(lesson.passageIds).toContain(q.source);
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('is by default 20 lessons of about 85,000 words and 20 quizzes of 12 questions (issue 22)', () => {
    expect(BENCH_COURSE).toEqual({ lessons: 20, wordsPerLesson: 4250, questionsPerQuiz: 12 });
  });
});
