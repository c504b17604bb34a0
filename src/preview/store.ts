/**
 * The preview LMS's memory: one JSON record per learner and SCORM version, holding the CMI data
 * of the last commit, as Moodle keeps its `scorm_scoes_track` rows.
 *
 * Layout: `<dataDir>/<learner>/scorm12.json` and `<dataDir>/<learner>/scorm2004.json`.
 *
 * Every write is atomic (temp file in the same folder, fsync, rename over the record, fsync the
 * folder), so a crash or power cut leaves either the old record or the new one, never half of one.
 * A record that cannot be read is never overwritten: the server refuses to commit over it and
 * says which file it is, so the evidence of whatever broke it is kept.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export type ScormVersion = '1.2' | '2004';

/** What a commit stores: scorm-again's JSON commit body is `{ cmi: {...} }` (dataCommitFormat `json`). */
export type CmiTree = Record<string, unknown>;

export interface LearnerRecord {
  /** Marks the file as ours, so a stray JSON file is not mistaken for a learner's data. */
  format: typeof RECORD_FORMAT;
  learner: string;
  version: ScormVersion;
  /** ISO time of the last commit. */
  updated: string;
  /** Commits accepted so far for this learner and version. */
  commits: number;
  /** True when the last commit was the one sent by LMSFinish / Terminate. */
  finished: boolean;
  /** The `cmi` object exactly as the course's API sent it. */
  cmi: CmiTree;
}

export const RECORD_FORMAT = 'scorm-preview-record/1';

/** Learner ids become folder names: keep them to a safe, short alphabet. */
export const LEARNER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const TEMP_SUFFIX = '.tmp';

/** A record that exists but cannot be read. It is left as it is on disk. */
export class CorruptRecordError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `The preview's saved data in ${file} cannot be read (${reason}). ` +
        'It has been left untouched: move it away or delete it, or use "Reset attempt" in the preview, then relaunch.',
    );
    this.name = 'CorruptRecordError';
  }
}

export class InvalidLearnerError extends Error {
  constructor(readonly learner: string) {
    super(`Invalid learner id ${JSON.stringify(learner)}: use 1-64 letters, digits, "_" or "-", starting with a letter or digit.`);
    this.name = 'InvalidLearnerError';
  }
}

export interface CommitInfo {
  /** True for the commit that ends the session (LMSFinish / Terminate). */
  finished?: boolean;
  /** Injected clock for tests. */
  now?: Date;
}

export class CmiStore {
  /** Writes to one record run one after another, in the order the commits arrived. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly dataDir: string) {}

  /** The record's path (validates the learner id, so no id can point outside `dataDir`). */
  fileFor(learner: string, version: ScormVersion): string {
    if (!LEARNER_ID.test(learner)) throw new InvalidLearnerError(learner);
    if (version !== '1.2' && version !== '2004') throw new Error(`Unknown SCORM version ${JSON.stringify(version)}: use 1.2 or 2004.`);
    return path.join(this.dataDir, learner, version === '1.2' ? 'scorm12.json' : 'scorm2004.json');
  }

  /** The stored record, or null when this learner has never committed in this version. */
  async read(learner: string, version: ScormVersion): Promise<LearnerRecord | null> {
    const file = this.fileFor(learner, version);
    // Wait for writes already queued, so a launch right after a Finish sees that Finish.
    await this.queues.get(file);
    return this.readFile(file, learner, version);
  }

  /** Store the CMI of one commit. Throws CorruptRecordError (and writes nothing) over an unreadable record. */
  async commit(learner: string, version: ScormVersion, cmi: CmiTree, info: CommitInfo = {}): Promise<LearnerRecord> {
    const file = this.fileFor(learner, version);
    return this.enqueue(file, async () => {
      const previous = await this.readFile(file, learner, version);
      const record: LearnerRecord = {
        format: RECORD_FORMAT,
        learner,
        version,
        updated: (info.now ?? new Date()).toISOString(),
        commits: (previous?.commits ?? 0) + 1,
        finished: info.finished ?? false,
        cmi,
      };
      await writeFileAtomic(file, JSON.stringify(record, null, 2) + '\n');
      return record;
    });
  }

  /**
   * Forget this learner's attempt in one version ("Reset attempt"). A corrupt record is moved
   * aside to `<name>.corrupt-<time>` rather than deleted, so nothing is lost without a trace.
   * Returns the path it was moved to, if it was moved.
   */
  async reset(learner: string, version: ScormVersion, now = new Date()): Promise<string | null> {
    const file = this.fileFor(learner, version);
    return this.enqueue(file, async () => {
      try {
        await this.readFile(file, learner, version);
      } catch (err) {
        if (!(err instanceof CorruptRecordError)) throw err;
        const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
        await rename(file, aside);
        return aside;
      }
      await rm(file, { force: true });
      return null;
    });
  }

  /** Learners with at least one record, sorted naturally (learner-2 before learner-10). */
  async learners(): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(this.dataDir, { withFileTypes: true });
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    return entries
      .filter((e) => e.isDirectory() && LEARNER_ID.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }

  /**
   * Delete temp files left by a write that was cut off (a crash between create and rename).
   * They never hold the only copy of anything: the record itself is still the last complete one.
   */
  async sweepTempFiles(): Promise<string[]> {
    const removed: string[] = [];
    for (const learner of await this.learners()) {
      const dir = path.join(this.dataDir, learner);
      for (const name of await readdir(dir)) {
        if (name.endsWith(TEMP_SUFFIX)) {
          await rm(path.join(dir, name), { force: true });
          removed.push(path.join(dir, name));
        }
      }
    }
    return removed;
  }

  private enqueue<T>(file: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.then(job, job);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(file, settled);
    void settled.then(() => {
      if (this.queues.get(file) === settled) this.queues.delete(file);
    });
    return next;
  }

  private async readFile(file: string, learner: string, version: ScormVersion): Promise<LearnerRecord | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new CorruptRecordError(file, `not valid JSON: ${(err as Error).message}`);
    }
    const problem = recordProblem(data, learner, version);
    if (problem) throw new CorruptRecordError(file, problem);
    return data as LearnerRecord;
  }
}

function recordProblem(data: unknown, learner: string, version: ScormVersion): string | null {
  if (!isObject(data)) return 'it is not a JSON object';
  if (data.format !== RECORD_FORMAT) return `"format" is ${JSON.stringify(data.format)}, expected "${RECORD_FORMAT}"`;
  if (data.learner !== learner) return `it belongs to learner ${JSON.stringify(data.learner)}, not ${JSON.stringify(learner)}`;
  if (data.version !== version) return `it holds SCORM ${JSON.stringify(data.version)} data, not ${version}`;
  if (!isObject(data.cmi)) return '"cmi" is missing or not an object';
  if (typeof data.commits !== 'number' || !Number.isInteger(data.commits) || data.commits < 1) return '"commits" is not a positive whole number';
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/**
 * Write `data` to `file` so that readers only ever see the old or the new content.
 * The temp file sits in the same folder (rename is atomic only within one file system) and, when
 * `durable` (the default), is flushed before the rename and the folder after it, so the rename
 * itself survives a power cut. Build output skips the flushes: it can always be rebuilt.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: { durable?: boolean } = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  if (durable) await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Some platforms (Windows) cannot open a directory for fsync; the rename is still atomic there.
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort */
  } finally {
    await handle?.close();
  }
}
