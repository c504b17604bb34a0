/**
 * The LMS side of one launch: a scorm-again API (Scorm12API or Scorm2004API) loaded with the
 * learner's stored CMI, committing over HTTP to the preview server, every call logged with its
 * error code, and the fault switches that make it misbehave on purpose.
 */
import type { IHttpService, ResultObject, Scorm12API as Scorm12Type, Scorm2004API as Scorm2004Type, Settings } from 'scorm-again';
import { launchCmi, type CmiTree, type Version } from './cmi-view.ts';

export interface Faults {
  /** Offer no API at all: the course must run on its own (standalone). */
  noApi: boolean;
  /** Commit and Finish/Terminate fail: "false", error 101 (1.2) / 391 (2004); nothing is saved. */
  commitFails: boolean;
  /** Every commit takes `slowCommitMs` (the server holds the answer; the call blocks, as with Moodle). */
  slowCommits: boolean;
  /** The LMS does not implement cmi.interactions: GetValue errors, SetValue returns "false". */
  interactionsUnsupported: boolean;
  /** Every commit takes MOODLE_COMMIT_MS, like a Moodle server on a good day (synchronous, so the page waits). */
  moodleCommits: boolean;
  /**
   * The learner's session has expired by the time the page closes: the Finish that goes out by
   * beacon then is lost (Moodle answers it with its login page). The SCO is told "true".
   */
  closeLost: boolean;
  /** Launch as Moodle does on re-entering a finished attempt: review mode (see launchCmi). Relaunches. */
  reviewMode: boolean;
}

export const NO_FAULTS: Faults = {
  noApi: false,
  commitFails: false,
  slowCommits: false,
  interactionsUnsupported: false,
  moodleCommits: false,
  closeLost: false,
  reviewMode: false,
};

/** How long a Moodle commit took in the measured runs (a synchronous request). */
export const MOODLE_COMMIT_MS = 300;

export interface CallEntry {
  /** Milliseconds since the page loaded. */
  at: number;
  launch: number;
  name: string;
  args: string[];
  result: string;
  /** Error code after the call ("" for the error-reporting calls themselves). */
  error: string;
  errorText: string;
}

export interface CommitReport {
  ok: boolean;
  finish: boolean;
  errorCode: number;
  /** What happened, in words for the log. */
  detail: string;
  /** Set when the commit went by beacon: its id, so the next launch can wait for the server to have it. */
  beacon?: string;
}

export interface LaunchOptions {
  version: Version;
  launch: number;
  learner: { id: string; name: string };
  /** The stored `cmi` tree, or null on the first launch. */
  stored: Record<string, unknown> | null;
  /** Percent, from the course (as Moodle takes it from the manifest); null when unknown. */
  passMark: number | null;
  commitUrl: string;
  faults: () => Faults;
  slowCommitMs: number;
  onCall: (entry: CallEntry) => void;
  onCommit: (report: CommitReport) => void;
}

type AnyApi = (Scorm12Type | Scorm2004Type) & Record<string, unknown>;

export interface Lms {
  version: Version;
  /** The object to expose as window.API / window.API_1484_11. */
  api: AnyApi;
  /** The CMI now in the API, in the stored JSON shape (with 1.2's total_time filled in). */
  snapshot(): CmiTree;
  initialized(): boolean;
  terminated(): boolean;
}

export const API_NAMES: Record<Version, string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

const ERROR_CALLS = /GetLastError|GetErrorString|GetDiagnostic/;

/** "Not implemented" for an optional element: 401 in SCORM 1.2; 2004 calls it 402 "Unimplemented Data Model Element". */
export function unsupportedCode(version: Version): string {
  return version === '1.2' ? '401' : '402';
}

export function commitFailCode(version: Version): number {
  return version === '1.2' ? 101 : 391;
}

export async function createLms(opts: LaunchOptions): Promise<Lms> {
  const { version } = opts;
  // Commit reports wait until the call that caused them is logged, so the log reads in order.
  const reports = new Reporter(opts.onCommit);
  const http = new PreviewHttpService(opts, reports);
  const settings: Settings = {
    // Moodle's player commits only when the SCO asks (its "Auto-commit" setting is off by default).
    autocommit: false,
    lmsCommitUrl: opts.commitUrl,
    dataCommitFormat: 'json',
    sendFullCommit: true,
    // Moodle recomputes a 1.2 lesson_status from the mastery score at LMSFinish (moodle-facts.md).
    mastery_override: version === '1.2',
    logLevel: 'ERROR',
    onLogMessage: (_level, message) => console.warn(`[scorm-again] ${message}`),
  };
  let api: AnyApi;
  if (version === '1.2') {
    const { Scorm12API } = (await import('scorm-again/scorm12')) as unknown as { Scorm12API: typeof Scorm12Type };
    api = new Scorm12API(settings, http) as AnyApi;
  } else {
    const { Scorm2004API } = (await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: typeof Scorm2004Type };
    api = new Scorm2004API(settings, http) as AnyApi;
  }
  // Loading happens before Initialize, the only time read-only elements (entry, total_time) may be set.
  api.loadFromJSON(launchCmi(version, opts.stored, opts.learner, opts.passMark, { review: opts.faults().reviewMode }) as CmiTree);
  wrapCalls(api, opts, reports);
  return {
    version,
    api,
    snapshot() {
      const tree = (api.renderCMIToJSONObject() as { cmi: CmiTree }).cmi;
      // scorm-again leaves 1.2's total_time out of its JSON except in the final commit.
      if (version === '1.2') (tree.core ??= {}).total_time = (api as Scorm12Type).cmi.core.total_time;
      return tree;
    },
    initialized: () => api.isInitialized(),
    terminated: () => api.isTerminated(),
  };
}

