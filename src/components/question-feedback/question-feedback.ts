/**
 * @summary Feedback on one submitted answer, in words: a heading ("Correct", "Partly correct",
 * "Not quite"; the same calm styling for each, so colour never carries the meaning), the
 * author's feedback (without repeating the heading's words), feedback on the options the learner
 * chose, the right answer stated in words (for matching and ordering: every item marked, the
 * learner's answer beside the right one, in one list), and a "Review this in the lesson" link to
 * the passage the question comes from.
 *
 * Until the quiz's rules allow the correct answers (`reveal` false: the attempt is not final), an
 * answer not fully right gets only the heading, the link to its passage and when the answers will
 * show: the author's feedback, the option feedback and the marks would state the key, and a retry
 * after the key is certain rather than a measure.
 *
 * @event navigate - "Review this in the lesson" was chosen (bubbles, composed; see navigateEvent).
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { navigateEvent } from '../../course/navigation.ts';
import type { Answer, Choice, MatchingQuestion, OrderingQuestion, Question, QuestionResult, Quiz } from '../../course/types.ts';
import { locationHash } from '../shared/labels.ts';
import { reviewLocation } from '../quiz-view/quiz-links.ts';
import { questionFeedbackStyles } from './question-feedback.styles.ts';

/**
 * The author's feedback without the words the heading has just said: "Not quite" then "Not quite.
 * The lesson..." is heard twice. Only an exact repeat at the very start goes (with its punctuation);
 * the rest of the author's text is shown as written.
 */
export function withoutHeadingWords(heading: string, feedbackHtml: string): string {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rest = feedbackHtml.replace(new RegExp(`^\\s*${escaped}\\b\\s*[.:;,!–-]?\\s*`, 'i'), '');
  if (rest === feedbackHtml || rest === '') return feedbackHtml;
  return rest[0].toUpperCase() + rest.slice(1);
}

export const OUTCOME_LABEL: Record<QuestionResult['outcome'], string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Not quite',
};

/**
 * The correct answer in words, for the results once the answers may show: the option texts, the
 * statement's truth, each matching item with its target, or the options in order.
 */
export function correctAnswerText(q: Question): TemplateResult {
  const text = (list: Choice[], id: string) => unsafeHTML(list.find((o) => o.id === id)?.html ?? '');
  switch (q.type) {
    case 'single':
      return html`The right answer: ${text(q.options, q.correct)}.`;
    case 'multiple':
      return html`The right ${q.correct.length === 1 ? 'answer' : 'answers'}:
        ${q.correct.map((id, i) => html`${i ? '; ' : ''}${text(q.options, id)}`)}.`;
    case 'truefalse':
      return html`The statement is ${q.correct ? 'true' : 'false'}.`;
    case 'matching':
      return html`The right matches:
        ${q.items.map((item, i) => html`${i ? '; ' : ''}${unsafeHTML(item.html)}: ${text(q.targets, q.correct[item.id])}`)}.`;
    case 'ordering':
      return html`The right order: ${q.correct.map((id, i) => html`${i ? ', then ' : ''}${text(q.options, id)}`)}.`;
  }
}

@customElement('question-feedback')
export class QuestionFeedback extends LitElement {
  static override styles = questionFeedbackStyles;

  /** The quiz the question belongs to (for the review link). */
  @property({ attribute: false }) quiz!: Quiz;
  /** The question answered. */
  @property({ attribute: false }) question!: Question;
  /** The submitted answer. */
  @property({ attribute: false }) answer: Answer | undefined;
  /** The scored answer (scoreAnswer). */
  @property({ attribute: false }) result!: QuestionResult;
  /** Display order of the matching items in this attempt (optionOrder), so the marks follow the question above. */
  @property({ attribute: false }) order: string[] = [];
  /** The correct answer may be stated (showsCorrectAnswers); false keeps the key back. */
  @property({ attribute: false }) reveal = true;
  /** Said instead of the key when `reveal` is false: when the correct answers will show, if ever. */
  @property() later = '';

  /** Focus the feedback heading, so screen readers read the outcome first. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#feedback-heading')?.focus();
  }

  private handleReview(e: Event): void {
    e.preventDefault();
    const { location, returnTo } = reviewLocation(this.quiz, this.question);
    this.dispatchEvent(navigateEvent({ location, returnTo }));
  }

  private feedbackHtml(): string {
    const f = this.question.feedback;
    const outcome = this.result.outcome;
    const text = outcome === 'correct' ? f.correctHtml : outcome === 'partial' ? f.partialHtml || f.incorrectHtml : f.incorrectHtml;
    return withoutHeadingWords(OUTCOME_LABEL[outcome], text);
  }

  /** Feedback written for the options the learner chose (single, multiple) or placed (matching, ordering). */
  private optionFeedback(): { label: TemplateResult; html: string }[] {
    const q = this.question;
    const a = this.answer;
    const out: { label: TemplateResult; html: string }[] = [];
    const add = (label: TemplateResult, choice: Choice | undefined) => {
      if (choice?.feedbackHtml) out.push({ label, html: choice.feedbackHtml });
    };
    if (q.type === 'single' && a?.type === 'single') {
      const o = q.options.find((x) => x.id === a.value);
      add(html`You chose “${unsafeHTML(o?.html ?? '')}”.`, o);
    } else if (q.type === 'multiple' && a?.type === 'multiple') {
      for (const o of q.options.filter((x) => a.value.includes(x.id))) add(html`You chose “${unsafeHTML(o.html)}”.`, o);
    }
    // Matching and ordering: the option feedback sits in the marked list beside each item.
    return out;
  }

