/**
 * One SCORM interaction per submitted answer, built in neutral form and formatted per version.
 *
 * Formats (Moodle validates the 2004 ones node by node: ids must match ^[\w.]{1,250}$, at most
 * 36 nodes; 1.2 values are CMIString255):
 *   type        1.2                 2004
 *   choice      a,b                 a[,]b
 *   true-false  t / f               true / false
 *   matching    item.target,...     item[.]target[,]...
 *   sequencing  a,b,c               a[,]b[,]c
 */
import type { Answer, Course } from '../course/types.ts';
import { scoreAnswer } from '../course/quiz-engine.ts';

export type InteractionType = 'choice' | 'true-false' | 'matching' | 'sequencing';

export type Response =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'bool'; value: boolean }
  | { kind: 'pairs'; pairs: Array<[string, string]> };

export interface InteractionRecord {
  /** `<quizId>.<questionId>.<attempt>` */
  id: string;
  type: InteractionType;
  learner: Response;
  correct: Response;
  /** Fully correct (partial credit counts as wrong/incorrect). */
  isCorrect: boolean;
  weight: number;
  at: Date;
  latencyMs: number;
  /** Plain-text prompt, at most 250 characters (2004 description). */
  description: string;
  /** Authored order of options / matching items and targets, for 1.2's short positional form. */
  order: { options: string[]; targets: string[] };
}

/** Moodle's rule for interaction ids and response identifiers. */
export const SHORT_ID = /^[\w.]{1,250}$/;

/** A 2004 localized string: no line breaks, may not start with `{` (it would read as a language tag). */
export function description(text: string, max = 250): string {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/^\{+/, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export function buildInteraction(
  course: Course,
  quizId: string,
  questionId: string,
  attempt: number,
  answer: Answer,
  at: Date,
  latencyMs: number,
): InteractionRecord | null {
  const quizIndex = course.quizzes.findIndex((q) => q.id === quizId);
  const quiz = course.quizzes[quizIndex];
  const questionIndex = quiz ? quiz.questions.findIndex((q) => q.id === questionId) : -1;
  if (!quiz || questionIndex < 0) return null;
  const question = quiz.questions[questionIndex];
  let id = `${quizId}.${questionId}.${attempt}`;
  if (!SHORT_ID.test(id)) id = `q${quizIndex}.${questionIndex}.${attempt}`;
  const base = {
    id,
    isCorrect: scoreAnswer(question, answer).outcome === 'correct',
    weight: question.weight,
    at,
    latencyMs,
    description: description(question.promptText),
  };
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const learner = answer.type === 'single' ? [answer.value] : answer.type === 'multiple' ? answer.value : [];
      const correct = question.type === 'single' ? [question.correct] : question.correct;
      return {
        ...base,
        type: 'choice',
        learner: { kind: 'ids', ids: learner.filter((v) => v !== '') },
        correct: { kind: 'ids', ids: correct },
        order: { options: question.options.map((o) => o.id), targets: [] },
      };
    }
    case 'truefalse':
      return {
        ...base,
        type: 'true-false',
        learner: { kind: 'bool', value: answer.type === 'truefalse' && answer.value },
        correct: { kind: 'bool', value: question.correct },
        order: { options: [], targets: [] },
      };
    case 'matching': {
      const given = answer.type === 'matching' ? answer.value : {};
      const items = question.items.map((o) => o.id);
      return {
        ...base,
        type: 'matching',
        learner: { kind: 'pairs', pairs: items.filter((i) => given[i]).map((i): [string, string] => [i, given[i]]) },
        correct: { kind: 'pairs', pairs: items.filter((i) => question.correct[i]).map((i): [string, string] => [i, question.correct[i]]) },
        order: { options: items, targets: question.targets.map((o) => o.id) },
      };
    }
    case 'ordering':
      return {
        ...base,
        type: 'sequencing',
        learner: { kind: 'ids', ids: answer.type === 'ordering' ? answer.value : [] },
        correct: { kind: 'ids', ids: question.correct },
        order: { options: question.options.map((o) => o.id), targets: [] },
      };
  }
}

/**
 * SCORM 1.2 response (CMIString255). Ids are used when they fit in 255 characters; otherwise the
 * authored positions (1-based) keep the value short. null: nothing valid to send.
 */
export function response12(r: Response, order: InteractionRecord['order']): string | null {
  if (r.kind === 'bool') return r.value ? 't' : 'f';
  const byId = r.kind === 'ids' ? r.ids.join(',') : r.pairs.map(([i, t]) => `${i}.${t}`).join(',');
  if (byId === '') return null;
  if (byId.length <= 255) return byId;
  const pos = (list: string[], id: string): number => list.indexOf(id) + 1;
  const short =
    r.kind === 'ids'
      ? r.ids.map((id) => pos(order.options, id)).join(',')
      : r.pairs.map(([i, t]) => `${pos(order.options, i)}.${pos(order.targets, t)}`).join(',');
  return short.length <= 255 ? short : null;
}

/** SCORM 2004 response: `[,]` between nodes, `[.]` inside matching pairs. null: nothing valid to send. */
export function response2004(r: Response, type: InteractionType): string | null {
  if (r.kind === 'bool') return r.value ? 'true' : 'false';
  const nodes =
    r.kind === 'ids'
      ? type === 'choice'
        ? [...new Set(r.ids)] // choice responses must be unique
        : r.ids
      : r.pairs.map(([i, t]) => `${i}[.]${t}`);
  const ids = r.kind === 'ids' ? r.ids : r.pairs.flat();
  if (nodes.length === 0 || nodes.length > 36 || !ids.every((id) => SHORT_ID.test(id))) return null;
  return nodes.join('[,]');
}
