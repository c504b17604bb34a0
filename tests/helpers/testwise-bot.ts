/**
 * A test-wise learner who knows nothing of the content (issue 23): it answers each question from the
 * cues that item-writing guides warn about, and from the other questions of the same attempt, never
 * from the lessons. The item linter (src/content/quiz-lint.ts) names the same cues to the author; this
 * bot measures what they are worth together, over the attempts the quiz engine really draws.
 *
 * Heuristics, in the order of their weight:
 * - an option carrying an absolute ("only", "the most", "at all") is wrong, one carrying a hedge
 *   ("may", "some") is right; for true/false, absolute means false and hedge means true (else "true",
 *   the usual bias of true/false items);
 * - an option whose words appear in another question of the attempt is right (a give-away), and a
 *   matching row is what another question's words pair it with;
 * - the option sharing the most words with its own question is right;
 * - the longest option is right;
 * - in a choose-all question, options that share a word the others lack go together (odd one out),
 *   and as many options are chosen as the hint says ("Choose two"), else half.
 * Ties are broken at random (seeded), as a learner would guess.
 *
 * Items written only to beat these rules can turn them around (every key plain and short, every
 * distractor hedged and long), which a learner would notice too: the `contrarian` bot reads every cue
 * the other way, and must not pass either.
 */
import type { Answer, Choice, Question, Quiz } from '../../src/course/types.ts';
import { planQuestions, rng, scoreAttempt } from '../../src/course/quiz-engine.ts';
import { absoluteIn, givenAwayRows, hedgeCue, hedgeIn, stemsOf } from '../../src/content/quiz-lint.ts';

const plain = (html = '') => html.replace(/<[^>]*>/g, ' ');

/** Shared word stems between a text and a set of stems. */
function overlap(text: string, stems: Map<string, string>): number {
  return [...stemsOf(text).keys()].filter((w) => stems.has(w)).length;
}

/** 1 for every option that has the (strictly or jointly) greatest value above 0, else 0. */
function best(values: number[]): number[] {
  const max = Math.max(...values);
  return values.map((v) => (v > 0 && v === max ? 1 : 0));
}

/** Cue points of each option of a single or multiple-choice question. */
function optionPoints(q: Question & { options: Choice[] }, others: Map<string, string>): number[] {
  const own = stemsOf(q.promptText);
  const hedge = q.options.map((o) => (absoluteIn(o.text) ? -2 : 0) + (hedgeIn(o.text) ? 1 : 0));
  // A give-away: words of this option, and of no other option or its own question, said elsewhere.
  const distinctive = q.options.map((o) => {
    const rest = new Set([...own.keys(), ...q.options.filter((x) => x !== o).flatMap((x) => [...stemsOf(x.text).keys()])]);
    return new Map([...stemsOf(o.text)].filter(([st]) => !rest.has(st)));
  });
  const elsewhere = best(distinctive.map((d) => [...d.keys()].filter((w) => others.has(w)).length));
  const echo = best(q.options.map((o) => overlap(o.text, own)));
  const lengths = q.options.map((o) => o.text.length);
  const longest = lengths.map((l) => (l === Math.max(...lengths) && lengths.filter((x) => x === l).length === 1 ? 1 : 0));
  return q.options.map((_, i) => hedge[i] + elsewhere[i] + echo[i] + 0.5 * longest[i]);
}

/** Pick the `k` highest, breaking ties at random. */
function topK<T>(items: T[], points: number[], k: number, random: () => number): T[] {
  const noise = items.map(() => random());
  return items
    .map((item, i) => ({ item, p: points[i], n: noise[i] }))
    .sort((a, b) => b.p - a.p || a.n - b.n)
    .slice(0, k)
    .map((x) => x.item);
}

const COUNT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4 };

/** The bot's answer to one question, seeing only the texts of the attempt's questions. */
export function debugPoints(q: Question, attempt: readonly Question[]): number[] {
  const others = stemsOf(attempt.filter((x) => x !== q).map((x) => `${x.promptText} ${plain(x.hintHtml)}`).join(' '));
  return optionPoints(q as Question & { options: Choice[] }, others);
}

export type BotMode = 'testwise' | 'contrarian';

