/**
 * Fuzz properties of the quiz loader (src/content/quizzes.ts, quiz-schema.ts, yaml-*.ts) and the
 * course settings (settings.ts), run in the fuzz worker: random text, near-valid quizzes with wrong
 * types, missing and unknown keys and hostile Markdown (serialised by the yaml library, then
 * sometimes damaged as text), and hand-made YAML traps (aliases, tags, deep nesting, directives).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadQuizzes } from '../../src/content/quizzes.ts';
import { parseSettings } from '../../src/content/settings.ts';
import { SCORM_ID, type Lesson, type Question, type Quiz } from '../../src/course/types.ts';
import { checkOutcome, checkSafeHtml, newCounter, runCase, type Beat, type Counter } from './fuzz-checks.ts';

const LESSONS: Lesson[] = [
  {
    id: '01_intro', file: '01-intro.md', title: 'Introduction', navOrder: 1, headingId: 'introduction', html: '<p id="introduction-p1">x</p>',
    toc: [], footnotes: [], passageIds: ['introduction', 'introduction-p1', 'introduction-p2', 'models-p1', 'table-r2'], minutes: 1, words: 10,
  },
  {
    id: '02_discussion', file: '02-discussion.md', title: 'Discussion', navOrder: 2, headingId: 'discussion', html: '<p id="discussion-p1">x</p>',
    toc: [], footnotes: [], passageIds: ['discussion', 'discussion-p1'], minutes: 1, words: 10,
  },
];

async function buildQuizFiles(beat: Beat, counter: Counter, quizzes: Record<string, string>): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'fuzz-quizzes-'));
  try {
    mkdirSync(path.join(root, 'quizzes'));
    const files = new Map<string, string>();
    for (const [name, text] of Object.entries(quizzes)) {
      writeFileSync(path.join(root, 'quizzes', name), text);
      files.set(`quizzes/${name}`, text);
    }
    const input = Object.entries(quizzes).map(([n, t]) => `=== quizzes/${n}\n${t}`).join('\n');
    const out = await runCase(beat, input, counter, () => loadQuizzes(path.join(root, 'quizzes'), LESSONS, root));
    const built = checkOutcome(out, files, counter);
    if (built) for (const q of built) checkQuiz(q);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A quiz that built is usable: SCORM ids, a known lesson and passages, safe HTML everywhere. */
function checkQuiz(quiz: Quiz): void {
  const where = `quiz ${quiz.id}`;
  if (!SCORM_ID.test(quiz.id)) throw new Error(`${where}: the id is not a SCORM id.`);
  const lesson = LESSONS.find((l) => l.id === quiz.lessonId);
  if (!lesson) throw new Error(`${where}: unknown lesson ${quiz.lessonId}.`);
  if (!quiz.title.trim()) throw new Error(`${where}: empty title.`);
  if (quiz.questions.length === 0) throw new Error(`${where}: no questions.`);
  const s = quiz.settings;
  if (!(s.passMark >= 0 && s.passMark <= 100) || !Number.isInteger(s.attempts) || s.attempts < 0) throw new Error(`${where}: settings ${JSON.stringify(s)}`);
  if (s.pool !== null && !(Number.isInteger(s.pool) && s.pool >= 1 && s.pool <= quiz.questions.length)) throw new Error(`${where}: pool ${s.pool}`);
  checkSafeHtml(quiz.introHtml, `${where} intro`);
  const qids = new Set<string>();
  for (const q of quiz.questions) checkQuestion(q, `${where}, question ${q.id}`, lesson, qids);
}

