/**
 * Time to "course ready": from the course frame's navigation start (its performance.timeOrigin)
 * to the `course-ready` mark that src/main.ts sets once the first view is rendered and the
 * session (LMS Initialize) has started; the first-contentful-paint entry is awaited too, since
 * a mark can come before the first paint. Each run is a fresh browser context (cold cache),
 * opened on the bench LMS parent page, which loads the course in an iframe.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { measured, notMeasured, stats, type Measured, type Stats } from './measured.ts';
import type { ScormVersion } from './build.ts';
import type { BenchServer } from './server.ts';

export interface NetworkProfile {
  name: string;
  /** Added round-trip latency per request, ms. */
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/** Lighthouse's mobile "Slow 4G" figures, applied by Chromium's request-level network emulation. */
export const SLOW_4G: NetworkProfile = { name: 'Slow 4G', latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };

export interface Profile {
  id: string;
  label: string;
  cpuRate: number;
  network: NetworkProfile | null;
}

export const PROFILES: Profile[] = [
  { id: 'none', label: 'no throttle', cpuRate: 1, network: null },
  { id: 'cpu4x', label: '4x CPU', cpuRate: 4, network: null },
  { id: 'cpu4x-slow4g', label: '4x CPU + Slow 4G', cpuRate: 4, network: SLOW_4G },
];

export interface RunResult {
  /** ms from the frame's navigation start to the course-ready mark. */
  ready: number;
  /** ms from the frame's navigation start to first-contentful-paint. */
  fcp: number;
  /** ms from the frame's navigation start to the first paint after course-ready. */
  painted: number;
  /** ms from the frame's navigation start to the LMS Initialize call. */
  init: number;
  /** Paths inside the package that the frame requested. */
  requested: string[];
}

