/**
 * The item linter: checks that a quiz measures understanding rather than test-wiseness, run on every
 * quiz in every build (docs/quiz-format.md, "The item linter"). Errors stop the build; warnings are
 * printed with file and line. A quote missing from its source is reported where sources are read
 * (quiz-schema.ts), since it needs the lesson's text.
 *
 * The rules are deliberately simple and explainable: each message says what was found and what to do.
 * The cues they look for (absolutes and hedges, words shared with the question, a word only the keys
 * carry, answers given away by other questions) are exported: the test-wise bot
 * (tests/helpers/testwise-bot.ts) answers with the same cues and no knowledge of the content.
 */
import type { Choice, Question, Quiz } from '../course/types.ts';
import type { ContentProblem } from './errors.ts';
import type { QuizLines } from './quiz-schema.ts';
import { foldTypography, normalizeSpace } from './sentences.ts';

export interface LintResult {
  errors: ContentProblem[];
  warnings: ContentProblem[];
}

/** "All of the above" and its kin: answerable by spotting two true options, and unreadable once shuffled. */
const ABOVE = /\b(all|none|both|neither)\s+of\s+(the\s+)?(above|these|those|options|answers|them)\b|\b(all|none)\s+the\s+above\b/i;

/**
 * Absolutes: test-wise learners know that a sweeping claim is usually the wrong one, so an absolute
 * carried only by distractors (or only by a false statement) points to the answer.
 */
const ABSOLUTE = /\b(only|always|never|all|every|entirely|completely|solely|alone|at all|main|most|best|none|nothing|no|cannot|impossible|above all)\b/i;
/** Hedges: a qualified claim is usually the right one, the mirror image of an absolute. */
const HEDGE = /\b(may|might|can|could|some|sometimes|often|usually|likely|perhaps|possibly|partly|in part|tends?)\b/i;

/** The absolute a text carries ("only", "the most" ...), or null. */
export function absoluteIn(text: string): string | null {
  return ABSOLUTE.exec(fold(text))?.[1] ?? null;
}

/** The hedge a text carries ("may", "some" ...), or null. */
export function hedgeIn(text: string): string | null {
  return HEDGE.exec(fold(text))?.[1] ?? null;
}

/**
 * What the absolute/hedge rule says of a text: -1 an absolute (likely wrong; "can begin only with"
 * is still sweeping), 1 a hedge and no absolute (likely right), 0 neither.
 */
export function hedgeCue(text: string): -1 | 0 | 1 {
  if (absoluteIn(text) !== null) return -1;
  return hedgeIn(text) !== null ? 1 : 0;
}

/** Words too common to give an answer away. */
const STOP = new Set(
  `about above after again against also among another because been before being below between both
  cannot could does doing down during each either even every from further have having here into itself
  just least less like made make many more most much must never none only other ones onto over same
  should since some still such than that their them then there these they this those through under
  until upon very were what when where which while whom whose will with within without would your
  lesson review according true false question questions answer study studies`.split(/\s+/),
);

