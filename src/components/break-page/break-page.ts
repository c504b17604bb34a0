/**
 * @summary "Take a break": saves at once and shows a calm page, with "Carry on where I was",
 * "Save and exit" and the support information.
 *
 * @event navigate - NavigateDetail: "Carry on where I was".
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Location } from '../../course/progress.ts';
import type { CourseSession } from '../../course/session.ts';
import type { Course } from '../../course/types.ts';
import { navigateEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { supportSection } from '../shared/course-parts.ts';
import { BREAK_KEPT, exitEnded, exitMessage, saveAndExit, saveState, type ExitState } from '../shared/exit.ts';

@customElement('break-page')
export class BreakPage extends LitElement {
  static override styles = [tokens, controls, viewStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The tracking session: saved on arrival, ended by "Save and exit". */
  @property({ attribute: false }) session!: CourseSession;
  /** The place to carry on at. */
  @property({ attribute: false }) returnTo: Location | null = null;
  /** Its name, e.g. the lesson title. */
  @property() returnLabel = '';

  /** `kept`: the LMS did not confirm the save, the browser keeps it; `unsaved`: neither kept it. */
  @state() private saved: 'saving' | 'saved' | 'kept' | 'unsaved' | 'error' = 'saving';
  @state() private exit: ExitState = 'idle';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.save();
  }

  /** Focus the h1 (the shell calls this after navigation). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async save(): Promise<void> {
    if (!this.session) return;
    this.saved = 'saving';
    try {
      const state = saveState(await this.session.save());
      this.saved = state === 'done' ? 'saved' : state;
    } catch (err) {
      console.error(err);
      this.saved = 'error';
    }
  }

  private handleCarryOn(): void {
    if (this.returnTo) this.dispatchEvent(navigateEvent({ location: this.returnTo }));
  }

  private async handleExit(): Promise<void> {
    this.exit = 'saving';
    this.exit = await saveAndExit(this.session);
    // The buttons are gone once the session has ended: keep focus on the message, not on <body>.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.exit-message')?.focus();
  }

  override render() {
    if (!this.course) return nothing;
    const ended = exitEnded(this.exit);
    return html`<div class="view">
      <h1 tabindex="-1">Take a break</h1>
      <div role="status" aria-live="polite">
        ${this.saved === 'saving' ? html`<p class="lead">Saving your progress…</p>` : nothing}
        ${this.saved === 'saved'
          ? html`<p class="lead">${this.session.recording === false ? 'Your record is as it was before this visit.' : 'Your progress is saved.'} Take as long as you need.</p>`
          : nothing}
        ${this.saved === 'kept' ? html`<p class="lead">${BREAK_KEPT}</p>` : nothing}
        ${this.saved === 'error' || this.saved === 'unsaved'
          ? html`<p class="lead">Your progress could not be saved just now. You can stay on this page and try again with “Save and exit”.</p>`
          : nothing}
      </div>
      <p>
        It is fine to step away, breathe, or do something else for a while. When you are ready, you can carry on from
        ${this.returnLabel ? html`<strong>${this.returnLabel}</strong>` : 'where you were'}.
      </p>
      ${ended
        ? nothing
        : html`<div class="button-row">
            <button type="button" class="button" @click=${this.handleCarryOn}>Carry on where I was</button>
            <button type="button" class="button secondary" ?disabled=${this.exit === 'saving'} @click=${this.handleExit}>
              Save and exit
            </button>
          </div>`}
      <div role="status" aria-live="polite">${this.exit === 'idle' ? nothing : html`<p class="panel accent exit-message" tabindex="-1">${exitMessage(this.exit, this.session.mode)}</p>`}</div>
      ${supportSection(this.course)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'break-page': BreakPage;
  }
}
