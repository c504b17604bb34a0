/**
 * The preview player page: launches the built course in an iframe, as Moodle's player does, with
 * a scorm-again API on this (parent) window, and keeps the side panel up to date.
 *
 * Settings live in the address (?learner=&version=&faults=), so a reload or a shared link opens
 * the same launch.
 */
import type { BuildStatus } from '../build.ts';
import type { LearnerRecord } from '../store.ts';
import { figuresFrom, type Version } from './cmi-view.ts';
import { createLms, NO_FAULTS, type Faults, type Lms } from './lms.ts';
import { CallLog, el, renderFigures, renderInteractions, renderObjectives, type SavedInfo } from './panel.ts';

declare global {
  interface Window {
    API?: unknown;
    API_1484_11?: unknown;
    /** For tests and the curious: the current launch. */
    preview?: { lms: Lms | null; launch: number; launched: Promise<void> };
  }
}

const SLOW_COMMIT_MS = 3000;
const FAULT_KEYS = Object.keys(NO_FAULTS) as (keyof Faults)[];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = $<HTMLIFrameElement>('course-frame');
const statusLine = $('status');
const buildLine = $('build-line');
const learnerSelect = $<HTMLSelectElement>('learner');
const figuresBody = ($<HTMLTableElement>('figures')).tBodies[0]!;
const logErrorCalls = $<HTMLInputElement>('log-error-calls');
const log = new CallLog(($<HTMLTableElement>('log')).tBodies[0]!, $('log-count'), () => logErrorCalls.checked);

// ---- settings in the address -------------------------------------------------------------

const params = new URLSearchParams(location.search);
let learner = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(params.get('learner') ?? '') ? params.get('learner')! : 'learner-1';
let version: Version = params.get('version') === '2004' ? '2004' : '1.2';
const faults: Faults = { ...NO_FAULTS };
for (const f of (params.get('faults') ?? '').split(',')) if ((FAULT_KEYS as string[]).includes(f)) faults[f as keyof Faults] = true;

function saveSettings(): void {
  const q = new URLSearchParams({ learner, version });
  const on = FAULT_KEYS.filter((k) => faults[k]);
  if (on.length) q.set('faults', on.join(','));
  history.replaceState(null, '', `?${q}`);
}

// ---- announcements ------------------------------------------------------------------------

let lastAnnouncement = '';
/** Polite status messages; the same words twice are still announced (a trailing space toggles). */
function announce(text: string): void {
  const next = text === lastAnnouncement.trim() && !lastAnnouncement.endsWith(' ') ? `${text} ` : text;
  lastAnnouncement = next;
  statusLine.textContent = next;
}

// ---- server -------------------------------------------------------------------------------

async function getJson<T>(url: string, init?: RequestInit): Promise<{ ok: boolean; status: number; data: T }> {
  const res = await fetch(url, init);
  return { ok: res.ok, status: res.status, data: (await res.json()) as T };
}

const recordUrl = (l: string, v: Version) => `/api/learners/${encodeURIComponent(l)}/${v}`;

// ---- the launch ---------------------------------------------------------------------------

let build: BuildStatus | null = null;
let launchedBuild: number | null = null;
let launchNo = 0;
let lms: Lms | null = null;
let saved: SavedInfo | null = null;
let lastKeyFigures = '';
/** The last commit sent by beacon: the next launch waits for the server to have it. */
let lastBeacon: string | null = null;

function render(): void {
  const live = lms?.snapshot() ?? null;
  renderFigures(figuresBody, version, live, saved);
  renderObjectives($('objectives'), $('objectives-empty'), version, live);
  renderInteractions($('interactions'), $('interactions-empty'), version, live);
  if (live) {
    // Announce milestones only (finished, passed/failed, a score), not every step such as
    // "not attempted" -> "incomplete" at launch: a polite region that talks constantly is ignored.
    const f = figuresFrom(version, live);
    const milestone = ['completed', 'passed', 'failed'].includes(f.lessonStatus ?? '') || f.completion === 'completed' || f.success === 'passed' || f.success === 'failed' || f.scoreRaw !== '';
    const key = version === '1.2' ? `Lesson status is now ${f.lessonStatus || 'empty'}` : `Completion is now ${f.completion || 'empty'}, success ${f.success || 'empty'}`;
    const words = f.scoreRaw ? `${key}; score ${f.scoreRaw}.` : `${key}.`;
    if (lastKeyFigures && words !== lastKeyFigures && milestone) announce(words);
    lastKeyFigures = words;
  }
}

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

/** Navigate the iframe and wait for it to load (or give up after a while: never hang the page). */
function navigateFrame(src: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      frame.removeEventListener('load', done);
      resolve();
    };
    const timer = setTimeout(done, 15_000);
    frame.addEventListener('load', done);
    frame.src = src;
  });
}

