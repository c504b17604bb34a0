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

/** Format 1, as written before format 2 (kept so tests can make the data earlier releases stored). */
export function encodeSuspendV1(course: Course, state: ProgressState, seq: number): string {
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
  if (text[0] === FORMAT2) return decode2(course, text);
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

// ---- format 2 ------------------------------------------------------------------------------------
//
// Why a second format: format 1 spends 5 bits of every character on a 32-value digit, however few
// values a field can take, and grew about 112 characters a quiz (2,236 at 20 quizzes of 12). Format 2
// writes every field as one digit of a single mixed-radix number whose radix is the number of values
// the field can take in this course (an option index among 6, a question among the 9 not yet listed),
// so nothing is spent on impossible values; the number is then written 6 bits per character.
// Lists keep their order, as an ordered pick among those left (answers come back exactly as given,
// a multiple-choice answer in the order it was ticked). The eligible and carried questions are sets
// (only ever asked "includes?"): one yes/no digit per question, read back in the attempt's order
// (as the store makes them) or else the authored order. Lessons read keep their reading order, a flag when it is the course's order.

const FORMAT2 = '2';
const MORE32 = 32n;

/** The course's shape: indices of format 2 mean nothing in a course of another shape. */
function shape(course: Course): string {
  const q = (x: Question): string =>
    x.type === 'truefalse' ? 't' : x.type === 'matching' ? `m${x.items.length}.${x.targets.length}` : `${x.type[0]}${x.options.length}`;
  return `${course.version}|${course.lessons.map((l) => l.passageIds.length).join(',')}|${course.quizzes.map((z) => z.questions.map(q).join(',')).join(';')}`;
}

/** Digits with their radices; `text()` packs them into one number, least significant digit first. */
class RadixWriter {
  private readonly values: number[] = [];
  private readonly radices: number[] = [];
  /** A digit below `radix` (at most 2^32). */
  digit(value: number, radix: number): void {
    this.values.push(value);
    this.radices.push(radix);
  }
  flag(on: boolean): void {
    this.digit(on ? 1 : 0, 2);
  }
  /** Any non-negative integer: 5 bits at a time, low first, with a "more follows" bit. */
  uint(n: number): void {
    let v = Math.max(0, Math.floor(n));
    do {
      const low = v % 32;
      v = Math.floor(v / 32);
      this.digit(v > 0 ? low + 32 : low, 64);
    } while (v > 0);
  }
  /** An ordered list of distinct indices below `size`: its length, then each as a pick among those left. */
  picks(items: readonly number[], size: number): void {
    const list = [...new Set(items)].filter((i) => i >= 0 && i < size);
    const left = Array.from({ length: size }, (_, i) => i);
    this.digit(list.length, size + 1);
    for (const i of list) {
      const k = left.indexOf(i);
      this.digit(k, left.length);
      left.splice(k, 1);
    }
  }
  text(): string {
    // Digits are gathered into words below 2^53 (plain numbers), so BigInt works once per word.
    const words: Array<[number, number]> = [];
    let word = 0;
    let scale = 1;
    for (let i = 0; i < this.values.length; i++) {
      const r = this.radices[i];
      if (scale * r > 2 ** 53) {
        words.push([word, scale]);
        word = 0;
        scale = 1;
      }
      word += this.values[i] * scale;
      scale *= r;
    }
    words.push([word, scale]);
    // Neighbours joined pairwise, so most multiplications are of small numbers (fast at any size).
    let level = words.map(([w, r]): [bigint, bigint] => [BigInt(w), BigInt(r)]);
    while (level.length > 1) {
      const next: Array<[bigint, bigint]> = [];
      for (let i = 0; i < level.length; i += 2) {
        const [lo, loRadix] = level[i];
        next.push(i + 1 < level.length ? [lo + loRadix * level[i + 1][0], loRadix * level[i + 1][1]] : level[i]);
      }
      level = next;
    }
    const n = level[0][0];
    if (n === 0n) return '';
    let bits = n.toString(2);
    bits = bits.padStart(Math.ceil(bits.length / 6) * 6, '0');
    let out = '';
    for (let i = 0; i < bits.length; i += 6) out += B64[Number.parseInt(bits.slice(i, i + 6), 2)];
    return out;
  }
}

class RadixReader {
  private n: bigint;
  constructor(body: string) {
    // A leading zero digit is never written: a text with one is not this encoder's.
    if (body[0] === B64[0]) throw new Error('leading zero');
    let bits = '0';
    for (const c of body) {
      const v = B64.indexOf(c);
      if (v < 0) throw new Error('bad character');
      bits += v.toString(2).padStart(6, '0');
    }
    this.n = BigInt(`0b${bits}`);
  }
  digit(radix: number | bigint): number {
    const r = BigInt(radix);
    const d = this.n % r;
    this.n /= r;
    return Number(d);
  }
  flag(): boolean {
    return this.digit(2) === 1;
  }
  uint(): number {
    let v = 0n;
    let scale = 1n;
    for (let k = 0; k < 8; k++) {
      const d = BigInt(this.digit(64));
      v += (d % MORE32) * scale;
      if (d < MORE32) return Number(v);
      scale *= MORE32;
    }
    throw new Error('number too long');
  }
  picks(size: number): number[] {
    const count = this.digit(size + 1);
    const left = Array.from({ length: size }, (_, i) => i);
    const out: number[] = [];
    for (let k = 0; k < count; k++) out.push(left.splice(this.digit(left.length), 1)[0]);
    return out;
  }
  /** True when every digit was read: anything left over means the text is not what it claims. */
  done(): boolean {
    return this.n === 0n;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((id) => sa.has(id));
}

function writeAnswer2(w: RadixWriter, q: Question, a: Answer): void {
  switch (q.type) {
    case 'single':
      w.digit(optionIds(q).indexOf(a.value as string) + 1, q.options.length + 1);
      return;
    case 'multiple':
    case 'ordering':
      w.picks(indices(a.value as string[], optionIds(q)), q.options.length);
      return;
    case 'truefalse':
      w.flag(a.value === true);
      return;
    case 'matching': {
      // Per item, in authored order: 0 not matched, 1 matched to nothing (''), 2+ a target.
      const value = a.value as Record<string, string>;
      const targets = q.targets.map((o) => o.id);
      for (const item of q.items) w.digit(item.id in value ? targets.indexOf(value[item.id]) + 2 : 0, targets.length + 2);
    }
  }
}

function readAnswer2(r: RadixReader, q: Question): Answer {
  switch (q.type) {
    case 'single': {
      const k = r.digit(q.options.length + 1);
      return { type: 'single', value: k === 0 ? '' : q.options[k - 1].id };
    }
    case 'multiple':
      return { type: 'multiple', value: r.picks(q.options.length).map((i) => q.options[i].id) };
    case 'ordering':
      return { type: 'ordering', value: r.picks(q.options.length).map((i) => q.options[i].id) };
    case 'truefalse':
      return { type: 'truefalse', value: r.flag() };
    case 'matching': {
      const value: Record<string, string> = {};
      for (const item of q.items) {
        const t = r.digit(q.targets.length + 2);
        if (t > 0) value[item.id] = t === 1 ? '' : q.targets[t - 2].id;
      }
      return { type: 'matching', value };
    }
  }
}

const SCORE_VALUES = 10002;
const scoreDigit = (s: number | null): number => (s === null ? 0 : Math.round(Math.min(100, Math.max(0, s)) * 100) + 1);
const fromScoreDigit = (v: number): number | null => (v === 0 ? null : (v - 1) / 100);

function writeQuiz2(w: RadixWriter, quiz: Quiz, p: QuizProgress): void {
  w.uint(p.attempt);
  if (p.attempt === 0) return;
  const qids = quiz.questions.map((q) => q.id);
  const n = qids.length;
  w.flag(p.finished);
  w.digit(p.seed >>> 0, 2 ** 32);
  const questionIds = [...new Set(p.questionIds.filter((id) => qids.includes(id)))];
  w.picks(indices(questionIds, qids), n);
  const eligible = p.eligible === null ? null : p.eligible.filter((id) => qids.includes(id));
  // Retry-wrong-only draws from the last attempt's questions: the same set as this attempt's.
  const sameEligible = eligible !== null && sameSet(eligible, questionIds);
  w.digit(eligible === null ? 0 : sameEligible ? 1 : 2, 3);
  if (eligible !== null && !sameEligible) qids.forEach((id) => w.flag(eligible.includes(id)));
  // Retry-wrong-only carries over answers to some of the attempt's questions.
  const carried = p.carried.filter((id) => qids.includes(id));
  const withinAttempt = carried.every((id) => questionIds.includes(id));
  w.flag(!withinAttempt);
  (withinAttempt ? questionIds : qids).forEach((id) => w.flag(carried.includes(id)));
  w.digit(scoreDigit(p.best), SCORE_VALUES);
  w.digit(scoreDigit(p.last), SCORE_VALUES);
  const valid = (id: string) => {
    const q = quiz.questions[qids.indexOf(id)];
    const a = p.answers[id];
    return q !== undefined && a !== undefined && a !== null && a.type === q.type;
  };
  // Answers belong to the attempt's questions; any other one (never made by the store) still round-trips.
  questionIds.forEach((id) => w.flag(valid(id)));
  const others = Object.keys(p.answers).filter((id) => !questionIds.includes(id) && valid(id));
  w.picks(indices(others, qids), n);
  for (const id of [...questionIds.filter(valid), ...others]) {
    const i = qids.indexOf(id);
    writeAnswer2(w, quiz.questions[i], p.answers[id]);
  }
}

function readQuiz2(r: RadixReader, quiz: Quiz): QuizProgress {
  const attempt = r.uint();
  if (attempt === 0) return emptyQuizProgress();
  const ids = quiz.questions.map((q) => q.id);
  const n = ids.length;
  const finished = r.flag();
  const seed = r.digit(2 ** 32);
  const questionIds = r.picks(n).map((i) => ids[i]);
  const eligibleMode = r.digit(3);
  const eligible = eligibleMode === 0 ? null : eligibleMode === 1 ? questionIds.slice() : ids.filter(() => r.flag());
  const carried = (r.flag() ? ids : questionIds).filter(() => r.flag());
  const best = fromScoreDigit(r.digit(SCORE_VALUES));
  const last = fromScoreDigit(r.digit(SCORE_VALUES));
  const answered = questionIds.filter(() => r.flag());
  const others = r.picks(n).map((i) => ids[i]);
  const answers: Record<string, Answer> = {};
  for (const id of [...answered, ...others]) answers[id] = readAnswer2(r, quiz.questions[ids.indexOf(id)]);
  return { attempt, seed, eligible, questionIds, answers, carried, finished, best, last };
}

function writeLocation2(w: RadixWriter, course: Course, loc: Location): void {
  const lesson = loc.view === 'lesson' ? course.lessons.findIndex((l) => l.id === loc.id) : -1;
  const quiz = loc.view === 'quiz' ? course.quizzes.findIndex((q) => q.id === loc.id) : -1;
  if (lesson >= 0 && loc.view === 'lesson') {
    w.digit(3, LOCATION_VIEWS.length);
    w.digit(lesson, course.lessons.length);
    const passages = course.lessons[lesson].passageIds;
    w.digit(loc.passage === undefined ? 0 : passages.indexOf(loc.passage) + 1, passages.length + 1);
  } else if (quiz >= 0) {
    w.digit(4, LOCATION_VIEWS.length);
    w.digit(quiz, course.quizzes.length);
  } else {
    // A lesson or quiz that no longer exists: the start page.
    w.digit(loc.view === 'lesson' || loc.view === 'quiz' ? 0 : LOCATION_VIEWS.indexOf(loc.view), LOCATION_VIEWS.length);
  }
}

function readLocation2(r: RadixReader, course: Course): Location {
  const view = LOCATION_VIEWS[r.digit(LOCATION_VIEWS.length)];
  if (view === 'lesson') {
    if (course.lessons.length === 0) throw new Error('no lessons');
    const lesson = course.lessons[r.digit(course.lessons.length)];
    const p = r.digit(lesson.passageIds.length + 1);
    return p === 0 ? { view, id: lesson.id } : { view, id: lesson.id, passage: lesson.passageIds[p - 1] };
  }
  if (view === 'quiz') {
    if (course.quizzes.length === 0) throw new Error('no quizzes');
    return { view, id: course.quizzes[r.digit(course.quizzes.length)].id };
  }
  return { view };
}

/** Encode progress for suspend_data (and the browser copy): format 2. */
export function encodeSuspend(course: Course, state: ProgressState, seq: number): string {
  const w = new RadixWriter();
  w.uint(seq);
  // Early digits cost only their own width; a late one costs the width of all before it, unless every
  // digit after it is zero too (quizzes not started): so the display settings come early.
  const d = state.display;
  w.digit(d ? 1 + TEXT_SIZES.indexOf(d.textSize) + 3 * LINE_SPACINGS.indexOf(d.lineSpacing) + 6 * THEMES.indexOf(d.theme) : 0, 19);
  writeLocation2(w, course, state.location);
  const lessonIds = course.lessons.map((l) => l.id);
  const read = [...new Set(indices(state.lessonsRead, lessonIds))];
  const inCourseOrder = read.every((i, k) => k === 0 || read[k - 1] < i);
  w.flag(!inCourseOrder);
  if (inCourseOrder) lessonIds.forEach((_, i) => w.flag(read.includes(i)));
  else w.picks(read, lessonIds.length);
  for (const quiz of course.quizzes) writeQuiz2(w, quiz, state.quizzes[quiz.id] ?? emptyQuizProgress());
  const head = FORMAT2 + hash64(shape(course), 3) + w.text();
  return head + hash64(head, 3);
}

function decode2(course: Course, text: string): DecodeResult {
  if (text.length < 7) return { ok: false, reason: 'format' };
  const head = text.slice(0, -3);
  if (hash64(head, 3) !== text.slice(-3)) return { ok: false, reason: 'checksum' };
  if (head.slice(1, 4) !== hash64(shape(course), 3)) return { ok: false, reason: 'version' };
  try {
    const r = new RadixReader(head.slice(4));
    const seq = r.uint();
    const v = r.digit(19) - 1;
    const display: DisplaySettings | undefined =
      v < 0 ? undefined : { textSize: TEXT_SIZES[v % 3], lineSpacing: LINE_SPACINGS[Math.floor(v / 3) % 2], theme: THEMES[Math.floor(v / 6)] };
    const location = readLocation2(r, course);
    const lessonIds = course.lessons.map((l) => l.id);
    const lessonsRead = r.flag() ? r.picks(lessonIds.length).map((i) => lessonIds[i]) : lessonIds.filter(() => r.flag());
    const quizzes: Record<string, QuizProgress> = {};
    for (const quiz of course.quizzes) quizzes[quiz.id] = readQuiz2(r, quiz);
    if (!r.done()) return { ok: false, reason: 'structure' };
    return { ok: true, seq, state: { lessonsRead, quizzes, location, ...(display ? { display } : {}) } };
  } catch {
    return { ok: false, reason: 'structure' };
  }
}
