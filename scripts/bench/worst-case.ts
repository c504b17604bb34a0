/**
 * The longest suspend_data a learner can make: the runtime's own codec run on generated
 * worst-case states (every lesson read; every quiz at its most attempts, with the longest seed,
 * every question answered with its longest answer, the longest scores; every bookmark; a save
 * counter of a million).
 * Several variants are encoded (retry-wrong-only lists, carried answers, true/false values) and
 * the longest counts. Compared with SCORM 1.2's 4,096-character limit and the course's 1,000 budget.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Answer, Course, Question, Quiz } from '../../src/course/types.ts';
import type { Location, ProgressState, QuizProgress } from '../../src/course/progress.ts';
import { measured, notMeasured, type Measured } from './measured.ts';

/** Attempts a very persistent learner makes when a quiz allows any number. */
export const MANY_ATTEMPTS = 999;
/** Saves (commits and browser copies) over a very long study: the save counter stored in suspend_data. */
export const MANY_SAVES = 1_000_000;

export interface WorstCase {
  chars: number;
  /** The variant that gave the longest value. */
  variant: string;
  variants: number;
  /** Where the codec came from and what it is called. */
  codec: string;
  /** The longest value itself, for the JSON file. */
  value: string;
}

const CODEC_FILES = ['src/scorm/suspend-codec.ts', 'src/scorm/suspend-data.ts', 'src/scorm/codec.ts'];

type Encode = (course: Course, state: ProgressState, seq: number) => string;

/** Find the runtime's encoder, whatever the codec module calls it. */
async function loadEncoder(root: string): Promise<{ encode: Encode; name: string } | string> {
  const { existsSync } = await import('node:fs');
  const file = CODEC_FILES.find((f) => existsSync(path.join(root, f)));
  if (!file) return `no suspend-data codec yet (looked for ${CODEC_FILES.join(', ')})`;
  const mod = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
  const names = ['encodeSuspend', 'encodeSuspendData', 'encodeState', 'encode', 'serialize'];
  const name = names.find((n) => typeof mod[n] === 'function');
  if (!name) return `${file} exports no encoder (looked for ${names.join(', ')}; it exports ${Object.keys(mod).join(', ')})`;
  const fn = mod[name] as (...args: unknown[]) => unknown;
  // encodeSuspend(course, state, seq): seq is the save counter stored with the state.
  const encode: Encode = (course, state, seq) => {
    const out = fn(course, state, seq);
    if (typeof out !== 'string') throw new Error(`${file} ${name}() returned ${typeof out}, not a string`);
    return out;
  };
  return { encode, name: `${file}: ${name}()` };
}

const longestId = (xs: { id: string }[]) => xs.reduce((a, b) => (b.id.length > a.id.length ? b : a)).id;

/** `last`: the highest index (index-based codecs); `longest`: the longest id (id-based codecs). */
export type Pick = 'last' | 'longest';

export function longestAnswer(q: Question, tf: boolean, pick: Pick = 'longest'): Answer {
  const choose = (xs: { id: string }[]) => (pick === 'last' ? xs[xs.length - 1].id : longestId(xs));
  switch (q.type) {
    case 'single':
      return { type: 'single', value: choose(q.options) };
    case 'multiple':
      return { type: 'multiple', value: q.options.map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: tf };
    case 'matching': {
      const target = choose(q.targets);
      return { type: 'matching', value: Object.fromEntries(q.items.map((i) => [i.id, target])) };
    }
    case 'ordering':
      // Reversed: a wrong order, in case a codec stores only the difference from the right one.
      return { type: 'ordering', value: [...q.options.map((o) => o.id)].reverse() };
  }
}

interface Variant {
  name: string;
  /** null; the same list as the attempt's questions; or a list in another order (stored separately). */
  eligible: 'null' | 'same' | 'different';
  carried: 'none' | 'all-but-one' | 'all';
  tf: boolean;
  pick: Pick;
  seed: number;
  scores: [number, number];
}

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const eligible of ['null', 'same', 'different'] as const)
    for (const carried of ['none', 'all-but-one', 'all'] as const)
      for (const tf of [false, true])
        for (const pick of ['last', 'longest'] as const)
          for (const seed of [2 ** 32 - 1, 1_000_000_007])
            for (const scores of [[66.67, 33.33], [99.99, 99.99], [100, 100]] as [number, number][])
              out.push({
                name: `eligible=${eligible}, carried=${carried}, true/false answer=${tf}, option=${pick}, seed=${seed}, best/last=${scores.join('/')}`,
                eligible,
                carried,
                tf,
                pick,
                seed,
                scores,
              });
  return out;
}

function quizState(quiz: Quiz, v: Variant): QuizProgress {
  const all = quiz.questions.map((q) => q.id);
  const answers: Record<string, Answer> = {};
  for (const q of quiz.questions) answers[q.id] = longestAnswer(q, v.tf, v.pick);
  const carried = v.carried === 'all' ? all : v.carried === 'all-but-one' ? all.slice(1) : [];
  // Reversed, so the list differs from the authored order (and from `eligible` in the 'different' variant).
  const questionIds = [...all].reverse();
  return {
    attempt: quiz.settings.attempts > 0 ? quiz.settings.attempts : MANY_ATTEMPTS,
    seed: v.seed,
    eligible: v.eligible === 'same' ? questionIds : v.eligible === 'different' ? all : null,
    questionIds,
    answers,
    carried,
    finished: true,
    best: v.scores[0],
    last: v.scores[1],
  };
}

/** Every bookmark worth trying: each lesson at its last passage, each quiz. */
function locations(course: Course): (Location & { id: string })[] {
  return [
    ...course.lessons.map((l) => ({ view: 'lesson' as const, id: l.id, passage: l.passageIds.at(-1) })),
    ...course.quizzes.map((q) => ({ view: 'quiz' as const, id: q.id })),
  ];
}

export function worstCaseStates(course: Course): { name: string; state: ProgressState }[] {
  const out: { name: string; state: ProgressState }[] = [];
  for (const v of variants())
    for (const location of locations(course))
      out.push({
        name: `${v.name}, location=${location.view}/${location.id}${'passage' in location && location.passage ? `#${location.passage}` : ''}`,
        state: {
          lessonsRead: course.lessons.map((l) => l.id),
          quizzes: Object.fromEntries(course.quizzes.map((q) => [q.id, quizState(q, v)])),
          location,
        },
      });
  return out;
}

export async function worstCaseSuspend(root: string, course: Course): Promise<Measured<WorstCase>> {
  const enc = await loadEncoder(root);
  if (typeof enc === 'string') return notMeasured(enc);
  if (course.quizzes.length === 0) return notMeasured('the course has no quizzes yet, so no worst case can be built');
  let best: { chars: number; variant: string; value: string } | null = null;
  const errors: string[] = [];
  const states = worstCaseStates(course);
  for (const { name, state } of states) {
    try {
      const value = enc.encode(course, state, MANY_SAVES);
      if (!best || value.length > best.chars) best = { chars: value.length, variant: name, value };
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!best) return notMeasured(`the codec refused every worst-case state (${errors[0]})`);
  return measured({ ...best, variants: states.length - errors.length, codec: enc.name });
}