function removeApis(): void {
  delete window.API;
  delete window.API_1484_11;
}

function showLaunchError(text: string | null): void {
  $('launch-error').hidden = text === null;
  $('launch-error-text').textContent = text ?? '';
}

async function refreshSaved(forLaunch: number): Promise<void> {
  const { ok, data } = await getJson<{ record: LearnerRecord | null; error?: string }>(recordUrl(learner, version));
  if (forLaunch !== launchNo) return;
  saved = ok && data.record ? { cmi: data.record.cmi, commits: data.record.commits, updated: data.record.updated, finished: data.record.finished } : null;
  scheduleRender();
}

async function refreshLearners(): Promise<void> {
  const { data } = await getJson<{ learners: string[] }>('/api/learners');
  const all = [...new Set([...data.learners, learner])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  learnerSelect.replaceChildren(...all.map((l) => Object.assign(el('option', { text: l }), { value: l, selected: l === learner })));
}

let launching: Promise<void> = Promise.resolve();

/** End the course (its own pagehide handler finishes it), then open it again from the saved data. */
function relaunch(reason: string, before?: () => Promise<void>): Promise<void> {
  launching = launching.then(() => doLaunch(reason, before)).catch((err: unknown) => {
    console.error(err);
    announce(`The launch failed: ${(err as Error).message}`);
  });
  if (window.preview) window.preview.launched = launching;
  return launching;
}

async function doLaunch(reason: string, before?: () => Promise<void>): Promise<void> {
  await navigateFrame('about:blank');
  removeApis();
  const launch = ++launchNo;
  lms = null;
  saved = null;
  lastKeyFigures = '';
  if (before) await before();
  saveSettings();
  void refreshLearners();
  showLaunchError(null);
  $('launch-summary').textContent = `Now: ${learner}, SCORM ${version}${faults.noApi ? ', no API' : ''} (launch ${launch}).`;

  launchedBuild = build?.servedId ?? null;
  if (!build || build.servedId === null) {
    render();
    showLaunchError('There is no built course to show yet: see the build problems above, fix them and save.');
    return;
  }
  const wait = lastBeacon ? `?wait=${encodeURIComponent(lastBeacon)}` : '';
  lastBeacon = null;
  const { ok, data } = await getJson<{ record: LearnerRecord | null; error?: string }>(recordUrl(learner, version) + wait);
  if (!ok) {
    render();
    showLaunchError(`${data.error ?? 'The saved data could not be read.'}`);
    announce('The course was not launched: the saved data cannot be read.');
    return;
  }
  const record = data.record;
  saved = record ? { cmi: record.cmi, commits: record.commits, updated: record.updated, finished: record.finished } : null;

  if (!faults.noApi) {
    lms = await createLms({
      version,
      launch,
      learner: { id: learner, name: `${learner}, Preview` },
      stored: record?.cmi ?? null,
      passMark: build.course?.passMark ?? null,
      commitUrl: `${recordUrl(learner, version)}/commit`,
      faults: () => faults,
      slowCommitMs: SLOW_COMMIT_MS,
      onCall: (entry) => {
        log.call(entry);
        if (entry.launch === launchNo) scheduleRender();
      },
      onCommit: (report) => {
        if (report.beacon) lastBeacon = report.beacon;
        const what = report.finish ? 'Finish' : 'Commit';
        log.note(`LMS: ${what} ${report.ok ? 'saved' : `not saved (error ${report.errorCode})`}: ${report.detail}`, report.ok ? 'lms' : 'lms-error');
        if (!report.ok && launch === launchNo) announce(`${what} failed: error ${report.errorCode}.`);
        if (report.ok && launch === launchNo) void refreshSaved(launch);
      },
    });
    // Only the chosen version's API is offered, as Moodle does for the package's version.
    if (version === '1.2') window.API = lms.api;
    else window.API_1484_11 = lms.api;
  }
  const snap = lms?.snapshot();
  const entry = snap ? `entry ${JSON.stringify(version === '1.2' ? snap.core?.entry : snap.entry)}` : 'no API offered';
  log.note(`Launch ${launch}: ${learner}, SCORM ${version}, ${entry}${reason ? ` (${reason})` : ''}`, 'launch');
  frame.title = `Course: ${build.course?.title ?? 'preview'}`;
  render();
  await navigateFrame('/course/index.html');
  announce(`Launched ${learner} in SCORM ${version}${faults.noApi ? ' with no API' : record ? ', from the saved data' : ', first attempt'}${reason ? ` (${reason})` : ''}.`);
}

// ---- build status (server-sent events) ----------------------------------------------------

const problemText = (p: { file: string; line: number | null; reason: string }) => `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.reason}`;

function showBuild(status: BuildStatus): void {
  build = status;
  const when = status.time ? new Date(status.time).toLocaleTimeString('en-GB') : '';
  if (status.building) buildLine.textContent = 'Rebuilding the course…';
  else if (status.ok) buildLine.textContent = status.time ? `Course built at ${when} in ${status.durationMs} ms.` : 'Serving the course already in dist/ (not rebuilt).';
  else buildLine.textContent = `The build at ${when} failed: ${status.servedId !== null ? 'showing the last good build.' : 'nothing to show yet.'}`;
  if (status.course) document.title = `Preview: ${status.course.title}`;
  // Shown for the served course, not hidden by a failed rebuild: it is a fact about what would ship.
  if (status.course) $('support-warning').hidden = !status.course.supportMissing;
  if (!status.building) {
    $('build-warnings').hidden = status.warnings.length === 0;
    $('build-warnings-summary').textContent = `${status.warnings.length} content ${status.warnings.length === 1 ? 'warning' : 'warnings'}`;
    $('build-warnings-list').replaceChildren(...status.warnings.map((p) => el('li', { text: problemText(p) })));
  }

  const box = $('build-problems');
  box.hidden = status.ok || status.building;
  if (!status.ok && !status.building) {
    $('problems-list').replaceChildren(...status.problems.map((p) => el('li', { text: problemText(p) })));
    $('problems-note').textContent = status.servedId !== null ? 'The course below is the last good build. Fix the file and save: it rebuilds.' : 'Fix the file and save: it rebuilds.';
  }
}

function watchBuilds(): void {
  const events = new EventSource('/api/events');
  events.addEventListener('build', (e) => {
    const status = JSON.parse((e as MessageEvent<string>).data) as BuildStatus;
    const failedBefore = build && !build.ok;
    showBuild(status);
    if (status.building) return;
    if (!status.ok) {
      announce(`The course did not build: ${status.problems.length === 1 ? '1 problem' : `${status.problems.length} problems`}, listed above the course.`);
    } else if (status.servedId !== launchedBuild) {
      void relaunch('rebuilt');
    } else if (failedBefore) {
      announce('The build problems are fixed.');
    }
  });
}

// ---- controls -----------------------------------------------------------------------------

function wireControls(): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="version"]')) {
    radio.checked = radio.value === version;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      version = radio.value === '2004' ? '2004' : '1.2';
      void relaunch(`switched to SCORM ${version}`);
    });
  }
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-fault]')) {
    const key = box.dataset.fault as keyof Faults;
    box.checked = faults[key];
    box.addEventListener('change', () => {
      faults[key] = box.checked;
      saveSettings();
      const label = box.labels?.[0]?.textContent ?? key;
      if (key === 'noApi') void relaunch(box.checked ? 'no API' : 'API back');
      else if (key === 'reviewMode') void relaunch(box.checked ? 'review mode' : 'normal mode');
      else announce(`${label}: ${box.checked ? 'on' : 'off'}, from the next call.`);
    });
  }
  // A button, not the select's change event: arrow keys on a closed select would relaunch at every step (WCAG 3.2.2).
  $('switch-learner').addEventListener('click', () => {
    if (learnerSelect.value === learner) return void relaunch('relaunched');
    learner = learnerSelect.value;
    void relaunch('switched learner');
  });
  $('relaunch').addEventListener('click', () => void relaunch('relaunched'));
  $('new-learner').addEventListener('click', () => {
    const numbers = [...learnerSelect.options].map((o) => /^learner-(\d+)$/.exec(o.value)?.[1]).filter(Boolean).map(Number);
    learner = `learner-${Math.max(0, ...numbers) + 1}`;
    void relaunch('new learner');
  });
  $('reset').addEventListener('click', () => {
    void relaunch('attempt reset', async () => {
      const { ok, data } = await getJson<{ movedTo?: string | null; error?: string }>(recordUrl(learner, version), { method: 'DELETE' });
      if (!ok) throw new Error(data.error ?? 'the reset failed');
      if (data.movedTo) log.note(`The unreadable record was moved to ${data.movedTo}`, 'lms');
    });
  });
  logErrorCalls.addEventListener('change', () => log.refreshFilter());
  $('log-clear').addEventListener('click', () => {
    log.clear();
    announce('Log cleared.');
  });
}

async function start(): Promise<void> {
  window.preview = { get lms() { return lms; }, get launch() { return launchNo; }, launched: Promise.resolve() };
  wireControls();
  const { data } = await getJson<BuildStatus>('/api/status');
  showBuild(data);
  await relaunch('');
  watchBuilds();
}

void start();