function checkQuestion(q: Question, where: string, lesson: Lesson, qids: Set<string>): void {
  if (!SCORM_ID.test(q.id) || qids.has(q.id)) throw new Error(`${where}: bad or repeated id.`);
  qids.add(q.id);
  if (!lesson.passageIds.includes(q.source)) throw new Error(`${where}: source ${q.source} is not a passage of ${lesson.id}.`);
  if (!(q.weight > 0) || !Number.isFinite(q.weight)) throw new Error(`${where}: weight ${q.weight}.`);
  for (const [field, html] of Object.entries({ prompt: q.promptHtml, hint: q.hintHtml ?? '', ...q.feedback })) checkSafeHtml(html, `${where} ${field}`);
  if (!q.promptText.trim()) throw new Error(`${where}: empty prompt text.`);
  const choices = q.type === 'truefalse' ? [] : q.type === 'matching' ? [...q.items, ...q.targets] : q.options;
  for (const c of choices) {
    if (!SCORM_ID.test(c.id)) throw new Error(`${where}: choice id ${c.id}.`);
    checkSafeHtml(c.html, `${where} choice ${c.id}`);
    if (c.feedbackHtml !== undefined) checkSafeHtml(c.feedbackHtml, `${where} choice ${c.id} feedback`);
  }
  const ids = choices.map((c) => c.id);
  switch (q.type) {
    case 'single':
      if (!ids.includes(q.correct)) throw new Error(`${where}: correct ${q.correct} is not an option.`);
      break;
    case 'multiple':
      if (q.correct.length === 0 || !q.correct.every((c) => ids.includes(c))) throw new Error(`${where}: correct ${q.correct}.`);
      break;
    case 'ordering':
      if ([...q.correct].sort().join() !== [...ids].sort().join()) throw new Error(`${where}: the order is not every option once.`);
      break;
    case 'matching':
      for (const item of q.items) if (!q.targets.some((t) => t.id === q.correct[item.id])) throw new Error(`${where}: item ${item.id} has no target.`);
      break;
    case 'truefalse':
      if (typeof q.correct !== 'boolean') throw new Error(`${where}: correct is not a boolean.`);
  }
}

// ---- generators -------------------------------------------------------------------------------

const words = fc.constantFrom('Which', 'model', 'of exit', 'is', 'right?', 'Stigma', 'family', 'Fuchs Ebaugh', 'the review', 'p. 12', '“quoted”', 'naïve');
const plainText = fc.array(words, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const payload = fc.constantFrom(
  '<script>window.parent.__pwned = 1</script>', '<img src=x onerror="window.parent.__pwned=1">', '[link](javascript:window.parent.__pwned=1)',
  '<a href="javascript:alert(1)">a</a>', '<iframe src="https://evil.example"></iframe>', '<style>*{display:none}</style>', '<svg onload=alert(1)></svg>',
  '![pixel](https://evil.example/p.png)', '<details ontoggle=alert(1) open>d</details>', '**bold** and `code`', '<b onmouseover=alert(1)>b</b>',
  '<img src="x" alt="relative">', '![chart](assets/chart.png)',
);
const text = fc.oneof(
  { arbitrary: plainText, weight: 6 },
  { arbitrary: fc.tuple(plainText, payload).map(([t, p]) => `${t} ${p}`), weight: 2 },
  { arbitrary: payload, weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom('', '   ', '\n', '<script>only</script>'), weight: 1 },
);
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant([]), fc.array(plainText, { maxLength: 2 }),
  fc.constant({}), fc.dictionary(fc.constantFrom('a', 'id', 'text', 'x'), plainText, { maxKeys: 2 }), plainText, fc.date({ noInvalidDate: true }),
);
/** Mostly the right kind of value, sometimes anything else. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: arb, weight: 8 }, { arbitrary: wrong, weight: 1 });

const goodId = fc.constantFrom('a', 'b', 'c', 'd', 'q1', 'q2', 'q_models', 'role_exit', 'x.y');
const id = fc.oneof({ arbitrary: goodId, weight: 8 }, { arbitrary: fc.constantFrom('has space', 'dash-id', '', 'ü', `${'i'.repeat(251)}`, '1', '-'), weight: 1 });
const source = fc.constantFrom('introduction-p1', '#introduction-p2', 'models-p1', 'table-r2', 'discussion-p1', 'nowhere', '', 'introduction');

/** Drop a key or add an unknown one, now and then. */
function damage(obj: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(obj, fc.option(fc.nat(), { freq: 5 }), fc.option(fc.constantFrom('promt', 'Options', 'correct_answer', 'extra', 'ID', 'type'), { freq: 8 }))
    .map(([o, drop, extra]) => {
      const out = { ...o };
      const keys = Object.keys(out);
      if (drop !== null && keys.length) delete out[keys[drop % keys.length]];
      if (extra !== null) out[extra] = 'x';
      return out;
    });
}

const choice = damage(fc.record({ id: maybe(id), text: maybe(text) }, { requiredKeys: ['id', 'text'] }));
const choiceWithFeedback = fc.tuple(choice, fc.option(maybe(text), { freq: 3 })).map(([c, f]) => (f === null ? c : { ...c, feedback: f }));
const choices = (arb: fc.Arbitrary<Record<string, unknown>>) => maybe(fc.array(arb, { minLength: 0, maxLength: 5 }));
const correctFor = (type: string): fc.Arbitrary<unknown> => {
  switch (type) {
    case 'single':
      return maybe(goodId);
    case 'truefalse':
      return maybe(fc.boolean());
    case 'matching':
      return maybe(fc.dictionary(goodId, goodId, { maxKeys: 5 }));
    default:
      return maybe(fc.uniqueArray(goodId, { maxLength: 5 }));
  }
};

