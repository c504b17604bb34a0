/**
 * A misbehaving LMS for the browser: the "Moodle-strict" StrictLms (scorm-again's Scorm12API /
 * Scorm2004API behind Moodle's checks, tests/helpers/strict-lms.ts) with faults switched on from a
 * plain JSON configuration, plus what StrictLms cannot do itself: no API at all, slow answers
 * (the API methods busy-wait, as a synchronous XMLHttpRequest to a slow Moodle blocks the page),
 * and a list of outcomes for successive commits.
 *
 * Bundled by esbuild into the parent page of the course (tests/browser/lms-faults-setup.ts):
 * the page reads its configuration from `?cfg=<JSON>`, publishes `window.API` or
 * `window.API_1484_11`, then opens the course (`cfg.course`, default /index.html) in an iframe, or,
 * with `cfg.popup`, shows an "Enter" button that opens it in a window of its own (`window.open`, as
 * Moodle's "new window" display does), where the course finds the API through `window.opener`.
 * After each successful Commit/Finish it sends what the LMS keeps to `window.lmsSync` (a Playwright
 * binding), so the test holds the LMS's stored data even after the page is gone.
 * A browser module: no Node-only imports.
 */
import { StrictLms, type StrictLmsOptions, type Version } from './strict-lms.ts';

/** `lie`: "true" with error 0 and nothing kept (Moodle's player did this; see strict-lms.ts). */
export type CommitOutcome = 'ok' | 'fail' | 'throw' | 'lie';

export interface FaultConfig {
  version: Version;
  /** Data kept from earlier sessions (the LMS's stored CMI for this learner). */
  stored?: Record<string, string>;
  learnerId?: string;
  /** Percent, as Moodle takes it from the manifest. */
  masteryScore?: number;
  /** Publish no API at all. */
  noApi?: boolean;
  /** Initialize / LMSInitialize returns "false". */
  initializeFails?: boolean;
  /** cmi.interactions unsupported: GetValue of _count errors (401), SetValue refused. */
  noInteractions?: boolean;
  /** SetValue of elements matching this regular expression is refused with `refuseCode`. */
  refuseSet?: string;
  refuseCode?: string;
  /** Outcomes of the 1st, 2nd, ... Commit; after the list, `commitDefault` (default ok). */
  commits?: CommitOutcome[];
  commitDefault?: CommitOutcome;
  /** Finish / Terminate returns "false". */
  finishFails?: boolean;
  /** Every GetValue/SetValue busy-waits this long (ms). */
  slowCallMs?: number;
  /** Every Commit and Finish/Terminate busy-waits this long (ms). */
  slowCommitMs?: number;
  /** The course page to open; default /index.html. */
  course?: string;
  /** The session expired before the close: Finish answers "true" and nothing of it is stored (a lost sendBeacon). */
  finishLost?: boolean;
  /** Launch in review or browse mode (Moodle on re-entering a finished attempt: review). */
  launchMode?: 'normal' | 'review' | 'browse';
  credit?: 'credit' | 'no-credit';
  /** What a review launch hands over; default as Moodle: 1.2 the stored model, 2004 an empty one with entry ab-initio. */
  reviewModel?: 'stored' | 'empty';
  /** Open the course in a popup window (window.open) instead of an iframe, as an LMS's "new window" display. */
  popup?: boolean;
}

export interface TimelineEntry {
  fn: string;
  element?: string;
  /** Date.now() before and after the call. */
  start: number;
  end: number;
  result: string;
}

/** What the test reads back from the parent page. */
export interface LmsReport {
  version: Version;
  published: boolean;
  stored: Record<string, string>;
  initializeCount: number;
  finishCount: number;
  commitCalls: number;
  commits: { kind: 'commit' | 'finish'; ok: boolean }[];
  violations: string[];
  setValues: number;
  timeline: TimelineEntry[];
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A synchronous LMS call blocks the page's only thread, like Moodle's synchronous XHR.
  }
}

export class FaultLms {
  readonly lms: StrictLms;
  readonly api: Record<string, (...args: string[]) => string>;
  readonly timeline: TimelineEntry[] = [];

