import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { loadQuizzes, parseQuiz } from '../../src/content/quizzes.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/quizzes');

function lesson(file: string, title: string, passageIds: string[], html = ''): Lesson {
  return {
    id: file.replace(/\.md$/, '').replace(/-/g, '_'),
    file,
    title,
    navOrder: 0,
    headingId: passageIds[0],
    html,
    toc: [],
    footnotes: [],
    passageIds,
    minutes: 1,
    words: 1,
  };
}

/** Stand-ins for the real lessons: the schema only needs their names and passage ids. */
const LESSONS = [
  lesson('02-theoretical-background.md', 'Theoretical Background', [
    'theoretical-background',
    'theoretical-background-p1',
    'theoretical-background-p2',
    'theoretical-background-p3',
  ], '<p id="theoretical-background-p1">First comes the First step. Then the Second.</p>'),
  lesson('05-discussion.md', 'Discussion', ['discussion', 'discussion-p1']),
];

function problemsOf(name: string, dir = 'bad'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const text = readFileSync(path.join(FIXTURES, dir, name), 'utf8');
  const quiz = parseQuiz(text, `quizzes/${name}`, name, LESSONS, problems);
  expect(quiz).toBeNull();
  return problems;
}

/** Each bad file, with every problem it must report: line and a phrase of the reason. */
const CASES: Array<[file: string, expected: Array<[line: number, reason: RegExp]>]> = [
  ['syntax-colon.yaml', [[3, /YAML syntax error: a text that contains a colon followed by a space \(": "\) must be put in quotes/]]],
  ['syntax-tab.yaml', [[4, /YAML syntax error: indent with spaces, not tabs/]]],
  ['unknown-key.yaml', [[6, /Question "q1": unknown key "promt"\. Did you mean "prompt"\?/]]],
  ['missing-field.yaml', [[4, /Question "q1": "prompt" is missing/]]],
  [
    'unknown-type.yaml',
    [[5, /Question "q1": the type "dropdown" is not valid\. Use one of: single, multiple, truefalse, matching, ordering\./]],
  ],
  [
    'no-correct.yaml',
    [
      [4, /Question "q_missing": "correct" is missing: the question has no correct answer/],
      [17, /Question "q_empty_list": no correct answer is given/],
    ],
  ],
  ['correct-not-option.yaml', [[11, /Question "q1": the correct answer "e" is not one of the options \(a, b, c\)\.$/]]],
  [
    'duplicate-ids.yaml',
    [
      [9, /Question "q1": the option id "a" is used twice \(first on line 8\)/],
      [12, /Question id "q1" is used twice in this quiz \(first on line 4\)/],
    ],
  ],
  [
    'bad-id.yaml',
    [
      [1, /The quiz "id" "exit models!" cannot be used as a SCORM id: it contains a space, "!"\. Ids may only use letters/],
      [4, /The question id "q-1" cannot be used as a SCORM id: it contains "-"\./],
    ],
  ],
  [
    'bad-source.yaml',
    [
      [
        8,
        /Question "q1": the source "theoretical-background-p9" is not a passage or sentence of the lesson "Theoretical Background" \(02-theoretical-background\.md\)\. Closest ids: theoretical-background-p1, theoretical-background-p2, theoretical-background-p3\./,
      ],
      [13, /Question "q2": the source "discussion-p1" is not a passage or sentence of the lesson .* It is in "Discussion", but a question must point into the lesson its quiz follows/],
    ],
  ],
  [
    'lesson-not-found.yaml',
    [[2, /The lesson "02-theoretical-backgroud\.md" does not exist\. Did you mean "02-theoretical-background\.md"\? .*02-theoretical-background\.md, 05-discussion\.md/]],
  ],
  [
    'pass-mark.yaml',
    [
      [4, /The pass mark "passMark" must be from 0 to 100, but it is 120\./],
      [5, /"attempts" \(0 = unlimited\) must be 0 or more, but it is -1\./],
    ],
  ],
  ['pool-too-big.yaml', [[4, /The quiz "pool" draws 5 questions, but the quiz has only 2\./]]],
  ['ordering-one-option.yaml', [[7, /Question "q1": an ordering question needs at least 2 options, but it has 1\./]]],
  ['matching-no-target.yaml', [[13, /Question "q1": the item "i2" has no target in "correct"; every item needs one\./]]],
  [
    'many-problems.yaml',
    [
      [3, /The quiz "settings": unknown key "shuffle"\. Allowed keys: passMark, attempts, shuffleQuestions/],
      [11, /Question "q1": a single-choice question has exactly one correct answer\. For several, use "type: multiple"\./],
      [16, /Question "q2": a true\/false question has no options.* Remove "options"\./],
      [18, /Question "q2": the "correct" answer of a true\/false question must be true or false, but here it is the text "yes"\./],
    ],
  ],
];

