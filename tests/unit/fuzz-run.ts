/**
 * Main-thread side of the fuzz tests: run the properties of a `fuzz-*-cases.ts` module in a worker
 * (tests/unit/fuzz-worker.mjs) and stop it when a case hangs. The worker announces each case
 * before running it, so a hang is reported with the input that caused it; the next property then
 * gets a fresh worker.
 *
 * FUZZ_SEED=<n> replays a run (fast-check prints the seed of a failing run); under CI the seed is
 * fixed (tests/helpers/fuzz-seed.ts). FUZZ_RUNS=<n> overrides the number of cases.
 */
import { Worker } from 'node:worker_threads';
import { fuzzSeed } from '../helpers/fuzz-seed.ts';

export interface FuzzStats {
  runs: number;
  /** Inputs that built (a lesson, quiz or settings object came out). */
  built: number;
  /** Inputs refused with a ContentError. */
  rejected: number;
  slowestMs: number;
}

type Message = { kind: 'ready' } | { kind: 'case'; input: string } | { kind: 'done'; stats: FuzzStats } | { kind: 'fail'; message: string };

/** Loading tsx and the content modules takes a moment (longer on a busy machine). */
const STARTUP_MS = 60_000;

export interface Fuzzer {
  run(name: string, opts: { numRuns: number }): Promise<FuzzStats>;
  close(): Promise<void>;
}

/**
 * Properties of one module, run one at a time. `hangMs`: the longest a single case may run before it
 * counts as a hang (generous: the per-case time budget inside the worker catches slow cases).
 */
export function fuzzer(moduleUrl: URL, hangMs = 30_000): Fuzzer {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let listener: ((m: Message) => void) | null = null;
  let onExit: ((code: number) => void) | null = null;

  const start = () => {
    const w = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { workerData: { moduleUrl: moduleUrl.href } });
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The fuzz worker did not start.')), STARTUP_MS);
      w.once('error', reject);
      w.on('message', (m: Message) => {
        if (m.kind === 'ready') {
          clearTimeout(timer);
          resolve();
        } else listener?.(m);
      });
      w.on('exit', (code) => {
        if (worker === w) worker = null;
        onExit?.(code);
      });
    });
    return ready;
  };

  return {
    async run(name, opts) {
      if (!worker) await start();
      else await ready;
      const w = worker!;
      const numRuns = Number(process.env.FUZZ_RUNS) || opts.numRuns;
      const seed = fuzzSeed();
      return new Promise<FuzzStats>((resolve, reject) => {
        let last = '(before the first case)';
        let timer: NodeJS.Timeout | undefined;
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          listener = null;
          onExit = null;
          fn();
        };
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            finish(() => reject(new Error(`${name}: a case ran for more than ${hangMs} ms (a hang). Its input:\n${last}`)));
            worker = null;
            void w.terminate();
          }, hangMs);
        };
        listener = (m) => {
          if (m.kind === 'case') {
            last = m.input;
            arm();
          } else if (m.kind === 'done') finish(() => resolve(m.stats));
          else if (m.kind === 'fail') finish(() => reject(new Error(`${name}: ${m.message}`)));
        };
        onExit = (code) => finish(() => reject(new Error(`${name}: the fuzz worker stopped (exit code ${code}) after the input:\n${last}`)));
        arm();
        w.postMessage({ name, numRuns, seed });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
