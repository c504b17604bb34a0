/**
 * The zips as an LMS runs them. Each package is unzipped and served on 127.0.0.1 beside a
 * Moodle-like player page: scorm-again's API in the parent window (only the packaged version's
 * API is offered), the course in an 836x666 iframe, values kept ONLY when the course commits or
 * finishes (as Moodle does), lesson_status recomputed from the mastery score at LMSFinish (1.2),
 * cmi.scaled_passing_score from the manifest (2004). The learner completes the course by keyboard,
 * reloads in the middle of a quiz and must come back exactly there.
 *
 * Strictness from shared/moodle-facts.md: interaction and response ids `^[\w.]{1,250}$`,
 * timestamps with at most 2 decimals, suspend_data <= 4096 (1.2) / 64000, location <= 255 / 1000,
 * and no API call may fail.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import { buildPackages, type PackageResult } from '../../src/package/build-package.ts';
import type { ScormVersion } from '../../src/package/manifest.ts';
import { readZip } from '../../src/package/zip.ts';
import { launch } from '../helpers/chromium.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The player page: like Moodle's, a table of contents beside the SCO's iframe. */
function playerHtml(version: ScormVersion): string {
  return `<!doctype html>
<html lang="en" data-version="${version}">
<head>
<meta charset="utf-8">
<title>Test LMS player</title>
<link rel="stylesheet" href="/__lms/player.css">
<script src="/__lms/scorm-again.js"></script>
<script src="/__lms/lms.js"></script>
</head>
<body>
<nav aria-label="Course structure"><p>Course structure</p><p id="toc"></p></nav>
<iframe id="sco" title="Course content" width="836" height="666"></iframe>
</body>
</html>`;
}

const PLAYER_CSS = 'body{margin:0;display:flex;gap:16px;font:14px sans-serif} nav{width:300px;padding:8px} iframe{border:1px solid #ccc}';