describe('quiz files: every problem is reported with file, line and a reason', () => {
  for (const [file, expected] of CASES) {
    it(file, () => {
      const problems = problemsOf(file);
      expect(problems.map((p) => p.file)).toEqual(expected.map(() => `quizzes/${file}`));
      expect(problems.map((p) => p.line)).toEqual(expected.map(([line]) => line));
      expected.forEach(([, reason], i) => expect(problems[i].reason).toMatch(reason));
    });
  }

  it('formats problems as file:line: reason in the thrown error', async () => {
    const dir = path.join(FIXTURES, 'bad');
    const err = await loadQuizzes(dir, LESSONS, FIXTURES).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    const message = (err as ContentError).message;
    // Every bad file is reported in one go, not only the first one.
    for (const [file] of CASES) expect(message).toContain(`bad/${file}:`);
    expect(message).toMatch(/^bad\/unknown-key\.yaml:6: Question "q1": unknown key "promt"/m);
  });
});

describe('quiz files: a valid file', () => {
  const problems: ContentProblem[] = [];
  const quiz = parseQuiz(readFileSync(path.join(FIXTURES, 'valid.yaml'), 'utf8'), 'quizzes/valid.yaml', 'valid.yaml', LESSONS, problems);

  it('loads without problems, with settings and every question type', () => {
    expect(problems).toEqual([]);
    expect(quiz).not.toBeNull();
    expect(quiz!.id).toBe('valid_quiz');
    expect(quiz!.file).toBe('valid.yaml');
    expect(quiz!.lessonId).toBe('02_theoretical_background');
    expect(quiz!.title).toBe('Check: a valid quiz');
    expect(quiz!.introHtml).toBe('<p>Some <strong>intro</strong> text.</p>');
    expect(quiz!.settings).toEqual({ passMark: 75, attempts: 2, shuffleQuestions: false, shuffleOptions: false, pool: 3, retryWrongOnly: false });
    expect(quiz!.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'matching', 'ordering']);
  });

  it('renders Markdown as inline HTML and keeps a plain-text copy', () => {
    const single = quiz!.questions[0];
    expect(single.promptHtml).toBe('Pick <em>b</em>.');
    expect(single.promptText).toBe('Pick b.');
    expect(single.hintHtml).toBe('It is the second.');
    expect(single.weight).toBe(2);
    expect(single.type === 'single' && single.options[0]).toEqual({ id: 'a', html: 'A', text: 'A', feedbackHtml: 'Not this one.' });
  });

  it('fills defaults: feedback, partial falls back to incorrect, weight 1, "#" stripped from sources', () => {
    const [single, multiple, tf] = quiz!.questions;
    expect(single.feedback).toEqual({ correctHtml: 'Yes.', incorrectHtml: 'No.', partialHtml: 'No.' });
    expect(multiple.feedback.partialHtml).toBe('Some.');
    expect(tf.feedback).toEqual({ correctHtml: 'That is right.', incorrectHtml: 'Not quite.', partialHtml: 'Not quite.' });
    expect(tf.weight).toBe(1);
    expect(tf.source).toBe('theoretical-background-p3');
  });

  it('keeps ids that look like numbers as written', () => {
    const ordering = quiz!.questions[4];
    expect(ordering.type === 'ordering' && ordering.correct).toEqual(['01', '02']);
  });

  it('stores matching answers as item -> target', () => {
    const matching = quiz!.questions[3];
    expect(matching.type === 'matching' && matching.correct).toEqual({ i1: 't1', i2: 't2' });
  });
});

