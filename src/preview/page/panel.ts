/**
 * The side panel's tables. Everything is written with textContent (CMI values come from the
 * course and are never HTML), and every table has a caption and th scope so a screen reader
 * announces row and column with each value.
 */
import { figuresFrom, interactionsFrom, objectivesFrom, readableDuration, type CmiTree, type Figures, type Version } from './cmi-view.ts';
import type { CallEntry } from './lms.ts';

type Cell = { text: string; flag?: string; mono?: boolean };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; scope?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.scope) node.setAttribute('scope', props.scope);
  node.append(...children);
  return node;
}

function cell(c: Cell, extraClass = ''): HTMLTableCellElement {
  const td = el('td', { class: [extraClass, c.mono ? 'mono' : '', c.flag ? 'error' : ''].filter(Boolean).join(' ') });
  td.append(document.createTextNode(c.text));
  if (c.flag) td.append(el('span', { class: 'flag', text: c.flag }));
  return td;
}

const n = (x: number) => x.toLocaleString('en-GB');
const orEmpty = (s: string) => (s === '' ? '(empty)' : s);

function duration(v: string): Cell {
  const readable = readableDuration(v);
  return { text: v === '' ? '(empty)' : readable ? `${v} (${readable})` : v, mono: true };
}

interface Row {
  key: string;
  label: string;
  /** Only for this version. */
  version?: Version;
  value: (f: Figures) => Cell;
}

const ROWS: Row[] = [
  { key: 'lesson_status', label: 'Lesson status (1.2)', version: '1.2', value: (f) => ({ text: orEmpty(f.lessonStatus ?? '') }) },
  { key: 'completion', label: 'Completion status', value: (f) => ({ text: orEmpty(f.completion) }) },
  { key: 'success', label: 'Success status', value: (f) => ({ text: orEmpty(f.success) }) },
  { key: 'score_raw', label: 'Score (raw)', value: (f) => ({ text: orEmpty(f.scoreRaw) }) },
  { key: 'score_range', label: 'Score min / max', value: (f) => ({ text: `${orEmpty(f.scoreMin)} / ${orEmpty(f.scoreMax)}` }) },
  { key: 'score_scaled', label: 'Score (scaled)', version: '2004', value: (f) => ({ text: orEmpty(f.scoreScaled ?? '') }) },
  { key: 'grade', label: 'Moodle grade', value: (f) => ({ text: f.grade }) },
  {
    key: 'location',
    label: 'Location (bookmark)',
    value: (f) => ({
      text: `${orEmpty(f.location)} (${n(f.location.length)} of ${n(f.locationLimit)} characters)`,
      mono: true,
      flag: f.location.length > f.locationLimit ? `Over the limit by ${n(f.location.length - f.locationLimit)} characters: the LMS refuses it.` : undefined,
    }),
  },
  {
    key: 'suspend_data',
    label: 'Suspend data',
    value: (f) => ({
      text: `${n(f.suspendDataLength)} of ${n(f.suspendDataLimit)} characters (${Math.round((f.suspendDataLength / f.suspendDataLimit) * 100)}%)`,
      flag: f.suspendDataLength > f.suspendDataLimit ? `Over the limit by ${n(f.suspendDataLength - f.suspendDataLimit)} characters: the LMS refuses it.` : undefined,
    }),
  },
  { key: 'session_time', label: 'Session time', value: (f) => duration(f.sessionTime) },
  { key: 'total_time', label: 'Total time', value: (f) => duration(f.totalTime) },
  { key: 'entry', label: 'Entry', value: (f) => ({ text: orEmpty(f.entry), mono: true }) },
  { key: 'exit', label: 'Exit', value: (f) => ({ text: orEmpty(f.exit), mono: true }) },
];

export interface SavedInfo {
  cmi: CmiTree;
  commits: number;
  updated: string;
  finished: boolean;
}

/** The main table: each figure now in the API, and as saved on the server. */
export function renderFigures(tbody: HTMLTableSectionElement, version: Version, live: CmiTree | null, saved: SavedInfo | null): void {
  const liveF = live ? figuresFrom(version, live) : null;
  const savedF = saved ? figuresFrom(version, saved.cmi) : null;
  const none: Cell = { text: '—' };
  const rows = ROWS.filter((r) => !r.version || r.version === version).map((r) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: r.label }), cell(liveF ? r.value(liveF) : none, 'live'), cell(savedF ? r.value(savedF) : none, 'saved'));
    tr.dataset.figure = r.key;
    return tr;
  });
  const commits = el(
    'tr',
    {},
    el('th', { scope: 'row', text: 'Commits saved' }),
    cell(none, 'live'),
    cell(saved ? { text: `${saved.commits}, last at ${new Date(saved.updated).toLocaleTimeString('en-GB')}${saved.finished ? ' (by Finish)' : ''}` } : { text: 'none yet' }, 'saved'),
  );
  commits.dataset.figure = 'commits';
  tbody.replaceChildren(...rows, commits);
}