/** The test LMS, in the parent window. Plain ES5-style JS: it runs as served. */
const LMS_JS = String.raw`
(function () {
  var V = document.documentElement.getAttribute('data-version');
  var is12 = V === '1.2';
  var KEY = 'test-lms';
  // Like resuming on another device: only what the LMS stored survives, never the course's own
  // copy in this browser, so a resume proves the LMS path.
  Object.keys(localStorage).forEach(function (k) { if (k !== KEY) localStorage.removeItem(k); });
  var saved = JSON.parse(localStorage.getItem(KEY) || 'null') || { values: {}, launches: 0, commits: 0, finishes: 0, totalTime: null };
  saved.launches++;
  localStorage.setItem(KEY, JSON.stringify(saved));
  var lms = (window.lms = { version: V, saved: saved, calls: [], problems: [], mastery: null, ready: false });
  var pending = {};
  var types = {};
  var EL = is12
    ? { entry: 'cmi.core.entry', exit: 'cmi.core.exit', total: 'cmi.core.total_time', session: 'cmi.core.session_time', raw: 'cmi.core.score.raw', status: 'cmi.core.lesson_status', suspend: 'cmi.suspend_data', location: 'cmi.core.lesson_location' }
    : { entry: 'cmi.entry', exit: 'cmi.exit', total: 'cmi.total_time', session: 'cmi.session_time', raw: 'cmi.score.raw', status: 'cmi.completion_status', suspend: 'cmi.suspend_data', location: 'cmi.location' };
  var LIMITS = is12 ? { suspend: 4096, location: 255 } : { suspend: 64000, location: 1000 };
  var SAFE = /^[\w.]{1,250}$/;

  function problem(text) { lms.problems.push(text); }

  function check(el, v) {
    var m;
    if (el === EL.suspend && v.length > LIMITS.suspend) problem(el + ' is ' + v.length + ' characters (limit ' + LIMITS.suspend + ')');
    if (el === EL.location && v.length > LIMITS.location) problem(el + ' is ' + v.length + ' characters (limit ' + LIMITS.location + ')');
    if ((m = /^cmi\.interactions\.(\d+)\.type$/.exec(el))) types[m[1]] = v;
    if (/^cmi\.interactions\.\d+\.id$/.test(el) && !SAFE.test(v)) problem(el + ' "' + v + '" is not ^[\\w.]{1,250}$');
    if (/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/.test(el) && !SAFE.test(v)) problem(el + ' "' + v + '" is not ^[\\w.]{1,250}$');
    if ((m = /^cmi\.interactions\.(\d+)\.(student_response|learner_response|correct_responses\.\d+\.pattern)$/.exec(el))) {
      var t = types[m[1]];
      if (t === 'choice' || t === 'matching' || t === 'sequencing') {
        v.split(is12 ? /[,]/ : /\[,\]|\[\.\]/).forEach(function (id) {
          if (id !== '' && !SAFE.test(id)) problem(el + ' has the response id "' + id + '", not ^[\\w.]{1,250}$');
        });
      }
    }
    if (/^cmi\.interactions\.\d+\.(timestamp|time)$/.test(el) && /\.\d{3,}/.test(v)) problem(el + ' "' + v + '" has more than 2 decimals');
  }

  function save(finish, api) {
    Object.keys(pending).forEach(function (k) { saved.values[k] = pending[k]; });
    pending = {};
    saved.commits++;
    if (finish) {
      saved.finishes++;
      try { saved.totalTime = is12 ? api.cmi.core.getCurrentTotalTime() : api.cmi.getCurrentTotalTime(); } catch (e) { problem('total time: ' + e); }
      // Moodle, SCORM 1.2: with a mastery score and a raw score, LMSFinish recomputes lesson_status.
      var raw = saved.values[EL.raw];
      if (is12 && lms.mastery !== null && raw !== undefined && raw !== '') {
        saved.values[EL.status] = Number(raw) >= lms.mastery ? 'passed' : 'failed';
      }
    }
    localStorage.setItem(KEY, JSON.stringify(saved));
  }

  function start(manifestText) {
    var doc = new DOMParser().parseFromString(manifestText, 'application/xml');
    // Not namespace-aware on purpose, like Moodle: the literal "adlcp:" / "imsss:" names.
    var mastery = doc.getElementsByTagName(is12 ? 'adlcp:masteryscore' : 'imsss:minNormalizedMeasure')[0];
    lms.mastery = mastery ? Number(mastery.textContent) : null;
    var resource = doc.getElementsByTagName('resources')[0].getElementsByTagName('resource')[0];
    var launchHref = resource.getAttribute('href');
    var scormType = resource.getAttribute(is12 ? 'adlcp:scormtype' : 'adlcp:scormType');
    if (scormType !== 'sco') problem('the resource is not a SCO: ' + scormType);
    document.getElementById('toc').textContent = doc.getElementsByTagName('organization')[0].getElementsByTagName('title')[0].textContent;

    var api = new (is12 ? window.Scorm12API : window.Scorm2004API)({ autocommit: false, logLevel: 5 });
    var values = saved.values;
    var hasData = Object.keys(values).length > 0;
    // Moodle 2004: earlier data only after exit=suspend (RTE 4.2.8); 1.2 always gets it back.
    var restore = hasData && (is12 || values[EL.exit] === 'suspend');
    var load = {};
    if (restore) {
      Object.keys(values).forEach(function (k) {
        if (k !== EL.session && k !== EL.exit && !/^cmi\.(core\.)?(entry|total_time)$/.test(k)) load[k] = values[k];
      });
      if (saved.totalTime) load[EL.total] = saved.totalTime;
    }
    load[EL.entry] = !hasData ? 'ab-initio' : values[EL.exit] === 'suspend' ? 'resume' : '';
    if (lms.mastery !== null) load[is12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'] = String(lms.mastery);
    api.loadFromFlattenedJSON(load);
    lms.api = api;

    var names = is12
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
    var lastError = is12 ? 'LMSGetLastError' : 'GetLastError';
    var wrapper = {};
    names.forEach(function (name) {
      wrapper[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = String(api[name].apply(api, args));
        var code = String(api[lastError]());
        lms.calls.push([name, args, result, code]);
        if (/SetValue$/.test(name) && result === 'true') { pending[args[0]] = String(args[1]); check(args[0], String(args[1])); }
        if (/Commit$/.test(name) && result === 'true') save(false, api);
        if (/(Finish|Terminate)$/.test(name) && result === 'true') save(true, api);
        if (/^(LMS)?(Initialize|Finish|Terminate|SetValue|Commit)$/.test(name) && (result !== 'true' || code !== '0')) {
          problem(name + '(' + JSON.stringify(args) + ') returned ' + result + ', error ' + code);
        }
        return result;
      };
    });
    // Moodle offers only the API of the package's version.
    if (is12) window.API = wrapper; else window.API_1484_11 = wrapper;
    lms.ready = true;
    document.getElementById('sco').src = launchHref;
  }

  fetch('imsmanifest.xml').then(function (r) { return r.text(); }).then(start, function (e) { problem('no manifest: ' + e); });
})();
`;

