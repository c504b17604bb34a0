/**
 * Answering the question on screen, by mouse, for every browser test that needs an answer rather than
 * tests how one is given (the keyboard walks have their own: acceptance-keyboard, package). Works on
 * the course as a page or inside an LMS frame.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { Question, Quiz } from '../../src/course/types.ts';

/** The course's page, or the frame an LMS shows it in. */
export type CourseScope = Page | FrameLocator;

/** The question on the quiz screen. */
export async function questionOnScreen(scope: CourseScope, quiz: Quiz): Promise<Question> {
  const id = await scope.locator('quiz-view #question').evaluate((el) => (el as unknown as { question: { id: string } }).question.id);
  const q = quiz.questions.find((x) => x.id === id);
  if (!q) throw new Error(`Question ${id} is not in quiz ${quiz.id}`);
  return q;
}

/** The display order of an ordering question's options (ids). */
export async function orderingIds(scope: CourseScope): Promise<string[]> {
  return scope.locator('quiz-view question-ordering').evaluate((el) => {
    const v = (el as unknown as { value?: { value: string[] }; order: string[] }).value;
    return v ? v.value : (el as unknown as { order: string[] }).order;
  });
}

/** What to answer: the right answer, or a wrong one (nothing of it right). */
export function plannedAnswer(q: Question, right: boolean): { kind: Question['type']; ids: string[]; map?: Record<string, string> } {
  switch (q.type) {
    case 'single':
      return { kind: q.type, ids: [right ? q.correct : q.options.find((o) => o.id !== q.correct)!.id] };
    case 'multiple':
      return { kind: q.type, ids: right ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id] };
    case 'truefalse':
      return { kind: q.type, ids: [String(right ? q.correct : !q.correct)] };
    case 'matching': {
      const targets = q.items.map((i) => q.correct[i.id]);
      // Wrong: every item gets the next item's target (a rotation: none right).
      const map = Object.fromEntries(q.items.map((item, i) => [item.id, right ? targets[i] : targets[(i + 1) % targets.length]]));
      return { kind: q.type, ids: [], map };
    }
    case 'ordering':
      return { kind: q.type, ids: right ? q.correct : [] };
  }
}

/**
 * Answer `q` (on screen) by mouse, rightly or not, without submitting. Each control is found by its
 * value (the option's id) and, where the test knows the words (a course read with its text), also by
 * its accessible name, which must lead to the same control: a label that lost its control fails here.
 */
export async function answerQuestion(scope: CourseScope, q: Question, right: boolean): Promise<void> {
  const plan = plannedAnswer(q, right);
  const question = scope.locator('quiz-view #question');
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'truefalse': {
      const role = q.type === 'multiple' ? 'checkbox' : 'radio';
      for (const id of plan.ids) {
        const name = q.type === 'truefalse' ? (id === 'true' ? 'True' : 'False') : q.options.find((o) => o.id === id)!.text;
        if (name) {
          const value = await question.getByRole(role, { name, exact: true }).inputValue();
          if (value !== id) throw new Error(`The ${role} named "${name}" of question ${q.id} has the value "${value}", not "${id}"`);
        }
        await question.locator(`input[value="${id}"]`).check();
      }
      return;
    }
    case 'matching':
      for (const item of q.items) {
        const select = question.locator(`select#item-${item.id}[data-item="${item.id}"]`);
        if (item.text) {
          const id = await question.getByRole('combobox', { name: item.text, exact: true }).getAttribute('id');
          if (id !== `item-${item.id}`) throw new Error(`The select named "${item.text}" of question ${q.id} is #${id}, not #item-${item.id}`);
        }
        await select.selectOption(plan.map![item.id]);
      }
      return;
    case 'ordering': {
      if (!right) return; // the first display order is never the right one
      for (let pos = 0; pos < plan.ids.length; pos++) {
        const id = plan.ids[pos];
        while ((await orderingIds(scope)).indexOf(id) > pos) await question.locator(`button[data-id="${id}"][data-dir="up"]`).click();
      }
      return;
    }
  }
}

/** Answer the question on screen (right or not), submit it and wait for its feedback; returns it. */
export async function answerAndSubmit(scope: CourseScope, quiz: Quiz, right: boolean): Promise<Question> {
  const q = await questionOnScreen(scope, quiz);
  await answerQuestion(scope, q, right);
  const view = scope.locator('quiz-view');
  await view.getByRole('button', { name: 'Submit answer' }).click();
  await view.locator('question-feedback').waitFor();
  return q;
}
