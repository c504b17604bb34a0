/**
 * @summary A matching question: for each item, a native select labelled by the item, whose
 * options are the targets ("Choose…" first). Native selects work with every screen reader,
 * keyboard and switch device, unlike drag-and-drop.
 *
 * @event answer-input - The learner changed a match (detail: the whole matching Answer).
 */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { MatchingQuestion } from '../../course/types.ts';
import { QuestionBase } from '../quiz-view/question-base.ts';
import { questionMatchingStyles } from './question-matching.styles.ts';

@customElement('question-matching')
export class QuestionMatching extends QuestionBase {
  static override styles = questionMatchingStyles;

  protected override controlFor(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#item-${CSS.escape(id)}`);
  }

  private get matching(): MatchingQuestion {
    return this.question as MatchingQuestion;
  }

  private chosen(itemId: string): string {
    return this.value?.type === 'matching' ? (this.value.value[itemId] ?? '') : '';
  }

  private handleChange(): void {
    const value: Record<string, string> = {};
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select')) value[select.dataset.item!] = select.value;
    this.emitAnswer({ type: 'matching', value });
  }

  override render() {
    const q = this.matching;
    const items = this.order.map((id) => q.items.find((i) => i.id === id)).filter((i): i is NonNullable<typeof i> => !!i);
    return html`<div class="form-group ${this.error ? 'has-error' : ''}">
      <fieldset aria-describedby=${this.describedBy(true)}>
        ${this.renderLegend()} ${this.renderHint(
          this.readonly ? (this.shows === 'correct' ? 'The correct matches.' : 'Your matches.') : 'Choose a match for each item.',
        )} ${this.renderError()}
        <div class="matches">
          ${items.map((item) => {
            const chosen = this.chosen(item.id);
            return html`<div class="match">
              <label class="match-label" for="item-${item.id}">${unsafeHTML(item.html)}</label>
              <select
                id="item-${item.id}"
                data-item=${item.id}
                aria-invalid=${this.invalid.includes(item.id) ? 'true' : 'false'}
                ?disabled=${this.readonly}
                @change=${this.handleChange}
              >
                <!-- .selected (the property): the selection follows the value also after the learner has used the select ("Show the correct answer"). -->
                <option value="" .selected=${chosen === ''}>Choose…</option>
                ${q.targets.map((t) => html`<option value=${t.id} .selected=${chosen === t.id}>${t.text}</option>`)}
              </select>
            </div>`;
          })}
        </div>
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'question-matching': QuestionMatching;
  }
}