interface LmsState {
  saved: { values: Record<string, string>; launches: number; commits: number; finishes: number; totalTime: string | null };
  problems: string[];
  mastery: number | null;
  calls: [string, string[], string, string][];
}

const lmsState = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { lms: LmsState }).lms)) as LmsState);

// ---------- keyboard helpers ----------

/** True when `target` is the focused element, looking through shadow roots. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    let a: Element | null = el.ownerDocument.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a === el;
  });
}

/** Which of the elements `list` matches has focus (looking through shadow roots); -1: none. */
function focusedIndex(list: Locator): Promise<number> {
  return list.evaluateAll((els) => {
    let a: Element | null = els[0]?.ownerDocument.activeElement ?? null;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return (els as Element[]).indexOf(a as Element);
  });
}

/** Press Tab until `target` has focus: it must be reachable by keyboard. */
async function tabTo(page: Page, target: Locator, what: string, max = 400): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} cannot be reached with the Tab key (${max} presses)`);
}

async function press(page: Page, target: Locator, what: string, key = 'Enter'): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

function exactName(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\s*$`);
}

/** A radio: Tab reaches its group once (the checked or first radio), arrows move within it. */
async function chooseRadio(page: Page, scope: Locator, label: string): Promise<void> {
  const target = scope.getByRole('radio', { name: exactName(label) });
  const radios = scope.getByRole('radio');
  await radios.first().waitFor();
  const count = await radios.count();
  // Reach the group: its first radio is the tab stop while none is checked. One look at the whole
  // group per key press (not one per radio: those round trips were most of this test's time).
  let reached = false;
  for (let i = 0; i < 400 && !reached; i++) {
    reached = (await focusedIndex(radios)) >= 0;
    if (!reached) await page.keyboard.press('Tab');
  }
  if (!reached) throw new Error(`the options of "${label}" cannot be reached with Tab`);
  for (let i = 0; i <= count && !(await isFocused(target)); i++) await page.keyboard.press('ArrowDown');
  if (!(await isFocused(target))) throw new Error(`arrow keys do not reach the option "${label}"`);
  if (!(await target.isChecked())) await page.keyboard.press('Space');
  expect(await target.isChecked(), `option "${label}" checked`).toBe(true);
}

async function answer(page: Page, frame: FrameLocator, q: Question): Promise<void> {
  const scope = frame.locator('#question');
  switch (q.type) {
    case 'single':
      return chooseRadio(page, scope, q.options.find((o) => o.id === q.correct)!.text);
    case 'truefalse':
      return chooseRadio(page, scope, q.correct ? 'True' : 'False');
    case 'multiple':
      for (const id of q.correct) {
        const box = scope.getByRole('checkbox', { name: exactName(q.options.find((o) => o.id === id)!.text) });
        await press(page, box, `checkbox ${id}`, 'Space');
        expect(await box.isChecked()).toBe(true);
      }
      return;
    case 'matching':
      for (const item of q.items) {
        const select = scope.getByRole('combobox', { name: exactName(item.text) });
        await tabTo(page, select, `the select for "${item.text}"`);
        const want = q.correct[item.id]!;
        // A closed select changes its value with the arrow keys (Chromium on Linux and Windows).
        for (let i = 0; i <= q.targets.length + 1 && (await select.inputValue()) !== want; i++) await page.keyboard.press('ArrowDown');
        expect(await select.inputValue(), `match for "${item.text}"`).toBe(want);
      }
      return;
    case 'ordering': {
      const text = (id: string) => q.options.find((o) => o.id === id)!.text;
      const wanted = q.correct.map(text);
      for (let pos = 0; pos < wanted.length; pos++) {
        for (let guard = 0; guard < wanted.length; guard++) {
          const current = (await scope.locator('.order-text').allInnerTexts()).map((t) => t.trim());
          const at = current.indexOf(wanted[pos]!);
          if (at < 0) throw new Error(`ordering option "${wanted[pos]}" not shown (${current.join(' | ')})`);
          if (at === pos) break;
          await press(page, scope.getByRole('button', { name: new RegExp(`^Move up\\s+“${exactName(wanted[pos]!).source.slice(1, -1)}”$`) }), `Move up "${wanted[pos]}"`);
        }
      }
      expect((await scope.locator('.order-text').allInnerTexts()).map((t) => t.trim())).toEqual(wanted);
      return;
    }
  }
}

