/**
 * A "Moodle-strict" test LMS: scorm-again's Scorm12API / Scorm2004API (a complete data model)
 * behind a wrapper that adds the checks where scorm-again is lenient and Moodle is not
 * (/work/shared/moodle-facts.md, mod/scorm/datamodels/scorm_12.js and scorm_13.js):
 *
 * - 1.2 response formats per interaction type, values of at most 255 characters;
 * - suspend_data <= 4,096 (1.2, Moodle's "SCORM standard" setting) / 64,000 (2004);
 *   lesson_location <= 255 / location <= 1,000;
 * - interaction, objective and response identifiers matching ^[\w.]{1,250}$ (no hyphens);
 * - timestamps and timespans with at most 2 decimals (Moodle's regular expressions);
 * - score.raw within 0..100, score.scaled within -1..1, 2004 scaled without raw;
 * - calls before Initialize / after Finish, Initialize or Finish more than once;
 * - 1.2 LMSFinish: Moodle turns `not attempted` into `completed` and recomputes lesson_status from
 *   score.raw and the mastery score; a status that contradicts the score is a violation;
 * - 2004 GetValue of cmi.location or cmi.suspend_data never set: error 403, logged by Moodle;
 * - what Moodle did on revisits and closes (measured, /work/shared/moodle-facts.md): a review launch
 *   (`launchMode: 'review'`) is 1.2 `lesson_mode` review, entry "" and the stored model, but 2004
 *   `mode` review, entry ab-initio and an EMPTY model, in the same attempt, and Moodle stores what
 *   the SCO then writes (at Terminate also total_time from that empty model); a session that has
 *   expired when the close beacon arrives (`finishLost`): Finish answers "true", nothing is stored.
 *
 * A refused value returns "false" with the error code Moodle would give, and is never stored.
 * Every call is logged with its error code, every violation recorded, every commit counted.
 * `stored` is what Moodle keeps (only what a successful Commit/Finish sent); `relaunch()` gives
 * the options for the next launch of the same learner. A plain module: no Node-only imports.
 */
import * as scorm12Module from 'scorm-again/scorm12';
import * as scorm2004Module from 'scorm-again/scorm2004';
import type Scorm12APIType from 'scorm-again/scorm12';
import type Scorm2004APIType from 'scorm-again/scorm2004';

// scorm-again's types declare a default export; its ESM build has named exports.
type Ctor12 = typeof Scorm12APIType;
type Ctor2004 = typeof Scorm2004APIType;
const pick = <T>(mod: unknown, name: string): T => {
  const m = mod as Record<string, T>;
  return m[name] ?? m.default;
};
const Scorm12API = pick<Ctor12>(scorm12Module, 'Scorm12API');
const Scorm2004API = pick<Ctor2004>(scorm2004Module, 'Scorm2004API');

export type Version = '1.2' | '2004';

export interface Faults {
  /** Initialize returns "false". */
  initialize?: boolean;
  /** Return an error code to refuse this SetValue. */
  setValue?: (element: string, value: string) => string | null;
  /**
   * Decide the n-th Commit (1-based): succeed, fail ("false"), throw, or `lie`: answer "true" with
   * error 0 and store nothing (measured in Moodle: its player said true while the server kept nothing).
   */
  commit?: (n: number) => CommitDecision;
  /** Terminate/LMSFinish fails. */
  finish?: boolean;
  /** The LMS does not implement interactions (GetValue _count errors 401, SetValue refused). */
  noInteractions?: boolean;
  /**
   * The learner's LMS session expired before the close: the Finish goes out (Moodle's sendBeacon)
   * and answers "true", but the LMS stores nothing of it.
   */
  finishLost?: boolean;
}

export type CommitDecision = 'ok' | 'fail' | 'throw' | 'lie';

/** What two windows of one attempt share: Moodle keeps one record per element, whichever window posts it. */
export interface SharedRecord {
  stored: Record<string, string>;
}

