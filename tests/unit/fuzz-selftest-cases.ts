/**
 * Properties that must fail, to show the fuzz harness catches what it claims to: a case that never
 * returns (stopped by the watchdog, with its input) and a bare exception (not a ContentError).
 */
import fc from 'fast-check';
import { checkOutcome, newCounter, runCase, type Beat, type Counter } from './fuzz-checks.ts';

type Opts = { numRuns: number; seed?: number; beat: Beat };

export const properties: Record<string, (opts: Opts) => Promise<Counter>> = {
  async hang(opts) {
    const counter = newCounter();
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (n) => {
        await runCase(opts.beat, `loop ${n}`, counter, () => {
          if (n >= 0) for (;;);
        });
      }),
      { numRuns: opts.numRuns },
    );
    return counter;
  },
  async crash(opts) {
    const counter = newCounter();
    await fc.assert(
      fc.asyncProperty(fc.string(), async (s) => {
        const out = await runCase(opts.beat, s, counter, () => (null as unknown as { x: string }).x);
        checkOutcome(out, new Map([['modules/a.md', s]]), counter);
      }),
      { numRuns: opts.numRuns },
    );
    return counter;
  },
};