/** The question on screen, from its heading (the prompt inside the legend). */
async function currentQuestion(frame: FrameLocator, quiz: Quiz): Promise<{ q: Question; caption: string }> {
  const legend = frame.locator('#question legend');
  await legend.waitFor();
  const heading = (await legend.locator('h1, h2').first().innerText()).replace(/\s+/g, ' ').trim();
  const caption = (await legend.locator('.caption').innerText()).trim();
  const q = quiz.questions.find((x) => x.promptText.replace(/\s+/g, ' ').trim() === heading) ??
    quiz.questions.find((x) => heading.startsWith(x.promptText.replace(/\s+/g, ' ').trim().slice(0, 60)));
  if (!q) throw new Error(`question "${heading}" is not in quiz ${quiz.id}`);
  return { q, caption };
}

const h1 = (frame: FrameLocator, name: string | RegExp) => frame.getByRole('heading', { level: 1, name: typeof name === 'string' ? exactName(name) : name });

// ---------- the test ----------

let tmp: string;
let built: PackageResult;
let browser: Browser;
let scormAgain: Record<ScormVersion, string>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'package-browser-'));
  built = await buildPackages({ outDir: path.join(tmp, 'zips'), unpacked: false });
  scormAgain = {
    '1.2': await readFile(path.join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'), 'utf8'),
    '2004': await readFile(path.join(ROOT, 'node_modules/scorm-again/dist/scorm2004.min.js'), 'utf8'),
  };
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.each(['1.2', '2004'] as const)('the SCORM %s zip in a Moodle-like player', (version) => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;
  let course: Course;
  const pageErrors: string[] = [];
  let answers = 0;

  beforeAll(async () => {
    course = built.course;
    const pkg = built.packages.find((p) => p.version === version)!;
    const dir = path.join(tmp, `sco-${version}`);
    for (const [name, bytes] of Object.entries(readZip(await readFile(pkg.file)))) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), bytes);
    }
    server = await serve(dir, {
      routes: {
        // At the package root, so the manifest and its launch file resolve as in an LMS.
        '/player.html': ['text/html; charset=utf-8', playerHtml(version)],
        '/__lms/player.css': ['text/css; charset=utf-8', PLAYER_CSS],
        '/__lms/lms.js': ['text/javascript; charset=utf-8', LMS_JS],
        '/__lms/scorm-again.js': ['text/javascript; charset=utf-8', scormAgain[version]],
      },
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    frame = page.frameLocator('#sco');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('launches the course from the manifest in the iframe', async () => {
    await page.goto(`${server.url}/player.html`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { lms?: { ready: boolean } }).lms?.ready)).toBe(true);
    await h1(frame, course.title).waitFor({ timeout: 20_000 });
    const state = await lmsState(page);
    expect(state.mastery).toBe(version === '1.2' ? course.settings.passMark : course.settings.passMark / 100);
    expect(state.problems).toEqual([]);
    // Nothing outside the package and the player was asked for (no network at run time).
    const allowed = new Set([...built.packages.find((p) => p.version === version)!.files.map((f) => `/${f}`), '/player.html', '/__lms/player.css', '/__lms/lms.js', '/__lms/scorm-again.js']);
    expect(server.requests.filter((r) => !allowed.has(r) && r !== '/favicon.ico')).toEqual([]);
  }, 60_000);

  it('reads the first lesson, answers a question, reloads mid-quiz and resumes exactly there', async () => {
    await press(page, frame.getByRole('button', { name: /^Start the course$/ }), 'Start the course');
    const lesson = course.lessons[0]!;
    await h1(frame, lesson.title).waitFor();
    await press(page, frame.getByRole('button', { name: /^Next/ }).last(), 'Next (end of lesson)');
    const quiz = course.quizzes.find((q) => q.lessonId === lesson.id)!;
    await h1(frame, quiz.title).waitFor();
    await press(page, frame.getByRole('button', { name: 'Start the quiz' }), 'Start the quiz');
    const first = await currentQuestion(frame, quiz);
    await answer(page, frame, first.q);
    await press(page, frame.getByRole('button', { name: 'Submit answer' }), 'Submit answer');
    answers++;
    await press(page, frame.getByRole('button', { name: /^(Next question|See your results)$/ }), 'Next question');
    const second = await currentQuestion(frame, quiz);
    expect(second.q.id).not.toBe(first.q.id);

    await page.reload();
    const afterReload = await lmsState(page);
    expect(afterReload.saved.launches).toBe(2);
    expect(afterReload.saved.finishes, 'the course finished on pagehide, so the LMS kept its data').toBe(1);
    await h1(frame, course.title).waitFor({ timeout: 20_000 });
    await press(page, frame.getByRole('button', { name: 'Continue where you left off' }), 'Continue where you left off');
    const resumed = await currentQuestion(frame, quiz);
    expect(resumed.q.id, 'the same question as before the reload').toBe(second.q.id);
    expect(resumed.caption).toBe(second.caption);
  }, 180_000);

  it('completes the course by keyboard (all lessons, all quizzes) and saves on exit', async () => {
    for (const [li, lesson] of course.lessons.entries()) {
      if (li > 0) {
        await h1(frame, lesson.title).waitFor();
        await press(page, frame.getByRole('button', { name: /^Next/ }).last(), `Next at the end of ${lesson.id}`);
      }
      for (const quiz of course.quizzes.filter((q) => q.lessonId === lesson.id)) {
        if (!(li === 0 && quiz === course.quizzes.find((q) => q.lessonId === lesson.id))) {
          await h1(frame, quiz.title).waitFor();
          await press(page, frame.getByRole('button', { name: 'Start the quiz' }), 'Start the quiz');
        }
        for (let guard = 0; guard < 100; guard++) {
          const { q } = await currentQuestion(frame, quiz);
          await answer(page, frame, q);
          await press(page, frame.getByRole('button', { name: 'Submit answer' }), 'Submit answer');
          answers++;
          const next = frame.getByRole('button', { name: /^(Next question|See your results)$/ });
          await next.waitFor();
          const label = (await next.innerText()).trim();
          await press(page, next, label);
          if (label === 'See your results') break;
        }
        await h1(frame, 'Your results').waitFor();
        await press(page, frame.getByRole('button', { name: 'Continue' }), 'Continue after the results');
      }
    }
    await h1(frame, 'Finish').waitFor();
    await press(page, frame.getByRole('button', { name: 'Save and exit' }), 'Save and exit');
    await expect.poll(async () => (await lmsState(page)).saved.finishes, { timeout: 10_000 }).toBe(2);
  }, 300_000);

  it('leaves the LMS the final CMI: status, score, time, one objective per lesson, one interaction per answer', async () => {
    const { saved, problems } = await lmsState(page);
    const v = saved.values;
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
    if (version === '1.2') {
      expect(v['cmi.core.lesson_status']).toBe('passed');
      expect(v['cmi.core.score.raw']).toBe('100');
      expect(v['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(saved.totalTime).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    } else {
      expect(v['cmi.completion_status']).toBe('completed');
      expect(v['cmi.success_status']).toBe('passed');
      expect(v['cmi.score.raw']).toBe('100');
      expect(Number(v['cmi.score.scaled'])).toBe(1);
      expect(v['cmi.session_time']).toMatch(/^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/);
      expect(v['cmi.exit']).toBe('normal');
    }
    const objectiveIds = Object.entries(v).filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([, id]) => id);
    expect(objectiveIds.sort()).toEqual(course.lessons.map((l) => l.id).sort());
    // Every lesson was read (completed) and its quizzes passed.
    for (const [k, id] of Object.entries(v).filter(([key]) => /^cmi\.objectives\.\d+\.id$/.test(key))) {
      const n = k.split('.')[2];
      if (version === '1.2') expect(v[`cmi.objectives.${n}.status`], id).toBe('passed');
      else expect([v[`cmi.objectives.${n}.completion_status`], v[`cmi.objectives.${n}.success_status`]], id).toEqual(['completed', 'passed']);
    }
    const interactionIds = Object.keys(v).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
    expect(interactionIds).toHaveLength(answers);
    expect(answers).toBeGreaterThan(course.quizzes.length);
  });
});
