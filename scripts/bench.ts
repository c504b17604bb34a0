/**
 * `npm run bench`: build the SCORM packages and measure them (issues 7 and 22).
 *
 *   node --import tsx scripts/bench.ts [--content DIR]... [--json FILE] [--runs N] [--build-runs N] [--no-build] [--zips DIR]
 *
 * By default two courses: the shipped one (this repository's content) and a generated one of 20
 * lessons (85,000 words, 20 quizzes of 12 questions: scripts/bench/generate-course.ts), because what
 * the learner downloads first and how soon the course is ready must not grow with the course.
 * `--content DIR` measures that content folder instead (repeat it for several; `generated` names the
 * generated course). Each course gets its own report and budgets.
 *
 * Parts, in order: machine, build (time of `npm run package`), bytes (zip, first view, whole
 * course, lesson-text floor), timing (course ready in Chromium at three throttle profiles),
 * traffic (LMS calls in a scripted full completion; worst-case suspend_data), budgets, report.
 * A part whose prerequisite is missing reports "not measured: <reason>" and its budgets fail.
 * Exit code 0 only when every budget holds. See docs/benchmark.md.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { findPackages, timePackage, VERSIONS, type BuiltPackage, type ScormVersion } from './bench/build.ts';
import { firstView, GZIP_LEVEL, gzipSize, lessonTextFloor, wholeCourse, type Floor, type TransferBytes } from './bench/bytes.ts';
import { BUDGETS, SUSPEND_LIMIT_12, atMost, type BudgetCheck } from './bench/budgets.ts';
import { fmtBytesKB, fmtChars, fmtCount, fmtMs } from './bench/format.ts';
import { loadCourse } from './bench/course-data.ts';
import { BENCH_COURSE, generateCourse } from './bench/generate-course.ts';
import { load1, machine } from './bench/machine.ts';
import { attempt, map, measured, notMeasured, toJson, type Measured, type Stats } from './bench/measured.ts';
import { renderReport } from './bench/report.ts';
import { startServer, type BenchServer } from './bench/server.ts';
import { PROFILES, SLOW_4G, timeOnce, timeProfile, type TimingResult } from './bench/timing.ts';
import { scriptedCompletion, type Traffic } from './bench/traffic.ts';
import { worstCaseSuspend, type WorstCase } from './bench/worst-case.ts';
import type { Course } from '../src/course/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface VersionResults {
  package: Measured<{ zip: string; schemaversion: string }>;
  zipBytes: Measured<number>;
  firstView: Measured<TransferBytes>;
  wholeCourse: Measured<TransferBytes>;
  /** First-view gzip bytes / floor gzip bytes. */
  ratio: Measured<number>;
  timing: Record<string, Measured<TimingResult>>;
  traffic: Measured<Traffic>;
}

export interface Results {
  /** Which course: `shipped`, `generated` or the content folder given. */
  course: { label: string; contentDir: string; lessons: number; quizzes: number; questions: number; words: number } | null;
  date: string;
  machine: ReturnType<typeof machine>;
  settings: {
    runs: number;
    buildRuns: number;
    gzipLevel: number;
    profiles: typeof PROFILES;
    slowNetwork: typeof SLOW_4G;
  };
  build: Measured<Stats>;
  floor: Measured<Floor>;
  /** The compiled course object (lessons, quizzes) as JSON, as it sits inside course.js. */
  courseData: Measured<{ raw: number; gzip: number }>;
  versions: Record<ScormVersion, VersionResults>;
  worstCaseSuspend: Measured<WorstCase>;
  budgets: BudgetCheck[];
}

/** The name `--content` takes for the generated 20-lesson course. */
const GENERATED = 'generated';

