/**
 * What every question element shares: the properties the quiz view sets, the legend with its
 * "Question 2 of 8" caption, the hint and the inline error (GOV.UK fieldset pattern), and the
 * focus methods the quiz view calls across the shadow boundary.
 *
 * The legend, hint, error message and controls live in ONE shadow root, because
 * aria-describedby and label[for] cannot point across a shadow boundary.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Answer, Question } from '../../course/types.ts';

/** Fired (on the question element) whenever the learner changes the draft answer. */
export type AnswerInputEvent = CustomEvent<Answer>;

declare global {
  interface HTMLElementEventMap {
    'answer-input': AnswerInputEvent;
  }
}

export abstract class QuestionBase extends LitElement {
  /** The question to show (HTML fields are sanitised at build time). */
  @property({ attribute: false }) question!: Question;
  /** Display order of the options (or matching items) for this attempt: `optionOrder(...)`. */
  @property({ attribute: false }) order: string[] = [];
  /** The current answer: the learner's draft, or the submitted answer when `readonly`. */
  @property({ attribute: false }) value: Answer | undefined;
  /** Shown above the prompt inside the legend, e.g. "Question 2 of 8". */
  @property() caption = '';
  /** Inline error message (without the "Error:" prefix); empty when there is none. */
  @property() error = '';
  /** Ids of the controls the error is about (matching items left unset); empty = the whole group. */
  @property({ attribute: false }) invalid: string[] = [];
  /** After submit: show the chosen answer, allow no change. */
  @property({ type: Boolean }) readonly = false;
  /**
   * Read-only only: whose answer `value` is, for the hint ("Your order" / "The correct order"); the
   * quiz view's "Show the correct answer / Show my answer" toggle switches it.
   */
  @property() shows: 'mine' | 'correct' = 'mine';

  /** Put focus on the question heading (the h1 inside the legend). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.question-heading')?.focus();
  }

  /** Put focus on the first control, or on the control for `id` (an option or matching item). */
  async focusControl(id?: string): Promise<void> {
    await this.updateComplete;
    const target = (id && this.controlFor(id)) || this.renderRoot.querySelector<HTMLElement>('input, select, button');
    // The GOV.UK error summary scrolls the legend into view too, so the question is seen with its control.
    this.renderRoot.querySelector('legend')?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }

  /** The control for an option or item id, when there is one. */
  protected controlFor(_id: string): HTMLElement | null {
    return null;
  }

  protected emitAnswer(answer: Answer): void {
    this.dispatchEvent(new CustomEvent('answer-input', { detail: answer }));
  }

  /** ids for the fieldset's aria-describedby: the hint, then the error (GOV.UK order). */
  protected describedBy(hasHint: boolean): string | typeof nothing {
    const ids = [hasHint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  protected renderLegend(): TemplateResult {
    // A heading inside the legend is the GOV.UK "question page" pattern: the prompt is both the
    // page heading and the group's name, so screen readers say it when entering the group.
    return html`<legend class="legend">
      <span class="caption">${this.caption}</span>
      <h1 class="question-heading" tabindex="-1">${unsafeHTML(this.question.promptHtml)}</h1>
    </legend>`;
  }

  protected renderHint(extra = ''): TemplateResult | typeof nothing {
    if (!extra && !this.question.hintHtml) return nothing;
    return html`<div id="hint" class="hint">
      ${extra ? html`<p>${extra}</p>` : nothing}${this.question.hintHtml ? html`<p>${unsafeHTML(this.question.hintHtml)}</p>` : nothing}
    </div>`;
  }

  protected renderError(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    return html`<p id="error" class="error-message"><span class="visually-hidden">Error: </span>${this.error}</p>`;
  }
}