export function lintQuiz(quiz: Quiz, file: string, lines: QuizLines): LintResult {
  const errors: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const at = (key: string): number | null => lines.get(key) ?? null;
  const err = (line: number | null, reason: string) => errors.push({ file, line, reason });
  const warn = (line: number | null, reason: string) => warnings.push({ file, line, reason });

  for (const q of quiz.questions) {
    for (const o of choicesOf(q)) {
      if (ABOVE.test(o.text)) {
        err(
          at(`${q.id}.${o.id}`) ?? at(q.id),
          `Question "${q.id}": the option "${o.text}" is an "all/none of the above" option; options are shuffled and such an option rewards guessing. Write a plausible answer instead.`,
        );
      }
    }
    if (q.type === 'ordering') lintOrdering(q, at, err);
    if (q.type === 'matching' && lastMatchFree(q)) {
      warn(
        at(q.id),
        `Question "${q.id}": ${q.items.length} items go to ${q.targets.length} targets, one each, so the last match is free. Add a target that matches no item, or let items share a target.`,
      );
    }
    for (const o of q.type === 'matching' ? q.targets : q.type === 'truefalse' ? [] : q.options) {
      if (inStem(o.text, q)) {
        warn(
          at(`${q.id}.${o.id}`) ?? at(q.id),
          `Question "${q.id}": the option "${o.text}" is repeated word for word in the question; it points to (or away from) the answer. Reword the question or the option.`,
        );
      }
    }
  }

  const singles = quiz.questions.filter((q): q is Extract<Question, { type: 'single' }> => q.type === 'single');
  const longest = singles.filter(keyIsLongest);
  if (singles.length > 0 && longest.length * 3 > singles.length) {
    warn(
      at('questions'),
      `In ${longest.length} of the ${singles.length} single-choice questions the correct answer is the longest option (${longest
        .map((q) => `"${q.id}", line ${at(q.id) ?? '?'}`)
        .join('; ')}); learners learn to pick the longest. Shorten the keys or give the distractors the same detail (at most a third may have the longest key).`,
    );
  }

  const tfs = quiz.questions.filter((q): q is Extract<Question, { type: 'truefalse' }> => q.type === 'truefalse');
  const trues = tfs.filter((q) => q.correct).length;
  const same = Math.max(trues, tfs.length - trues);
  if (tfs.length >= 2 && same * 4 > tfs.length * 3) {
    warn(
      at(tfs[0].id),
      `${same} of the ${tfs.length} true/false questions are "${same === trues ? 'true' : 'false'}" (more than 75%); a learner who always answers so scores well. Balance them (first on line ${at(tfs[0].id) ?? '?'}).`,
    );
  }

  // A word in the texts of more than a quarter of the questions is the quiz's topic, not a clue.
  const df = new Map<string, number>();
  for (const q of quiz.questions) for (const w of words(allText(q))) df.set(w, (df.get(w) ?? 0) + 1);
  const common = (w: string) => (df.get(w) ?? 0) >= 3 && (df.get(w) ?? 0) * 4 > quiz.questions.length;
  for (const a of quiz.questions) {
    const key = new Set([...distinctiveKeyWords(a)].filter((w) => !common(w)));
    if (key.size === 0) continue;
    const keyPairs = pairs(keyText(a));
    for (const b of quiz.questions) {
      if (b === a) continue;
      const stem = wordList(stemOf(b));
      const shared = [...new Set(stem)].filter((w) => key.has(w));
      // Two shared words make a clue when they are a phrase in both ("turning point"); otherwise three.
      const phrase = [...pairs(stemOf(b))].find((p) => keyPairs.has(p) && p.split(' ').every((w) => key.has(w)));
      if (phrase || shared.length >= 3) {
        warn(
          at(b.id),
          `Question "${b.id}" gives away the answer of "${a.id}" (line ${at(a.id) ?? '?'}): its question shares ${
            phrase ? `the words "${phrase}"` : shared.map((w) => `"${w}"`).join(', ')
          } with that answer. Reword one of them, or keep only one.`,
        );
      }
    }
  }

  for (const q of quiz.questions) lintCues(q, at, warn);

  const overlapping = singles.filter((q) => keyOverlapsStemMost(q));
  if (singles.length > 0 && overlapping.length * 4 > singles.length) {
    warn(
      at('questions'),
      `In ${overlapping.length} of the ${singles.length} single-choice questions the correct answer shares more words with the question than any other option does (${overlapping
        .map((q) => `"${q.id}", line ${at(q.id) ?? '?'}`)
        .join('; ')}); learners learn to pick the option that echoes the question. Reword the question or the keys, or let distractors echo it too (at most a quarter may).`,
    );
  }

  for (const a of quiz.questions) {
    if (a.type !== 'matching') continue;
    for (const b of quiz.questions) {
      if (b === a) continue;
      for (const row of givenAwayRows(a, stemOf(b))) {
        warn(
          at(b.id),
          `Question "${b.id}" gives away a row of the matching question "${a.id}" (line ${at(a.id) ?? '?'}): its question says "${row.itemWord}" and "${row.targetWord}", so "${row.item}" goes to "${row.target}". Reword one of them, or keep only one.`,
        );
      }
    }
  }
  return { errors, warnings };
}

