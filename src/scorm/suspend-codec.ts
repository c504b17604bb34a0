/**
 * suspend_data codec: the learner's progress in a few hundred characters.
 *
 * Why not JSON: SCORM 1.2 allows 4,096 characters (Moodle enforces it when the site's
 * "SCORM standard" setting is on), and some LMSs mangle quotes and backslashes. So every id is
 * an index into the course structure and every number a self-delimiting base-32 varint, written
 * with URL-safe letters, digits, `-` and `_` only.
 *
 * Layout: `1` (format) + 3 chars hash of course.version + body + 3 chars checksum of all before.
 * Body (all varints): seq, location, lessons read, then per course quiz its attempt state, then
 * (optional) the display settings.
 * See docs/scorm.md for the full grammar.
 *
 * Decoding is total: anything unexpected gives `{ ok: false }`, never a throw.
 */
import type { Answer, Course, Question, Quiz } from '../course/types.ts';
import {
  emptyQuizProgress,
  LINE_SPACINGS,
  TEXT_SIZES,
  THEMES,
  type DisplaySettings,
  type Location,
  type ProgressState,
  type QuizProgress,
} from '../course/progress.ts';

const FORMAT = '1';
/** 64 URL-safe characters for fixed-width hashes. */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A varint digit from FINAL ends the number; one from MORE is followed by further digits. */
const FINAL = B64.slice(0, 32);
const MORE = B64.slice(32);

export interface Snapshot {
  state: ProgressState;
  /** Save counter: a higher number is a later save (used to pick the newer of LMS and browser copy). */
  seq: number;
}

export type DecodeResult =
  | ({ ok: true } & Snapshot)
  | { ok: false; reason: 'empty' | 'format' | 'checksum' | 'version' | 'structure' };

/** FNV-1a over the UTF-16 code units, as `width` B64 characters. */
export function hash64(text: string, width: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < width; i++) {
    out += B64[h & 63];
    h >>>= 6;
  }
  return out;
}

class Writer {
  out = '';
  int(n: number): void {
    let v = Math.max(0, Math.floor(n));
    const digits: number[] = [];
    do {
      digits.unshift(v % 32);
      v = Math.floor(v / 32);
    } while (v > 0);
    digits.forEach((d, i) => (this.out += i === digits.length - 1 ? FINAL[d] : MORE[d]));
  }
  list(items: number[]): void {
    this.int(items.length);
    items.forEach((i) => this.int(i));
  }
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}
  int(): number {
    let v = 0;
    for (let n = 0; n < 8; n++) {
      const c = this.text[this.pos++];
      if (c === undefined) throw new Error('end of data');
      const f = FINAL.indexOf(c);
      if (f >= 0) return v * 32 + f;
      const m = MORE.indexOf(c);
      if (m < 0) throw new Error('bad digit');
      v = v * 32 + m;
    }
    throw new Error('number too long');
  }
  /** An index below `size`. */
  index(size: number): number {
    const i = this.int();
    if (i >= size) throw new Error('index out of range');
    return i;
  }
  list(size: number): number[] {
    const n = this.index(1025);
    const out: number[] = [];
    for (let k = 0; k < n; k++) out.push(this.index(size));
    return out;
  }
  done(): boolean {
    return this.pos === this.text.length;
  }
}

const LOCATION_VIEWS = ['start', 'end', 'break', 'lesson', 'quiz'] as const;

/** Indices of the ids that exist (data for things no longer in the course is dropped). */
function indices(ids: readonly string[], all: readonly string[]): number[] {
  return ids.map((id) => all.indexOf(id)).filter((i) => i >= 0);
}

function optionIds(q: Question): string[] {
  return q.type === 'truefalse' ? [] : q.type === 'matching' ? q.items.map((o) => o.id) : q.options.map((o) => o.id);
}

