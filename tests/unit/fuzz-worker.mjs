/**
 * Runs fuzz properties (from a `fuzz-*-cases.ts` module) in a worker thread, so the test in the
 * main thread can stop one when a case hangs: a synchronous endless loop would otherwise block
 * vitest itself, and no timeout could fire. TypeScript is loaded through tsx's loader.
 * Messages in: { name, numRuns, seed }. Out: { kind: 'case', input } before each case, then
 * { kind: 'done', stats } or { kind: 'fail', message }.
 */
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const mod = await import(workerData.moduleUrl);
const beat = (input) => parentPort.postMessage({ kind: 'case', input });

parentPort.on('message', async ({ name, numRuns, seed }) => {
  try {
    const property = mod.properties?.[name];
    if (typeof property !== 'function') throw new Error(`No fuzz property "${name}" in ${workerData.moduleUrl}`);
    const stats = await property({ numRuns, seed, beat });
    parentPort.postMessage({ kind: 'done', stats });
  } catch (err) {
    // fast-check puts the property's own error in `cause`.
    let message = err instanceof Error ? err.message : String(err);
    for (let c = err?.cause; c; c = c.cause) message += `\nCaused by: ${c instanceof Error ? c.message : String(c)}`;
    parentPort.postMessage({ kind: 'fail', message });
  }
});
parentPort.postMessage({ kind: 'ready' });
