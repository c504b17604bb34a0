/**
 * The preview's LMS side with the real scorm-again, in Node: the HTTP layer is a fake synchronous
 * XMLHttpRequest (as the browser's), so what is sent and what the course gets back can be checked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLms, NO_FAULTS, type CallEntry, type CommitReport, type Faults, type LaunchOptions } from '../../src/preview/page/lms.ts';

interface Sent {
  url: string;
  body: unknown;
  contentType: string | undefined;
}

let sent: Sent[];
let beacons: Sent[];
let answer: { status: number; body: string };
let xhrThrows: boolean;

class FakeXhr {
  status = 0;
  responseText = '';
  private url = '';
  private headers: Record<string, string> = {};
  open(method: string, url: string, async: boolean) {
    expect(method).toBe('POST');
    expect(async).toBe(false);
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: string) {
    if (xhrThrows) throw new DOMException('Synchronous XHR in page dismissal', 'NetworkError');
    sent.push({ url: this.url, body: JSON.parse(body), contentType: this.headers['content-type'] });
    this.status = answer.status;
    this.responseText = answer.body;
  }
}

const params = (url: string) => new URL(url, 'http://x').searchParams;

beforeEach(() => {
  sent = [];
  beacons = [];
  answer = { status: 200, body: '{"result":true,"errorCode":0}' };
  xhrThrows = false;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, blob: Blob) => {
      void blob.text().then((t) => beacons.push({ url, body: JSON.parse(t), contentType: blob.type }));
      return true;
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

function launchOpts(over: Partial<Omit<LaunchOptions, 'faults'>> & { faults?: Faults } = {}) {
  const calls: CallEntry[] = [];
  const commits: CommitReport[] = [];
  const faults = over.faults ?? { ...NO_FAULTS };
  const opts: LaunchOptions = {
    version: '1.2',
    launch: 1,
    learner: { id: 'learner-1', name: 'learner-1, Preview' },
    stored: null,
    passMark: 80,
    commitUrl: '/api/learners/learner-1/1.2/commit',
    slowCommitMs: 3000,
    onCall: (c) => calls.push(c),
    onCommit: (r) => commits.push(r),
    ...over,
    faults: () => faults,
  };
  return { opts, calls, commits, faults };
}

type Api12 = Record<'LMSInitialize' | 'LMSFinish' | 'LMSCommit' | 'LMSGetLastError', (p?: string) => string> &
  Record<'LMSGetValue', (e: string) => string> &
  Record<'LMSSetValue', (e: string, v: string) => string>;
type Api2004 = Record<'Initialize' | 'Terminate' | 'Commit' | 'GetLastError', (p?: string) => string> &
  Record<'GetValue', (e: string) => string> &
  Record<'SetValue', (e: string, v: string) => string>;

describe('SCORM 1.2 launch', () => {
  it('gives a first launch ab-initio with the learner and mastery score, and commits {cmi} by synchronous POST', async () => {
    const { opts, commits } = launchOpts();
    const lms = await createLms(opts);
    const api = lms.api as unknown as Api12;
    expect(api.LMSInitialize('')).toBe('true');
    expect(api.LMSGetValue('cmi.core.entry')).toBe('ab-initio');
    expect(api.LMSGetValue('cmi.core.student_id')).toBe('learner-1');
    expect(api.LMSGetValue('cmi.core.credit')).toBe('credit');
    expect(api.LMSGetValue('cmi.student_data.mastery_score')).toBe('80');
    expect(api.LMSSetValue('cmi.core.lesson_location', 'lesson:a')).toBe('true');
    expect(api.LMSCommit('')).toBe('true');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toMatch(/^\/api\/learners\/learner-1\/1\.2\/commit\?seq=[a-z0-9]+-\d+$/);
    expect(sent[0]!.contentType).toMatch(/^application\/json/);
    expect((sent[0]!.body as { cmi: { core: { lesson_location: string } } }).cmi.core.lesson_location).toBe('lesson:a');
    expect(commits).toEqual([{ ok: true, finish: false, errorCode: 0, detail: 'HTTP 200: saved' }]);
  });

  it('resumes from stored data: entry resume, suspend data and total time back', async () => {
    const stored = { core: { lesson_status: 'incomplete', lesson_location: 'lesson:b', total_time: '00:10:00', exit: 'suspend', session_time: '00:05:00' }, suspend_data: 'state' };
    const lms = await createLms(launchOpts({ stored }).opts);
    const api = lms.api as unknown as Api12;
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.core.entry')).toBe('resume');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('state');
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('lesson:b');
    expect(api.LMSGetValue('cmi.core.total_time')).toBe('00:10:00');
    expect(lms.snapshot().core.total_time).toBe('00:10:00');
  });

  it('Finish sends the final commit with finish=1, total time added, and status recomputed from the mastery score (as Moodle)', async () => {
    const lms = await createLms(launchOpts().opts);
    const api = lms.api as unknown as Api12;
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.lesson_status', 'completed');
    api.LMSSetValue('cmi.core.score.raw', '90');
    api.LMSSetValue('cmi.core.session_time', '00:01:30');
    expect(api.LMSFinish('')).toBe('true');
    expect(lms.terminated()).toBe(true);
    expect(params(sent.at(-1)!.url).get('finish')).toBe('1');
    const core = (sent.at(-1)!.body as { cmi: { core: Record<string, unknown> } }).cmi.core;
    expect(core.lesson_status).toBe('passed');
    expect(core.total_time).toBe('00:01:30');
  });

  it('reports a commit after the call that made it is logged', async () => {
    const order: string[] = [];
    const { opts } = launchOpts({ onCall: (c) => order.push(`call ${c.name}`), onCommit: (r) => order.push(`commit ${r.ok}`) });
    const api = (await createLms(opts)).api as unknown as Api12;
    api.LMSInitialize('');
    api.LMSCommit('');
    expect(order).toEqual(['call LMSInitialize', 'call LMSCommit', 'commit true']);
  });

  it('logs every call with its result and error code', async () => {
    const { opts, calls } = launchOpts();
    const api = (await createLms(opts)).api as unknown as Api12;
    api.LMSGetValue('cmi.core.lesson_status'); // before Initialize: 301
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.lesson_status', 'nonsense'); // 405 wrong type
    api.LMSGetLastError();
    const shown = calls.map((c) => [c.name, c.args, c.result, c.error]);
    expect(shown).toEqual([
      ['LMSGetValue', ['cmi.core.lesson_status'], '', '301'],
      ['LMSInitialize', [''], 'true', '0'],
      ['LMSSetValue', ['cmi.core.lesson_status', 'nonsense'], 'false', '405'],
      ['LMSGetLastError', [], '405', ''],
    ]);
    expect(calls[0]!.errorText).toMatch(/not initialized/i);
  });
});

describe('fault switches', () => {
  it('"Commit fails": Commit and Finish return false with 101 (1.2), nothing is sent, and Finish can be retried', async () => {
    const { opts, commits, faults } = launchOpts({ faults: { ...NO_FAULTS, commitFails: true } });
    const lms = await createLms(opts);
    const api = lms.api as unknown as Api12;
    api.LMSInitialize('');
    expect(api.LMSCommit('')).toBe('false');
    expect(api.LMSGetLastError()).toBe('101');
    expect(api.LMSFinish('')).toBe('false');
    expect(api.LMSGetLastError()).toBe('101');
    expect(lms.terminated()).toBe(false);
    expect(sent).toEqual([]);
    expect(commits.map((c) => [c.ok, c.finish, c.errorCode])).toEqual([
      [false, false, 101],
      [false, true, 101],
    ]);
    faults.commitFails = false;
    expect(api.LMSFinish('')).toBe('true');
    expect(sent).toHaveLength(1);
  });

  it('"Commit fails" in 2004 gives 391', async () => {
    const { opts } = launchOpts({ version: '2004', commitUrl: '/c', faults: { ...NO_FAULTS, commitFails: true } });
    const api = (await createLms(opts)).api as unknown as Api2004;
    api.Initialize('');
    expect(api.Commit('')).toBe('false');
    expect(api.GetLastError()).toBe('391');
    expect(api.Terminate('')).toBe('false');
    expect(api.GetLastError()).toBe('391');
  });

  it('a server that answers "not saved" is a failed commit too', async () => {
    answer = { status: 500, body: '{"result":false,"errorCode":101,"error":"record unreadable"}' };
    const { opts, commits } = launchOpts();
    const api = (await createLms(opts)).api as unknown as Api12;
    api.LMSInitialize('');
    expect(api.LMSCommit('')).toBe('false');
    expect(api.LMSGetLastError()).toBe('101');
    expect(commits[0]).toMatchObject({ ok: false, detail: 'HTTP 500: record unreadable' });
  });

  it('"Slow commits" asks the server to hold the answer', async () => {
    const { opts } = launchOpts({ faults: { ...NO_FAULTS, slowCommits: true } });
    const api = (await createLms(opts)).api as unknown as Api12;
    api.LMSInitialize('');
    expect(api.LMSCommit('')).toBe('true');
    expect(params(sent[0]!.url).get('delay')).toBe('3000');
  });

  it('"Interactions unsupported" (1.2): reads error 401, writes return false; other elements still work', async () => {
    const { opts, faults } = launchOpts({ faults: { ...NO_FAULTS, interactionsUnsupported: true } });
    const api = (await createLms(opts)).api as unknown as Api12;
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('');
    expect(api.LMSGetLastError()).toBe('401');
    expect(api.LMSSetValue('cmi.interactions.0.id', 'q1')).toBe('false');
    expect(api.LMSGetLastError()).toBe('401');
    expect(api.LMSSetValue('cmi.core.lesson_location', 'x')).toBe('true');
    expect(api.LMSGetLastError()).toBe('0');
    faults.interactionsUnsupported = false;
    expect(api.LMSSetValue('cmi.interactions.0.id', 'q1')).toBe('true');
  });

  it('"Interactions unsupported" (2004): 402 Unimplemented Data Model Element', async () => {
    const { opts } = launchOpts({ version: '2004', faults: { ...NO_FAULTS, interactionsUnsupported: true } });
    const api = (await createLms(opts)).api as unknown as Api2004;
    api.Initialize('');
    expect(api.GetValue('cmi.interactions._count')).toBe('');
    expect(api.GetLastError()).toBe('402');
    expect(api.SetValue('cmi.interactions.0.id', 'q1')).toBe('false');
    expect(api.GetLastError()).toBe('402');
  });

  it('before Initialize the fault does not hide the real error (301 / 122)', async () => {
    const api = (await createLms(launchOpts({ faults: { ...NO_FAULTS, interactionsUnsupported: true } }).opts)).api as unknown as Api12;
    api.LMSGetValue('cmi.interactions._count');
    expect(api.LMSGetLastError()).toBe('301');
  });
});

describe('a Finish while the page closes', () => {
  it('falls back to a beacon when the browser refuses a synchronous request', async () => {
    const { opts, commits } = launchOpts({ version: '2004', commitUrl: '/api/learners/learner-1/2004/commit' });
    const api = (await createLms(opts)).api as unknown as Api2004;
    api.Initialize('');
    api.SetValue('cmi.exit', 'suspend');
    xhrThrows = true;
    expect(api.Terminate('')).toBe('true');
    await vi.waitFor(() => expect(beacons).toHaveLength(1));
    expect(beacons[0]!.url).toMatch(/^\/api\/learners\/learner-1\/2004\/commit\?/);
    expect(params(beacons[0]!.url).get('finish')).toBe('1');
    expect(beacons[0]!.contentType).toMatch(/^text\/plain/);
    expect((beacons[0]!.body as { cmi: { exit: string } }).cmi.exit).toBe('suspend');
    // The beacon's seq goes back to the page, so the next launch can wait for it (see the server test).
    expect(commits[0]).toMatchObject({ ok: true, finish: true, beacon: params(beacons[0]!.url).get('seq') });
  });
});
