import { describe, expect, it } from 'vitest';
import { findApi, MAX_PARENT_STEPS } from '../../src/scorm/api-discovery.ts';

const api12 = () => ({ LMSInitialize: () => 'true' });
const api2004 = () => ({ Initialize: () => 'true' });

type Win = Record<string, unknown>;

/** A top window (its own parent) and a chain of `depth` frames below it; returns the innermost. */
function chain(depth: number, topProps: Win = {}): { inner: Win; top: Win } {
  const top: Win = { ...topProps };
  top.parent = top;
  let w = top;
  for (let i = 0; i < depth; i++) w = { parent: w, top };
  return { inner: w, top };
}

/** A frame from another origin: reading anything but `parent` throws, like a browser's SecurityError. */
function crossOrigin(parent: Win): Win {
  return new Proxy({} as Win, {
    get(_t, key) {
      if (key === 'parent') return parent;
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  });
}

describe('findApi', () => {
  it('finds the 1.2 API in the parent (the LMS player page holding the SCO iframe)', () => {
    const api = api12();
    const { inner } = chain(1, { API: api });
    expect(findApi(inner, '1.2')).toEqual({ version: '1.2', api });
  });

  it('finds the API in the window itself', () => {
    const api = api2004();
    const win: Win = { API_1484_11: api };
    win.parent = win;
    expect(findApi(win, '2004')?.api).toBe(api);
  });

  it('walks through a cross-origin frame that throws on access', () => {
    const api = api12();
    const top: Win = { API: api };
    top.parent = top;
    const foreign = crossOrigin(top);
    const inner: Win = { parent: foreign };
    expect(findApi(inner, '1.2')?.api).toBe(api);
  });

  it('stops at a frame whose parent cannot be read and then tries the opener', () => {
    const api = api12();
    const broken = new Proxy({} as Win, {
      get() {
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
    const opener = chain(2, { API: api }).inner;
    const win: Win = { parent: broken, opener };
    expect(findApi(win, '1.2')?.api).toBe(api);
  });

  it('finds the API through window.opener and its parents (a popup launch)', () => {
    const api = api2004();
    const { inner: opener } = chain(3, { API_1484_11: api });
    const popup: Win = { opener };
    popup.parent = popup;
    popup.top = popup;
    expect(findApi(popup, '2004')).toEqual({ version: '2004', api });
  });

  it('looks in top.opener too', () => {
    const api = api12();
    const { inner: opener } = chain(0, { API: api });
    const top: Win = { opener };
    top.parent = top;
    const frame: Win = { parent: top, top };
    expect(findApi(frame, '1.2')?.api).toBe(api);
  });

  it(`looks at most ${MAX_PARENT_STEPS} parents up`, () => {
    const api = api12();
    expect(findApi(chain(MAX_PARENT_STEPS, { API: api }).inner, '1.2')?.api).toBe(api);
    expect(findApi(chain(MAX_PARENT_STEPS + 1, { API: api }).inner, '1.2')).toBeNull();
  });

  it('auto prefers SCORM 2004 and falls back to 1.2', () => {
    const a12 = api12();
    const a2004 = api2004();
    expect(findApi(chain(1, { API: a12, API_1484_11: a2004 }).inner, 'auto')).toEqual({ version: '2004', api: a2004 });
    expect(findApi(chain(1, { API: a12 }).inner, 'auto')).toEqual({ version: '1.2', api: a12 });
    // 2004 is preferred even when 1.2 sits nearer
    const { top } = chain(0, { API_1484_11: a2004 });
    const mid: Win = { parent: top, top, API: a12 };
    expect(findApi({ parent: mid, top }, 'auto')?.version).toBe('2004');
  });

  it('asks only for the requested version', () => {
    expect(findApi(chain(1, { API: api12() }).inner, '2004')).toBeNull();
    expect(findApi(chain(1, { API_1484_11: api2004() }).inner, '1.2')).toBeNull();
  });

  it('ignores an API object without the SCORM functions', () => {
    expect(findApi(chain(1, { API: { foo: 1 } }).inner, '1.2')).toBeNull();
  });

  it('returns null with no window at all (Node, tests)', () => {
    expect(findApi(undefined, 'auto')).toBeNull();
  });
});
