/**
 * A figure is either measured or "not measured: <reason>". Never a made-up number:
 * a missing prerequisite (no zip yet, no codec, a course that never gets ready) becomes a reason,
 * and every budget that depends on it fails.
 */
export type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

export const measured = <T>(value: T): Measured<T> => ({ ok: true, value });
export const notMeasured = <T = never>(reason: string): Measured<T> => ({ ok: false, reason });

/** Run a measuring step; an exception becomes "not measured" with its message. */
export async function attempt<T>(what: string, fn: () => Promise<Measured<T>> | Measured<T>): Promise<Measured<T>> {
  try {
    return await fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return notMeasured(`${what} failed: ${msg}`);
  }
}

export function map<T, U>(m: Measured<T>, fn: (value: T) => U): Measured<U> {
  return m.ok ? measured(fn(m.value)) : m;
}

/** For the JSON file: `{ value }` or `{ notMeasured: reason }`. */
export function toJson<T>(m: Measured<T>): { value: T } | { notMeasured: string } {
  return m.ok ? { value: m.value } : { notMeasured: m.reason };
}

export interface Stats {
  min: number;
  median: number;
  max: number;
  runs: number[];
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1], runs: values };
}