function writeAnswer(w: Writer, q: Question, a: Answer): void {
  switch (q.type) {
    case 'single':
      w.int(optionIds(q).indexOf(a.value as string) + 1);
      return;
    case 'multiple':
    case 'ordering':
      w.list(indices(a.value as string[], optionIds(q)));
      return;
    case 'truefalse':
      w.int(a.value ? 1 : 0);
      return;
    case 'matching': {
      const items = q.items.map((o) => o.id);
      const targets = q.targets.map((o) => o.id);
      const pairs = Object.entries(a.value as Record<string, string>).filter(([item]) => items.includes(item));
      w.int(pairs.length);
      for (const [item, target] of pairs) {
        w.int(items.indexOf(item));
        w.int(targets.indexOf(target) + 1);
      }
    }
  }
}

function readAnswer(r: Reader, q: Question): Answer {
  switch (q.type) {
    case 'single': {
      const k = r.index(q.options.length + 1);
      return { type: 'single', value: k === 0 ? '' : q.options[k - 1].id };
    }
    case 'multiple':
      return { type: 'multiple', value: r.list(q.options.length).map((i) => q.options[i].id) };
    case 'ordering':
      return { type: 'ordering', value: r.list(q.options.length).map((i) => q.options[i].id) };
    case 'truefalse':
      return { type: 'truefalse', value: r.index(2) === 1 };
    case 'matching': {
      const value: Record<string, string> = {};
      const n = r.index(q.items.length + 1);
      for (let k = 0; k < n; k++) {
        const item = q.items[r.index(q.items.length)].id;
        const t = r.index(q.targets.length + 1);
        value[item] = t === 0 ? '' : q.targets[t - 1].id;
      }
      return { type: 'matching', value };
    }
  }
}

/** Score 0-100 with 2 decimals as hundredths + 1; 0 means null. */
const writeScore = (w: Writer, s: number | null): void => w.int(s === null ? 0 : Math.round(Math.min(100, Math.max(0, s)) * 100) + 1);
function readScore(r: Reader): number | null {
  const v = r.index(10002);
  return v === 0 ? null : (v - 1) / 100;
}

function writeQuiz(w: Writer, quiz: Quiz, p: QuizProgress): void {
  w.int(p.attempt);
  if (p.attempt === 0) return;
  const qids = quiz.questions.map((q) => q.id);
  const questionIds = indices(p.questionIds, qids);
  const sameEligible = p.eligible !== null && p.eligible.length === p.questionIds.length && p.eligible.every((id, i) => id === p.questionIds[i]);
  const eligibleMode = p.eligible === null ? 0 : sameEligible ? 1 : 2;
  w.int((p.finished ? 1 : 0) | (eligibleMode << 1));
  w.int(p.seed >>> 0);
  w.list(questionIds);
  if (eligibleMode === 2) w.list(indices(p.eligible ?? [], qids));
  w.list(indices(p.carried, qids));
  writeScore(w, p.best);
  writeScore(w, p.last);
  const answered = Object.keys(p.answers)
    .map((id) => ({ i: qids.indexOf(id), a: p.answers[id] }))
    .filter(({ i, a }) => i >= 0 && a && a.type === quiz.questions[i].type);
  w.int(answered.length);
  for (const { i, a } of answered) {
    w.int(i);
    writeAnswer(w, quiz.questions[i], a);
  }
}

function readQuiz(r: Reader, quiz: Quiz): QuizProgress {
  const attempt = r.int();
  if (attempt === 0) return emptyQuizProgress();
  const flags = r.index(6);
  const eligibleMode = flags >> 1;
  if (eligibleMode > 2) throw new Error('bad flags');
  const ids = quiz.questions.map((q) => q.id);
  const seed = r.index(2 ** 32);
  const questionIds = r.list(ids.length).map((i) => ids[i]);
  const eligible = eligibleMode === 0 ? null : eligibleMode === 1 ? questionIds.slice() : r.list(ids.length).map((i) => ids[i]);
  const carried = r.list(ids.length).map((i) => ids[i]);
  const best = readScore(r);
  const last = readScore(r);
  const answers: Record<string, Answer> = {};
  const n = r.index(ids.length + 1);
  for (let k = 0; k < n; k++) {
    const i = r.index(ids.length);
    answers[ids[i]] = readAnswer(r, quiz.questions[i]);
  }
  return { attempt, seed, eligible, questionIds, answers, carried, finished: (flags & 1) === 1, best, last };
}

