/**
 * The course's own quizzes against the real lessons: they load, every source exists and says
 * what the question asks about, and the items follow the item-writing rules (and the item linter
 * finds nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson, Question, Quiz } from '../../src/course/types.ts';
import type { ContentProblem } from '../../src/content/errors.ts';
import { importPages } from '../../src/content/pages.ts';
import { loadQuizzes, parseQuiz } from '../../src/content/quizzes.ts';
import { DEFAULT_FEEDBACK } from '../../src/content/quiz-schema.ts';

const ROOT = path.join(import.meta.dirname, '../..');

let lessons: Lesson[];
let quizzes: Quiz[];

beforeAll(async () => {
  lessons = (await importPages(path.join(ROOT, 'modules'), ROOT)).lessons;
  quizzes = await loadQuizzes(path.join(ROOT, 'quizzes'), lessons, ROOT);
});

/** Plain text of the element with this id in a lesson's HTML. */
function passageText(lesson: Lesson, id: string, withoutNotes = false): string {
  let found: T.Element | null = null;
  const walk = (node: T.Node) => {
    if (found) return;
    if ('attrs' in node && node.attrs.some((a) => a.name === 'id' && a.value === id)) found = node;
    else if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(lesson.html));
  const text = (n: T.Node): string =>
    n.nodeName === '#text'
      ? (n as T.TextNode).value
      : withoutNotes && 'tagName' in n && (n.tagName === 'sup' || n.attrs.some((a) => a.name === 'class' && a.value === 'visually-hidden'))
        ? '' // note markers, and the words of an editor's correction that only a screen reader hears
        : 'childNodes' in n
          ? n.childNodes.map(text).join(' ')
          : '';
  return found ? text(found).replace(/\s+/g, ' ') : '';
}

/**
 * For each question, words its source passage must contain: if the importer numbers passages
 * differently, this fails and names the question, instead of linking learners to the wrong text.
 */