export function botAnswer(q: Question, attempt: readonly Question[], random: () => number, mode: BotMode = 'testwise'): Answer {
  const sign = mode === 'testwise' ? 1 : -1;
  // What the other questions of the attempt state: their prompts and hints (options are only maybes).
  const others = new Map<string, string>();
  for (const x of attempt) {
    if (x === q) continue;
    for (const text of [x.promptText, plain(x.hintHtml)]) for (const [st, w] of stemsOf(text)) others.set(st, w);
  }
  switch (q.type) {
    case 'truefalse': {
      const cue = sign * hedgeCue(q.promptText);
      return { type: 'truefalse', value: cue !== 0 ? cue > 0 : mode === 'testwise' };
    }
    case 'single':
      return { type: 'single', value: topK(q.options, optionPoints(q, others).map((p) => sign * p), 1, random)[0].id };
    case 'multiple': {
      const points = optionPoints(q, others).map((p) => sign * p);
      // Odd one out: a word that some options share and the rest lack marks a group.
      const groupWord = [...new Set(q.options.flatMap((o) => [...stemsOf(o.text).keys()]))]
        .map((w) => ({ w, n: q.options.filter((o) => stemsOf(o.text).has(w)).length }))
        .filter((g) => g.n >= 2 && g.n < q.options.length)
        .sort((a, b) => b.n - a.n)[0];
      if (groupWord) q.options.forEach((o, i) => (points[i] += stemsOf(o.text).has(groupWord.w) ? 1 : 0));
      const said = /\bchoose (one|two|three|four)\b/i.exec(plain(q.hintHtml) + ' ' + q.promptText)?.[1]?.toLowerCase();
      const k = said ? COUNT[said] : groupWord ? groupWord.n : Math.ceil(q.options.length / 2);
      return { type: 'multiple', value: topK(q.options, points, k, random).map((o) => o.id) };
    }
    case 'matching': {
      const value: Record<string, string> = {};
      const given = new Map(
        attempt.filter((x) => x !== q).flatMap((x) => givenAwayRows(q, x.promptText)).map((r) => [r.itemId, q.correct[r.itemId]]),
      );
      for (const item of q.items) {
        value[item.id] = given.get(item.id) ?? q.targets[Math.floor(random() * q.targets.length)].id;
      }
      return { type: 'matching', value };
    }
    case 'ordering':
      return { type: 'ordering', value: topK(q.options, q.options.map(() => 0), q.options.length, random).map((o) => o.id) };
  }
}

export interface BotRun {
  quizId: string;
  draws: number;
  /** Mean score over the draws, percent. */
  mean: number;
  /** Share of draws that reach the quiz's pass mark, 0..1. */
  passRate: number;
  /** Each draw's score, percent, in seed order. */
  scores: number[];
  /** Per question: the bot's mean score when drawn (0..1). */
  perQuestion: Map<string, number>;
}

/** The bot's first attempt at `quiz` for seeds 1..draws, drawn as the engine draws them (planQuestions). */
export function runBot(quiz: Quiz, draws: number, mode: BotMode = 'testwise'): BotRun {
  const scores: number[] = [];
  const sums = new Map<string, { got: number; n: number }>();
  for (let seed = 1; seed <= draws; seed++) {
    const ids = planQuestions(quiz, seed);
    const attempt = ids.map((id) => quiz.questions.find((q) => q.id === id)!);
    const random = rng(seed ^ 0x5bd1e995);
    const answers = Object.fromEntries(attempt.map((q) => [q.id, botAnswer(q, attempt, random, mode)]));
    const result = scoreAttempt(quiz, ids, answers);
    scores.push(result.percent);
    for (const r of result.results) {
      const s = sums.get(r.questionId) ?? { got: 0, n: 0 };
      sums.set(r.questionId, { got: s.got + r.score, n: s.n + 1 });
    }
  }
  return {
    quizId: quiz.id,
    draws,
    mean: scores.reduce((a, b) => a + b, 0) / draws,
    passRate: scores.filter((s) => s >= quiz.settings.passMark).length / draws,
    scores,
    perQuestion: new Map([...sums].map(([id, s]) => [id, s.got / s.n])),
  };
}
