import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CmiStore, CorruptRecordError, InvalidLearnerError, RECORD_FORMAT, writeFileAtomic } from '../../src/preview/store.ts';

let dir: string;
let store: CmiStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'preview-store-'));
  store = new CmiStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cmi12 = (status: string, extra: Record<string, unknown> = {}) => ({ core: { lesson_status: status, score: { raw: '80' } }, suspend_data: 'abc', ...extra });

describe('CmiStore', () => {
  it('returns null before the first commit, then the committed CMI', async () => {
    expect(await store.read('learner-1', '1.2')).toBeNull();
    await store.commit('learner-1', '1.2', cmi12('incomplete'), { now: new Date('2026-01-02T03:04:05Z') });
    const rec = await store.read('learner-1', '1.2');
    expect(rec).toEqual({
      format: RECORD_FORMAT,
      learner: 'learner-1',
      version: '1.2',
      updated: '2026-01-02T03:04:05.000Z',
      commits: 1,
      finished: false,
      cmi: cmi12('incomplete'),
    });
    expect(await readdir(path.join(dir, 'learner-1'))).toEqual(['scorm12.json']);
  });

  it('counts commits, marks the Finish commit, and keeps 1.2 and 2004 apart', async () => {
    await store.commit('learner-1', '1.2', cmi12('incomplete'));
    await store.commit('learner-1', '1.2', cmi12('passed'), { finished: true });
    await store.commit('learner-1', '2004', { completion_status: 'incomplete' });
    const r12 = await store.read('learner-1', '1.2');
    expect(r12?.commits).toBe(2);
    expect(r12?.finished).toBe(true);
    expect((r12?.cmi.core as { lesson_status: string }).lesson_status).toBe('passed');
    const r2004 = await store.read('learner-1', '2004');
    expect(r2004?.commits).toBe(1);
    expect(r2004?.cmi).toEqual({ completion_status: 'incomplete' });
  });

  it('applies concurrent commits one after another, in arrival order', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.commit('learner-1', '1.2', cmi12(`s${i}`))));
    const rec = await store.read('learner-1', '1.2');
    expect(rec?.commits).toBe(20);
    expect((rec?.cmi.core as { lesson_status: string }).lesson_status).toBe('s19');
    // No temp file is left behind by a completed write.
    expect(await readdir(path.join(dir, 'learner-1'))).toEqual(['scorm12.json']);
  });

  it('a temp file left by a crash mid-write does not affect the record, and is swept', async () => {
    await store.commit('learner-1', '1.2', cmi12('incomplete'));
    const before = await readFile(store.fileFor('learner-1', '1.2'), 'utf8');
    // What a crash between "create temp" and "rename" leaves: half a record under a temp name.
    const temp = path.join(dir, 'learner-1', '.scorm12.json.4242.deadbeef.tmp');
    await writeFile(temp, before.slice(0, before.length / 2));
    expect(await readFile(store.fileFor('learner-1', '1.2'), 'utf8')).toBe(before);
    expect((await store.read('learner-1', '1.2'))?.commits).toBe(1);
    expect(await store.sweepTempFiles()).toEqual([temp]);
    expect(await readdir(path.join(dir, 'learner-1'))).toEqual(['scorm12.json']);
    await store.commit('learner-1', '1.2', cmi12('completed'));
    expect((await store.read('learner-1', '1.2'))?.commits).toBe(2);
  });

  it('a process killed at random moments while writing never leaves a half-written record', async () => {
    const file = path.join(dir, 'record.json');
    // Each record is 8 MB, so most of the writer's time is spent inside a write: a kill lands mid-write.
    const writer = `
      import { writeFileAtomic } from ${JSON.stringify(path.resolve('src/preview/store.ts'))};
      const pad = 'x'.repeat(8_000_000);
      for (let n = 1; ; n++) await writeFileAtomic(${JSON.stringify(file)}, '{"n":' + n + ',"pad":"' + pad + '","end":"complete"}');
    `;
    let leftTemp = 0;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer], { stdio: 'ignore' });
      // Wait for the first complete record, then for a write in progress (its temp file exists), and kill.
      for (let i = 0; i < 600 && !(await readdir(dir)).includes('record.json'); i++) await new Promise((r) => setTimeout(r, 20));
      for (let i = 0; i < 5000 && !(await readdir(dir)).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setImmediate(r));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const data = JSON.parse(await readFile(file, 'utf8')) as { n: number; pad: string; end: string };
      expect(data.end).toBe('complete');
      expect(data.pad.length).toBe(8_000_000);
      const temps = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
      leftTemp += temps.length;
      for (const t of temps) await rm(path.join(dir, t));
    }
    // Evidence the kills did cut writes off: some left their temp file behind.
    expect(leftTemp).toBeGreaterThan(0);
  }, 90_000);

  it('a corrupt record gives an error naming the file, and is never overwritten', async () => {
    const file = store.fileFor('learner-1', '1.2');
    await mkdir(path.dirname(file), { recursive: true });
    const garbage = '{"format":"scorm-preview-record/1","learner":"learner-1","cmi":{"core":';
    await writeFile(file, garbage);
    await expect(store.read('learner-1', '1.2')).rejects.toThrow(CorruptRecordError);
    await expect(store.read('learner-1', '1.2')).rejects.toThrow(file);
    await expect(store.commit('learner-1', '1.2', cmi12('completed'))).rejects.toThrow(/cannot be read.*not valid JSON.*left untouched/s);
    expect(await readFile(file, 'utf8')).toBe(garbage);
  });

  it('a record of the wrong shape is corrupt too, with the reason', async () => {
    const file = store.fileFor('learner-2', '2004');
    await mkdir(path.dirname(file), { recursive: true });
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not a JSON object/],
      [{ format: 'other' }, /"format"/],
      [{ format: RECORD_FORMAT, learner: 'someone-else', version: '2004', commits: 1, cmi: {} }, /belongs to learner "someone-else"/],
      [{ format: RECORD_FORMAT, learner: 'learner-2', version: '1.2', commits: 1, cmi: {} }, /SCORM "1.2" data, not 2004/],
      [{ format: RECORD_FORMAT, learner: 'learner-2', version: '2004', commits: 1, cmi: 'x' }, /"cmi"/],
      [{ format: RECORD_FORMAT, learner: 'learner-2', version: '2004', commits: 0, cmi: {} }, /"commits"/],
    ];
    for (const [content, reason] of cases) {
      await writeFile(file, JSON.stringify(content));
      const err = await store.read('learner-2', '2004').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CorruptRecordError);
      expect((err as CorruptRecordError).file).toBe(file);
      expect((err as Error).message).toMatch(reason);
    }
  });

  it('reset deletes a record, and moves a corrupt one aside instead of deleting it', async () => {
    await store.commit('learner-1', '1.2', cmi12('incomplete'));
    expect(await store.reset('learner-1', '1.2')).toBeNull();
    expect(await store.read('learner-1', '1.2')).toBeNull();

    const file = store.fileFor('learner-1', '1.2');
    await writeFile(file, 'not json');
    const aside = await store.reset('learner-1', '1.2', new Date('2026-05-06T07:08:09Z'));
    expect(aside).toBe(`${file}.corrupt-2026-05-06T07-08-09-000Z`);
    expect(await readFile(aside!, 'utf8')).toBe('not json');
    expect(await store.read('learner-1', '1.2')).toBeNull();
  });

  it('refuses learner ids that could leave the data folder, and writes nothing', async () => {
    for (const bad of ['', '..', '../x', 'a/b', 'a\\b', '.hidden', '-x', 'x'.repeat(65), 'é']) {
      expect(() => store.fileFor(bad, '1.2')).toThrow(InvalidLearnerError);
      await expect(store.commit(bad, '1.2', {})).rejects.toThrow(InvalidLearnerError);
    }
    expect(() => store.fileFor('learner-1', '1.3' as '1.2')).toThrow(/Unknown SCORM version/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists learners in natural order, ignoring other folders', async () => {
    for (const l of ['learner-10', 'learner-2', 'learner-1']) await store.commit(l, '1.2', {});
    await mkdir(path.join(dir, '.cache'));
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    expect(await store.learners()).toEqual(['learner-1', 'learner-2', 'learner-10']);
    expect(await new CmiStore(path.join(dir, 'missing')).learners()).toEqual([]);
  });

  it('writeFileAtomic replaces the whole file and leaves no temp file', async () => {
    const file = path.join(dir, 'sub', 'f.txt');
    await writeFileAtomic(file, 'first version, longer than the second');
    await writeFileAtomic(file, 'second', { durable: false });
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(path.dirname(file))).toEqual(['f.txt']);
  });
});