const SOURCE_SAYS: Record<string, RegExp[]> = {
  q_why_review: [/not always grounded in empirical data/, /focus only on the barriers/],
  q_general_models: [/two are more generic/, /more specific/],
  q_models_scope: [/street workers/, /not necessarily trafficked/],
  q_change_source: [/self-initiated or promoted by professional help/],
  q_exit_cycles: [/exit-re-entry exit cycles/],
  q_personal_factors: [/motivation, awareness of one’s condition, health/, /family, encouragement from significant others/],
  q_traumagenic_purpose: [/risk factors that make individuals more susceptible to sex trafficking, particularly for children/],
  q_three_levels: [/individual, relational, and structural factors/],
  q_review_aim: [/synthesize the empirical research/, /hindrances or resources/],
  q_empirical_only: [/select only empirical studies/],
  q_focus_trafficking: [/not on the entire sex industry, but only on the sex trafficking/],
  q_controversial_aim: [/including the controversial ones/],
  q_practical_use: [/which factors to strengthen/, /which ones to avoid/],
  q_study_origins: [/elevated number of studies/, /Most of the review studies concerned adult women/],
  q_domestic_minors: [/coincides with domestic sex trafficking/, /mainly involves minors/],
  q_law_norms: [/different legislations/, /social norms/],
  q_cultural_orientation: [/did not find great differences between collectivist and individualist/],
  q_fewer_hindering: [/lack of attention to the obstacles/, /internal and external resources/],
  q_family: [/often implicated in the sale/, /considering it a dishonor/],
  q_religious: [/programs in favor of the victims' exit/, /processes of subjugation/],
  q_services: [/emergency interventions/, /micro credit/],
  q_economic_alternatives: [/prevent victims’ return to sex industry/, /rewarding livelihood/],
  q_stigma: [/social inclusion, even in the workplace/],
  q_substances: [/Substance consumption emerged among the ambiguous individual factors/],
  q_hiv_role_exit: [/role exit model/i, /turning points/],
  q_network: [/sometimes colludes with the criminal system/, /Professionals and survivors of trafficking come into play later/],
  q_empowerment: [/self-esteem/, /trust in oneself and in others/, /desires to help those who are in their former condition/],
};

const all = (): Array<[Quiz, Question]> => quizzes.flatMap((quiz) => quiz.questions.map((q) => [quiz, q] as [Quiz, Question]));

describe('the course quizzes', () => {
  it('load against the real lessons: one quiz after Theoretical Background, one after Discussion', () => {
    expect(quizzes.map((q) => [q.id, q.file, q.lessonId])).toEqual([
      ['exit_models', 'exit-models.yaml', '02_theoretical_background'],
      ['exit_factors', 'factors.yaml', '05_discussion'],
    ]);
  });

  it('have at least 11 questions each (a pool of 10 is drawn)', () => {
    for (const quiz of quizzes) expect(quiz.questions.length, quiz.id).toBeGreaterThanOrEqual(11);
  });

  // No ordering question: the lessons state no order worth asking for (the models' citation years are not
  // an order of publication), and the linter rejects an order its source does not state.
  it('use single, multiple and true/false in each quiz, and matching somewhere', () => {
    for (const quiz of quizzes) {
      const types = new Set(quiz.questions.map((q) => q.type));
      for (const t of ['single', 'multiple', 'truefalse'] as const) expect(types.has(t), `${quiz.id} has ${t}`).toBe(true);
    }
    const types = new Set(all().map(([, q]) => q.type));
    expect([...types].sort()).toEqual(['matching', 'multiple', 'single', 'truefalse']);
  });

  it('draw a pool so that an attempt stays about ten questions long', () => {
    for (const quiz of quizzes) {
      expect(quiz.settings.pool, quiz.id).toBe(10);
      expect(quiz.questions.length, quiz.id).toBeGreaterThan(10);
    }
  });

  it('point every question at a sentence or a verified quote that is in its passage', () => {
    for (const [quiz, q] of all()) {
      const lesson = lessons.find((l) => l.id === quiz.lessonId)!;
      expect(q.sourceQuote, q.id).toBeTruthy();
      expect(q.sourceAnchor, q.id).toBeTruthy();
      // White space aside, and without note markers ("prostitutes³ ."), as the learner reads it.
      const squash = (t: string) => t.replace(/\s+/g, '');
      expect(squash(passageText(lesson, q.source, true)), q.id).toContain(squash(q.sourceQuote!));
      if (q.sourceSentence) expect(q.sourceSentence.startsWith(`${q.source}-s`), q.id).toBe(true);
    }
  });

  it('pass the item linter with no warning and name every option with a word, never a bare letter', async () => {
    const warnings: ContentProblem[] = [];
    await loadQuizzes(path.join(ROOT, 'quizzes'), lessons, ROOT, warnings);
    expect(warnings).toEqual([]);
    for (const [, q] of all()) {
      const ids = 'options' in q ? q.options.map((o) => o.id) : 'items' in q ? [...q.items, ...q.targets].map((o) => o.id) : [];
      for (const id of ids) expect(id, q.id).toMatch(/^[a-z][a-z_]{2,}$/);
    }
  });

  it('link every question to a passage of its own lesson that states the answer', () => {
    const checked: string[] = [];
    for (const [quiz, q] of all()) {
      const lesson = lessons.find((l) => l.id === quiz.lessonId)!;
      expect(lesson.passageIds, `${quiz.id}/${q.id}`).toContain(q.source);
      const text = passageText(lesson, q.source);
      const expected = SOURCE_SAYS[q.id];
      expect(expected, `phrases for ${q.id} are listed in this test`).toBeDefined();
      for (const phrase of expected) expect(text, `${q.id}: source ${q.source}`).toMatch(phrase);
      checked.push(q.id);
    }
    expect(checked.sort()).toEqual(Object.keys(SOURCE_SAYS).sort());
  });

  it('spread the correct option of single-choice questions over the positions', () => {
    const singles = all().filter(([, q]) => q.type === 'single');
    const counts = new Map<number, number>();
    for (const [, q] of singles) {
      if (q.type !== 'single') continue;
      const pos = q.options.findIndex((o) => o.id === q.correct);
      counts.set(pos, (counts.get(pos) ?? 0) + 1);
    }
    for (const [pos, n] of counts) expect(n / singles.length, `position ${pos}`).toBeLessThanOrEqual(0.4);
    expect(counts.size).toBeGreaterThanOrEqual(4);
  });

  it('offer four options to single-choice questions and never "all/none of the above"', () => {
    for (const [, q] of all()) {
      if (q.type === 'single') expect(q.options.length, q.id).toBe(4);
      const texts = 'options' in q ? q.options.map((o) => o.text) : 'items' in q ? [...q.items, ...q.targets].map((o) => o.text) : [];
      for (const t of texts) expect(t, q.id).not.toMatch(/\b(all|none|both|neither) of (the|these) (above|options)\b/i);
    }
  });

  it('give kind, specific feedback for right, wrong and partly right answers', () => {
    for (const [, q] of all()) {
      const f = q.feedback;
      expect(f.correctHtml, q.id).not.toBe(DEFAULT_FEEDBACK.correct);
      expect(f.incorrectHtml, q.id).toMatch(/^Not quite\b/);
      expect(f.incorrectHtml.length, q.id).toBeGreaterThan(40);
      if (q.type === 'multiple' || q.type === 'matching' || q.type === 'ordering') {
        expect(f.partialHtml, q.id).toMatch(/^Partly right\b/);
      }
      expect(`${f.correctHtml} ${f.incorrectHtml}`, q.id).not.toMatch(/\bwrong\b|!/i);
    }
  });

  it('apply ideas to a case in at least a third of the questions (issue 23), and drop the trivia', () => {
    // A case puts the learner at work: "A woman you support ...", "A colleague ...", "Your service ...".
    const cases = all().filter(([, q]) => /\b(you support|a colleague|your service|you run|a survivor|a woman (who|left)|at a training)\b/i.test(q.promptText));
    expect(cases.length * 3, cases.map(([, q]) => q.id).join(', ')).toBeGreaterThanOrEqual(all().length);
    const ids = all().map(([, q]) => q.id);
    for (const gone of ['q_model_authors', 'q_traumagenic_levels', 'q_stakeholders']) expect(ids).not.toContain(gone);
  });

  it('say "sex industry" in their own voice, never "prostitution" (quotes of the review aside)', () => {
    for (const [, q] of all()) {
      const own = [q.promptText, ...('options' in q ? q.options : 'items' in q ? [...q.items, ...q.targets] : []).map((o) => o.text)];
      for (const t of own) expect(t, q.id).not.toMatch(/prostitut/i);
      // Feedback may quote the review; outside its quotation marks the word must not appear.
      const unquoted = `${q.feedback.correctHtml} ${q.feedback.incorrectHtml}`.replace(/[“"][^”"]*[”"]/g, '');
      expect(unquoted, q.id).not.toMatch(/prostitut/i);
    }
  });

  it('never ask about the review\'s totals of factors, which contradict each other', () => {
    for (const [, q] of all()) {
      const texts = [q.promptText, ...('options' in q ? q.options : 'items' in q ? [...q.items, ...q.targets] : []).map((o) => o.text)];
      for (const t of texts) {
        expect(t, q.id).not.toMatch(/how many (\w+ )?(factors|facilitat|hinder|ambiguous|ambivalent|controversial)/i);
        expect(t, q.id).not.toMatch(/\b\d+\s+(facilitating|hindering|ambiguous|ambivalent|controversial)\b/i);
      }
    }
  });

  it('fail the build when a source is not a passage of the lesson', () => {
    const text = readFileSync(path.join(ROOT, 'quizzes/factors.yaml'), 'utf8').replace('source: discussion-p4-s7', 'source: discussion-p99');
    const problems: ContentProblem[] = [];
    expect(parseQuiz(text, 'quizzes/factors.yaml', 'factors.yaml', lessons, problems)).toBeNull();
    expect(problems.length).toBe(1);
    expect(problems[0].reason).toMatch(/the source "discussion-p99" is not a passage or sentence of the lesson "Discussion" \(05-discussion\.md\)\. Closest ids: /);
  });
});
