/**
 * @summary One single-choice, multiple-choice or true/false question: native radios or
 * checkboxes in a fieldset whose legend is the prompt (GOV.UK radios / checkboxes pattern).
 *
 * @event answer-input - The learner changed the draft answer (detail: the Answer).
 */
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Answer, MultipleQuestion, SingleQuestion, TrueFalseQuestion } from '../../course/types.ts';
import { QuestionBase } from '../quiz-view/question-base.ts';
import { questionChoiceStyles } from './question-choice.styles.ts';

type ChoiceQuestion = SingleQuestion | MultipleQuestion | TrueFalseQuestion;

interface Row {
  id: string;
  html: string;
}

const TRUE_FALSE: Row[] = [
  { id: 'true', html: 'True' },
  { id: 'false', html: 'False' },
];

@customElement('question-choice')
export class QuestionChoice extends QuestionBase {
  static override styles = questionChoiceStyles;

  protected override controlFor(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#opt-${CSS.escape(id)}`);
  }

  private get choice(): ChoiceQuestion {
    return this.question as ChoiceQuestion;
  }

  private rows(): Row[] {
    const q = this.choice;
    if (q.type === 'truefalse') return TRUE_FALSE;
    return this.order.map((id) => q.options.find((o) => o.id === id)).filter((o): o is NonNullable<typeof o> => !!o);
  }

  private isChecked(id: string): boolean {
    const v = this.value;
    if (!v) return false;
    if (v.type === 'single') return v.value === id;
    if (v.type === 'multiple') return v.value.includes(id);
    if (v.type === 'truefalse') return String(v.value) === id;
    return false;
  }

  private handleChange(): void {
    const checked = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    const q = this.choice;
    let answer: Answer;
    if (q.type === 'multiple') answer = { type: 'multiple', value: checked };
    else if (q.type === 'truefalse') answer = { type: 'truefalse', value: checked[0] === 'true' };
    else answer = { type: 'single', value: checked[0] ?? '' };
    this.emitAnswer(answer);
  }

  /**
   * GOV.UK's "Select all that apply." for checkboxes, unless the author wrote a hint of their own:
   * theirs is more precise ("Choose two."), and both together repeat or contradict each other.
   */
  private multipleHint(): string {
    return this.choice.type === 'multiple' && !this.choice.hintHtml ? 'Select all that apply.' : '';
  }

  override render() {
    const q = this.choice;
    const multiple = q.type === 'multiple';
    return html`<div class="form-group ${this.error ? 'has-error' : ''}">
      <fieldset aria-describedby=${this.describedBy(multiple || !!q.hintHtml)}>
        ${this.renderLegend()} ${this.renderHint(this.multipleHint())} ${this.renderError()}
        <div class="choices">
          ${this.rows().map(
            (row) => html`<div class="choice">
              <input
                id="opt-${row.id}"
                type=${multiple ? 'checkbox' : 'radio'}
                name="answer"
                .value=${row.id}
                .checked=${live(this.isChecked(row.id))}
                ?disabled=${this.readonly}
                @change=${this.handleChange}
              />
              <label for="opt-${row.id}"
                >${unsafeHTML(row.html)}${this.readonly && this.isChecked(row.id)
                  ? html`<span class="chosen-tag">(your answer)</span>`
                  : nothing}</label
              >
            </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'question-choice': QuestionChoice;
  }
}