function parse() {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', multiple: true },
      json: { type: 'string', default: path.join(ROOT, 'bench-results.json') },
      runs: { type: 'string', default: '7' },
      'build-runs': { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      zips: { type: 'string', default: path.join(ROOT, 'dist') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: npm run bench -- [--content DIR]... [--json FILE] [--runs N] [--build-runs N] [--no-build] [--zips DIR]
  --content DIR    measure this content folder (modules/, quizzes/, course.yaml); repeat for several.
                   "${GENERATED}" is a generated course of ${BENCH_COURSE.lessons} lessons (about ${(BENCH_COURSE.lessons * BENCH_COURSE.wordsPerLesson).toLocaleString('en')} words, ${BENCH_COURSE.lessons} quizzes
                   of ${BENCH_COURSE.questionsPerQuiz} questions). Default: this course and "${GENERATED}".
  --json FILE      where to write the figures as JSON (default: bench-results.json)
  --runs N         timed runs per profile and version (default 7, at least 7 for the published figures)
  --build-runs N   runs of \`npm run package\` to time (default 3)
  --no-build       measure the zips already built (build time then "not measured")
  --zips DIR       where \`npm run package\` writes this course's zips (default: dist/)
`);
    process.exit(0);
  }
  const runs = Number(values.runs);
  const buildRuns = Number(values['build-runs']);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number >= 1, not "${values.runs}"`);
  if (!Number.isInteger(buildRuns) || buildRuns < 1) throw new Error(`--build-runs must be a whole number >= 1, not "${values['build-runs']}"`);
  const contents = values.content?.length ? values.content : [ROOT, GENERATED];
  for (const c of contents) {
    if (c !== GENERATED && !existsSync(path.join(c, 'modules'))) throw new Error(`--content ${c}: no modules/ folder there (a content folder holds modules/, quizzes/ and course.yaml)`);
  }
  return { json: path.resolve(values.json!), runs, buildRuns, noBuild: values['no-build']!, zips: path.resolve(values.zips!), contents };
}

type Options = ReturnType<typeof parse>;

/** One course to measure: its content folder, and where its packages are written. */
interface Target {
  label: string;
  contentDir: string;
  /** `npm run package` arguments after `--`: none for this course (it writes dist/). */
  packageArgs: string[];
  zips: string;
  unpackRoot: string;
}

async function target(content: string, opts: Options): Promise<Target> {
  if (content === GENERATED) {
    const dir = path.join(ROOT, '.tmp/bench/generated-course');
    // Written afresh every time (deterministic): the bench measures the generator's current course.
    if (!opts.noBuild || !existsSync(dir)) await generateCourse(dir, BENCH_COURSE);
    const out = path.join(ROOT, '.tmp/bench/generated-out');
    return { label: GENERATED, contentDir: dir, packageArgs: ['--content', dir, '--out', out], zips: out, unpackRoot: path.join(ROOT, '.tmp/bench/generated') };
  }
  const dir = path.resolve(content);
  if (dir === ROOT) return { label: 'shipped', contentDir: ROOT, packageArgs: [], zips: opts.zips, unpackRoot: path.join(ROOT, '.tmp/bench') };
  const name = path.basename(dir).replace(/[^A-Za-z0-9_-]+/g, '_');
  const out = path.join(ROOT, '.tmp/bench', `${name}-out`);
  return { label: path.relative(ROOT, dir) || dir, contentDir: dir, packageArgs: ['--content', dir, '--out', out], zips: out, unpackRoot: path.join(ROOT, '.tmp/bench', name) };
}

const log = (s: string) => process.stderr.write(s + '\n');

function chromiumPath(): string | null {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p)) ?? null;
}

async function main(): Promise<number> {
  const opts = parse();

  // Browser first: its version belongs to the machine description.
  const exe = chromiumPath();
  let browser: Browser | null = null;
  let browserProblem = exe ? '' : 'no Chromium (install Debian\'s chromium package or set CHROME_PATH)';
  if (exe) {
    try {
      browser = await chromium.launch({ executablePath: exe, headless: true });
    } catch (err) {
      browserProblem = `Chromium did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    }
  }

  try {
    const all: Results[] = [];
    for (const content of opts.contents) {
      const t = await target(content, opts);
      log(`\n=== Course: ${t.label} (${path.relative(ROOT, t.contentDir) || '.'}) ===`);
      const results = await measureCourse(t, opts, browser, browserProblem, exe);
      process.stdout.write(renderReport(results) + '\n\n');
      all.push(results);
    }
    await writeFile(opts.json, JSON.stringify({ courses: all.map(jsonOf), allBudgetsHold: all.every((r) => r.budgets.every((b) => b.ok)) }, null, 2) + '\n');
    log(`Figures written to ${path.relative(process.cwd(), opts.json) || opts.json}`);
    let failed = 0;
    for (const r of all) {
      const missed = r.budgets.filter((b) => !b.ok).length;
      failed += missed;
      if (missed) log(`${r.course?.label}: ${missed} of ${r.budgets.length} budgets missed or not measured.`);
    }
    return failed ? 1 : 0;
  } finally {
    await browser?.close();
  }
}

