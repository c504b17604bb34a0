/**
 * The tracking runtime: finds the LMS, restores progress into the store before the first view,
 * then listens to the store and keeps the LMS (or, without one, this browser) up to date.
 *
 * Commit points: a lesson read, a quiz finished, a change of status, the page being hidden
 * (visibilitychange) or left (pagehide: Finish), save() and exit(). Never `unload`/`beforeunload`:
 * they break the back/forward cache and are unreliable on phones.
 * See https://developer.chrome.com/docs/web-platform/page-lifecycle-api
 */
import type { Course } from '../course/types.ts';
import {
  courseStatus,
  locationFromString,
  type ChangeDetail,
  type Location,
  type ProgressState,
  type ProgressStore,
} from '../course/progress.ts';
import { mergeProgress } from '../course/progress-merge.ts';
import type { CourseSession, Notice, SaveResult } from '../course/session.ts';
import { connect, type Dialect, type LmsConnection, type LmsError, type Pair } from './adapter.ts';
import { findApi } from './api-discovery.ts';
import { coreValues, lessonObjectives } from './cmi-mapping.ts';
import { CommitScheduler } from './commit-scheduler.ts';
import { buildInteraction } from './interactions.ts';
import { readableName } from './learner-name.ts';
import { NOTICES, NoticeBoard } from './notices.ts';
import { scorm12 } from './scorm12.ts';
import { scorm2004 } from './scorm2004.ts';
import {
  browserStorage,
  LocalMirror,
  lmsFingerprint,
  parseMirror,
  storageKey,
  type JournalEntry,
  type MirrorRecord,
  type StorageLike,
} from './standalone.ts';
import { parseDuration } from './time.ts';
import { NO_FLOOR, raise, type StatusFloor } from './status-floor.ts';
import { decodeSuspend, encodeSuspend, type DecodeResult, type Snapshot } from './suspend-codec.ts';

interface EventTargetLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
}

export interface SessionOptions {
  version: '1.2' | '2004' | 'auto';
  /** Where the API is looked for and page events are heard; default: the global `window`. */
  window?: unknown;
  /** The browser copy; default: `window.localStorage` when the browser allows it. null: none. */
  storage?: StorageLike | null;
  now?: () => number;
  /** Runs LMS work after the UI has had a chance to render. */
  defer?: (fn: () => void) => void;
  sleep?: (ms: number) => Promise<void>;
  retryDelays?: readonly number[];
  /** Diagnostics (LMS error codes and texts); default console.warn. */
  log?: (message: string, detail?: unknown) => void;
}

/** The runtime's own view, for tests and the preview's debug panel. */
export interface TrackingSession extends CourseSession {
  /** Errors the LMS reported (GetLastError / GetErrorString / GetDiagnostic after each failure). */
  readonly lmsErrors: readonly LmsError[];
}

function defaultDefer(fn: () => void): void {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  // After the next frame, so the UI paints before a possibly slow, synchronous LMS call.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  // rAF does not fire in background tabs.
  setTimeout(run, 100);
}