/** The absolute/hedge rule and, for choose-all questions, a key set that a word or the length gives away. */
function lintCues(q: Question, at: (k: string) => number | null, warn: (l: number | null, r: string) => void): void {
  if (q.type === 'truefalse') {
    const cue = hedgeCue(q.promptText);
    if (cue !== 0 && (cue > 0) === q.correct) {
      warn(
        at(q.id),
        `Question "${q.id}": the statement is ${q.correct ? 'true and hedged' : 'false and absolute'} ("${q.correct ? hedgeIn(q.promptText) : absoluteIn(q.promptText)}"), so the rule "absolutes are false, hedges are true" answers it. Word it without the ${q.correct ? 'hedge' : 'absolute'}, or ask a statement where the rule fails.`,
      );
    }
    return;
  }
  if (q.type !== 'single' && q.type !== 'multiple') return;
  const keys = q.type === 'single' ? [q.correct] : q.correct;
  const isKey = (o: Choice) => keys.includes(o.id);
  // An "all of the above" option is already an error; its "all" is no second finding.
  const cues = q.options.map((o) => (ABOVE.test(o.text) ? 0 : hedgeCue(o.text)));
  const keyCues = q.options.map((o, i) => (isKey(o) ? cues[i] : null)).filter((c): c is -1 | 0 | 1 => c !== null);
  const wrongCues = q.options.map((o, i) => (isKey(o) ? null : cues[i])).filter((c): c is -1 | 0 | 1 => c !== null);
  const absWrong = q.options.filter((o, i) => !isKey(o) && cues[i] < 0);
  const hedgedKeys = q.options.filter((o, i) => isKey(o) && cues[i] > 0);
  if (absWrong.length > 0 && Math.min(...keyCues) >= 0) {
    warn(
      at(q.id),
      `Question "${q.id}": ${absWrong.map((o) => `"${o.text}"`).join(', ')} carr${absWrong.length > 1 ? 'y absolutes' : 'ies an absolute'} ("${absWrong
        .map((o) => absoluteIn(o.text))
        .join('", "')}") and no correct answer does; learners rule such options out unread. Give the distractors the same measured wording, or the key an absolute the lesson states.`,
    );
  } else if (hedgedKeys.length > 0 && Math.max(...wrongCues) <= 0) {
    warn(
      at(q.id),
      `Question "${q.id}": only the correct answer${hedgedKeys.length > 1 ? 's hedge' : ' hedges'} (${hedgedKeys
        .map((o) => `"${hedgeIn(o.text)}"`)
        .join(', ')}); learners pick the qualified option unread. Hedge a distractor too, or word the key plainly.`,
    );
  }
  if (q.type !== 'multiple' || q.correct.length < 2 || q.correct.length === q.options.length) return;
  const keyOpts = q.options.filter(isKey);
  const wrongOpts = q.options.filter((o) => !isKey(o));
  const inWrong = new Set(wrongOpts.flatMap((o) => [...stemsOf(o.text).keys()]));
  const sets = keyOpts.map((o) => stemsOf(o.text));
  const shared = [...sets[0].entries()].find(([st]) => !inWrong.has(st) && sets.every((s) => s.has(st)));
  if (shared) {
    warn(
      at(q.id),
      `Question "${q.id}": only the correct options say "${shared[1]}", so the word picks them out. Use it in a distractor too, or in none of the options.`,
    );
  }
  const byLength = [...q.options].sort((x, y) => y.text.length - x.text.length);
  const k = keyOpts.length;
  if (byLength.slice(0, k).every(isKey) && byLength[k].text.length < byLength[k - 1].text.length) {
    warn(
      at(q.id),
      `Question "${q.id}": the ${k} correct options are the ${k} longest; learners pick the longest. Give the distractors the same detail.`,
    );
  }
}

/** The key shares more content words with its own question than every other option (and at least one). */
function keyOverlapsStemMost(q: Extract<Question, { type: 'single' }>): boolean {
  const stem = stemsOf(q.promptText);
  const overlap = (o: Choice) => [...stemsOf(o.text).keys()].filter((w) => stem.has(w)).length;
  const key = q.options.find((o) => o.id === q.correct)!;
  const n = overlap(key);
  return n > 0 && q.options.every((o) => o === key || overlap(o) < n);
}

/** A matching row that a text gives away: the words that name its item and its target. */
export interface GivenAwayRow {
  itemId: string;
  item: string;
  target: string;
  itemWord: string;
  targetWord: string;
}

/**
 * The rows of a matching question that another question's text gives away: the text names the item
 * (a word no other item has) and points to its target more than to any other (words the targets do
 * not all share): "Why is the family ambiguous?" gives away "The family" -> "As ambiguous".
 */
export function givenAwayRows(q: Extract<Question, { type: 'matching' }>, text: string): GivenAwayRow[] {
  const stem = stemsOf(text);
  const itemStems = q.items.map((o) => stemsOf(o.text));
  const targetStems = q.targets.map((o) => stemsOf(o.text));
  const inAll = (st: string) => targetStems.every((t) => t.has(st));
  const pointed = targetStems.map((t) => [...t.keys()].filter((st) => !inAll(st) && stem.has(st)));
  const best = Math.max(...pointed.map((p) => p.length));
  const out: GivenAwayRow[] = [];
  for (const [i, item] of q.items.entries()) {
    const own = [...itemStems[i].keys()].find((st) => stem.has(st) && itemStems.every((o, j) => j === i || !o.has(st)));
    const t = q.targets.findIndex((x) => x.id === q.correct[item.id]);
    if (!own || best === 0 || pointed[t].length < best || pointed.filter((p) => p.length === best).length > 1) continue;
    out.push({ itemId: item.id, item: item.text, target: q.targets[t].text, itemWord: stem.get(own)!, targetWord: stem.get(pointed[t][0])! });
  }
  return out;
}

// The test-wise bot asks for the same texts thousands of times.
const stemCache = new Map<string, Map<string, string>>();

/**
 * Content words by a rough stem ("hinders", "hindering" -> "hinder"), each with the word as written:
 * matching across questions must not hinge on the form of a word.
 */