export interface TimingResult {
  ready: Stats;
  fcp: Stats;
  painted: Stats;
  init: Stats;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Installed in every frame before its scripts run. In the course frame it marks
 * `bench-first-view-painted` at the first paint after `course-ready`: the mark is set when the
 * app has its data, Lit renders in the microtasks right after, and requestAnimationFrame +
 * setTimeout lands just after the frame that shows it. (first-contentful-paint alone can be the
 * "Loading the course…" placeholder, painted before the course is ready.)
 */
const PAINT_AFTER_READY_JS = `(() => {
  if (!location.pathname.startsWith('/sco/')) return;
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === 'course-ready') requestAnimationFrame(() => setTimeout(() => mark('bench-first-view-painted'), 0));
    return entry;
  };
})();`;

/**
 * Runs in the course frame. A string, not a function: tsx (esbuild keepNames) would wrap a
 * function's inner helpers in `__name(...)`, which does not exist in the page.
 */
const WAIT_READY_JS = `(timeout) => new Promise((resolve, reject) => {
  const get = () => ({
    ready: performance.getEntriesByName('course-ready')[0]?.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    painted: performance.getEntriesByName('bench-first-view-painted')[0]?.startTime,
    timeOrigin: performance.timeOrigin,
  });
  const done = () => {
    const g = get();
    if (g.ready === undefined || g.fcp === undefined || g.painted === undefined) return false;
    resolve(g);
    return true;
  };
  if (done()) return;
  const observer = new PerformanceObserver(() => { if (done()) observer.disconnect(); });
  observer.observe({ entryTypes: ['mark', 'paint'] });
  setTimeout(() => {
    const g = get();
    const alert = document.querySelector('[role="alert"]')?.textContent?.trim();
    reject(new Error('no ' + (g.ready === undefined ? 'course-ready mark' : g.fcp === undefined ? 'first-contentful-paint' : 'paint after course-ready') + ' after ' + timeout + ' ms' +
      (alert ? ' (the page says: "' + alert.slice(0, 120) + '")' : '')));
  }, timeout);
})`;

/** Open the bench LMS page with the course; throttled as the profile says. Caller closes the context. */
export async function openCourse(browser: Browser, server: BenchServer, version: ScormVersion, profile: Profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: PAINT_AFTER_READY_JS });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message.split('\n')[0]}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text().split('\n')[0]}`);
  });
  const cdp = await context.newCDPSession(page);
  if (profile.cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.network.latencyMs,
      downloadThroughput: (profile.network.downloadKbps * 1000) / 8,
      uploadThroughput: (profile.network.uploadKbps * 1000) / 8,
    });
  }
  const from = server.requests.length;
  await page.goto(`${server.url}/lms/${version}.html`, { waitUntil: 'commit' });
  const frame = await courseFrame(page, version);
  return { context, page, frame, problems, from };
}

export async function courseFrame(page: Page, version: ScormVersion): Promise<Frame> {
  const handle = await page.waitForSelector('#sco', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the course iframe has no frame');
  await frame.waitForURL(new RegExp(`/sco/${version.replace('.', '\\.')}/`), { waitUntil: 'commit' });
  return frame;
}

/** Wait in the course frame for course-ready and first-contentful-paint; both times from its timeOrigin. */
export interface ReadyTimes {
  ready: number;
  fcp: number;
  painted: number;
  timeOrigin: number;
}

export async function waitReady(frame: Frame, problems: string[]): Promise<ReadyTimes> {
  try {
    return (await frame.evaluate(`(${WAIT_READY_JS})(${READY_TIMEOUT_MS})`)) as ReadyTimes;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error([msg, ...problems.slice(0, 3)].join('; '), { cause: err });
  }
}

/** The LMS Initialize call as logged by the parent page, in the frame's time (ms since its timeOrigin). */
export async function lmsInit(page: Page, frameTimeOrigin: number): Promise<number> {
  const init = await page.evaluate(() => {
    const log = (window as unknown as { __bench: { log: { kind: string; t: number; result: string; error: string }[] } }).__bench.log;
    return log.find((e) => e.kind === 'init') ?? null;
  });
  if (!init) throw new Error('the course never called LMS Initialize (is it running standalone?)');
  if (init.result !== 'true') throw new Error(`LMS Initialize returned ${init.result} (error ${init.error})`);
  return init.t - frameTimeOrigin;
}

/** Wait until the server has had no request for `quietMs` (at most `maxMs`). */
export async function networkQuiet(server: BenchServer, quietMs = 1000, maxMs = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const last = server.requests.at(-1)?.at ?? 0;
    const now = Date.now();
    if (now - last >= quietMs || now - start >= maxMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function timeOnce(browser: Browser, server: BenchServer, version: ScormVersion, profile: Profile, settle = false): Promise<RunResult> {
  const { context, page, frame, problems, from } = await openCourse(browser, server, version, profile);
  try {
    const { ready, fcp, painted, timeOrigin } = await waitReady(frame, problems);
    const init = await lmsInit(page, timeOrigin);
    if (init > ready) throw new Error(`course-ready (${ready.toFixed(0)} ms) came before LMS Initialize (${init.toFixed(0)} ms)`);
    if (settle) await networkQuiet(server);
    return { ready, fcp, painted, init, requested: server.courseRequests(version, from) };
  } finally {
    await context.close();
  }
}

/**
 * `runs` timed runs of each version, after one untimed warm-up load each; the versions take turns.
 * A failed run makes that version's figure "not measured" (with the reason), never a partial one.
 */
export async function timeProfile(
  browser: Browser,
  server: BenchServer,
  versions: ScormVersion[],
  profile: Profile,
  runs: number,
): Promise<Record<string, Measured<TimingResult>>> {
  const results: Record<string, RunResult[]> = {};
  const failed: Record<string, string> = {};
  const once = async (v: ScormVersion) => {
    if (failed[v]) return null;
    try {
      return await timeOnce(browser, server, v, profile);
    } catch (err) {
      failed[v] = `SCORM ${v}, ${profile.label}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      return null;
    }
  };
  for (const v of versions) {
    results[v] = [];
    await once(v);
  }
  for (let i = 0; i < runs; i++) {
    for (const v of versions) {
      const r = await once(v);
      if (r) results[v].push(r);
    }
  }
  const out: Record<string, Measured<TimingResult>> = {};
  for (const v of versions) {
    out[v] = failed[v]
      ? notMeasured(failed[v])
      : measured({
          ready: stats(results[v].map((x) => round1(x.ready))),
          fcp: stats(results[v].map((x) => round1(x.fcp))),
          painted: stats(results[v].map((x) => round1(x.painted))),
          init: stats(results[v].map((x) => round1(x.init))),
        });
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