  /**
   * Matching: one list, item by item, saying the learner's match, whether it is right, and the right
   * match when it is not, with any feedback written for that item or target. A screen reader reads
   * it in order; the mark is text, the ✓/✗ glyph only repeats it for the eye.
   */
  private renderMatchingMarks(q: MatchingQuestion, a: Answer | undefined): TemplateResult {
    const value = a?.type === 'matching' ? a.value : {};
    return html`<h3 class="marks-title">Your answer, item by item</h3>
      <ul class="marks" role="list">
        ${this.inOrder(q.items).map((item) => {
          const mine = q.targets.find((t) => t.id === value[item.id]);
          const right = q.targets.find((t) => t.id === q.correct[item.id]);
          const ok = !!mine && mine.id === right?.id;
          const notes = [item.feedbackHtml, mine?.feedbackHtml].filter((x): x is string => !!x);
          return html`<li class="mark-item ${ok ? 'right' : 'not-right'}">
            <span class="glyph" aria-hidden="true">${ok ? '✓' : '✗'}</span>
            <span class="mark-text"
              ><strong>${unsafeHTML(item.html)}</strong>: you matched
              ${mine ? html`“${unsafeHTML(mine.html)}”` : 'nothing'}<span class="verdict">, ${ok ? 'right' : 'not right'}.</span>
              ${ok ? nothing : html`The right match is “${unsafeHTML(right?.html ?? '')}”.`}
              ${notes.map((n) => html` ${unsafeHTML(n)}`)}</span
            >
          </li>`;
        })}
      </ul>`;
  }

  private inOrder<T extends { id: string }>(items: T[]): T[] {
    const at = (id: string) => (this.order.includes(id) ? this.order.indexOf(id) : this.order.length);
    return [...items].sort((a, b) => at(a.id) - at(b.id));
  }

  /** Ordering: position by position, what the learner put there, right or not, and what belongs there. */
  private renderOrderingMarks(q: OrderingQuestion, a: Answer | undefined): TemplateResult {
    const mine = a?.type === 'ordering' ? a.value : [];
    const opt = (id: string | undefined) => q.options.find((o) => o.id === id);
    return html`<h3 class="marks-title">Your order, place by place</h3>
      <ol class="marks" role="list">
        ${q.correct.map((rightId, i) => {
          const put = opt(mine[i]);
          const ok = put?.id === rightId;
          return html`<li class="mark-item ${ok ? 'right' : 'not-right'}">
            <span class="glyph" aria-hidden="true">${ok ? '✓' : '✗'}</span>
            <span class="mark-text"
              ><strong>${i + 1} of ${q.correct.length}</strong>: you put “${unsafeHTML(put?.html ?? '')}”<span class="verdict"
                >, ${ok ? 'right' : 'not right'}.</span
              >
              ${ok ? nothing : html`The right one here is “${unsafeHTML(opt(rightId)?.html ?? '')}”.`}
              ${put?.feedbackHtml ? html` ${unsafeHTML(put.feedbackHtml)}` : nothing}</span
            >
          </li>`;
        })}
      </ol>`;
  }

  /** The right answer, in words. */
  private renderAnswer(): TemplateResult {
    const q = this.question;
    switch (q.type) {
      case 'single': {
        const o = q.options.find((x) => x.id === q.correct);
        return html`<p>The right answer is: ${unsafeHTML(o?.html ?? '')}</p>`;
      }
      case 'multiple':
        return html`<p>${q.correct.length === 1 ? 'The only right answer is:' : `The ${q.correct.length} right answers are:`}</p>
          <ul>
            ${q.correct.map((id) => html`<li>${unsafeHTML(q.options.find((o) => o.id === id)?.html ?? '')}</li>`)}
          </ul>`;
      case 'truefalse':
        return html`<p>The statement is ${q.correct ? 'true' : 'false'}.</p>`;
      case 'matching':
        return this.renderMatchingMarks(q, this.answer);
      case 'ordering':
        return this.renderOrderingMarks(q, this.answer);
    }
  }

  /** An answer not fully right while the key is kept back: where to look, and when the answers show. */
  private renderWithoutKey(): TemplateResult {
    const review = reviewLocation(this.quiz, this.question);
    return html`<section class="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" tabindex="-1">${OUTCOME_LABEL[this.result.outcome]}</h2>
      <p class="feedback-text">
        ${this.result.outcome === 'partial' ? 'Some of your answer is right. ' : ''}The passage this question comes from can help.
      </p>
      ${this.later ? html`<p class="later">${this.later}</p>` : nothing}
      <p class="review">
        <a href=${locationHash(review.location)} @click=${this.handleReview}>Review this in the lesson</a>
      </p>
    </section>`;
  }

  override render() {
    if (!this.reveal && this.result.outcome !== 'correct') return this.renderWithoutKey();
    const extra = this.optionFeedback();
    const review = reviewLocation(this.quiz, this.question);
    return html`<section class="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" tabindex="-1">${OUTCOME_LABEL[this.result.outcome]}</h2>
      <p class="feedback-text">${unsafeHTML(this.feedbackHtml())}</p>
      ${extra.length
        ? html`<ul class="option-feedback">
            ${extra.map((x) => html`<li>${x.label} ${unsafeHTML(x.html)}</li>`)}
          </ul>`
        : nothing}
      ${this.renderAnswer()}
      <p class="review">
        <a href=${locationHash(review.location)} @click=${this.handleReview}>Review this in the lesson</a>
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'question-feedback': QuestionFeedback;
  }
}
