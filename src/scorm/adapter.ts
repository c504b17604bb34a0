/**
 * One interface over the two SCORM APIs. `connect()` wraps the LMS object so no call can throw
 * into the course (LMS code does throw, e.g. when its frame is being unloaded), turns "true"/"false"
 * strings into booleans and reads GetLastError/GetErrorString/GetDiagnostic after each failure.
 *
 * A `Dialect` (scorm12.ts, scorm2004.ts) knows a version's element names, vocabularies and formats.
 */
import type { CourseStatus } from '../course/progress.ts';
import type { ApiVersion } from './api-discovery.ts';
import type { LessonObjective } from './cmi-mapping.ts';
import type { InteractionRecord } from './interactions.ts';
import type { StatusFloor } from './status-floor.ts';

export interface LmsError {
  call: string;
  element?: string;
  code: string;
  text: string;
  diagnostic: string;
}

export interface LmsConnection {
  readonly version: ApiVersion;
  initialize(): boolean;
  /** The value, or null when the LMS reports an error for it (unsupported element, ...). */
  get(element: string): string | null;
  /**
   * As get(), for a value the LMS may never have been given: "not initialized" (2004 error 403,
   * Moodle's answer for an objective status it did not store) is null without counting as an error.
   */
  peek(element: string): string | null;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  /** The failures seen so far (most recent last), for diagnostics. */
  readonly errors: readonly LmsError[];
}

/** The API function names of one SCORM version. */
export interface ApiNames {
  initialize: string;
  finish: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
  getDiagnostic: string;
}

/** A data model element and its value. */
export type Pair = readonly [element: string, value: string];

export interface Dialect {
  readonly version: ApiVersion;
  readonly mode: 'scorm12' | 'scorm2004';
  readonly api: ApiNames;
  readonly el: {
    entry: string;
    /** `normal`, `review` or `browse` (1.2 `lesson_mode`, 2004 `mode`). */
    mode: string;
    /** `credit` or `no-credit`. */
    credit: string;
    location: string;
    suspend: string;
    exit: string;
    sessionTime: string;
    learnerId: string;
    learnerName: string;
    objectivesCount: string;
    interactionsCount: string;
    /** The LMS's total time of the attempt (readable in both versions). */
    totalTime: string;
  };
  /** Longest values the LMS must accept (Moodle with its "SCORM standard" setting on). */
  readonly limits: { location: number; suspend: number };
  /** Status and score elements, each group sent in order; groups that would go below `floor` are left out. */
  status(status: CourseStatus, floor?: StatusFloor): Pair[][];
  /** What the LMS records now (the course's status, or objective n's), as the floor no status sent may go below. */
  readFloor(get: (element: string) => string | null, objective?: number): StatusFloor;
  /**
   * True when the LMS has stored data to hand over (2004 answers error 403 for values never set).
   * `lookingBack`: a review or browse launch, which is given the learner's record when there is one.
   */
  hasData(entry: string, lookingBack: boolean): boolean;
  /** `done`: completed and not failed, so the learner has no reason to come back within this attempt. */
  exit(done: boolean): string;
  sessionTime(ms: number): string;
  /** Objective n; the id comes first, since it creates the objective. Statuses below `floor` are left out, as in status(). */
  objective(n: number, objective: LessonObjective, floor?: StatusFloor): Pair[];
  /** Interaction n; id first, then type (other fields depend on it). */
  interaction(n: number, record: InteractionRecord): Pair[];
}

const MAX_ERRORS = 50;

export function connect(api: Record<string, unknown>, dialect: Dialect): LmsConnection {
  const names = dialect.api;
  const errors: LmsError[] = [];

  function call(name: string, ...args: string[]): unknown {
    const fn = api[name];
    if (typeof fn !== 'function') throw new Error(`The LMS API has no ${name}()`);
    return fn.apply(api, args);
  }

  function text(name: string, arg?: string): string {
    try {
      const r = arg === undefined ? call(name) : call(name, arg);
      return r === undefined || r === null ? '' : String(r);
    } catch {
      return '';
    }
  }

  function record(callName: string, element: string | undefined, thrown?: unknown): void {
    const code = thrown ? 'exception' : text(names.getLastError);
    const err: LmsError = {
      call: callName,
      element,
      code,
      text: thrown ? String(thrown) : text(names.getErrorString, code),
      diagnostic: thrown ? '' : text(names.getDiagnostic, code),
    };
    errors.push(err);
    if (errors.length > MAX_ERRORS) errors.shift();
  }

  /** SCORM returns the strings "true"/"false"; some LMSs return booleans. */
  function bool(callName: string, element: string | undefined, fn: () => unknown): boolean {
    try {
      const r = fn();
      const ok = r === true || r === 'true';
      if (!ok) record(callName, element);
      return ok;
    } catch (e) {
      record(callName, element, e);
      return false;
    }
  }

  return {
    version: dialect.version,
    errors,
    initialize: () => bool(names.initialize, undefined, () => call(names.initialize, '')),
    finish: () => bool(names.finish, undefined, () => call(names.finish, '')),
    commit: () => bool(names.commit, undefined, () => call(names.commit, '')),
    set: (element, value) => bool(names.setValue, element, () => call(names.setValue, element, value)),
    peek(element) {
      try {
        const r = call(names.getValue, element);
        const value = r === undefined || r === null ? '' : String(r);
        if (value !== '') return value;
        const code = text(names.getLastError);
        if (code === '' || code === '0') return value;
        if (code !== '403') record(names.getValue, element);
        return null;
      } catch (e) {
        record(names.getValue, element, e);
        return null;
      }
    },
    get(element) {
      try {
        const r = call(names.getValue, element);
        const value = r === undefined || r === null ? '' : String(r);
        // GetValue returns "" on errors too: only GetLastError tells them apart.
        if (value === '') {
          const code = text(names.getLastError);
          if (code !== '' && code !== '0') {
            record(names.getValue, element);
            return null;
          }
        }
        return value;
      } catch (e) {
        record(names.getValue, element, e);
        return null;
      }
    },
  };
}