/** Build (timed), bytes, timing, traffic and worst-case suspend_data of one course. */
async function measureCourse(t: Target, opts: Options, browser: Browser | null, browserProblem: string, exe: string | null): Promise<Results> {
  const date = new Date().toISOString();
  const mach = machine(browser ? `${browser.version()} (${exe})` : `not available: ${browserProblem}`);

  // --- build ---
  log(`Build: npm run package ${t.packageArgs.length ? `-- ${t.packageArgs.map((a) => path.relative(ROOT, a) || a).join(' ')} ` : ''}...`);
  const since = Date.now();
  const build: Measured<Stats> = opts.noBuild
    ? notMeasured('--no-build: the zips in place were measured')
    : await timePackage(ROOT, opts.buildRuns, log, t.packageArgs);
  const packages: Record<ScormVersion, Measured<BuiltPackage>> =
    !opts.noBuild && !build.ok
      ? { '1.2': notMeasured(`no fresh package: ${build.reason}`), '2004': notMeasured(`no fresh package: ${build.reason}`) }
      : await findPackages(t.zips, t.unpackRoot, opts.noBuild ? null : since);

  // --- course data and floor ---
  const course: Measured<Course> = await attempt('compiling the course', async () => measured(await loadCourse(ROOT, t.contentDir)));
  const floor: Measured<Floor> = course.ok
    ? await attempt('the lesson-text floor', () => lessonTextFloor(ROOT, course.value))
    : notMeasured(course.reason);
  const courseData = map(course, (c) => {
    const json = JSON.stringify(c);
    return { raw: Buffer.byteLength(json), gzip: gzipSize(json) };
  });

  const dirs: Partial<Record<ScormVersion, string>> = {};
  for (const v of VERSIONS) if (packages[v].ok) dirs[v] = (packages[v] as { value: BuiltPackage }).value.dir;
  const server: BenchServer = await startServer({ root: ROOT, packages: dirs });

  const versions = {} as Record<ScormVersion, VersionResults>;
  try {
    for (const v of VERSIONS) versions[v] = await measureBytes(v, packages[v], floor, browser, browserProblem, server);
    const timing = await measureTiming(versions, packages, browser, browserProblem, server, opts.runs);
    for (const v of VERSIONS) versions[v].timing = timing[v];
    for (const v of VERSIONS) versions[v].traffic = await measureTraffic(v, packages[v], course, browser, browserProblem, server);
  } finally {
    await server.close();
  }

  // --- worst-case suspend_data ---
  log('Worst-case suspend_data ...');
  const worst: Measured<WorstCase> = course.ok
    ? await attempt('the worst-case suspend_data', () => worstCaseSuspend(ROOT, course.value))
    : notMeasured(course.reason);

  const c = course.ok ? course.value : null;
  const results: Results = {
    course: c && {
      label: t.label,
      contentDir: path.relative(ROOT, t.contentDir) || '.',
      lessons: c.lessons.length,
      quizzes: c.quizzes.length,
      questions: c.quizzes.reduce((n, q) => n + q.questions.length, 0),
      words: c.lessons.reduce((n, l) => n + l.words, 0),
    },
    date,
    machine: mach,
    settings: { runs: opts.runs, buildRuns: opts.buildRuns, gzipLevel: GZIP_LEVEL, profiles: PROFILES, slowNetwork: SLOW_4G },
    build,
    floor,
    courseData,
    versions,
    worstCaseSuspend: worst,
    budgets: [],
  };
  results.budgets = checkBudgets(results);
  mach.loadAverage.end = load1();
  return results;
}

/** Bytes of one version: zip, whole course, first view (from one untimed load), ratio to the floor. */
async function measureBytes(
  v: ScormVersion,
  pkg: Measured<BuiltPackage>,
  floor: Measured<Floor>,
  browser: Browser | null,
  browserProblem: string,
  server: BenchServer,
): Promise<VersionResults> {
  log(`SCORM ${v}: bytes ...`);
  let first: Measured<TransferBytes>;
  if (!pkg.ok) first = pkg;
  else if (!browser) first = notMeasured(browserProblem);
  else {
    first = await attempt(`loading the SCORM ${v} course`, async () => {
      const run = await timeOnce(browser, server, v, PROFILES[0], true);
      return firstView(pkg.value, run.requested);
    });
  }
  return {
    package: map(pkg, (p) => ({ zip: path.relative(ROOT, p.zipPath), schemaversion: p.schemaversion })),
    zipBytes: map(pkg, (p) => p.zipBytes),
    firstView: first,
    wholeCourse: map(pkg, wholeCourse),
    ratio: !first.ok ? first : !floor.ok ? floor : measured(first.value.gzip / floor.value.gzip),
    timing: {},
    traffic: notMeasured('not run yet'),
  };
}

/**
 * Course-ready times. Per profile: one warm-up load of each version, then the timed runs with the
 * versions taking turns, so a slow spell of this shared machine does not land on one version only.
 */
