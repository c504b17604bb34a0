/**
 * When to talk to the LMS. Store changes only *request* work; it runs a moment later (after the
 * UI has rendered), because SCORM calls are synchronous and a slow LMS (Moodle's Commit is a
 * synchronous XMLHttpRequest) would otherwise freeze the click that caused them.
 *
 * Writes (SetValue) are coalesced; a commit runs only when asked for at a commit point and only
 * when something was written since the last successful commit. A failed commit is retried with
 * backoff; the runtime is told when it gives up (and when it later succeeds).
 */

export interface SchedulerHooks {
  /** Send changed values (SetValue); `timed` adds the session time. False: some core value was refused. */
  write(timed: boolean): boolean;
  /** True when something was written since the last successful commit. */
  dirty(): boolean;
  /** The LMS Commit call. */
  commit(): boolean;
  /** After each commit attempt cycle: true = the LMS confirmed everything. */
  settled(ok: boolean): void;
  /** False once the session has ended (after Finish/Terminate nothing more may be sent). */
  active(): boolean;
  defer(fn: () => void): void;
  sleep(ms: number): Promise<void>;
  /** Waits before each retry, e.g. [500, 2000, 5000]: 1 try + 3 retries. */
  retryDelays: readonly number[];
}

export class CommitScheduler {
  private scheduled = false;
  private wantCommit = false;
  private running: Promise<boolean> | null = null;
  private inCycle = false;

  constructor(private readonly h: SchedulerHooks) {}

  /** Something changed: write soon, and commit too when this is a commit point. */
  request(commitPoint: boolean): void {
    if (commitPoint) this.wantCommit = true;
    if (this.scheduled) return;
    this.scheduled = true;
    this.h.defer(() => this.run());
  }

  /** Write (and commit) at once; used when the page is being hidden and may never run a timer again. */
  flushNow(): void {
    this.scheduled = false;
    this.wantCommit = false;
    if (!this.h.active()) return;
    if (this.running) {
      // A retry is waiting: try now; the waiting loop stops when nothing is left to commit.
      this.once();
      return;
    }
    void this.commit();
  }

  /** Write and commit with retries; resolves true when the LMS confirmed. */
  commit(): Promise<boolean> {
    // A cycle waiting to retry sends the latest values on its next attempt: it covers this request.
    if (this.running) return this.running;
    const cycle = this.cycle();
    // A cycle that needed no retry has already finished here (it only awaits between attempts).
    if (this.inCycle) this.running = cycle;
    return cycle;
  }

  private run(): void {
    if (!this.scheduled) return; // flushNow ran first
    this.scheduled = false;
    if (!this.h.active()) return;
    if (this.wantCommit) {
      this.wantCommit = false;
      if (this.running) {
        // A retry is waiting (up to seconds): this commit point (a submitted answer) is tried now,
        // so what the learner just did does not wait for it; the waiting retry covers it if this fails.
        if (this.once()) this.h.settled(true);
        return;
      }
      void this.commit();
    } else {
      this.h.write(false);
    }
  }

  /** One attempt: write, then commit only if there is something uncommitted. */
  private once(): boolean {
    const wrote = this.h.write(true);
    if (!this.h.dirty()) return wrote;
    return this.h.commit() && wrote;
  }

  private async cycle(): Promise<boolean> {
    this.inCycle = true;
    try {
      for (let i = 0; ; i++) {
        if (!this.h.active()) return false;
        const ok = this.once();
        if (ok) {
          this.h.settled(true);
          return true;
        }
        if (i >= this.h.retryDelays.length) {
          this.h.settled(false);
          return false;
        }
        await this.h.sleep(this.h.retryDelays[i]);
      }
    } finally {
      this.inCycle = false;
      this.running = null;
    }
  }
}