/** Anything done at all: a lesson read, a quiz started, a place other than the start page. */
function hasProgress(state: ProgressState): boolean {
  return state.lessonsRead.length > 0 || state.location.view !== 'start' || Object.values(state.quizzes).some((q) => q.attempt > 0);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A copy saved after a failed Initialize is adopted by a later LMS launch only this long after it
 * was saved: the learner is asked to try again soon, and on a shared computer an old copy is more
 * likely to be someone else's.
 */
export const ADOPT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

interface PendingInteraction {
  entry: JournalEntry;
  tries: number;
}

/** Rounding of the LMS's time formats (1.2 centiseconds, a duration's seconds): below this, time arrived. */
const TIME_SLACK_MS = 1000;

class Tracker implements TrackingSession {
  readonly mode: CourseSession['mode'];
  /** False in review or browse mode and without credit: this visit sends nothing and keeps nothing. */
  readonly recording: boolean;
  readonly learnerName: string;
  resumeLocation: Location | null = null;
  ended = false;

  private readonly board = new NoticeBoard();
  private readonly scheduler: CommitScheduler;
  private readonly now: () => number;
  private readonly log: (message: string, detail?: unknown) => void;
  private readonly startedAt: number;
  /** Values the LMS has accepted, so only changes are sent. */
  private readonly sent = new Map<string, string>();
  private uncommitted = false;
  private seq = 0;
  private lastEncoded = '';
  private suspendText = '';
  private lastMirror = '';
  /** The browser copy holds the current progress (its last write worked). */
  private mirrorOk = true;
  /** The browser copy's text as this window last saw or wrote it: anything else was written by another window. */
  private lastSeen: string | null = null;
  /** The learner did something in this window (not only progress merged from another window). */
  private usedHere = false;
  private exitResult: SaveResult | null = null;
  private statusKey = '';
  private mirror: LocalMirror;
  private objectiveIndex: Map<string, number> | null = null;
  private nextInteraction: number | null = null;
  private readonly queue: PendingInteraction[] = [];
  private readonly shownAt = new Map<string, number>();
  private readonly storage: StorageLike | null;
  /** The LMS's status when the course started, raised by what it sent since: never sent lower. */
  private floor: StatusFloor = NO_FLOOR;
  /** The same per lesson objective, by objective id (the LMS's index may differ from ours). */
  private readonly objectiveFloors = new Map<string, StatusFloor>();
  /** Fingerprint of the suspend_data the LMS is known to hold (launch, then each confirmed commit). */
  private base = '';
  /** Progress came from this browser, not the LMS: send it at once. */
  private adopted = false;
  /** The LMS handed over a stored record (a read-only visit may Finish without changing it). */
  private lmsHadData = false;
  /** Answers not yet known to be in the LMS's interactions, shared with other windows (see JournalEntry). */
  private journal: JournalEntry[] = [];
  /** The journal of the copy this launch found, checked against the LMS's `_count` in start(). */
  private foundJournal: JournalEntry[] = [];
  /** The next free interaction index as every window of this attempt knows it. */
  private sharedNext = 0;
  /** The LMS's total time at launch, and session time of an earlier visit that never reached it (ms). */
  private lmsTotalMs = 0;
  private carryMs = 0;

  constructor(
    private readonly course: Course,
    private readonly store: ProgressStore,
    private readonly conn: LmsConnection | null,
    private readonly dialect: Dialect | null,
    private readonly win: unknown,
    storage: StorageLike | null,
    opts: SessionOptions,
    initialNotices: Notice[],
    /** An LMS was found but its Initialize failed: this launch's copies are marked for adoption. */
    private readonly lmsFailed = false,
  ) {
    this.mode = dialect ? dialect.mode : 'standalone';
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((m, d) => console.warn(`[course tracking] ${m}`, d ?? ''));
    this.startedAt = this.now();
    initialNotices.forEach((n) => this.board.add(n));

    // Before anything else: a review, browse or no-credit launch must not change the record.
    const lmsMode = conn && dialect ? (conn.get(dialect.el.mode) ?? '') : '';
    const credit = conn && dialect ? (conn.get(dialect.el.credit) ?? '') : '';
    this.recording = lmsMode !== 'review' && lmsMode !== 'browse' && credit !== 'no-credit';

    const learner = conn && dialect ? (conn.get(dialect.el.learnerId) ?? '') : undefined;
    this.learnerName = conn && dialect ? readableName(conn.get(dialect.el.learnerName)) : '';
    this.storage = storage;
    this.mirror = new LocalMirror(storage, storageKey(course.id, learner));
    if (!conn && !this.mirror.available) this.board.add(NOTICES.noStorage);

    this.scheduler = new CommitScheduler({
      write: (timed) => this.write(timed),
      dirty: () => this.uncommitted,
      commit: () => this.commitCall(),
      settled: (ok) => this.settled(ok),
      active: () => !this.ended && this.conn !== null && this.recording,
      defer: opts.defer ?? defaultDefer,
      sleep: opts.sleep ?? defaultSleep,
      retryDelays: opts.retryDelays ?? [500, 2000, 5000],
    });
  }

  get lmsErrors(): readonly LmsError[] {
    return this.conn?.errors ?? [];
  }

  notices(): Notice[] {
    return this.board.all();
  }

  onNotices(listener: (notices: Notice[]) => void): () => void {
    return this.board.subscribe(listener);
  }

  async save(): Promise<SaveResult> {
    // The LMS keeps the record exactly as it was, which is all a review visit asks of it.
    if (!this.recording) return { saved: true, inBrowser: false };
    if (!this.conn || this.ended) {
      if (!this.ended) this.absorbOtherWindow();
      // After Finish the LMS takes nothing more: it holds the progress only if nothing changed since.
      const inBrowser = this.saveMirror(this.conn ? this.inSync() : false);
      return { saved: this.conn ? this.inSync() : inBrowser, inBrowser };
    }
    const ok = await this.scheduler.commit();
    return { saved: ok && this.inSync(), inBrowser: this.mirrorOk };
  }

  async exit(): Promise<SaveResult> {
    return this.finish(false);
  }

  /** Restore progress, start listening. Runs before startSession returns. */
  start(): void {
    this.restore();
    this.statusKey = this.currentStatusKey();
    if (this.conn && this.dialect && this.recording) this.readCollections(this.conn, this.dialect);
    this.replayJournal();
    // Never unsubscribed: after the LMS session ends, changes still go to the browser copy.
    this.store.subscribe((state, detail) => this.changed(state, detail));
    this.listen();
    // Send the opening values (status `incomplete`, ...) soon, without a commit: a Finish without a
    // status would let Moodle mark a 1.2 course `completed` (it does that for `not attempted`).
    // Progress taken from this browser is committed at once: it is what the LMS lacks.
    if (this.conn && this.recording) this.scheduler.request(this.adopted);
  }

  // ---- restore --------------------------------------------------------------------------------

  private restore(): void {
    this.lastSeen = this.mirror.raw();
    const fromMirror = parseMirror(this.lastSeen);
    const local = fromMirror ? decodeSuspend(this.course, fromMirror.suspend) : null;
    let chosen: DecodeResult | null = null;
    let bookmark = '';
    let adopted: LocalMirror | null = null;

    if (this.conn && this.dialect) {
      const conn = this.conn;
      const entry = conn.get(this.dialect.el.entry) ?? '';
      // A first launch has nothing to read (and SCORM 2004 answers error 403 for unset values).
      const hasData = this.dialect.hasData(entry, !this.recording);
      const suspend = hasData ? (conn.get(this.dialect.el.suspend) ?? '') : '';
      bookmark = hasData ? (conn.get(this.dialect.el.location) ?? '') : '';
      this.lmsHadData = hasData;
      this.floor = this.dialect.readFloor((el) => conn.get(el));
      if (this.recording) this.lmsTotalMs = parseDuration(conn.peek(this.dialect.el.totalTime)) ?? 0;
      this.base = lmsFingerprint(suspend);
      const lms = suspend ? decodeSuspend(this.course, suspend) : null;
      // This learner's copy (the key is per learner id: another learner's never comes here), when it
      // holds something the LMS does not hold as it is.
      const own = local?.ok && hasProgress(local.state) && fromMirror?.suspend !== suspend ? local : null;

      if (!this.recording) {
        this.reviewRestore(lms, own);
        return;
      }
      // This browser's copy belongs to an attempt the LMS no longer holds (a new attempt): its
      // answers and time are that attempt's, not this one's.
      const stale = !!fromMirror && !lms && (fromMirror.base ?? '') !== '' && this.copyDone(local);
      if (fromMirror && !stale) {
        this.foundJournal = fromMirror.journal ?? [];
        this.sharedNext = fromMirror.nextIx ?? 0;
        const t = fromMirror.time;
        // The visit that saved this copy sent `session` at its close; an LMS total short of it means
        // that close never arrived (a killed browser, an expired session): this visit adds it.
        if (t && t.session > 0 && this.lmsTotalMs >= t.total - TIME_SLACK_MS && this.lmsTotalMs + TIME_SLACK_MS < t.total + t.session) {
          this.carryMs = t.session;
        }
      }
      const pick = own && fromMirror ? this.newerCopy(lms, own, fromMirror, suspend) : null;
      if (pick) {
        chosen = pick;
        this.adopted = true;
        this.board.add(NOTICES.restoredFromBrowser);
        // Copies from before the journal: answers the LMS's record lacks are sent again.
        if (pick.ok && lms?.ok !== false && fromMirror?.journal === undefined) this.queueMissingInteractions(pick.state, lms?.ok ? lms.state : null);
      } else if (lms?.ok) {
        chosen = lms;
      } else if (lms) {
        this.log(`suspend_data not restored (${lms.reason})`);
        this.board.add(NOTICES.restoreFailed);
      }
      if (!chosen && entry !== 'resume' && fromMirror?.synced) {
        this.mirror.clear(); // the LMS started afresh
        this.lastSeen = null;
      }
      if (!chosen && lms === null) {
        // The LMS holds no progress of its own: progress from a launch whose Initialize failed may be
        // this learner's (see adoptable()).
        const found = this.adoptable();
        if (found) {
          chosen = found.result;
          adopted = found.from;
          this.foundJournal = found.from.load()?.journal ?? [];
          this.adopted = true;
          this.board.add(NOTICES.restoredFromBrowser);
        }
      }
    } else if (local) {
      if (local.ok) chosen = local;
      else this.board.add(NOTICES.restoreFailed);
    }

    if (chosen?.ok) {
      this.seq = chosen.seq;
      this.store.restore(chosen.state);
      const loc = chosen.state.location;
      this.resumeLocation = loc.view === 'start' ? null : loc;
      this.lastEncoded = encodeSuspend(this.course, this.store.get(), 0);
      // Now this learner's (unconfirmed) copy: the marked one goes, so nobody else adopts it.
      if (adopted && this.saveMirror(false)) adopted.clear();
    } else if (bookmark) {
      const loc = locationFromString(this.course, bookmark);
      if (loc && loc.view !== 'start') this.resumeLocation = loc;
    }
  }

  /**
   * The browser copy is newer than what the LMS holds, and what to continue from; null: the LMS's.
   * Newer means saves the LMS never confirmed (a close whose Finish was lost, commits that failed):
   * - the copy grew from exactly what the LMS holds now (its `base`), so it is that plus more;
   * - the LMS went on elsewhere since (another device): both are brought together, nothing dropped;
   * - the LMS's copy is unreadable, or (copies from before `base`) its save counter is lower.
   * A copy the LMS once confirmed and now no longer holds lost to a later LMS state (or a new attempt).
   */
  private newerCopy(lms: DecodeResult | null, own: Snapshot, rec: MirrorRecord, lmsText: string): DecodeResult | null {
    const mine: DecodeResult = { ok: true, ...own };
    if (lms && !lms.ok) return mine;
    // "synced" is what the LMS said, not what it holds: Moodle's player has answered a Commit "true"
    // and kept nothing. The LMS hands back other data than this copy: bring both together.
    if (rec.synced && rec.base !== undefined && rec.base !== lmsFingerprint(lmsText)) {
      if (!lms) return this.copyDone(mine) ? null : mine;
      const merged = mergeProgress(lms.state, own.state, { followLocation: own.seq > lms.seq });
      return merged === lms.state ? null : { ok: true, state: merged, seq: Math.max(lms.seq, own.seq) };
    }
    if (rec.synced) return null;
    if (rec.base !== undefined) {
      if (rec.base === lmsFingerprint(lmsText)) return mine;
      // The LMS holds nothing where it held progress. After a finished attempt (exit "normal": the LMS
      // starts a new one) that is a new attempt; mid-way it is a record the LMS lost (a Finish or
      // Commit that said "true" and kept nothing): this copy is all there is.
      if (!lms) return this.copyDone(mine) ? null : mine;
      const merged = mergeProgress(lms.state, own.state, { followLocation: own.seq > lms.seq });
      return merged === lms.state ? null : { ok: true, state: merged, seq: Math.max(lms.seq, own.seq) };
    }
    return !lms || own.seq > lms.seq ? mine : null;
  }

  /** The copy's course was done (completed, not failed): its close ended the LMS attempt. */
  private copyDone(copy: DecodeResult | null): boolean {
    if (!copy?.ok) return false;
    const s = courseStatus(this.course, copy.state);
    return s.completed && s.success !== 'failed';
  }

  /**
   * Answers in the adopted copy that the LMS's own record lacks never reached it as interactions
   * either (a commit carries both): send them now, so the manager's report has every answer.
   */
  private queueMissingInteractions(state: ProgressState, held: ProgressState | null): void {
    const at = new Date(this.now());
    for (const [quizId, quiz] of Object.entries(state.quizzes)) {
      const theirs = held?.quizzes[quizId];
      for (const [questionId, answer] of Object.entries(quiz.answers)) {
        if (quiz.carried.includes(questionId)) continue; // recorded in the attempt it was given in
        if (theirs && theirs.attempt === quiz.attempt && questionId in theirs.answers) continue;
        const entry = this.journalEntry(quizId, questionId, quiz.attempt, answer, at.getTime(), 0);
        if (entry) this.queue.push({ entry, tries: 0 });
      }
    }
  }

  /**
   * Review, browse or no credit: show the learner's own record, read-only. The LMS's when it gave
   * one; else this browser's copy of this learner's progress; else the course as new, saying that
   * this visit is not recorded. Nothing is written, not even the browser copy.
   */
  private reviewRestore(lms: DecodeResult | null, own: Snapshot | null): void {
    const record = lms?.ok ? lms : own;
    if (record) {
      this.seq = record.seq;
      this.store.restore(record.state);
      this.board.add(NOTICES.review);
    } else {
      this.board.add(NOTICES.reviewNew);
    }
  }

  /**
   * A copy saved in this browser after an LMS's Initialize failed (marked `lmsFailedAt`, under the
   * standalone key since the learner was unknown), when it is readable and recent. Only asked for
   * when the LMS has no suspend_data: on a shared computer the copy may be another learner's, and a
   * learner who already has progress in the LMS keeps it. Copies that can never be adopted (another
   * course version, too old) are cleared.
   */
  private adoptable(): { result: DecodeResult; from: LocalMirror } | null {
    const from = new LocalMirror(this.storage, storageKey(this.course.id));
    const rec = from.load();
    if (rec?.lmsFailedAt === undefined) return null;
    const result = decodeSuspend(this.course, rec.suspend);
    if (result.ok && hasProgress(result.state) && this.now() - rec.lmsFailedAt <= ADOPT_MAX_AGE_MS) return { result, from };
    from.clear();
    return null;
  }

  /**
   * The course is open in another window too (same learner, same browser): it saved progress into
   * the shared browser copy. Merge that into the store, so that this window's next commit or
   * Finish does not send older progress over what the learner did there.
   */
  private absorbOtherWindow(): void {
    const raw = this.mirror.raw();
    if (raw === null || raw === this.lastSeen) return;
    this.lastSeen = raw;
    const rec = parseMirror(raw);
    const theirs = rec ? decodeSuspend(this.course, rec.suspend) : null;
    if (!theirs?.ok) return;
    this.board.add(NOTICES.openElsewhere);
    // Later saves count on from the higher counter, so a relaunch can tell which copy is newer.
    this.seq = Math.max(this.seq, theirs.seq);
    const mine = this.store.get();
    // A window the learner has not used since it opened follows the other one's place too.
    const merged = mergeProgress(mine, theirs.state, { followLocation: !this.usedHere });
    if (merged !== mine) this.store.restore(merged);
  }

  /** Where the LMS's objectives and interactions are; null when it does not support them. */
  private readCollections(conn: LmsConnection, dialect: Dialect): void {
    const count = Number.parseInt(conn.get(dialect.el.objectivesCount) ?? '', 10);
    if (Number.isInteger(count) && count >= 0) {
      const index = new Map<string, number>();
      // A status never set is "not initialized" in Moodle's 2004 (error 403): unset, not an error.
      const get = (el: string) => conn.peek(el);
      for (let n = 0; n < count; n++) {
        const id = conn.get(`cmi.objectives.${n}.id`);
        if (!id) continue;
        index.set(id, n);
        // Each objective's status as the LMS holds it (from another device, or before a reset).
        this.objectiveFloors.set(id, raise(this.objectiveFloors.get(id) ?? NO_FLOOR, dialect.readFloor(get, n)));
      }
      let next = count;
      for (const lesson of this.course.lessons) if (!index.has(lesson.id)) index.set(lesson.id, next++);
      this.objectiveIndex = index;
    }
    const interactions = Number.parseInt(conn.get(dialect.el.interactionsCount) ?? '', 10);
    this.nextInteraction = Number.isInteger(interactions) && interactions >= 0 ? interactions : null;
  }

  // ---- store changes --------------------------------------------------------------------------

  private changed(state: ProgressState, detail: ChangeDetail): void {
    if (!this.recording) return; // a look back changes nothing, in the LMS or in this browser
    const now = this.now();
    if (detail.reason !== 'restore') this.usedHere = true;
    if (detail.reason === 'answer' && detail.quizId && detail.questionId) this.queueInteraction(state, detail, now);
    if ((detail.reason === 'quiz-start' || detail.reason === 'answer') && detail.quizId) this.shownAt.set(detail.quizId, now);
    if (detail.reason === 'location' && state.location.view === 'quiz') this.shownAt.set(state.location.id, now);

    // The browser copy follows every change at once: it is what survives a crash or a failed commit.
    this.saveMirror(false);
    if (!this.conn || this.ended) return;
    const key = this.currentStatusKey();
    const statusChanged = key !== this.statusKey;
    this.statusKey = key;
    // Each submitted answer is committed (after its feedback has rendered): when the close is lost, as
    // when the LMS's session has expired by then, the LMS still holds every answer.
    const point = detail.reason === 'answer' || detail.reason === 'lesson-read' || detail.reason === 'quiz-finished';
    this.scheduler.request(point || statusChanged);
  }

  private queueInteraction(state: ProgressState, detail: ChangeDetail, now: number): void {
    // Without an LMS the journal is kept only when its Initialize failed: a later launch adopts it.
    if (this.conn ? this.nextInteraction === null : !this.lmsFailed) return; // the LMS does not keep interactions
    const quizId = detail.quizId as string;
    const questionId = detail.questionId as string;
    const progress = state.quizzes[quizId];
    const answer = progress?.answers[questionId];
    if (!answer) return;
    const shown = this.shownAt.get(quizId) ?? this.startedAt;
    const entry = this.journalEntry(quizId, questionId, progress.attempt, answer, now, now - shown);
    if (entry && this.conn) this.queue.push({ entry, tries: 0 });
  }

  /** A journal entry for an answer (kept with the browser copy from now on); null for an unknown question. */
  private journalEntry(quiz: string, question: string, attempt: number, answer: JournalEntry['answer'], at: number, latency: number): JournalEntry | null {
    const record = buildInteraction(this.course, quiz, question, attempt, answer, new Date(at), latency);
    if (!record) return null;
    const found = this.journal.find((e) => e.id === record.id);
    if (found) return found;
    const entry: JournalEntry = { id: record.id, quiz, question, attempt, answer, at, latency };
    this.journal.push(entry);
    return entry;
  }

  /**
   * At launch: the found journal's answers whose interaction index is below the LMS's `_count` are
   * in the LMS; every other one is sent again, at the index it was given when it has one (another
   * window may hold it there too), so none is lost and none recorded twice.
   */
  private replayJournal(): void {
    const found = this.foundJournal;
    this.foundJournal = [];
    if (!this.recording || !this.conn || this.nextInteraction === null) return;
    const count = this.nextInteraction;
    this.sharedNext = Math.max(this.sharedNext, count);
    const again = found.filter((e) => e.ix === undefined || e.ix >= count).sort((a, b) => (a.ix ?? Infinity) - (b.ix ?? Infinity));
    for (const e of again) {
      if (this.journal.some((x) => x.id === e.id)) continue;
      const entry = { ...e };
      this.journal.push(entry);
      this.queue.push({ entry, tries: 0 });
    }
    if (this.journal.length > 0) this.scheduler.request(true);
  }

  /** Take in the journal and interaction sequence another window saved into the shared browser copy. */
  private absorbJournal(raw: string | null): void {
    const rec = parseMirror(raw);
    if (!rec) return;
    this.sharedNext = Math.max(this.sharedNext, rec.nextIx ?? 0);
    for (const theirs of rec.journal ?? []) {
      const mine = this.journal.find((e) => e.id === theirs.id);
      if (!mine) this.journal.push({ ...theirs });
      else if (mine.ix === undefined && theirs.ix !== undefined) mine.ix = theirs.ix;
    }
  }

  private currentStatusKey(): string {
    const s = courseStatus(this.course, this.store.get());
    return `${s.completed}|${s.success}|${s.score}`;
  }

  // ---- writing --------------------------------------------------------------------------------

  /** The suspend text for the current state; the save counter goes up only when progress changed. */
  private encode(): string {
    const state = this.store.get();
    const plain = encodeSuspend(this.course, state, 0);
    if (plain !== this.lastEncoded) {
      this.lastEncoded = plain;
      this.seq++;
      this.suspendText = '';
    }
    if (!this.suspendText) this.suspendText = encodeSuspend(this.course, state, this.seq);
    return this.suspendText;
  }

  /** Returns true when the browser copy holds the current progress. */
  private saveMirror(synced: boolean): boolean {
    if (!this.recording) return false;
    if (this.lastSeen !== null) this.absorbJournal(this.mirror.raw()); // never drop another window's answers
    const record: MirrorRecord = { suspend: this.encode(), seq: this.seq, synced, base: this.base };
    if (this.journal.length > 0) record.journal = this.journal;
    if (this.sharedNext > 0) record.nextIx = this.sharedNext;
    if (this.conn) record.time = { total: this.lmsTotalMs, session: this.sessionMs() };
    const same = JSON.stringify(record);
    if (same === this.lastMirror && this.mirrorOk) return true;
    if (this.lmsFailed) record.lmsFailedAt = this.now();
    const text = JSON.stringify(record);
    this.mirrorOk = this.mirror.saveText(text);
    if (this.mirrorOk) {
      this.lastMirror = same;
      this.lastSeen = text;
    } else if (!this.conn) {
      this.board.add(NOTICES.noStorage); // standalone: this browser was the only copy
    }
    return this.mirrorOk;
  }

  /**
   * Send what changed. Returns false when a core value (status, score, bookmark, suspend_data) was
   * refused. `timed` adds the session time when there is something to commit; `final` always does
   * (Moodle adds it to total_time at Finish).
   */
  private write(timed: boolean, final = false): boolean {
    const conn = this.conn;
    const dialect = this.dialect;
    this.absorbOtherWindow(); // never send older progress over another window's
    this.saveMirror(false); // first, so nothing is lost if the LMS call hangs or throws
    if (!conn || !dialect) return true;
    const state = this.store.get();
    const { groups, status } = coreValues(this.course, state, dialect, null, this.floor);
    this.floor = raise(this.floor, status);
    const suspend = this.encode();
    if (suspend.length <= dialect.limits.suspend) {
      groups.push([[dialect.el.suspend, suspend]]);
    } else {
      this.log(`suspend_data is ${suspend.length} characters, over the LMS limit of ${dialect.limits.suspend}; not sent`);
      this.board.add(NOTICES.tooMuchData);
    }
    let ok = this.send(conn, groups);
    if (this.objectiveIndex) {
      const index = this.objectiveIndex;
      const objectives = lessonObjectives(this.course, state)
        .map((o) => {
          const n = index.get(o.id) as number;
          // As the course status: never below what the LMS held at launch or was sent since.
          const floor = this.objectiveFloors.get(o.id) ?? NO_FLOOR;
          this.objectiveFloors.set(o.id, raise(floor, o));
          return { n, pairs: dialect.objective(n, o, floor) };
        })
        .sort((a, b) => a.n - b.n) // a new objective index must follow the existing ones
        .map(({ pairs }) => pairs);
      this.send(conn, objectives);
    }
    this.sendInteractions(conn, dialect);
    if (final || (timed && this.uncommitted)) {
      // Only alongside real changes: a session time alone is no reason to commit.
      ok = this.send(conn, [[[dialect.el.sessionTime, dialect.sessionTime(this.sessionMs())]]]) && ok;
    }
    return ok;
  }

  /** Each group in order; a refused value skips the rest of its group (they depend on it). */
  private send(conn: LmsConnection, groups: readonly (readonly Pair[])[]): boolean {
    let ok = true;
    for (const group of groups) {
      for (const [element, value] of group) {
        if (this.sent.get(element) === value) continue;
        if (!conn.set(element, value)) {
          ok = false;
          this.log(`SetValue(${element}) refused`, conn.errors[conn.errors.length - 1]);
          break;
        }
        this.sent.set(element, value);
        this.uncommitted = true;
      }
    }
    return ok;
  }

  /** This session's time, with an earlier visit's that never reached the LMS. */
  private sessionMs(): number {
    return Math.max(0, this.now() - this.startedAt) + this.carryMs;
  }

  /**
   * Interactions are write-only in 1.2: each goes to a fresh index, never over an older one. The
   * index comes from a sequence all windows of the attempt share (the browser copy): another window
   * may have written the indices after the ones this window's LMS model knows. The LMS's model only
   * takes index N once N-1 exists in it (Moodle), so those are written again first, with the other
   * window's own records (the same values at the same index: nothing changes in the LMS).
   */
  private sendInteractions(conn: LmsConnection, dialect: Dialect): void {
    if (this.queue.length > 0) this.absorbJournal(this.mirror.raw());
    while (this.queue.length > 0 && this.nextInteraction !== null) {
      const item = this.queue[0];
      let next: number = this.nextInteraction;
      const fresh = Number.parseInt(conn.get(dialect.el.interactionsCount) ?? '', 10);
      if (Number.isInteger(fresh) && fresh > next) next = fresh;
      let n = item.entry.ix ?? Math.max(next, this.sharedNext);
      while (next < n) {
        const k = next;
        const other = this.journal.find((e) => e.ix === k);
        if (!other) {
          n = k; // nothing known of that index: the first free one in this window
          break;
        }
        if (!this.setInteraction(conn, dialect, k, other)) {
          this.nextInteraction = next;
          return this.interactionFailed(item, conn);
        }
        next = k + 1;
      }
      this.nextInteraction = next;
      if (n < next && item.entry.ix === n) {
        this.queue.shift(); // already written at its index in this window (filling the sequence)
        continue;
      }
      if (n < next) n = next;
      if (!this.setInteraction(conn, dialect, n, item.entry)) return this.interactionFailed(item, conn);
      item.entry.ix = n;
      this.nextInteraction = n + 1;
      this.sharedNext = Math.max(this.sharedNext, n + 1);
      this.queue.shift();
      this.saveMirror(false); // the index is taken: other windows must see it at once
    }
  }

  /** One interaction at index n; false when its id was refused (then it does not exist). */
  private setInteraction(conn: LmsConnection, dialect: Dialect, n: number, e: JournalEntry): boolean {
    const record = buildInteraction(this.course, e.quiz, e.question, e.attempt, e.answer, new Date(e.at), e.latency);
    if (!record) return true;
    const [first, ...rest] = dialect.interaction(n, record);
    if (!conn.set(first[0], first[1])) return false;
    this.uncommitted = true;
    for (const [element, value] of rest) {
      if (!conn.set(element, value)) this.log(`SetValue(${element}) refused`, conn.errors[conn.errors.length - 1]);
    }
    return true;
  }

  /** Try again at the next write, then leave it to the next launch (it stays in the journal). */
  private interactionFailed(item: PendingInteraction, conn: LmsConnection): void {
    if (++item.tries >= 3) {
      this.queue.shift();
      this.log(`interaction ${item.entry.id} not recorded`, conn.errors[conn.errors.length - 1]);
    }
  }

  private commitCall(): boolean {
    const ok = this.conn?.commit() ?? false;
    if (ok) this.confirmed();
    else this.log('Commit failed', this.conn?.errors[this.conn.errors.length - 1]);
    return ok;
  }

  /** The LMS confirmed that it keeps everything sent so far. */
  private confirmed(): void {
    this.uncommitted = false;
    const sent = this.dialect ? this.sent.get(this.dialect.el.suspend) : undefined;
    if (sent !== undefined) this.base = lmsFingerprint(sent);
  }

  /** The LMS holds exactly the current progress (committed, suspend_data included). */
  private inSync(): boolean {
    return !this.uncommitted && this.dialect !== null && this.sent.get(this.dialect.el.suspend) === this.encode();
  }

  private settled(ok: boolean): void {
    if (ok) {
      this.saveMirror(this.inSync());
      this.board.remove(NOTICES.saveFailed.id);
    } else {
      this.board.add(NOTICES.saveFailed);
    }
  }

  // ---- ending ---------------------------------------------------------------------------------

  /**
   * Final values and Finish/Terminate, exactly once (exit() or pagehide). A Finish from pagehide is
   * not taken as confirmed: the LMS sends it by sendBeacon, which is lost when its session has
   * expired (Moodle answers with its login page), so the browser copy stays unconfirmed and the next
   * launch can tell whether the LMS has it (see newerCopy()).
   */
  private finish(leaving: boolean): SaveResult {
    if (this.exitResult) return this.exitResult;
    if (!this.conn || !this.dialect) {
      this.absorbOtherWindow();
      const kept = this.saveMirror(false);
      this.ended = true;
      this.exitResult = { saved: kept, inBrowser: kept };
      return this.exitResult;
    }
    if (!this.recording) return this.finishLookBack();
    const wrote = this.write(true, true);
    this.ended = true;
    const ok = this.conn.finish();
    let saved = false;
    if (ok && wrote) {
      if (leaving) this.uncommitted = false;
      else this.confirmed(); // Finish stores everything
      saved = this.inSync(); // false when suspend_data was too long to send
      this.saveMirror(saved && !leaving);
      this.board.remove(NOTICES.saveFailed.id);
    } else {
      this.log('Finish failed', this.conn.errors[this.conn.errors.length - 1]);
      this.board.add(NOTICES.exitFailed);
    }
    this.exitResult = { saved, inBrowser: this.mirrorOk };
    return this.exitResult;
  }

  /**
   * End a review/browse/no-credit visit without changing the record: Finish with nothing set, and
   * only when the LMS handed over the stored record. Moodle's SCORM 2004 review hands an empty data
   * model instead, and at Terminate stores what that model holds (total time from zero): there the
   * session is left to end with the page.
   */
  private finishLookBack(): SaveResult {
    this.ended = true;
    if (this.lmsHadData && this.conn && !this.conn.finish()) this.log('Finish failed', this.conn.errors[this.conn.errors.length - 1]);
    this.exitResult = { saved: true, inBrowser: false };
    return this.exitResult;
  }

  private listen(): void {
    const win = this.win as (EventTargetLike & { document?: EventTargetLike & { visibilityState?: string } }) | undefined;
    if (!win || typeof win.addEventListener !== 'function') return;
    const doc = win.document && typeof win.document.addEventListener === 'function' ? win.document : win;
    const on = (target: EventTargetLike, type: string, fn: (e: Event) => void) => target.addEventListener(type, fn);
    on(doc, 'visibilitychange', () => {
      const state = (doc as { visibilityState?: string }).visibilityState ?? win.document?.visibilityState;
      if (state === 'hidden' && !this.ended && this.recording) {
        if (this.conn) this.scheduler.flushNow();
        else this.saveMirror(false);
      }
    });
    // Moodle saves a Finish sent from the SCO's own pagehide (it uses sendBeacon then).
    on(win, 'pagehide', () => (this.conn ? this.finish(true) : this.saveMirror(false)));
    // Another window of this course (same origin, same learner) saved progress.
    // https://html.spec.whatwg.org/multipage/webstorage.html#the-storageevent-interface
    on(win, 'storage', (e) => {
      if ((e as StorageEvent).key === this.mirror.key && !this.ended) this.absorbOtherWindow();
    });
    on(win, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted && this.ended && this.conn) this.board.add(NOTICES.sessionEnded);
    });
  }
}

/**
 * Start tracking: find the LMS (or run standalone), restore earlier progress into the store and
 * return the session the components use. Never rejects: any LMS trouble ends in standalone mode
 * with a notice.
 */
export async function startSession(course: Course, store: ProgressStore, options: SessionOptions): Promise<TrackingSession> {
  const win = options.window ?? (globalThis as { window?: unknown }).window;
  const storage = options.storage !== undefined ? options.storage : browserStorage(win);
  const found = findApi(win, options.version);
  const notices: Notice[] = [];
  let conn: LmsConnection | null = null;
  let dialect: Dialect | null = null;
  if (found) {
    dialect = found.version === '2004' ? scorm2004 : scorm12;
    conn = connect(found.api, dialect);
    if (!conn.initialize()) {
      (options.log ?? console.warn)('[course tracking] Initialize failed', conn.errors[conn.errors.length - 1]);
      notices.push(NOTICES.lmsUnavailable);
      conn = null;
      dialect = null;
    }
  } else {
    notices.push(NOTICES.standalone);
  }
  const tracker = new Tracker(course, store, conn, dialect, win, storage, options, notices, !!found && !conn);
  tracker.start();
  return tracker;
}
