/**
 * @summary The end of the course: a summary of what was read and each quiz's score, what is recorded
 * and where, "Save and exit", and the support information again.
 *
 * The summary is also the learner's printable record: "Print your record" opens the browser's print
 * dialog, and the print stylesheet prints only the record (course, the learner's name as the LMS
 * gives it, date, lessons read, quiz scores, passed or not, and the credit to the review), with no
 * PDF library.
 *
 * @event navigate - NavigateDetail: a link to a lesson or quiz not done yet.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Location, ProgressStore } from '../../course/progress.ts';
import type { CourseSession } from '../../course/session.ts';
import type { Course } from '../../course/types.ts';
import { navigateEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { creditText, supportSection } from '../shared/course-parts.ts';
import { exitEnded, exitMessage, saveAndExit, type ExitState } from '../shared/exit.ts';
import { formatPercent, locationHash } from '../shared/labels.ts';
import { endPageStyles } from './end-page.styles.ts';

@customElement('end-page')
export class EndPage extends LitElement {
  static override styles = [tokens, controls, viewStyles, endPageStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The progress store (read only here: status and quiz scores). */
  @property({ attribute: false }) store!: ProgressStore;
  /** The tracking session: ended by "Save and exit". */
  @property({ attribute: false }) session!: CourseSession;

  @state() private exit: ExitState = 'idle';

  /** Focus the h1 (the shell calls this after navigation). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handleGo(e: MouseEvent, location: Location): void {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.dispatchEvent(navigateEvent({ location }));
  }

  private async handleExit(): Promise<void> {
    this.exit = 'saving';
    this.exit = await saveAndExit(this.session);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.exit-message')?.focus();
  }

  private handlePrint(): void {
    window.print();
  }

  /** "passed", "not passed yet", or why there is no result yet, in words (never a colour). */
  private resultText(): string {
    const status = this.store.status();
    const mark = formatPercent(this.course.settings.passMark);
    if (this.course.quizzes.length === 0) return 'no quizzes in this course';
    if (status.score === null) return 'not decided yet: every quiz must be finished first';
    return `${status.success === 'passed' ? 'passed' : 'not passed yet'} (overall score ${formatPercent(status.score)}, pass mark ${mark})`;
  }

  private recordedText() {
    if (this.session.mode === 'standalone') {
      return html`<p>
        This copy of the course is not connected to a learning system, so nothing is sent anywhere. Your progress is kept
        only in this web browser on this device.
      </p>`;
    }
    return html`<p>Your organisation’s learning system records:</p>
      <ul>
        <li>which parts you have finished, and whether the course is complete;</li>
        <li>your quiz scores and the answers you gave;</li>
        <li>the time you spent and where you stopped, so you can carry on later.</li>
      </ul>
      <p>It does not record anything else about you from this course.</p>`;
  }

  override render() {
    const course = this.course;
    if (!course || !this.store || !this.session) return nothing;
    const status = this.store.status();
    const state = this.store.get();
    const ended = exitEnded(this.exit) || this.session.ended;
    return html`<div class="view">
      <h1 tabindex="-1">Finish</h1>
      <p class="lead">
        ${status.completed
          ? 'You have completed the course. Thank you for taking the time.'
          : 'You have reached the end of the course. Some parts are still open; you can go back to them at any time.'}
      </p>

      <section class="record" aria-labelledby="summary-heading">
        <div class="print-only record-head">
          <p class="record-title">Record of learning</p>
          <p><strong>Course:</strong> ${course.title}</p>
          ${this.session.learnerName ? html`<p><strong>Learner:</strong> ${this.session.learnerName}</p>` : nothing}
          <p><strong>Date:</strong> ${new Date().toLocaleDateString(course.settings.language || 'en', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
          <p><strong>Result:</strong> ${this.resultText()}</p>
        </div>
        <h2 id="summary-heading">Your summary</h2>
        <dl class="summary">
          <div>
            <dt>Lessons read</dt>
            <dd>${status.lessonsRead} of ${status.lessonsTotal}</dd>
          </div>
          ${status.quizzesTotal > 0
            ? html`<div>
                <dt>Quizzes finished</dt>
                <dd>${status.quizzesSubmitted} of ${status.quizzesTotal}</dd>
              </div>`
            : nothing}
          ${status.score !== null
            ? html`<div>
                <dt>Overall score</dt>
                <dd>
                  ${formatPercent(status.score)} (pass mark ${formatPercent(course.settings.passMark)}):
                  ${status.success === 'passed' ? 'passed' : 'not passed yet'}
                </dd>
              </div>`
            : nothing}
        </dl>

        <h3>Lessons</h3>
        <ul class="items">
          ${course.lessons.map((l) => {
            const read = state.lessonsRead.includes(l.id);
            const loc: Location = { view: 'lesson', id: l.id };
            return html`<li>
              <a href=${locationHash(loc)} @click=${(e: MouseEvent) => this.handleGo(e, loc)}>${l.title}</a>:
              ${read ? 'read' : 'not read yet'}
            </li>`;
          })}
        </ul>
        ${course.quizzes.length > 0
          ? html`<h3>Quizzes</h3>
              <ul class="items">
                ${course.quizzes.map((q) => {
                  const p = state.quizzes[q.id];
                  const loc: Location = { view: 'quiz', id: q.id };
                  const best = p?.best ?? null;
                  const text =
                    best === null
                      ? p && p.attempt > 0
                        ? 'started, not finished'
                        : 'not started'
                      : `score ${formatPercent(best)}, ${best >= q.settings.passMark ? 'passed' : `not passed yet (pass mark ${formatPercent(q.settings.passMark)})`}`;
                  return html`<li>
                    <a href=${locationHash(loc)} @click=${(e: MouseEvent) => this.handleGo(e, loc)}>${q.title}</a>: ${text}
                  </li>`;
                })}
              </ul>`
          : nothing}
        <p class="credit record-credit">This course is based on the review by ${creditText(course)}</p>
        <div class="button-row">
          <button type="button" class="button secondary" @click=${this.handlePrint}>Print your record</button>
        </div>
      </section>

      <h2>What is recorded</h2>
      ${this.recordedText()}

      <h2>Leaving the course</h2>
      <p>You can save and leave now. If you come back later, you can look at any part again.</p>
      ${ended
        ? nothing
        : html`<div class="button-row">
            <button type="button" class="button" ?disabled=${this.exit === 'saving'} @click=${this.handleExit}>Save and exit</button>
          </div>`}
      <div role="status" aria-live="polite">
        ${this.exit === 'idle'
          ? nothing
          : // Once the button is gone the message takes its place in the Tab order: from a tabindex=-1
            // element with nothing focusable after it in this shadow root, Chromium's next Tab jumps
            // back to the first link of the page (the first lesson) instead of going on.
            html`<p class="panel accent exit-message" tabindex=${ended ? '0' : '-1'}>${exitMessage(this.exit, this.session.mode)}</p>`}
      </div>

      ${supportSection(course)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'end-page': EndPage;
  }
}