export function stemsOf(text: string): Map<string, string> {
  const known = stemCache.get(text);
  if (known) return known;
  const out = new Map<string, string>();
  stemCache.set(text, out);
  for (const { base, raw } of tokens(text)) {
    const st = base.replace(/(?<=[a-z]{3})(ing|ed|es|e|s)$/, '');
    if (!out.has(st)) out.set(st, raw);
  }
  return out;
}

function choicesOf(q: Question): Choice[] {
  if (q.type === 'matching') return [...q.items, ...q.targets];
  if (q.type === 'truefalse') return [];
  return q.options;
}

function lintOrdering(q: Extract<Question, { type: 'ordering' }>, at: (k: string) => number | null, err: (l: number | null, r: string) => void): void {
  const line = at(`${q.id}.source`) ?? at(q.id);
  if (!q.sourceQuote) {
    err(line, `Question "${q.id}": an ordering question must quote the words of the lesson that state the order (source: { passage: ..., quote: "..." }).`);
    return;
  }
  const quote = fold(q.sourceQuote);
  let from = 0;
  for (const id of q.correct) {
    const text = q.options.find((o) => o.id === id)!.text;
    const i = quote.indexOf(fold(text), from);
    if (i < 0) {
      const anywhere = quote.includes(fold(text));
      err(
        line,
        `Question "${q.id}": the quoted source does not state this order: "${text}" ${anywhere ? 'comes too early in the quote' : 'is not in the quote'}. ` +
          'Quote the sentence that puts the options in this order (each option word for word), or do not ask for an order.',
      );
      return;
    }
    from = i + fold(text).length;
  }
}

/** Every target used by exactly one item, as many targets as items: the last one is found by elimination. */
function lastMatchFree(q: Extract<Question, { type: 'matching' }>): boolean {
  if (q.items.length !== q.targets.length) return false;
  const used = Object.values(q.correct);
  return new Set(used).size === used.length && used.length === q.targets.length;
}

function keyIsLongest(q: Extract<Question, { type: 'single' }>): boolean {
  const key = q.options.find((o) => o.id === q.correct)!;
  return q.options.every((o) => o === key || o.text.length < key.text.length);
}

function fold(s: string): string {
  return foldTypography(normalizeSpace(s)).toLowerCase();
}

function allText(q: Question): string {
  return [q.promptText, ...choicesOf(q).map((o) => o.text)].join(' ');
}

function stemOf(q: Question): string {
  return q.promptText;
}

/** True when the option's words appear, whole and in order, in the question's prompt or hint. */
function inStem(option: string, q: Question): boolean {
  const o = fold(option).replace(/[.?!]+$/, '');
  if (o.length < 3) return false;
  const stem = fold(q.promptText);
  const escaped = o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(stem);
}

/** Content words of a text in order, lower case, plural "s" removed. */
export function wordList(text: string): string[] {
  return tokens(text).map((t) => t.base);
}

/** Content words with the word as written, for messages. */
function tokens(text: string): { base: string; raw: string }[] {
  const out: { base: string; raw: string }[] = [];
  for (const w of fold(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    const base = w.replace(/'s$/, '').replace(/(?<=[a-z]{3})ies$/, 'y').replace(/(?<=[a-z]{3}[^s])s$/, '');
    if (base.length >= 4 && !STOP.has(base)) out.push({ base, raw: w });
  }
  return out;
}

export function words(text: string): Set<string> {
  return new Set(wordList(text));
}

/** Neighbouring content words, as "a b". */
function pairs(text: string): Set<string> {
  const list = wordList(text);
  return new Set(list.slice(1).map((w, i) => `${list[i]} ${w}`));
}

/**
 * Words of a question's answer that its own question and wrong options do not contain: what only a
 * learner who knows the answer (or who read it in another question) would say.
 */
function keyText(q: Question): string {
  switch (q.type) {
    case 'single':
      return q.options.find((o) => o.id === q.correct)!.text;
    case 'multiple':
      return q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.text).join(' | ');
    case 'truefalse':
      return q.correct ? q.promptText.replace(/^true or false:?/i, '') : '';
    default:
      return '';
  }
}

function distinctiveKeyWords(q: Question): Set<string> {
  let key: string[];
  let rest: string[];
  switch (q.type) {
    case 'single':
      key = q.options.filter((o) => o.id === q.correct).map((o) => o.text);
      rest = [q.promptText, ...q.options.filter((o) => o.id !== q.correct).map((o) => o.text)];
      break;
    case 'multiple':
      key = q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.text);
      rest = [q.promptText, ...q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.text)];
      break;
    case 'truefalse':
      // A true statement is itself the answer.
      key = q.correct ? [q.promptText.replace(/^true or false:?/i, '')] : [];
      rest = [];
      break;
    default:
      return new Set();
  }
  const exclude = words(rest.join(' '));
  return new Set([...words(key.join(' '))].filter((w) => !exclude.has(w)));
}