const question = fc.constantFrom('single', 'multiple', 'truefalse', 'matching', 'ordering', 'Single', 'choice', '').chain((type) =>
  damage(
    fc.record({
      id: maybe(id),
      type: maybe(fc.constant(type)),
      prompt: maybe(text),
      ...(type === 'matching' ? { items: choices(choice), targets: choices(choice) } : type === 'truefalse' ? {} : { options: choices(choiceWithFeedback) }),
      correct: correctFor(type),
      source: maybe(source),
      hint: fc.option(maybe(text), { nil: undefined }),
      feedback: fc.option(maybe(fc.record({ correct: maybe(text), incorrect: maybe(text), partial: maybe(text) }, { requiredKeys: [] })), { nil: undefined }),
      weight: fc.option(maybe(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double({ min: 0, max: 3 }))), { nil: undefined }),
    }),
  ).map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined))),
);

const settings = damage(
  fc.record(
    {
      passMark: maybe(fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double({ min: 0, max: 100 }))),
      attempts: maybe(fc.integer({ min: -1, max: 5 })),
      shuffleQuestions: maybe(fc.boolean()),
      shuffleOptions: maybe(fc.boolean()),
      pool: maybe(fc.option(fc.integer({ min: 0, max: 6 }))),
      retryWrongOnly: maybe(fc.boolean()),
    },
    { requiredKeys: [] },
  ),
);

const quiz = damage(
  fc.record(
    {
      id: maybe(id),
      lesson: maybe(fc.constantFrom('01-intro.md', '01_intro', 'modules/01-intro.md', '02-discussion.md', '03-missing.md', '01-Intro.md')),
      title: maybe(text),
      intro: maybe(text),
      settings,
      questions: maybe(fc.array(question, { minLength: 1, maxLength: 4 })),
    },
    { requiredKeys: ['lesson', 'questions'] },
  ),
);

/** Damage YAML text the way hands do: a tab, a lost or doubled line, a cut, a stray ": ". */
function damageText(yaml: string, how: number, at: number): string {
  const lines = yaml.split('\n');
  const i = at % Math.max(1, lines.length);
  switch (how) {
    case 0:
      lines[i] = `\t${lines[i]}`;
      break;
    case 1:
      lines.splice(i, 1);
      break;
    case 2:
      lines.splice(i, 0, lines[i]);
      break;
    case 3:
      return yaml.slice(0, at % (yaml.length + 1));
    case 4:
      lines[i] = lines[i].replace(/^ {2}/, '');
      break;
    case 5:
      lines[i] = `${lines[i]}: extra: colon`;
      break;
    case 6:
      lines.push('---', 'second: document');
      break;
    default:
      return yaml;
  }
  return lines.join('\n');
}

const quizText = fc
  .tuple(quiz, fc.integer({ min: 0, max: 12 }), fc.nat())
  .map(([q, how, at]) => damageText(stringify(q, { lineWidth: 0 }), how, at));

// A valid quiz (coherent ids and answers), then a few precise mutations: the near-miss an author makes.
const safeText = fc.oneof({ arbitrary: plainText, weight: 6 }, { arbitrary: fc.tuple(plainText, payload).map(([t, p]) => `${t} ${p}`), weight: 2 });
const choiceList = (min: number) =>
  fc.uniqueArray(goodId, { minLength: min, maxLength: 5 }).chain((ids) =>
    fc.tuple(...ids.map((i) => fc.tuple(safeText, fc.option(safeText, { freq: 4 })).map(([t, f]) => ({ id: i, text: t, ...(f ? { feedback: f } : {}) })))),
  );
