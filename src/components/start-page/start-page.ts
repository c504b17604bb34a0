/**
 * @summary The start page: what the course covers (each lesson with its learning outcomes), how long it takes, the content advisory,
 * that the learner can stop at any time, support, the credit of the review, and "Start".
 * After a restored session it first offers "Continue where you left off" (no dialog: a calm panel).
 *
 * @event navigate - NavigateDetail: Start, Continue, or Start from the beginning.
 * @event open-glossary - OpenGlossaryDetail: "Glossary".
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Location } from '../../course/progress.ts';
import type { CourseSession } from '../../course/session.ts';
import type { Course } from '../../course/types.ts';
import { navigateEvent, openGlossaryEvent } from '../../course/navigation.ts';
import { lessonBriefStyles, outcomesList } from '../lesson-brief/lesson-brief.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { creditText, supportSection } from '../shared/course-parts.ts';
import { locationLabel } from '../shared/labels.ts';
import { startPageStyles } from './start-page.styles.ts';

@customElement('start-page')
export class StartPage extends LitElement {
  static override styles = [tokens, controls, viewStyles, lessonBriefStyles, startPageStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The tracking session (its mode decides how we describe where progress is kept). */
  @property({ attribute: false }) session!: CourseSession;
  /** The place of an earlier session to offer "Continue where you left off" for, or null. */
  @property({ attribute: false }) resume: Location | null = null;
  /** The earlier launch ended during a break: `resume` is then the first part not yet done. */
  @property({ attribute: false }) resumeAfterBreak = false;
  /** Where "Start" goes (the first lesson). */
  @property({ attribute: false }) firstLocation: Location | null = null;

  /** Focus the h1 (the shell calls this after navigation). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private go(location: Location | null): void {
    if (location) this.dispatchEvent(navigateEvent({ location }));
  }

  private handleGlossary(): void {
    this.dispatchEvent(openGlossaryEvent());
  }

  private keptText(): string {
    if (this.session?.mode === 'standalone') {
      return 'You can stop at any time. Your progress is kept in this web browser on this device, so you can carry on later here. Nothing is sent anywhere else.';
    }
    return 'You can stop at any time. Your progress is saved in your organisation’s learning system, so you can carry on later, also on another device.';
  }

  private renderResume(resume: Location) {
    return html`<section class="panel accent resume" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Welcome back</h2>
      ${this.resumeAfterBreak
        ? html`<p>
            Your progress has been kept. Last time you took a break. The next part you have not finished is:
            <strong>${locationLabel(this.course, resume)}</strong>.
          </p>`
        : html`<p>Your progress has been kept. You were last at: <strong>${locationLabel(this.course, resume)}</strong>.</p>`}
      <div class="button-row">
        <button type="button" class="button" @click=${() => this.go(resume)}>Continue where you left off</button>
        <button type="button" class="button secondary" @click=${() => this.go(this.firstLocation)}>
          Start from the beginning of the course
        </button>
      </div>
      <p class="muted small">Either way, nothing you have done so far is lost. You can also use the course menu at the top.</p>
    </section>`;
  }

  override render() {
    const course = this.course;
    if (!course) return nothing;
    const minutes = course.settings.estimatedMinutes;
    return html`<div class="view">
      <h1 tabindex="-1">${course.title}</h1>
      ${this.resume ? this.renderResume(this.resume) : nothing}
      <p class="lead">${course.description}</p>

      <h2 id="covers-heading">What this course covers</h2>
      <ol class="parts" aria-labelledby="covers-heading">
        ${course.lessons.map((l) => {
          const quizzes = course.quizzes.filter((q) => q.lessonId === l.id);
          return html`<li>
            <span class="part-title">${l.title}</span>
            <span class="muted">– about ${l.minutes} ${l.minutes === 1 ? 'minute' : 'minutes'} to read${quizzes.length
              ? `, then ${quizzes.length === 1 ? 'a short quiz' : `${quizzes.length} short quizzes`}`
              : ''}</span>
            ${outcomesList(l)}
          </li>`;
        })}
      </ol>
      <p>The whole course takes about <strong>${minutes} ${minutes === 1 ? 'minute' : 'minutes'}</strong>. ${this.keptText()}</p>
      ${course.lessons.some((l) => l.brief?.length) || course.glossary?.length
        ? html`<p class="guidance">
            ${course.lessons.some((l) => l.brief?.length) ? 'Each lesson begins with its key points, “In brief”. ' : nothing}
            ${course.glossary?.length
              ? html`Words that may be new are explained in the
                  <button type="button" class="link-button small" @click=${this.handleGlossary}>glossary</button>.`
              : nothing}
          </p>`
        : nothing}

      <section class="panel advisory" aria-labelledby="advisory-heading">
        <h2 id="advisory-heading">About the content</h2>
        <!-- advisoryHtml is sanitised at build time (src/content/sanitize.ts allow-list): safe to insert. -->
        <div>${unsafeHTML(course.settings.advisoryHtml)}</div>
        <p>You can take a break whenever you need to, with the “Take a break” button at the top of every page.</p>
      </section>

      ${supportSection(course)}

      <section class="credit-section" aria-labelledby="credit-heading">
        <h2 id="credit-heading">Where this course comes from</h2>
        <p class="credit">This course is based on the review by ${creditText(course)}</p>
      </section>

      <div class="button-row">
        <button type="button" class="button" @click=${() => this.go(this.firstLocation)}>
          ${this.resume ? 'Start the course from the beginning' : 'Start the course'}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'start-page': StartPage;
  }
}
