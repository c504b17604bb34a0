/**
 * @summary An ordering question: a numbered list where each option has "Move up" and
 * "Move down" buttons. No drag-and-drop: buttons work with keyboard, switch and speech input
 * (WCAG 2.5.7). Each button's name says the item and where it is now ("Move up “Turning point”,
 * now 3 of 4"), each move is announced in a polite live region in this same shadow root,
 * and focus stays on the button that was pressed.
 *
 * @event answer-input - The order changed (detail: the ordering Answer, the full list of option ids).
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { OrderingQuestion } from '../../course/types.ts';
import { QuestionBase } from '../quiz-view/question-base.ts';
import { questionOrderingStyles } from './question-ordering.styles.ts';

@customElement('question-ordering')
export class QuestionOrdering extends QuestionBase {
  static override styles = questionOrderingStyles;

  /** Text of the polite live region: the last move. */
  @state() private announcement = '';

  protected override controlFor(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`button[data-id="${CSS.escape(id)}"]`);
  }

  private get ordering(): OrderingQuestion {
    return this.question as OrderingQuestion;
  }

  /** The current order: the draft, or the display order before the first move. */
  private current(): string[] {
    return this.value?.type === 'ordering' ? this.value.value : this.order;
  }

  private text(id: string): string {
    return this.ordering.options.find((o) => o.id === id)?.text ?? id;
  }

  private async handleMove(e: Event): Promise<void> {
    const button = e.currentTarget as HTMLButtonElement;
    const id = button.dataset.id!;
    const dir = button.dataset.dir as 'up' | 'down';
    const list = this.current().slice();
    const from = list.indexOf(id);
    const to = dir === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= list.length) {
      this.announce(`${this.text(id)} is already ${dir === 'up' ? 'first' : 'last'}, at position ${from + 1} of ${list.length}`);
      return;
    }
    [list[from], list[to]] = [list[to], list[from]];
    this.value = { type: 'ordering', value: list };
    this.emitAnswer(this.value);
    this.announce(`${this.text(id)} moved to position ${to + 1} of ${list.length}`);
    await this.updateComplete;
    // Moving a list item re-inserts its DOM node, which drops focus in Chromium and Firefox: put it back.
    this.renderRoot.querySelector<HTMLElement>(`button[data-id="${CSS.escape(id)}"][data-dir="${dir}"]`)?.focus();
  }

  private announce(message: string): void {
    // The same message twice in a row (e.g. "already first") must still be spoken: vary it invisibly.
    this.announcement = this.announcement === message ? message + '\u00a0' : message;
  }

  override render() {
    const q = this.ordering;
    const list = this.current();
    return html`<div class="form-group ${this.error ? 'has-error' : ''}">
        <fieldset aria-describedby=${this.describedBy(true)}>
          ${this.renderLegend()}
          ${this.renderHint(
            this.readonly
              ? this.shows === 'correct'
                ? 'The correct order, first at the top.'
                : 'Your order, first at the top.'
              : 'Put these in order, first at the top. Use the Move up and Move down buttons.',
          )}
          ${this.renderError()}
          <ol class="order" role="list">
            ${repeat(
              list,
              (id) => id,
              (id, i) => {
                const option = q.options.find((o) => o.id === id);
                // The number is drawn, not a list marker: li{display:flex} drops the marker; the ol still gives "1 of 4".
                return html`<li class="order-item">
                  <span class="order-pos" aria-hidden="true">${i + 1}.</span>
                  <span class="order-text">${option ? unsafeHTML(option.html) : id}</span>
                  ${this.readonly
                    ? nothing
                    : html`<span class="order-buttons">
                        <button
                          type="button"
                          class="button secondary small"
                          data-id=${id}
                          data-dir="up"
                          aria-disabled=${i === 0 ? 'true' : 'false'}
                          @click=${this.handleMove}
                        >
                          Move up<span class="visually-hidden"> “${this.text(id)}”, now ${i + 1} of ${list.length}</span>
                        </button>
                        <button
                          type="button"
                          class="button secondary small"
                          data-id=${id}
                          data-dir="down"
                          aria-disabled=${i === list.length - 1 ? 'true' : 'false'}
                          @click=${this.handleMove}
                        >
                          Move down<span class="visually-hidden"> “${this.text(id)}”, now ${i + 1} of ${list.length}</span>
                        </button>
                      </span>`}
                </li>`;
              },
            )}
          </ol>
        </fieldset>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'question-ordering': QuestionOrdering;
  }
}