/** Replace the eight API functions with logging, fault-aware versions (the course sees no difference). */
function wrapCalls(api: AnyApi, opts: LaunchOptions, reports: Reporter): void {
  const { version } = opts;
  const names = API_NAMES[version];
  const original = Object.fromEntries(names.map((n) => [n, (api[n] as (...a: unknown[]) => string).bind(api)]));
  const [, , getName, setName, , lastErrorName, errorStringName] = names as [string, string, string, string, string, string, string, string];

  const call = (name: string, args: unknown[]): string => {
    const element = String(args[0] ?? '');
    const blockInteractions =
      opts.faults().interactionsUnsupported && api.isInitialized() && !api.isTerminated() && (name === getName || name === setName) && element.startsWith('cmi.interactions.');
    let result: string;
    if (blockInteractions) {
      api.lastErrorCode = unsupportedCode(version);
      result = name === getName ? '' : 'false';
    } else {
      result = original[name]!(...args);
    }
    const error = ERROR_CALLS.test(name) ? '' : original[lastErrorName]!();
    opts.onCall({
      at: Math.round(performance.now()),
      launch: opts.launch,
      name,
      args: args.map((a) => String(a)),
      result: String(result),
      error,
      errorText: error && error !== '0' ? original[errorStringName]!(error) : '',
    });
    return result;
  };

  for (const name of names) {
    api[name] = (...args: unknown[]): string => {
      reports.hold();
      try {
        return call(name, args);
      } finally {
        reports.release();
      }
    };
  }
}

class Reporter {
  private held: CommitReport[] | null = null;
  constructor(private readonly deliver: (r: CommitReport) => void) {}
  hold(): void {
    this.held = [];
  }
  release(): void {
    const list = this.held ?? [];
    this.held = null;
    for (const r of list) this.deliver(r);
  }
  report(r: CommitReport): void {
    if (this.held) this.held.push(r);
    else this.deliver(r);
  }
}

/** Tells this page's commits apart from any other's (for the beacon handshake with the server). */
const PAGE_TOKEN = Math.random().toString(36).slice(2, 10);
let commitCounter = 0;

/**
 * Commits as Moodle's player makes them: a synchronous request whose answer is the call's
 * result. A browser refuses synchronous requests while the page is closing (and Moodle sends
 * the final commit with sendBeacon then), so that case falls back to a beacon.
 */
class PreviewHttpService implements IHttpService {
  private settings: Settings = {};

  constructor(
    private readonly opts: LaunchOptions,
    private readonly reports: Reporter,
  ) {}

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  processHttpRequest(url: string, params: unknown, immediate: boolean): ResultObject {
    const { version, faults } = this.opts;
    const onCommit = (r: CommitReport) => this.reports.report(r);
    const failCode = commitFailCode(version);
    if (faults().commitFails) {
      onCommit({ ok: false, finish: immediate, errorCode: failCode, detail: 'the "Commit fails" fault is on, so nothing was sent' });
      return { result: 'false', errorCode: failCode };
    }
    const handled = this.settings.requestHandler?.(params) ?? params;
    const body = JSON.stringify(handled);
    const seq = `${PAGE_TOKEN}-${++commitCounter}`;
    const query = new URLSearchParams({ seq });
    if (immediate) query.set('finish', '1');
    if (faults().slowCommits) query.set('delay', String(this.opts.slowCommitMs));
    else if (faults().moodleCommits) query.set('delay', String(MOODLE_COMMIT_MS));
    const target = `${url}?${query}`;
    try {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', target, false);
      xhr.setRequestHeader('Content-Type', 'application/json;charset=UTF-8');
      xhr.send(body);
      let answer: { result?: unknown; errorCode?: unknown; error?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText) as typeof answer;
      } catch {
        /* not JSON: judged by status below */
      }
      const ok = xhr.status >= 200 && xhr.status < 300 && (answer.result === true || answer.result === 'true');
      const errorCode = ok ? 0 : typeof answer.errorCode === 'number' ? answer.errorCode : failCode;
      onCommit({ ok, finish: immediate, errorCode, detail: ok ? `HTTP ${xhr.status}: saved` : `HTTP ${xhr.status}: ${answer.error ?? 'not saved'}` });
      return { result: ok ? 'true' : 'false', errorCode };
    } catch (err) {
      if (faults().closeLost) {
        // What the SCO sees of a lost beacon: nothing (sendBeacon only says it was queued).
        onCommit({ ok: false, finish: immediate, errorCode: 0, detail: 'lost: the session had expired when the page closed (the "Close lost" fault is on)' });
        return { result: 'true', errorCode: 0 };
      }
      const sent = navigator.sendBeacon(target, new Blob([body], { type: 'text/plain;charset=UTF-8' }));
      onCommit({
        ok: sent,
        finish: immediate,
        errorCode: sent ? 0 : failCode,
        detail: sent ? 'sent by beacon while the page closed (no answer to read)' : `could not send: ${(err as Error).message}`,
        beacon: sent ? seq : undefined,
      });
      return { result: sent ? 'true' : 'false', errorCode: sent ? 0 : failCode };
    }
  }
}