function writeLocation(w: Writer, course: Course, loc: Location): void {
  if (loc.view === 'lesson') {
    const i = course.lessons.findIndex((l) => l.id === loc.id);
    if (i >= 0) {
      w.int(3);
      w.int(i);
      w.int(loc.passage === undefined ? 0 : course.lessons[i].passageIds.indexOf(loc.passage) + 1);
      return;
    }
  } else if (loc.view === 'quiz') {
    const i = course.quizzes.findIndex((q) => q.id === loc.id);
    if (i >= 0) {
      w.int(4);
      w.int(i);
      return;
    }
  } else {
    w.int(LOCATION_VIEWS.indexOf(loc.view));
    return;
  }
  w.int(0); // a place that no longer exists: the start page
}

function readLocation(r: Reader, course: Course): Location {
  const view = LOCATION_VIEWS[r.index(LOCATION_VIEWS.length)];
  if (view === 'lesson') {
    const lesson = course.lessons[r.index(course.lessons.length)];
    const p = r.index(lesson.passageIds.length + 1);
    return p === 0 ? { view, id: lesson.id } : { view, id: lesson.id, passage: lesson.passageIds[p - 1] };
  }
  if (view === 'quiz') return { view, id: course.quizzes[r.index(course.quizzes.length)].id };
  return { view };
}

/**
 * Display settings, an optional last field (added after format 1 shipped; data without it still
 * decodes): one varint, 1 + text size + 3 x line spacing + 6 x theme (1..18). Absent: not set.
 */
function writeDisplay(w: Writer, d: DisplaySettings | undefined): void {
  if (!d) return;
  w.int(1 + TEXT_SIZES.indexOf(d.textSize) + 3 * LINE_SPACINGS.indexOf(d.lineSpacing) + 6 * THEMES.indexOf(d.theme));
}

function readDisplay(r: Reader): DisplaySettings | undefined {
  if (r.done()) return undefined;
  const v = r.index(1 + 3 * 2 * 3) - 1;
  if (v < 0) throw new Error('bad display settings');
  return { textSize: TEXT_SIZES[v % 3], lineSpacing: LINE_SPACINGS[Math.floor(v / 3) % 2], theme: THEMES[Math.floor(v / 6)] };
}

/** Encode progress for suspend_data (and the browser copy). */
export function encodeSuspend(course: Course, state: ProgressState, seq: number): string {
  const w = new Writer();
  w.int(seq);
  writeLocation(w, course, state.location);
  w.list(indices(state.lessonsRead, course.lessons.map((l) => l.id)));
  for (const quiz of course.quizzes) writeQuiz(w, quiz, state.quizzes[quiz.id] ?? emptyQuizProgress());
  writeDisplay(w, state.display);
  const head = FORMAT + hash64(course.version, 3) + w.out;
  return head + hash64(head, 3);
}

/** Decode suspend_data; any fault (corrupt, truncated, another course version) gives ok: false. */
export function decodeSuspend(course: Course, text: string): DecodeResult {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'empty' };
  if (text[0] !== FORMAT || text.length < 8) return { ok: false, reason: 'format' };
  const head = text.slice(0, -3);
  if (hash64(head, 3) !== text.slice(-3)) return { ok: false, reason: 'checksum' };
  if (head.slice(1, 4) !== hash64(course.version, 3)) return { ok: false, reason: 'version' };
  try {
    const r = new Reader(head.slice(4));
    const seq = r.int();
    const location = readLocation(r, course);
    const lessonsRead = r.list(course.lessons.length).map((i) => course.lessons[i].id);
    const quizzes: Record<string, QuizProgress> = {};
    for (const quiz of course.quizzes) quizzes[quiz.id] = readQuiz(r, quiz);
    const display = readDisplay(r);
    if (!r.done()) return { ok: false, reason: 'structure' };
    return { ok: true, seq, state: { lessonsRead, quizzes, location, ...(display ? { display } : {}) } };
  } catch {
    return { ok: false, reason: 'structure' };
  }
}