  constructor(readonly cfg: FaultConfig) {
    const opts: StrictLmsOptions = {
      version: cfg.version,
      learnerId: cfg.learnerId,
      masteryScore: cfg.masteryScore,
      stored: cfg.stored,
      launchMode: cfg.launchMode,
      credit: cfg.credit,
      reviewModel: cfg.reviewModel,
      faults: {
        finishLost: cfg.finishLost,
        ...(cfg.initializeFails ? { initialize: false } : {}),
        ...(cfg.finishFails ? { finish: true } : {}),
        noInteractions: cfg.noInteractions,
        commit: (n) => cfg.commits?.[n - 1] ?? cfg.commitDefault ?? 'ok',
        setValue: cfg.refuseSet ? (el) => (new RegExp(cfg.refuseSet!).test(el) ? (cfg.refuseCode ?? '405') : null) : undefined,
      },
    };
    // StrictLms treats `initialize: false` as "Initialize fails".
    this.lms = new StrictLms(opts);
    this.api = {};
    for (const [name, fn] of Object.entries(this.lms.api)) {
      const slow = /Commit|Finish|Terminate/.test(name) ? (cfg.slowCommitMs ?? 0) : /GetValue|SetValue/.test(name) ? (cfg.slowCallMs ?? 0) : 0;
      this.api[name] = (...args: string[]) => {
        const start = Date.now();
        if (slow > 0) busyWait(slow);
        let result: string;
        try {
          result = fn(...args);
        } catch (err) {
          this.timeline.push({ fn: name, element: args[0], start, end: Date.now(), result: 'throw' });
          throw err;
        }
        this.timeline.push({ fn: name, element: /GetValue|SetValue/.test(name) ? args[0] : undefined, start, end: Date.now(), result });
        if (/Commit|Finish|Terminate/.test(name) && result === 'true') this.sync();
        return result;
      };
    }
  }

  /** Send what the LMS keeps to the test (when it listens). */
  private sync(): void {
    const binding = (globalThis as { lmsSync?: (stored: Record<string, string>) => unknown }).lmsSync;
    if (typeof binding === 'function') void binding({ ...this.lms.stored });
  }

  report(): LmsReport {
    return {
      version: this.cfg.version,
      published: !this.cfg.noApi,
      stored: { ...this.lms.stored },
      initializeCount: this.lms.initializeCount,
      finishCount: this.lms.finishCount,
      commitCalls: this.lms.commitCalls,
      commits: this.lms.commits.map((c) => ({ kind: c.kind, ok: c.ok })),
      violations: [...this.lms.violations],
      setValues: this.lms.log.filter((e) => e.fn === 'SetValue').length,
      timeline: this.timeline.slice(),
    };
  }
}

/** The parent page: read the configuration, publish the API, open the course in an iframe or a popup. */
export function installParent(win: Window & Record<string, unknown>): void {
  const raw = new URLSearchParams(win.location.search).get('cfg');
  const cfg: FaultConfig = raw ? JSON.parse(raw) : { version: '2004' };
  const fault = new FaultLms(cfg);
  win.faultLms = fault;
  win.lmsReport = () => fault.report();
  if (!cfg.noApi) win[cfg.version === '1.2' ? 'API' : 'API_1484_11'] = fault.api;
  const src = cfg.course ?? '/index.html';
  const open = () => {
    if (cfg.popup) {
      // The activity page's "Enter" opens the course in a new window (a click, so no popup blocker
      // stops it); this page stays open behind it and keeps the API.
      const enter = win.document.createElement('button');
      enter.type = 'button';
      enter.textContent = 'Enter';
      enter.addEventListener('click', () => {
        win.coursePopup = win.open(src, 'scorm_course', 'popup,width=1024,height=768');
      });
      win.document.body.append(enter);
      return;
    }
    const frame = win.document.createElement('iframe');
    frame.id = 'course';
    frame.title = 'Course';
    frame.src = src;
    frame.style.cssText = 'width: 100%; height: 90vh; border: 0';
    win.document.body.append(frame);
  };
  if (win.document.body) open();
  else win.addEventListener('DOMContentLoaded', open);
}
