/**
 * The browser copy of progress (localStorage): the only store when no LMS is found, and a safety
 * net in LMS mode so that a failed commit loses nothing.
 *
 * Storage can be missing or throw (private browsing, storage disabled, a full quota, a sandboxed
 * frame): every access is guarded, and a failure only means "not kept in this browser".
 */
import type { Answer } from '../course/types.ts';
import { hash64 } from './suspend-codec.ts';

/**
 * An answer the learner was shown as submitted, kept until the LMS is known to hold its interaction
 * record (a relaunch finds its index below the LMS's `_count`): what a failed, lost or lying commit
 * dropped is sent again, and never twice.
 */
export interface JournalEntry {
  /** Interaction id `quiz.question.attempt`. */
  id: string;
  quiz: string;
  question: string;
  attempt: number;
  answer: Answer;
  /** When it was submitted (ms since 1970) and how long after the question was shown. */
  at: number;
  latency: number;
  /** The cmi.interactions index it was written at, in the LMS record of this attempt. */
  ix?: number;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface MirrorRecord {
  /** suspend-codec text (it carries its own save counter `seq`). */
  suspend: string;
  seq: number;
  /** True once the LMS confirmed a commit of this very save. */
  synced: boolean;
  /**
   * Set on copies saved by a launch from an LMS whose Initialize failed (progress of an LMS learner
   * we could not identify, kept under the standalone key): when it was saved, in ms since 1970, so
   * an old copy is not adopted. The next LMS launch may adopt it (see runtime.ts).
   */
  lmsFailedAt?: number;
  /**
   * Fingerprint (`lmsFingerprint`) of the suspend_data the LMS was last known to hold when this copy
   * was saved: the LMS state this copy grew from. A relaunch that finds the LMS still holding exactly
   * that knows the copy is newer (a close that never reached the LMS), whatever the counters say.
   */
  base?: string;
  /** Answers whose interaction the LMS is not yet known to hold (see JournalEntry). */
  journal?: JournalEntry[];
  /** The next free cmi.interactions index: a sequence every window of this attempt shares. */
  nextIx?: number;
  /**
   * Time of the visit that saved this copy: the LMS's total time at its launch and the session time
   * it sends at its close (ms). A relaunch whose LMS total lacks that session adds it to its own.
   */
  time?: { total: number; session: number };
}

/** A short fingerprint of an LMS's suspend_data ("" when it holds none). */
export function lmsFingerprint(suspend: string): string {
  return suspend === '' ? '' : `${suspend.length}.${hash64(suspend, 8)}`;
}

/** Key per course, and per learner in LMS mode (a shared computer must not mix learners). */
export function storageKey(courseId: string, learnerId?: string): string {
  return learnerId === undefined
    ? `course-progress:${courseId}`
    : `course-progress:${courseId}:lms:${hash64(learnerId, 6)}`;
}

/** `window.localStorage`, or null when the browser refuses it (reading the property can throw). */
export function browserStorage(win: unknown): StorageLike | null {
  try {
    const s = (win as { localStorage?: StorageLike } | undefined)?.localStorage;
    if (!s) return null;
    const probe = '__course_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** A stored record, or null when it is missing or not one of ours. */
export function parseMirror(raw: string | null): MirrorRecord | null {
  if (!raw) return null;
  try {
    const rec = JSON.parse(raw) as Partial<MirrorRecord> | null;
    if (!rec || typeof rec.suspend !== 'string' || typeof rec.seq !== 'number' || typeof rec.synced !== 'boolean') return null;
    const out: MirrorRecord = { suspend: rec.suspend, seq: rec.seq, synced: rec.synced };
    if (typeof rec.lmsFailedAt === 'number') out.lmsFailedAt = rec.lmsFailedAt;
    if (typeof rec.base === 'string') out.base = rec.base;
    if (Array.isArray(rec.journal)) {
      out.journal = rec.journal.filter(
        (e): e is JournalEntry =>
          !!e && typeof e.id === 'string' && typeof e.quiz === 'string' && typeof e.question === 'string' && typeof e.attempt === 'number' && typeof e.answer === 'object' && e.answer !== null,
      );
    }
    if (typeof rec.nextIx === 'number' && rec.nextIx >= 0) out.nextIx = rec.nextIx;
    if (rec.time && typeof rec.time.total === 'number' && typeof rec.time.session === 'number') out.time = { total: rec.time.total, session: rec.time.session };
    return out;
  } catch {
    return null;
  }
}

export class LocalMirror {
  constructor(
    private readonly storage: StorageLike | null,
    readonly key: string,
  ) {}

  get available(): boolean {
    return this.storage !== null;
  }

  /** The stored text as it is (null when none or unreadable), to tell whether another window wrote it. */
  raw(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  load(): MirrorRecord | null {
    return parseMirror(this.raw());
  }

  /** Returns false when the browser would not keep it. */
  save(rec: MirrorRecord): boolean {
    return this.saveText(JSON.stringify(rec));
  }

  /** `save` for a record already turned into text. */
  saveText(text: string): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(this.key, text);
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing to do: storage is unavailable
    }
  }
}
