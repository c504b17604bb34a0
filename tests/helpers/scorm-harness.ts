/**
 * Runs the SCORM runtime in Node: a fake window (an EventTarget with parent/top/document) around a
 * StrictLms, an in-memory localStorage, a controllable clock, and a manual scheduler so a test
 * decides when deferred LMS work runs.
 */
import type { Course } from '../../src/course/types.ts';
import { ProgressStore } from '../../src/course/progress.ts';
import { startSession, type SessionOptions, type TrackingSession } from '../../src/scorm/runtime.ts';
import type { StorageLike } from '../../src/scorm/standalone.ts';
import type { StrictLms } from './strict-lms.ts';

export class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

export class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
}

/** The SCO's frame; its parent (the LMS player page) holds the API when an LMS is given. */
export class FakeWindow extends EventTarget {
  parent: unknown;
  top: unknown;
  readonly document = new FakeDocument();
  constructor(lms?: StrictLms) {
    super();
    const top: Record<string, unknown> = {};
    top.parent = top;
    if (lms) top[lms.version === '1.2' ? 'API' : 'API_1484_11'] = lms.api;
    this.parent = top;
    this.top = top;
  }
  hide(): void {
    this.document.visibilityState = 'hidden';
    this.document.dispatchEvent(new Event('visibilitychange'));
  }
  show(): void {
    this.document.visibilityState = 'visible';
    this.document.dispatchEvent(new Event('visibilitychange'));
  }
  pagehide(): void {
    this.dispatchEvent(new Event('pagehide'));
  }
  /** What a browser sends when another window of this origin changed localStorage (`key` null: cleared). */
  storageEvent(key: string | null): void {
    const e = new Event('storage');
    Object.defineProperty(e, 'key', { value: key });
    this.dispatchEvent(e);
  }
  pageshow(persisted: boolean): void {
    const e = new Event('pageshow');
    Object.defineProperty(e, 'persisted', { value: persisted });
    this.dispatchEvent(e);
  }
}

export interface Harness {
  session: TrackingSession;
  store: ProgressStore;
  win: FakeWindow;
  storage: MemoryStorage;
  /** Run the deferred LMS work (what the browser would do after the next frame). */
  tick(): void;
  /** Deferred tasks waiting. */
  pending(): number;
  /** Move the clock forward. */
  advance(ms: number): void;
  now(): number;
  sleeps: number[];
  logs: string[];
}

export const START = Date.parse('2026-11-21T09:30:00.000Z');

export async function launch(
  course: Course,
  opts: {
    lms?: StrictLms;
    version?: SessionOptions['version'];
    storage?: MemoryStorage | null;
    clock?: number;
    retryDelays?: number[];
    /** How a retry waits; default: at once (the wait is recorded in `sleeps`). */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<Harness> {
  const store = new ProgressStore(course);
  const win = new FakeWindow(opts.lms);
  const storage = opts.storage === undefined ? new MemoryStorage() : opts.storage;
  let clock = opts.clock ?? START;
  const tasks: Array<() => void> = [];
  const sleeps: number[] = [];
  const logs: string[] = [];
  const session = await startSession(course, store, {
    version: opts.version ?? opts.lms?.version ?? 'auto',
    window: win,
    storage,
    now: () => clock,
    defer: (fn) => tasks.push(fn),
    sleep: async (ms) => {
      sleeps.push(ms);
      if (opts.sleep) await opts.sleep(ms);
    },
    retryDelays: opts.retryDelays,
    log: (m) => logs.push(m),
  });
  return {
    session,
    store,
    win,
    storage: storage ?? new MemoryStorage(),
    tick() {
      while (tasks.length > 0) tasks.shift()?.();
    },
    pending: () => tasks.length,
    advance(ms) {
      clock += ms;
    },
    now: () => clock,
    sleeps,
    logs,
  };
}

/** Let pending promise callbacks (retry loops) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