const validQuestion = (qid: string): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(fc.constantFrom('single', 'multiple', 'truefalse', 'matching', 'ordering'), safeText, fc.constantFrom('introduction-p1', '#models-p1', 'table-r2')).chain(([type, prompt, src]): fc.Arbitrary<Record<string, unknown>> => {
    const base: Record<string, unknown> = { id: qid, type, prompt, source: src };
    switch (type) {
      case 'single':
        return choiceList(2).chain((o) => fc.constantFrom(...o.map((x) => x.id)).map((c) => ({ ...base, options: o, correct: c })));
      case 'multiple':
        return choiceList(2).chain((o) => fc.subarray(o.map((x) => x.id), { minLength: 1 }).map((c) => ({ ...base, options: o, correct: c })));
      case 'ordering':
        return choiceList(2).chain((o) => fc.shuffledSubarray(o.map((x) => x.id), { minLength: o.length, maxLength: o.length }).map((c) => ({ ...base, options: o.map(({ id: i, text: t }) => ({ id: i, text: t })), correct: c })));
      case 'truefalse':
        return fc.boolean().map((c) => ({ ...base, correct: c }));
      default:
        return fc.tuple(choiceList(2), choiceList(2)).chain(([items, targets]) =>
          fc.tuple(...items.map(() => fc.constantFrom(...targets.map((t) => t.id)))).map((ts) => ({
            ...base,
            items: items.map(({ id: i, text: t }) => ({ id: i, text: t })),
            targets: targets.map(({ id: i, text: t }) => ({ id: i, text: t })),
            correct: Object.fromEntries(items.map((it, k) => [it.id, ts[k]])),
          })),
        );
    }
  });
const validQuiz = fc
  .tuple(fc.integer({ min: 1, max: 4 }), safeText, fc.option(safeText), fc.option(fc.integer({ min: 1, max: 4 })))
  .chain(([n, title, intro, pool]) =>
    fc.tuple(fc.constantFrom('quiz_1', 'quiz_2', null), ...Array.from({ length: n }, (_, i) => validQuestion(`q${i + 1}`))).map(([quizId, ...questions]) => ({
      ...(quizId ? { id: quizId } : {}),
      lesson: '01-intro.md',
      title,
      ...(intro ? { intro } : {}),
      settings: { passMark: 80, attempts: 0, shuffleQuestions: true, pool: pool !== null && pool <= n ? pool : null },
      questions,
    })),
  );

type Tree = Record<string, unknown> | unknown[];
/** Every container in the tree with the keys or indices it holds. */
function containers(node: unknown, out: Tree[] = []): Tree[] {
  if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
    out.push(node as Tree);
    for (const v of Object.values(node)) containers(v, out);
  }
  return out;
}
/** One mutation: replace a value by one of the wrong kind, drop it, add an unknown key, or repeat a list entry. */
function mutate(tree: Record<string, unknown>, at: number, op: number, value: unknown): void {
  const all = containers(tree);
  const target = all[at % all.length];
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[(at >> 3) % keys.length];
  if (Array.isArray(target)) {
    const i = Number(key);
    if (op === 0) target[i] = value;
    else if (op === 1) target.splice(i, 1);
    else target.push(structuredClone(target[i]));
  } else if (op === 0) target[key] = value;
  else if (op === 1) delete target[key];
  else target[op === 2 ? 'unknown_key' : 'Correct'] = value;
}
const nearValidQuiz = fc
  .tuple(validQuiz, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), wrong), { maxLength: 3 }))
  .map(([q, mutations]) => {
    const copy = structuredClone(q) as Record<string, unknown>;
    for (const [at, op, value] of mutations) mutate(copy, at, op, value);
    return stringify(copy, { lineWidth: 0 });
  });

/** Hand-made traps: a finite list, so the property runs every one of them (a random draw of 80 missed the
 * only one that builds, the BOM and CRLF quiz, in about 3% of runs). */