async function measureTiming(
  versions: Record<ScormVersion, VersionResults>,
  packages: Record<ScormVersion, Measured<BuiltPackage>>,
  browser: Browser | null,
  browserProblem: string,
  server: BenchServer,
  runs: number,
): Promise<Record<ScormVersion, Record<string, Measured<TimingResult>>>> {
  const out = { '1.2': {}, '2004': {} } as Record<ScormVersion, Record<string, Measured<TimingResult>>>;
  for (const profile of PROFILES) {
    const todo: ScormVersion[] = [];
    for (const v of VERSIONS) {
      const pkg = packages[v];
      const first = versions[v].firstView;
      if (!pkg.ok) out[v][profile.id] = pkg;
      else if (!browser) out[v][profile.id] = notMeasured(browserProblem);
      // The untimed load already failed: the same failure would repeat in every timed run.
      else if (!first.ok) out[v][profile.id] = first;
      else todo.push(v);
    }
    if (!browser || todo.length === 0) continue;
    log(`Timing, ${profile.label}: ${runs} runs of SCORM ${todo.join(' and ')} ...`);
    const result = await timeProfile(browser, server, todo, profile, runs);
    for (const v of todo) {
      out[v][profile.id] = result[v];
      const r = result[v];
      if (r.ok) log(`  SCORM ${v}: course ready median ${fmtMs(r.value.ready.median)} (min ${fmtMs(r.value.ready.min)}, max ${fmtMs(r.value.ready.max)})`);
      else log(`  SCORM ${v}: not measured: ${r.reason}`);
    }
  }
  return out;
}

async function measureTraffic(
  v: ScormVersion,
  pkg: Measured<BuiltPackage>,
  course: Measured<Course>,
  browser: Browser | null,
  browserProblem: string,
  server: BenchServer,
): Promise<Measured<Traffic>> {
  log(`SCORM ${v}: scripted completion ...`);
  if (!pkg.ok) return pkg;
  if (!browser) return notMeasured(browserProblem);
  if (!course.ok) return course;
  return attempt(`the scripted completion (SCORM ${v})`, () => scriptedCompletion(browser, server, v, course.value, log));
}

function checkBudgets(r: Results): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const v of VERSIONS) {
    checks.push(atMost(`SCORM ${v}: first-view transfer (gzip)`, r.versions[v].firstView, (x) => x.gzip, BUDGETS.firstViewGzipBytes, fmtBytesKB));
  }
  // The zip grows with the words, as it must: its budget is the shipped course's.
  if (r.course?.label === 'shipped') checks.push(atMost('SCORM 1.2: zip size', r.versions['1.2'].zipBytes, (x) => x, BUDGETS.zip12Bytes, fmtBytesKB));
  for (const v of VERSIONS) {
    checks.push(
      atMost(`SCORM ${v}: course ready, median at 4x CPU`, r.versions[v].timing['cpu4x'], (x) => x.ready.median, BUDGETS.readyMedianMsAt4xCpu, fmtMs),
    );
  }
  for (const v of VERSIONS) {
    const t = r.versions[v].traffic;
    const name = `SCORM ${v}: commits in a full completion (<= 1 per submitted answer, finished lesson, submitted quiz and exit; none per SetValue)`;
    if (!t.ok) checks.push({ name, figure: `not measured: ${t.reason}`, budget: '<= answers + lessons + quizzes + exits', ok: false });
    else {
      const x = t.value;
      checks.push({
        name,
        figure: `${fmtCount(x.commits)} commits for ${fmtCount(x.setValues)} SetValue calls`,
        budget: `<= ${x.allowedCommits} (${x.answersSubmitted} answers + ${x.lessonsFinished} lessons + ${x.quizzesSubmitted} quizzes + ${x.exits} exit)`,
        ok: x.setValues > 0 && x.commits <= x.allowedCommits && x.exits >= 1,
      });
    }
  }
  checks.push(atMost('Worst-case suspend_data', r.worstCaseSuspend, (x) => x.chars, BUDGETS.worstSuspendChars, fmtChars));
  return checks;
}

/** Measured<T> -> { value } | { notMeasured } throughout, for the JSON file. */
function jsonOf(r: Results): unknown {
  const v = (x: VersionResults) => ({
    package: toJson(x.package),
    zipBytes: toJson(x.zipBytes),
    firstView: toJson(x.firstView),
    wholeCourse: toJson(x.wholeCourse),
    firstViewToFloorRatio: toJson(x.ratio),
    timing: Object.fromEntries(Object.entries(x.timing).map(([k, m]) => [k, toJson(m)])),
    traffic: toJson(x.traffic),
  });
  return {
    course: r.course,
    date: r.date,
    machine: r.machine,
    settings: r.settings,
    build: toJson(r.build),
    floor: toJson(r.floor),
    courseData: toJson(r.courseData),
    versions: { '1.2': v(r.versions['1.2']), '2004': v(r.versions['2004']) },
    worstCaseSuspend: toJson(r.worstCaseSuspend),
    suspendLimit: SUSPEND_LIMIT_12,
    budgets: r.budgets,
    allBudgetsHold: r.budgets.every((b) => b.ok),
  };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
