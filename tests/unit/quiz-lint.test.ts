/**
 * The item linter (src/content/quiz-lint.ts) and source quotes: every rule has a fixture that breaks
 * it (the exact message and line) and one that keeps it (no error, no warning).
 * Fixtures: tests/fixtures/quizzes/lint/<rule>.fail.yaml and <rule>.pass.yaml.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/types.ts';
import type { ContentProblem } from '../../src/content/errors.ts';
import { parseQuiz } from '../../src/content/quizzes.ts';
import { findQuote, lessonPassages, splitSentences } from '../../src/content/sentences.ts';
import { listPassages } from '../../scripts/list-passages.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/quizzes/lint');

const LESSON: Lesson = {
  id: 'lesson',
  file: 'lesson.md',
  title: 'A lesson',
  navOrder: 1,
  headingId: 'lesson',
  html:
    '<p id="lesson-p1">Exit often goes through cycles (Smith et al., 2001). First comes contemplation, then preparation, then action. ' +
    'Stigma hinders exit<sup class="fnref"><a id="fnref-1" href="#fn-1">1</a></sup>.</p>\n' +
    '<p id="lesson-p2">Family can help or harm.</p>',
  toc: [],
  footnotes: [],
  passageIds: ['lesson', 'lesson-p1', 'lesson-p2', 'fnref-1'],
  minutes: 1,
  words: 20,
};

function run(name: string): { problems: ContentProblem[]; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  parseQuiz(readFileSync(path.join(DIR, name), 'utf8'), `quizzes/${name}`, name, [LESSON], problems, warnings);
  return { problems, warnings };
}

type Expect = { kind: 'error' | 'warning'; line: number; reason: RegExp }[];

const RULES: Record<string, Expect> = {
  'quote-missing': [{ kind: 'error', line: 11, reason: /Question "q_cycles": the quote "exit always goes through cycles" is not in the passage "lesson-p1" word for word/ }],
  above: [{ kind: 'error', line: 10, reason: /Question "q_helps": the option "All of the above" is an "all\/none of the above" option/ }],
  ordering: [
    { kind: 'error', line: 13, reason: /Question "q_steps": an ordering question must quote the words of the lesson that state the order/ },
    { kind: 'error', line: 22, reason: /Question "q_steps_wrong": the quoted source does not state this order: "contemplation" comes too early in the quote/ },
  ],
  longest: [{ kind: 'warning', line: 4, reason: /In 2 of the 3 single-choice questions the correct answer is the longest option \("q_stigma", line 5; "q_family", line 13\)/ }],
  'last-match': [{ kind: 'warning', line: 4, reason: /Question "q_effects": 2 items go to 2 targets, one each, so the last match is free/ }],
  'in-stem': [
    { kind: 'warning', line: 8, reason: /Question "q_cycles": the option "Cycles" is repeated word for word in the question/ },
    { kind: 'warning', line: 9, reason: /Question "q_cycles": the option "A single step" is repeated word for word in the question/ },
  ],
  truefalse: [{ kind: 'warning', line: 5, reason: /4 of the 4 true\/false questions are "true" \(more than 75%\)/ }],
  giveaway: [{ kind: 'warning', line: 13, reason: /Question "q_stigma" gives away the answer of "q_family" \(line 5\): its question shares the words "take part"/ }],
  absolutes: [
    { kind: 'warning', line: 5, reason: /Question "q_stigma": "It only ever helps exit", "It never has any effect" carry absolutes \("only", "never"\) and no correct answer does/ },
    { kind: 'warning', line: 14, reason: /Question "q_cycles": the statement is false and absolute \("always"\), so the rule "absolutes are false, hedges are true" answers it/ },
    { kind: 'warning', line: 15, reason: /Question "q_family": only the correct answer hedges \("can"\)/ },
    { kind: 'warning', line: 24, reason: /Question "q_family_tf": the statement is true and hedged \("can"\)/ },
  ],
  echo: [
    { kind: 'warning', line: 4, reason: /In 2 of the 2 single-choice questions the correct answer shares more words with the question than any other option does \("q_stigma", line 5; "q_family", line 14\)/ },
  ],
  keyset: [
    { kind: 'warning', line: 5, reason: /Question "q_models": only the correct options say "model", so the word picks them out/ },
    { kind: 'warning', line: 16, reason: /Question "q_after": the 2 correct options are the 2 longest/ },
  ],
  'matching-giveaway': [
    {
      kind: 'warning',
      line: 18,
      reason: /Question "q_stigma" gives away a row of the matching question "q_effects" \(line 5\): its question says "stigma" and "hinder", so "Stigma" goes to "Hinders exit"/,
    },
  ],
  'bare-letter': [
    { kind: 'warning', line: 8, reason: /Question "q_stigma": the option id "a" is a bare letter; managers read option ids/ },
    { kind: 'warning', line: 9, reason: /Question "q_stigma": the option id "b" is a bare letter/ },
  ],
};

describe('the item linter', () => {
  for (const [rule, expected] of Object.entries(RULES)) {
    it(`${rule}: reports the breaking fixture with file and line`, () => {
      const { problems, warnings } = run(`${rule}.fail.yaml`);
      const got = [
        ...problems.map((p) => ({ kind: 'error' as const, ...p })),
        ...warnings.map((p) => ({ kind: 'warning' as const, ...p })),
      ];
      expect(got.map((g) => `${g.kind} ${g.line}`)).toEqual(expected.map((e) => `${e.kind} ${e.line}`));
      for (const [i, e] of expected.entries()) {
        expect(got[i].file).toBe(`quizzes/${rule}.fail.yaml`);
        expect(got[i].reason).toMatch(e.reason);
      }
    });
    it(`${rule}: passes the fixture that keeps the rule, with no warning`, () => {
      expect(run(`${rule}.pass.yaml`)).toEqual({ problems: [], warnings: [] });
    });
  }

  it('an error stops the quiz; a warning does not', () => {
    const problems: ContentProblem[] = [];
    const text = readFileSync(path.join(DIR, 'above.fail.yaml'), 'utf8');
    expect(parseQuiz(text, 'quizzes/x.yaml', 'x.yaml', [LESSON], problems)).toBeNull();
    const warned = readFileSync(path.join(DIR, 'bare-letter.fail.yaml'), 'utf8');
    expect(parseQuiz(warned, 'quizzes/y.yaml', 'y.yaml', [LESSON], [])).not.toBeNull();
  });
});

describe('sentence ids and quotes', () => {
  it('split a passage into sentences, keeping "et al." and note markers inside', () => {
    const [p1, p2] = lessonPassages(LESSON);
    expect(p1.sentences.map((s) => [s.id, s.text])).toEqual([
      ['lesson-p1-s1', 'Exit often goes through cycles (Smith et al., 2001).'],
      ['lesson-p1-s2', 'First comes contemplation, then preparation, then action.'],
      ['lesson-p1-s3', 'Stigma hinders exit.'],
    ]);
    expect(p2.sentences.map((s) => s.id)).toEqual(['lesson-p2-s1']);
  });

  it('are listed by npm run passages under their passage', () => {
    const out = listPassages([LESSON]);
    expect(out).toMatch(/\n {2}lesson-p1 +p: Exit often goes through cycles/);
    expect(out).toMatch(/\n {4}lesson-p1-s2 {2}First comes contemplation, then preparation, then action\.\n/);
    // One sentence: its id is <passage>-s1, said once at the top rather than on every row.
    expect(out).not.toContain('lesson-p2-s1');
    expect(out).toContain('a passage of one sentence is <passage>-s1');
  });

  it('keep labels and initials from ending a sentence', () => {
    expect(splitSentences('See Figure 2. It shows J. Smith and e.g. two more. Then it ends.').map((s) => s.text)).toEqual([
      'See Figure 2. It shows J. Smith and e.g. two more.',
      'Then it ends.',
    ]);
  });

  it('find a quote word for word, whatever its line breaks and quote marks, and nothing less', () => {
    const text = 'we don’t have a uniform picture';
    expect(findQuote(text, "we don't\n have")).toEqual({ text: 'we don’t have', start: 0 });
    expect(findQuote(text, 'we do not have')).toBeNull();
    expect(findQuote(text, 'Uniform picture')).toBeNull();
  });

  it('a sentence source carries its sentence, its words and an anchor; a quote its exact words', () => {
    const problems: ContentProblem[] = [];
    const quiz = parseQuiz(readFileSync(path.join(DIR, 'quote-missing.pass.yaml'), 'utf8'), 'quizzes/q.yaml', 'q.yaml', [LESSON], problems)!;
    expect(problems).toEqual([]);
    expect(quiz.questions[0]).toMatchObject({
      source: 'lesson-p1',
      sourceSentence: 'lesson-p1-s1',
      sourceQuote: 'Exit often goes through cycles',
      sourceAnchor: 'lesson-p1-c0-30',
    });
    const sentence = parseQuiz(readFileSync(path.join(DIR, 'above.pass.yaml'), 'utf8'), 'quizzes/a.yaml', 'a.yaml', [LESSON], [])!;
    expect(sentence.questions[0]).toMatchObject({
      source: 'lesson-p1',
      sourceSentence: 'lesson-p1-s3',
      sourceQuote: 'Stigma hinders exit.',
      sourceAnchor: 'lesson-p1-s3',
    });
  });

  it('reject a sentence id that does not exist, and a passage named as a sentence', () => {
    const base = readFileSync(path.join(DIR, 'above.pass.yaml'), 'utf8');
    const problems: ContentProblem[] = [];
    parseQuiz(base.replace('source: lesson-p1-s3', 'source: lesson-p1-s9'), 'quizzes/a.yaml', 'a.yaml', [LESSON], problems);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [12, expect.stringMatching(/the source "lesson-p1-s9" is not a passage or sentence of the lesson "A lesson" \(lesson\.md\)\. Closest ids: lesson-p1-s1, lesson-p1-s2, lesson-p1-s3/)],
    ]);
    const more: ContentProblem[] = [];
    parseQuiz(base.replace('source: lesson-p1-s3', 'source: { sentence: lesson-p1, quote: Stigma }'), 'quizzes/a.yaml', 'a.yaml', [LESSON], more);
    expect(more[0].reason).toMatch(/"lesson-p1" is not a sentence of the lesson/);
  });
});
