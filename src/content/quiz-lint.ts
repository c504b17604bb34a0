/**
 * The item linter: checks that a quiz measures understanding rather than test-wiseness, run on every
 * quiz in every build (docs/quiz-format.md, "The item linter"). Errors stop the build; warnings are
 * printed with file and line. A quote missing from its source is reported where sources are read
 * (quiz-schema.ts), since it needs the lesson's text.
 *
 * The rules are deliberately simple and explainable: each message says what was found and what to do.
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
  return { errors, warnings };
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
  const out: string[] = [];
  for (const w of fold(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    const base = w.replace(/'s$/, '').replace(/(?<=[a-z]{3})ies$/, 'y').replace(/(?<=[a-z]{3}[^s])s$/, '');
    if (base.length >= 4 && !STOP.has(base)) out.push(base);
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