const TRAPS = [
  // A billion laughs.
  `lesson: 01-intro.md\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `a${n}: &a${n} [${Array(10).fill(`*a${n - 1}`).join(', ')}]`).join('\n')}\nquestions: *a8\n`,
  'lesson: &l 01-intro.md\nquestions: &q\n  - *q\n',
  'lesson: 01-intro.md\nquestions: *undefined_anchor\n',
  'lesson: !!binary aGVsbG8=\nquestions: !!set {a, b}\n',
  'lesson: 01-intro.md\ntitle: !!timestamp 2021-01-01\nquestions: []\n',
  '%YAML 1.1\n---\nlesson: 01-intro.md\nquestions: [yes, no, on, off]\n',
  '? [complex, key]\n: value\nlesson: 01-intro.md\n',
  '<<: {lesson: 01-intro.md}\nquestions: [{<<: {id: q1}, type: truefalse}]\n',
  `lesson: 01-intro.md\nquestions: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
  `lesson: 01-intro.md\nquestions:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}x\n`,
  ': no key\n~: null key\nnull: x\n1: one\ntrue: yes\n',
  'lesson: 01-intro.md\nquestions: [{id: q1, type: truefalse, prompt: P, correct: true, source: introduction-p1, weight: .nan}]\n',
  'lesson: 01-intro.md\nquestions: [{id: q1, type: truefalse, prompt: P, correct: true, source: introduction-p1, weight: .inf}]\n',
  'lesson: 01-intro.md\nsettings: {passMark: 1e400, pool: -0}\nquestions: [{id: q1, type: truefalse, prompt: P, correct: true, source: introduction-p1}]\n',
  '\uFEFFlesson: 01-intro.md\r\nquestions:\r\n  - {id: q1, type: truefalse, prompt: P, correct: true, source: introduction-p1}\r\n',
  'lesson: 01-intro.md\rquestions:\r  - {id: q1, type: truefalse, prompt: P, correct: true, source: introduction-p1}\r',
  '- just\n- a list\n',
  'just a string',
  '',
  '# only a comment\n',
  '"unclosed',
  'lesson: 01-intro.md\nquestions:\n  - id: q1\n    type: single\n    prompt: P\n    options: [{id: a, text: A}, {id: a, text: B}]\n    correct: a\n    source: introduction-p1\n',
];
const traps = fc.constantFrom(...TRAPS);

const settingsText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 600 }),
  traps,
  fc
    .tuple(
      damage(
        fc.record(
          {
            id: maybe(fc.constantFrom('course_1', '1course', 'with space', 'ok.id')),
            title: maybe(text),
            description: maybe(text),
            language: maybe(fc.constantFrom('en', 'en-GB', 'english', 'e', 'fr-CA-x-private')),
            passMark: maybe(fc.integer({ min: -5, max: 120 })),
            completion: maybe(fc.record({ lessons: maybe(fc.constantFrom('all', 'none', 'some')), quizzes: maybe(fc.constantFrom('all-submitted', 'all-passed', 'none', 'any')) }, { requiredKeys: [] })),
            estimatedMinutes: maybe(fc.integer({ min: -1, max: 600 })),
            credit: maybe(fc.record({ author: maybe(text), year: maybe(fc.integer({ min: 900, max: 12000 })), title: maybe(text), source: maybe(text), url: maybe(fc.constantFrom('https://example.org/x', 'javascript:alert(1)', 'example.org', 'https://')) }, { requiredKeys: [] })),
            advisory: maybe(text),
            support: maybe(fc.record({ heading: maybe(text), text: maybe(text) }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      ),
      fc.integer({ min: 0, max: 12 }),
      fc.nat(),
    )
    .map(([s, how, at]) => damageText(stringify(s, { lineWidth: 0 }), how, at)),
);

// ---- properties -------------------------------------------------------------------------------

type Opts = { numRuns: number; seed?: number; beat: Beat };

async function check<T>(opts: Opts, arb: fc.Arbitrary<T>, run: (value: T, counter: Counter) => Promise<void>): Promise<Counter> {
  const counter = newCounter();
  await fc.assert(
    fc.asyncProperty(arb, (v) => run(v, counter)),
    { numRuns: opts.numRuns, seed: opts.seed },
  );
  return counter;
}

export const properties: Record<string, (opts: Opts) => Promise<Counter>> = {
  randomText: (opts) => check(opts, fc.string({ unit: 'binary', maxLength: 1500 }), (t, c) => buildQuizFiles(opts.beat, c, { 'random.yaml': t })),

  structured: (opts) => check(opts, quizText, (t, c) => buildQuizFiles(opts.beat, c, { 'damaged.yaml': t })),

  nearValid: (opts) => check(opts, nearValidQuiz, (t, c) => buildQuizFiles(opts.beat, c, { 'near-valid.yaml': t })),

  traps: async (opts) => {
    const counter = newCounter();
    for (const t of TRAPS) await buildQuizFiles(opts.beat, counter, { 'trap.yaml': t });
    return counter;
  },

  /** Two quizzes together (their ids may collide; file names give default ids). */
  twoQuizzes: (opts) =>
    check(opts, fc.tuple(nearValidQuiz, fc.oneof(nearValidQuiz, quizText), fc.constantFrom('exit-models.yaml', 'a b.yml', '1.yaml', 'ü.yaml')), ([a, b, name], c) =>
      buildQuizFiles(opts.beat, c, { 'a.yaml': a, [name]: b }),
    ),

  settings: (opts) =>
    check(opts, settingsText, async (t, counter) => {
      const files = new Map([['course.yaml', t]]);
      const out = await runCase(opts.beat, t, counter, () => parseSettings(t));
      const built = checkOutcome(out, files, counter);
      if (built) {
        checkSafeHtml(built.settings.advisoryHtml, 'advisory');
        checkSafeHtml(built.settings.support.html, 'support');
        if (built.credit?.url && !/^https?:\/\//.test(built.credit?.url)) throw new Error(`credit url ${built.credit?.url}`);
      }
    }),
};