export interface StrictLmsOptions {
  version: Version;
  learnerId?: string;
  /** The manifest's mastery score (percent): 1.2 cmi.student_data.mastery_score, 2004 scaled_passing_score. */
  masteryScore?: number;
  /** Data kept from earlier sessions (a previous `stored`). */
  stored?: Record<string, string>;
  faults?: Faults;
  /** How the LMS opens the SCO (1.2 `lesson_mode`, 2004 `mode`); default normal. */
  launchMode?: 'normal' | 'review' | 'browse';
  /** Default credit. */
  credit?: 'credit' | 'no-credit';
  /**
   * What a review or browse launch hands the SCO: the stored data model (1.2 in Moodle, and what the
   * standard expects) or an empty one with entry ab-initio (Moodle's SCORM 2004). Default: as Moodle.
   */
  reviewModel?: 'stored' | 'empty';
  /**
   * Two windows of one attempt: each launches from the record as it is now, and each Commit/Finish
   * posts the values its own window changed into this one record (as Moodle's per-element storage).
   */
  shared?: SharedRecord;
}

export interface CallLogEntry {
  fn: string;
  element?: string;
  value?: string;
  result: string;
  error: string;
}

export interface CommitRecord {
  kind: 'commit' | 'finish';
  ok: boolean;
  cmi: Record<string, string>;
}

type Api = Record<string, (...args: string[]) => string>;
type Inner = InstanceType<Ctor12> | InstanceType<Ctor2004>;

const SHORT_ID = /^[\w.]{1,250}$/;
// Moodle's own formats (mod/scorm/datamodels/scorm_12.js, scorm_13.js).
const M12 = {
  decimal: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  time: /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/,
  timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  status: /^(passed|completed|failed|incomplete|browsed)$/,
  status2: /^(passed|completed|failed|incomplete|browsed|not attempted)$/,
  exit: /^(time-out|suspend|logout|)$/,
  type: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/,
  result: /^(correct|wrong|unanticipated|neutral|([0-9]{0,3})?(\.[0-9]*)?)$/,
};
const M2004 = {
  decimal: /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/,
  time: /^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$/,
  timespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  cstatus: /^(completed|incomplete|not attempted|unknown)$/,
  sstatus: /^(passed|failed|unknown)$/,
  exit: /^(time-out|suspend|logout|normal|)$/,
  type: /^(true-false|choice|(long-)?fill-in|matching|performance|sequencing|likert|numeric|other)$/,
  result: /^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$/,
  langString250: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{].{0,249})?$/,
};

/** What Moodle keeps between launches (prefixes of stored elements). */
const KEPT: Record<Version, string[]> = {
  '1.2': ['cmi.core.lesson_status', 'cmi.core.score.', 'cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.core.total_time', 'cmi.core.exit', 'cmi.objectives.', 'cmi.interactions.'],
  '2004': ['cmi.completion_status', 'cmi.success_status', 'cmi.score.', 'cmi.location', 'cmi.suspend_data', 'cmi.total_time', 'cmi.session_time', 'cmi.exit', 'cmi.objectives.', 'cmi.interactions.'],
};

/** Milliseconds of a 1.2 timespan (HHHH:MM:SS.SS) or a 2004 duration (PnDTnHnMnS); 0 when empty. */
export function timeMs(v: string): number {
  const t12 = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(v);
  if (t12) return Math.round((Number(t12[1]) * 3600 + Number(t12[2]) * 60 + Number(t12[3])) * 1000);
  const t = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(v);
  if (!t) return 0;
  return Math.round((Number(t[1] ?? 0) * 86400 + Number(t[2] ?? 0) * 3600 + Number(t[3] ?? 0) * 60 + Number(t[4] ?? 0)) * 1000);
}