export function renderObjectives(table: HTMLTableElement, empty: HTMLElement, version: Version, live: CmiTree | null): void {
  const rows = live ? objectivesFrom(version, live) : [];
  showTable(table, empty, rows.length > 0);
  table.tBodies[0]!.replaceChildren(
    ...rows.map((o) => el('tr', {}, el('td', { text: String(o.index) }), cell({ text: o.id, mono: true }), cell({ text: orEmpty(o.success) }), cell({ text: o.completion === null ? 'n/a in 1.2' : orEmpty(o.completion) }), cell({ text: o.score }))),
  );
}

export function renderInteractions(table: HTMLTableElement, empty: HTMLElement, version: Version, live: CmiTree | null): void {
  const rows = live ? interactionsFrom(version, live) : [];
  showTable(table, empty, rows.length > 0);
  table.tBodies[0]!.replaceChildren(
    ...rows.map((i) => {
      const tr = el(
        'tr',
        {},
        el('td', { text: String(i.index) }),
        cell({ text: i.id, mono: true, flag: i.problem ?? undefined }),
        cell({ text: i.type }),
        cell({ text: i.response, mono: true }),
        cell({ text: i.correct, mono: true }),
        cell({ text: i.result }),
        cell({ text: i.time, mono: true }),
      );
      tr.dataset.interaction = i.id;
      return tr;
    }),
  );
}

function showTable(table: HTMLTableElement, empty: HTMLElement, show: boolean): void {
  (table.parentElement as HTMLElement).hidden = !show;
  empty.hidden = show;
}

const MAX_LOG_ROWS = 400;

/** The API call log: newest last, capped, error rows marked in words and colour. */
export class CallLog {
  private total = 0;
  private errors = 0;

  constructor(
    private readonly tbody: HTMLTableSectionElement,
    private readonly counter: HTMLElement,
    private readonly showErrorCalls: () => boolean,
  ) {}

  call(entry: CallEntry): void {
    this.total += 1;
    const failed = entry.error !== '' && entry.error !== '0';
    if (failed) this.errors += 1;
    const tr = el(
      'tr',
      { class: failed ? 'error' : '' },
      el('td', { class: 'mono', text: `${(entry.at / 1000).toFixed(1)} s` }),
      el('th', { scope: 'row', class: 'mono', text: entry.name }),
      el('td', { class: 'mono', text: entry.args.map((a) => JSON.stringify(a)).join(', ') }),
      el('td', { class: 'mono', text: JSON.stringify(entry.result) }),
      el('td', { class: 'error-text', text: entry.error === '' ? '' : failed ? `${entry.error} ${entry.errorText}` : '0' }),
    );
    tr.dataset.call = entry.name;
    if (/GetLastError|GetErrorString|GetDiagnostic/.test(entry.name)) {
      tr.classList.add('error-call');
      tr.hidden = !this.showErrorCalls();
    }
    this.append(tr);
  }

  /** A line that is not a call: a launch, a commit's answer from the server. */
  note(text: string, kind: 'launch' | 'lms' | 'lms-error'): void {
    const th = el('th', { scope: 'rowgroup', text });
    th.setAttribute('colspan', '5');
    const tr = el('tr', { class: kind === 'launch' ? 'launch' : kind === 'lms-error' ? 'error' : '' }, th);
    tr.dataset.note = kind;
    this.append(tr);
  }

  refreshFilter(): void {
    for (const tr of this.tbody.querySelectorAll<HTMLTableRowElement>('tr.error-call')) tr.hidden = !this.showErrorCalls();
  }

  clear(): void {
    this.total = 0;
    this.errors = 0;
    this.tbody.replaceChildren();
    this.updateCount();
  }

  private append(tr: HTMLTableRowElement): void {
    const wrap = this.tbody.closest('.table-wrap') as HTMLElement | null;
    const atBottom = !wrap || wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 40;
    this.tbody.append(tr);
    while (this.tbody.rows.length > MAX_LOG_ROWS) this.tbody.rows[0]!.remove();
    // Follow the newest call only when the reader is already at the bottom.
    if (wrap && atBottom) wrap.scrollTop = wrap.scrollHeight;
    this.updateCount();
  }

  private updateCount(): void {
    this.counter.textContent = `${n(this.total)} calls, ${n(this.errors)} with an error${this.total > MAX_LOG_ROWS ? ` (the latest ${MAX_LOG_ROWS} rows are kept)` : ''}.`;
  }
}
