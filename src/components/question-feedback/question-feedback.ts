/**
 * @summary Feedback on one submitted answer, in words: a heading ("Correct", "Partly correct",
 * "Not quite"; the same calm styling for each, so colour never carries the meaning), the
 * author's feedback, feedback on the options the learner chose, the right answer stated in
 * words, and a "Review this in the lesson" link to the passage the question comes from.
 *
 * @event navigate - "Review this in the lesson" was chosen (bubbles, composed; see navigateEvent).
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { navigateEvent } from '../../course/navigation.ts';
import type { Answer, Choice, Question, QuestionResult, Quiz } from '../../course/types.ts';
import { locationHash } from '../shared/labels.ts';
import { reviewLocation } from '../quiz-view/quiz-links.ts';
import { questionFeedbackStyles } from './question-feedback.styles.ts';

export const OUTCOME_LABEL: Record<QuestionResult['outcome'], string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Not quite',
};

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
    return outcome === 'correct' ? f.correctHtml : outcome === 'partial' ? f.partialHtml || f.incorrectHtml : f.incorrectHtml;
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
    } else if (q.type === 'matching' && a?.type === 'matching') {
      for (const item of q.items) {
        const t = q.targets.find((x) => x.id === a.value[item.id]);
        add(html`“${unsafeHTML(item.html)}”:`, item);
        if (t) add(html`You matched “${unsafeHTML(item.html)}” with “${unsafeHTML(t.html)}”.`, t);
      }
    } else if (q.type === 'ordering' && a?.type === 'ordering') {
      for (const id of a.value) add(html`“${unsafeHTML(q.options.find((o) => o.id === id)?.html ?? '')}”:`, q.options.find((o) => o.id === id));
    }
    return out;
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
        return html`<p>The right matches are:</p>
          <ul>
            ${q.items.map(
              (item) =>
                html`<li>
                  ${unsafeHTML(item.html)}: ${unsafeHTML(q.targets.find((t) => t.id === q.correct[item.id])?.html ?? '')}
                </li>`,
            )}
          </ul>`;
      case 'ordering':
        return html`<p>The right order, first to last, is:</p>
          <ol>
            ${q.correct.map((id) => html`<li>${unsafeHTML(q.options.find((o) => o.id === id)?.html ?? '')}</li>`)}
          </ol>`;
    }
  }

  override render() {
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