function format12(ms: number): string {
  const cs = Math.round(ms / 10);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(cs / 360000), 4)}:${p(Math.floor((cs % 360000) / 6000))}:${p(Math.floor((cs % 6000) / 100))}.${p(cs % 100)}`;
}

function inRange(v: string, min: number, max: number): boolean {
  const n = Number(v);
  return v !== '' && Number.isFinite(n) && n >= min && n <= max;
}

export class StrictLms {
  readonly version: Version;
  readonly inner: Inner;
  readonly api: Api;
  readonly log: CallLogEntry[] = [];
  readonly violations: string[] = [];
  readonly commits: CommitRecord[] = [];
  /** What Moodle would keep: the values of the last successful Commit/Finish. */
  stored: Record<string, string> = {};
  initializeCount = 0;
  finishCount = 0;
  commitCalls = 0;
  faults: Faults;

  private state: 'new' | 'running' | 'finished' = 'new';
  /** Interaction indices this window's model holds (loaded at launch or set since): Moodle's N-1 rule. */
  private readonly interactionIndices = new Set<number>();
  /** 2004 objective statuses handed over at launch or set since: Moodle answers 403 for the others. */
  private readonly launchedStatuses = new Set<string>();
  private override: string | null = null;
  private readonly interactionTypes = new Map<string, string>();
  private readonly masteryScore?: number;
  private readonly launchMode: 'normal' | 'review' | 'browse';
  private readonly credit: 'credit' | 'no-credit';
  /** A 2004 review launch handed an empty model: Terminate stores total_time counted from zero. */
  private readonly emptyReview: boolean;

  constructor(opts: StrictLmsOptions) {
    this.version = opts.version;
    this.faults = opts.faults ?? {};
    this.masteryScore = opts.masteryScore;
    this.launchMode = opts.launchMode ?? 'normal';
    this.credit = opts.credit ?? 'credit';
    this.emptyReview =
      this.launchMode !== 'normal' && (opts.reviewModel ?? (opts.version === '2004' ? 'empty' : 'stored')) === 'empty';
    const settings = { autocommit: false, lmsCommitUrl: false, mastery_override: false, logLevel: 5, onLogMessage: () => {} };
    this.inner = (opts.version === '1.2' ? new Scorm12API(settings as never) : new Scorm2004API(settings as never)) as Inner;
    this.stored = opts.shared ? opts.shared.stored : { ...(opts.stored ?? {}) };
    if (opts.shared && opts.stored) Object.assign(this.stored, opts.stored);
    const data = this.launchData({ ...opts, stored: { ...this.stored } });
    for (const k of Object.keys(data)) {
      const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
      if (m) this.interactionIndices.add(Number(m[1]));
      if (/^cmi\.objectives\.\d+\.(success|completion)_status$/.test(k)) this.launchedStatuses.add(k);
    }
    this.inner.loadFromFlattenedJSON(data as never);
    this.launched = this.cmi();
    this.api = opts.version === '1.2' ? this.api12() : this.api2004();
  }

  /** Options for the next launch of the same learner (Moodle's view: entry resume after exit suspend). */
  relaunch(faults: Faults = {}, more: Partial<StrictLmsOptions> = {}): StrictLmsOptions {
    return { version: this.version, learnerId: this.learnerId, masteryScore: this.masteryScore, stored: { ...this.stored }, faults, ...more };
  }

  /** The current CMI as flat element -> value (strings only). */
  cmi(): Record<string, string> {
    const flat = this.inner.getFlattenedCMI() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(flat).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  }

  /** Log entries with a non-zero error code. */
  errors(): CallLogEntry[] {
    return this.log.filter((e) => e.error !== '0' && e.error !== '');
  }

  private learnerId = '';

  private launchData(opts: StrictLmsOptions): Record<string, string> {
    this.learnerId = opts.learnerId ?? 'learner_1';
    const kept = Object.fromEntries(
      Object.entries(opts.stored ?? {}).filter(([k]) => !/(\.exit|session_time)$/.test(k)),
    );
    const had = Object.keys(opts.stored ?? {}).length > 0 && !this.emptyReview;
    if (this.emptyReview && opts.version === '1.2') {
      return {
        'cmi.core.student_id': this.learnerId,
        'cmi.core.student_name': 'Learner, Test',
        'cmi.core.credit': this.credit,
        'cmi.core.lesson_mode': this.launchMode,
        'cmi.core.entry': 'ab-initio',
      };
    }
    if (this.emptyReview) {
      // Moodle's SCORM 2004 review: mode review, entry ab-initio and nothing of the stored attempt.
      return {
        'cmi.learner_id': this.learnerId,
        'cmi.learner_name': 'Learner, Test',
        'cmi.credit': this.credit,
        'cmi.mode': this.launchMode,
        'cmi.entry': 'ab-initio',
        ...(opts.masteryScore !== undefined ? { 'cmi.scaled_passing_score': String(opts.masteryScore / 100) } : {}),
      };
    }
    if (opts.version === '1.2') {
      const exit = opts.stored?.['cmi.core.exit'];
      return {
        ...kept,
        'cmi.core.student_id': this.learnerId,
        'cmi.core.student_name': 'Learner, Test',
        'cmi.core.credit': this.credit,
        'cmi.core.lesson_mode': this.launchMode,
        'cmi.core.entry': !had ? 'ab-initio' : exit === 'suspend' ? 'resume' : '',
        ...(opts.masteryScore !== undefined ? { 'cmi.student_data.mastery_score': String(opts.masteryScore) } : {}),
      };
    }
    const exit = opts.stored?.['cmi.exit'];
    return {
      ...kept,
      'cmi.learner_id': this.learnerId,
      'cmi.learner_name': 'Learner, Test',
      'cmi.credit': this.credit,
      'cmi.mode': this.launchMode,
      'cmi.entry': !had ? 'ab-initio' : exit === 'suspend' ? 'resume' : '',
      ...(opts.masteryScore !== undefined ? { 'cmi.scaled_passing_score': String(opts.masteryScore / 100) } : {}),
    };
  }

  // ---- the API objects ------------------------------------------------------------------------

  private api12(): Api {
    const a = this.inner as InstanceType<Ctor12>;
    return {
      LMSInitialize: (p = '') => this.initialize(p, () => a.LMSInitialize(p), '101'),
      LMSFinish: (p = '') => this.finish(p, () => a.LMSFinish(p), '101'),
      LMSGetValue: (el) => this.getValue(el, () => a.LMSGetValue(el)),
      LMSSetValue: (el, v) => this.setValue(el, v, () => a.LMSSetValue(el, v)),
      LMSCommit: (p = '') => this.commit(p, () => a.LMSCommit(p), '101'),
      LMSGetLastError: () => this.override ?? a.LMSGetLastError(),
      LMSGetErrorString: (c) => a.LMSGetErrorString(c),
      LMSGetDiagnostic: (c) => a.LMSGetDiagnostic(c),
    };
  }

  private api2004(): Api {
    const a = this.inner as InstanceType<Ctor2004>;
    return {
      Initialize: (p = '') => this.initialize(p, () => a.Initialize(p), '102'),
      Terminate: (p = '') => this.finish(p, () => a.Terminate(p), '111'),
      GetValue: (el) => this.getValue(el, () => a.GetValue(el)),
      SetValue: (el, v) => this.setValue(el, v, () => a.SetValue(el, v)),
      Commit: (p = '') => this.commit(p, () => a.Commit(p), '391'),
      GetLastError: () => this.override ?? a.GetLastError(),
      GetErrorString: (c) => a.GetErrorString(c),
      GetDiagnostic: (c) => a.GetDiagnostic(c),
    };
  }

  private innerError(): string {
    return this.version === '1.2' ? (this.inner as InstanceType<Ctor12>).LMSGetLastError() : (this.inner as InstanceType<Ctor2004>).GetLastError();
  }

  private record(fn: string, result: string, element?: string, value?: string): string {
    this.log.push({ fn, element, value, result, error: this.override ?? this.innerError() });
    return result;
  }

  private refuse(fn: string, code: string, element?: string, value?: string): string {
    this.override = code;
    return this.record(fn, 'false', element, value);
  }

  private initialize(p: string, call: () => string, failCode: string): string {
    this.override = null;
    this.initializeCount++;
    if (this.state !== 'new') this.violations.push(`Initialize called again (state ${this.state})`);
    if (p !== '') this.violations.push(`Initialize("${p}"): the parameter must be ""`);
    if (this.faults.initialize === false) return this.refuse('Initialize', failCode);
    const r = call();
    if (r === 'true') this.state = 'running';
    return this.record('Initialize', r);
  }

  private getValue(el: string, call: () => string): string {
    this.override = null;
    if (this.state !== 'running') this.violations.push(`GetValue(${el}) while ${this.state}`);
    if (this.faults.noInteractions && el.startsWith('cmi.interactions')) {
      this.refuse('GetValue', '401', el);
      return '';
    }
    if (this.version === '2004' && (el === 'cmi.location' || el === 'cmi.suspend_data') && (this.cmi()[el] ?? '') === '') {
      // Moodle's "not initialized" (403), logged on the server: a SCO reads these only when cmi.entry
      // is resume (a resumed attempt may still lack one: an error, but no fault of the SCO's).
      const entry = this.cmi()['cmi.entry'] ?? '';
      if (entry !== 'resume') this.violations.push(`GetValue(${el}) of a value never set (error 403; entry "${entry}")`);
      this.refuse('GetValue', '403', el);
      return '';
    }
    if (this.version === '2004' && /^cmi\.objectives\.\d+\.(success|completion)_status$/.test(el) && !this.launchedStatuses.has(el)) {
      // Moodle stores no "unknown" status, so an objective status never set is "not initialized" (403).
      this.refuse('GetValue', '403', el);
      return '';
    }
    return this.record('GetValue', call(), el);
  }

  private setValue(el: string, value: string, call: () => string): string {
    this.override = null;
    if (this.state !== 'running') this.violations.push(`SetValue(${el}) while ${this.state}`);
    if (typeof value !== 'string') this.violations.push(`SetValue(${el}) with a ${typeof value}, not a string`);
    const v = String(value);
    const problem = this.version === '1.2' ? this.check12(el, v) : this.check2004(el, v);
    if (problem) {
      this.violations.push(`SetValue(${el}, ${JSON.stringify(v.slice(0, 80))}): ${problem}`);
      return this.refuse('SetValue', this.version === '1.2' ? '405' : '406', el, v);
    }
    if (this.faults.noInteractions && el.startsWith('cmi.interactions')) return this.refuse('SetValue', '401', el, v);
    const injected = this.faults.setValue?.(el, v);
    if (injected) return this.refuse('SetValue', injected, el, v);
    const ix = /^cmi\.interactions\.(\d+)\./.exec(el);
    if (ix && Number(ix[1]) > 0 && !this.interactionIndices.has(Number(ix[1])) && !this.interactionIndices.has(Number(ix[1]) - 1)) {
      // Moodle's datamodel: element N exists only when N-1 does in this window (error 201 / 351).
      this.violations.push(`SetValue(${el}): interaction ${ix[1]} before ${Number(ix[1]) - 1} exists in this window`);
      return this.refuse('SetValue', this.version === '1.2' ? '201' : '351', el, v);
    }
    const r = call();
    if (r === 'true') {
      const m = /^cmi\.interactions\.(\d+)\.type$/.exec(el);
      if (m) this.interactionTypes.set(m[1], v);
      if (ix && el.endsWith('.id')) this.interactionIndices.add(Number(ix[1]));
      if (/^cmi\.objectives\.\d+\.(success|completion)_status$/.test(el)) this.launchedStatuses.add(el);
    }
    return this.record('SetValue', r, el, v);
  }

  private commit(p: string, call: () => string, failCode: string): string {
    this.override = null;
    if (this.state !== 'running') this.violations.push(`Commit while ${this.state}`);
    if (p !== '') this.violations.push(`Commit("${p}"): the parameter must be ""`);
    this.commitCalls++;
    this.checkScores('Commit');
    const decision = this.faults.commit?.(this.commitCalls) ?? 'ok';
    if (decision === 'throw') {
      this.record('Commit', 'throw');
      this.commits.push({ kind: 'commit', ok: false, cmi: this.cmi() });
      throw new Error('LMS connection lost');
    }
    if (decision === 'fail') {
      this.commits.push({ kind: 'commit', ok: false, cmi: this.cmi() });
      return this.refuse('Commit', failCode);
    }
    const r = call();
    const ok = r === 'true' && decision !== 'lie';
    if (ok) this.keep();
    this.commits.push({ kind: 'commit', ok, cmi: this.cmi() });
    return this.record('Commit', r);
  }

  private finish(p: string, call: () => string, failCode: string): string {
    this.override = null;
    this.finishCount++;
    if (this.finishCount > 1) this.violations.push(`Finish/Terminate called ${this.finishCount} times`);
    if (this.state !== 'running') this.violations.push(`Finish while ${this.state}`);
    if (p !== '') this.violations.push(`Finish("${p}"): the parameter must be ""`);
    this.checkScores('Finish');
    if (this.version === '1.2') this.moodleFinish12();
    if (this.faults.finish) {
      this.commits.push({ kind: 'finish', ok: false, cmi: this.cmi() });
      return this.refuse('Finish', failCode);
    }
    const r = call();
    if (r === 'true') {
      this.state = 'finished';
      if (this.emptyReview) this.stored['cmi.total_time'] = this.cmi()['cmi.session_time'] || 'PT0S';
      if (!this.faults.finishLost) {
        const before = this.stored[this.totalKey()] ?? '';
        this.keep();
        this.addTotalTime(before);
      }
    }
    this.commits.push({ kind: 'finish', ok: r === 'true' && !this.faults.finishLost, cmi: this.cmi() });
    return this.record('Finish', r);
  }

  /** Moodle's StoreData(cmi, true) for 1.2: the status rewrite that a SCO must not contradict. */
  private moodleFinish12(): void {
    const cmi = (this.inner as InstanceType<Ctor12>).cmi;
    const status = cmi.core.lesson_status;
    if (status === 'not attempted' || status === '') {
      this.violations.push('LMSFinish with lesson_status "not attempted": Moodle records it as completed');
      cmi.core.lesson_status = 'completed';
    }
    const raw = cmi.core.score.raw;
    if (this.masteryScore !== undefined && raw !== '') {
      const moodle = Number.parseFloat(raw) >= this.masteryScore ? 'passed' : 'failed';
      if (moodle !== cmi.core.lesson_status) {
        this.violations.push(`LMSFinish: lesson_status "${cmi.core.lesson_status}" contradicts raw ${raw} vs mastery ${this.masteryScore}; Moodle stores "${moodle}"`);
        cmi.core.lesson_status = moodle;
      }
    }
  }

  private checkScores(when: string): void {
    const c = this.cmi();
    if (this.version === '2004' && c['cmi.score.scaled'] && !c['cmi.score.raw']) {
      this.violations.push(`${when}: score.scaled without score.raw (Moodle grades 0)`);
    }
  }

  /** The data model as launched: Moodle posts only values that differ from it (CollectData). */
  private launched: Record<string, string> = {};

  private keep(): void {
    const c = this.cmi();
    const kept = Object.fromEntries(
      Object.entries(c).filter(
        ([k, v]) =>
          v !== '' &&
          v !== this.launched[k] &&
          KEPT[this.version].some((p) => k.startsWith(p)) &&
          // Moodle's 2004 keeps no "unknown" objective status (a relaunch reads it as 403).
          !(this.version === '2004' && v === 'unknown' && /^cmi\.objectives\.\d+\.(success|completion)_status$/.test(k)),
      ),
    );
    Object.assign(this.stored, kept);
  }

  private totalKey(): string {
    return this.version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
  }

  /**
   * Moodle adds the session time to the record's total at Finish: from the record as it is, so the
   * sessions of two windows of one attempt both count.
   */
  private addTotalTime(before: string): void {
    const session = this.cmi()[this.version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time'] ?? '';
    const ms = timeMs(before) + timeMs(session);
    this.stored[this.totalKey()] = this.version === '1.2' ? format12(ms) : `PT${(ms / 1000).toFixed(2)}S`;
  }

  // ---- Moodle's value rules -------------------------------------------------------------------

  private responseCheck12(index: string, v: string): string | null {
    const type = this.interactionTypes.get(index);
    if (!type) return 'response set before the interaction type';
    if (v.length > 255) return `longer than 255 characters (${v.length})`;
    const nodes = v.split(',');
    switch (type) {
      case 'true-false':
        return /^[01tf]$/.test(v) ? null : 'true-false response must be 0, 1, t or f';
      case 'choice':
      case 'sequencing':
        return nodes.every((n) => SHORT_ID.test(n)) ? null : `${type} response ids must match ${SHORT_ID}`;
      case 'matching':
        return nodes.every((n) => /^[\w.]+\.[\w.]+$/.test(n) && n.split('.').every((x) => SHORT_ID.test(x)))
          ? null
          : 'matching response must be item.target pairs';
      default:
        return `unexpected interaction type ${type}`;
    }
  }

  private check12(el: string, v: string): string | null {
    if (el === 'cmi.core.lesson_location') return v.length <= 255 ? null : `longer than 255 characters (${v.length})`;
    if (el === 'cmi.suspend_data') return v.length <= 4096 ? null : `longer than 4,096 characters (${v.length})`;
    if (el === 'cmi.core.lesson_status') return M12.status.test(v) ? null : 'not a lesson status';
    if (el === 'cmi.core.exit') return M12.exit.test(v) ? null : 'not an exit value';
    if (el === 'cmi.core.session_time') return M12.timespan.test(v) ? null : 'not a CMITimespan (HH[HH]:MM:SS.SS)';
    if (/^cmi\.(core|objectives\.\d+)\.score\.(raw|min|max)$/.test(el)) {
      return M12.decimal.test(v) && inRange(v, 0, 100) ? null : 'score must be a decimal within 0..100';
    }
    let m = /^cmi\.objectives\.(\d+)\.(\w+)$/.exec(el);
    if (m) {
      if (m[2] === 'id') return SHORT_ID.test(v) ? null : `objective id must match ${SHORT_ID}`;
      if (m[2] === 'status') return M12.status2.test(v) ? null : 'not an objective status';
    }
    m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(el);
    if (m) {
      const [, n, field] = m;
      if (field === 'id') return SHORT_ID.test(v) ? null : `interaction id must match ${SHORT_ID}`;
      if (field === 'type') return M12.type.test(v) ? null : 'not an interaction type';
      if (field === 'time') return M12.time.test(v) ? null : 'not a CMITime (HH:MM:SS)';
      if (field === 'weighting') return M12.decimal.test(v) && inRange(v, -100, 100) ? null : 'weighting must be a decimal within -100..100';
      if (field === 'result') return M12.result.test(v) ? null : 'not a 1.2 result';
      if (field === 'latency') return M12.timespan.test(v) ? null : 'not a CMITimespan';
      if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) return this.responseCheck12(n, v);
    }
    return null;
  }

  private responseCheck2004(index: string, v: string): string | null {
    const type = this.interactionTypes.get(index);
    if (!type) return 'response set before the interaction type';
    const nodes = v.split('[,]');
    if (type === 'true-false') return /^(true|false)$/.test(v) ? null : 'true-false response must be true or false';
    if (nodes.length > 36) return 'more than 36 nodes';
    switch (type) {
      case 'choice':
        if (new Set(nodes).size !== nodes.length) return 'choice response nodes must be unique';
        return nodes.every((n) => SHORT_ID.test(n)) ? null : `choice ids must match ${SHORT_ID}`;
      case 'sequencing':
        return nodes.every((n) => SHORT_ID.test(n)) ? null : `sequencing ids must match ${SHORT_ID}`;
      case 'matching':
        return nodes.every((n) => {
          const parts = n.split('[.]');
          return parts.length === 2 && parts.every((x) => SHORT_ID.test(x));
        })
          ? null
          : 'matching nodes must be item[.]target';
      default:
        return `unexpected interaction type ${type}`;
    }
  }

  private check2004(el: string, v: string): string | null {
    if (el === 'cmi.location') return v.length <= 1000 ? null : `longer than 1,000 characters (${v.length})`;
    if (el === 'cmi.suspend_data') return v.length <= 64000 ? null : `longer than 64,000 characters (${v.length})`;
    if (el === 'cmi.completion_status') return M2004.cstatus.test(v) ? null : 'not a completion status';
    if (el === 'cmi.success_status') return M2004.sstatus.test(v) ? null : 'not a success status';
    if (el === 'cmi.exit') return M2004.exit.test(v) ? null : 'not an exit value';
    if (el === 'cmi.session_time') return M2004.timespan.test(v) ? null : 'not a timeinterval with at most 2 decimals';
    let m = /^cmi\.(?:objectives\.\d+\.)?score\.(scaled|raw|min|max)$/.exec(el);
    if (m) {
      if (!M2004.decimal.test(v)) return 'not a decimal';
      if (m[1] === 'scaled') return inRange(v, -1, 1) ? null : 'score.scaled outside -1..1 (error 407)';
      return inRange(v, 0, 100) ? null : 'score must be within 0..100';
    }
    m = /^cmi\.objectives\.(\d+)\.(\w+)$/.exec(el);
    if (m) {
      if (m[2] === 'id') return SHORT_ID.test(v) ? null : `objective id must match ${SHORT_ID}`;
      if (m[2] === 'completion_status') return M2004.cstatus.test(v) ? null : 'not a completion status';
      if (m[2] === 'success_status') return M2004.sstatus.test(v) ? null : 'not a success status';
    }
    m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(el);
    if (m) {
      const [, n, field] = m;
      if (field === 'id') return SHORT_ID.test(v) ? null : `interaction id must match ${SHORT_ID}`;
      if (field === 'type') return M2004.type.test(v) ? null : 'not an interaction type';
      if (field === 'timestamp') return M2004.time.test(v) ? null : 'not a time(second,10,0) with at most 2 decimals';
      if (field === 'weighting') return M2004.decimal.test(v) ? null : 'weighting must be a decimal';
      if (field === 'result') return M2004.result.test(v) ? null : 'not a 2004 result';
      if (field === 'latency') return M2004.timespan.test(v) ? null : 'not a timeinterval with at most 2 decimals';
      if (field === 'description') return v.length <= 250 && M2004.langString250.test(v) ? null : 'not a localized string of at most 250 characters';
      if (field === 'learner_response') return this.responseCheck2004(n, v);
      if (/^correct_responses\.\d+\.pattern$/.test(field)) return this.responseCheck2004(n, v);
    }
    return null;
  }
}

/** A window tree for the runtime: the SCO's frame inside the LMS's player page, which holds the API. */
export function lmsWindow(lms: StrictLms, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  top.parent = top;
  top[lms.version === '1.2' ? 'API' : 'API_1484_11'] = lms.api;
  return { parent: top, top, ...extra };
}
