/**
 * Find the LMS's SCORM API object the way ADL's reference code does: look in this window, then
 * up the chain of parents (at most 500 steps), then in the opener window and its parents.
 * SCORM 2004 publishes `API_1484_11`, SCORM 1.2 `API`.
 * See https://scorm.com/scorm-explained/technical-scorm/run-time/api-discovery-algorithms/
 *
 * Every property read is guarded: a cross-origin frame throws a SecurityError on access.
 * The window is passed in, so tests can give a plain object tree instead of a DOM.
 */

export type ApiVersion = '1.2' | '2004';

export interface FoundApi {
  version: ApiVersion;
  api: Record<string, unknown>;
}

/** ADL's limit on how far up the parent chain to look. */
export const MAX_PARENT_STEPS = 500;

const NAMES: Record<ApiVersion, { global: string; probe: string }> = {
  '2004': { global: 'API_1484_11', probe: 'Initialize' },
  '1.2': { global: 'API', probe: 'LMSInitialize' },
};

function read(obj: unknown, key: string): unknown {
  try {
    return obj && (typeof obj === 'object' || typeof obj === 'function') ? (obj as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined; // cross-origin
  }
}

function apiIn(win: unknown, version: ApiVersion): Record<string, unknown> | null {
  const { global, probe } = NAMES[version];
  const api = read(win, global);
  return api && typeof read(api, probe) === 'function' ? (api as Record<string, unknown>) : null;
}

/** This window, then up to 500 parents. */
function searchChain(start: unknown, version: ApiVersion): Record<string, unknown> | null {
  let win = start;
  for (let steps = 0; win && steps <= MAX_PARENT_STEPS; steps++) {
    const api = apiIn(win, version);
    if (api) return api;
    const parent = read(win, 'parent');
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The windows whose chains are searched, in order: this one, its opener, the top window's opener. */
function startingPoints(win: unknown): unknown[] {
  const points = [win];
  const opener = read(win, 'opener');
  if (opener) points.push(opener);
  const topOpener = read(read(win, 'top'), 'opener');
  if (topOpener && topOpener !== opener) points.push(topOpener);
  return points;
}

/** Find the API; `auto` prefers SCORM 2004 and falls back to 1.2. */
export function findApi(win: unknown, version: ApiVersion | 'auto'): FoundApi | null {
  const versions: ApiVersion[] = version === 'auto' ? ['2004', '1.2'] : [version];
  for (const v of versions) {
    for (const start of startingPoints(win)) {
      const api = searchChain(start, v);
      if (api) return { version: v, api };
    }
  }
  return null;
}