describe('quiz files: defaults and folders', () => {
  it('uses default settings, and an id from the file name when none is given', () => {
    const problems: ContentProblem[] = [];
    const text = 'lesson: 05_discussion\nquestions:\n  - { id: q1, type: truefalse, prompt: Yes?, correct: false, source: discussion-p1 }\n';
    const quiz = parseQuiz(text, 'quizzes/my-quiz.yaml', 'my-quiz.yaml', LESSONS, problems);
    expect(problems).toEqual([]);
    expect(quiz!.id).toBe('my_quiz');
    expect(quiz!.title).toBe('Check your understanding: Discussion');
    expect(quiz!.introHtml).toBe('');
    expect(quiz!.settings).toEqual({ passMark: 80, attempts: 0, shuffleQuestions: true, shuffleOptions: true, pool: null, retryWrongOnly: true });
  });

  it('reports an empty file', () => {
    const problems: ContentProblem[] = [];
    expect(parseQuiz('# nothing yet\n', 'quizzes/empty.yaml', 'empty.yaml', LESSONS, problems)).toBeNull();
    expect(problems).toEqual([{ file: 'quizzes/empty.yaml', line: null, reason: expect.stringMatching(/The file is empty/) }]);
  });

  it('reports text that is empty once unsafe HTML is removed', () => {
    const problems: ContentProblem[] = [];
    const text =
      'lesson: 05_discussion\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: "<script>alert(1)</script>"\n    correct: true\n    source: discussion-p1\n';
    parseQuiz(text, 'quizzes/x.yaml', 'x.yaml', LESSONS, problems);
    expect(problems).toEqual([{ file: 'quizzes/x.yaml', line: 5, reason: 'Question "q1": the "prompt" is empty once unsafe HTML is removed.' }]);
  });

  it('sanitises HTML written in quiz text', () => {
    const problems: ContentProblem[] = [];
    const text =
      'lesson: 05_discussion\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: "Is <img src=x onerror=alert(1)> **this** safe?"\n    correct: true\n    source: discussion-p1\n';
    const quiz = parseQuiz(text, 'quizzes/x.yaml', 'x.yaml', LESSONS, problems);
    expect(problems).toEqual([]);
    expect(quiz!.questions[0].promptHtml).not.toMatch(/onerror/);
    expect(quiz!.questions[0].promptHtml).toContain('<strong>this</strong>');
  });

  it('a missing quizzes folder means no quizzes', async () => {
    expect(await loadQuizzes(path.join(FIXTURES, 'no-such-folder'), LESSONS, FIXTURES)).toEqual([]);
  });

  it('rejects two quizzes with the same id, naming both files', async () => {
    const err = await loadQuizzes(path.join(FIXTURES, 'dup-quiz-ids'), LESSONS, FIXTURES).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).problems).toEqual([
      { file: 'dup-quiz-ids/b.yaml', line: null, reason: 'The quiz id "same" is already used by dup-quiz-ids/a.yaml; each quiz needs its own id.' },
    ]);
  });

  it('allows several quizzes for one lesson and orders quizzes by lesson, then file name', async () => {
    const quizzes = await loadQuizzes(path.join(FIXTURES, 'two-per-lesson'), LESSONS, FIXTURES);
    expect(quizzes.map((q) => [q.id, q.lessonId])).toEqual([
      ['b_second', '02_theoretical_background'],
      ['c_third', '02_theoretical_background'],
      ['a_first', '05_discussion'],
    ]);
  });
});
