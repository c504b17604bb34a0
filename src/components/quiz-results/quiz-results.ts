/**
 * @summary The results of a finished quiz attempt: the score, the pass mark, passed or not in
 * words, the questions worth another look (each linked to its passage, with the correct answer
 * once the rules allow it), the attempts used, and the ways on: the retry the rules allow
 * (`retry: wrongOnly` or `all`), continue.
 *
 * The last attempt allowed, or a pass that shows the answers, is final: the quiz closes. When it closes without a
 * pass the words stay calm: the score, that the quiz still counts as done for the course (unless
 * the course needs every quiz passed), that the lesson is always there, and the support box.
 *
 * @event quiz-retry - The learner asked for a new attempt (detail: { wrongOnly: boolean }).
 * @event navigate - "Continue" or a "Review this in the lesson" link (bubbles, composed).
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { navigateEvent } from '../../course/navigation.ts';
import type { Location, QuizProgress } from '../../course/progress.ts';
import { canStartAttempt, isFinal, showsCorrectAnswers, type AttemptScore } from '../../course/quiz-engine.ts';
import type { Course, Quiz, QuizRules } from '../../course/types.ts';
import { correctAnswerText, OUTCOME_LABEL } from '../question-feedback/question-feedback.ts';
import { formatPercent, locationHash } from '../shared/labels.ts';
import { reviewLocation } from '../quiz-view/quiz-links.ts';
import { quizResultsStyles } from './quiz-results.styles.ts';

export type QuizRetryEvent = CustomEvent<{ wrongOnly: boolean }>;

declare global {
  interface HTMLElementEventMap {
    'quiz-retry': QuizRetryEvent;
  }
}

@customElement('quiz-results')
export class QuizResults extends LitElement {
  static override styles = quizResultsStyles;

  /** The course (completion rule, support box, lesson title). */
  @property({ attribute: false }) course!: Course;
  /** The quiz's rules (quizRules): attempts, when answers show, what a retry asks. */
  @property({ attribute: false }) rules!: QuizRules;
  /** The quiz. */
  @property({ attribute: false }) quiz!: Quiz;
  /** The learner's progress in this quiz (a finished attempt). */
  @property({ attribute: false }) progress!: QuizProgress;
  /** The finished attempt's score (store.attemptScore). */
  @property({ attribute: false }) score!: AttemptScore;
  /** Where "Continue" leads (nextLocation); null hides it. */
  @property({ attribute: false }) next: Location | null = null;

  /** Focus the "Your results" heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handleRetry(e: Event): void {
    const wrongOnly = (e.currentTarget as HTMLElement).dataset.wrongOnly === 'true';
    this.dispatchEvent(new CustomEvent('quiz-retry', { detail: { wrongOnly } }));
  }

  private handleContinue(): void {
    if (this.next) this.dispatchEvent(navigateEvent({ location: this.next }));
  }

  private handleReview(e: Event): void {
    e.preventDefault();
    const question = this.quiz.questions.find((q) => q.id === (e.currentTarget as HTMLElement).dataset.question);
    if (question) this.dispatchEvent(navigateEvent(reviewLocation(this.quiz, question)));
  }

  private handleLesson(e: Event): void {
    e.preventDefault();
    this.dispatchEvent(navigateEvent({ location: { view: 'lesson', id: this.quiz.lessonId }, returnTo: { view: 'quiz', id: this.quiz.id } }));
  }

  /** The quiz closed without a pass: calm, factual, and what the learner can still do. */
  private renderClosed(best: number): TemplateResult {
    const { course, quiz, rules } = this;
    const lesson = course.lessons.find((l) => l.id === quiz.lessonId)?.title ?? 'the lesson';
    const stillCompletes = course.settings.completion.quizzes !== 'all-passed';
    return html`<div class="panel closed">
      <p>
        You have used all ${rules.attempts} ${rules.attempts === 1 ? 'attempt' : 'attempts'} at this quiz, so it is now
        closed. Your best score is kept. It is ${formatPercent(best)}.
      </p>
      <p>
        ${stillCompletes
          ? 'The quiz counts as done, so you can still complete the course.'
          : 'This course asks for every quiz to be passed: the people who run it can tell you what happens next.'}
        You can read the lesson again at any time:
        <a href=${locationHash({ view: 'lesson', id: quiz.lessonId })} @click=${this.handleLesson}>go to “${lesson}”</a>.
      </p>
    </div>
    <aside class="support" aria-labelledby="support-heading">
      <h2 id="support-heading">${course.settings.support.heading}</h2>
      ${unsafeHTML(course.settings.support.html)}
    </aside>`;
  }

  override render() {
    const { quiz, progress: p, score } = this;
    const percent = p.last ?? score.percent;
    const passMark = quiz.settings.passMark;
    const passed = percent >= passMark;
    const rules = this.rules;
    const limit = rules.attempts;
    const final = isFinal(quiz, rules, p);
    const canRetry = canStartAttempt(quiz, rules, p);
    const reveal = showsCorrectAnswers(quiz, rules, p);
    const toReview = score.results
      .map((r, i) => ({ r, i, q: quiz.questions.find((x) => x.id === r.questionId) }))
      .filter((x) => x.r.outcome !== 'correct' && x.q);
    return html`
      <h1 tabindex="-1">Your results</h1>
      <p class="caption">${quiz.title}</p>
      <div class="panel score">
        <p class="score-line">Your score: <strong>${formatPercent(percent)}</strong></p>
        <p>The pass mark is ${formatPercent(passMark)}.</p>
        <p>
          ${passed
            ? 'You passed this quiz.'
            : p.best !== null && p.best >= passMark
              ? `You did not reach the pass mark this time, but you passed before: your best score, ${formatPercent(p.best)}, is the one that counts.`
              : 'You have not reached the pass mark this time. Looking again at the parts of the lesson below may help.'}
        </p>
        ${p.best !== null && p.best > percent && !(p.best >= passMark && !passed)
          ? html`<p>Your best score so far is ${formatPercent(p.best)}.</p>`
          : nothing}
      </div>

      ${toReview.length
        ? html`<h2>Questions to look at again</h2>
            <ul class="review-list" role="list">
              ${toReview.map(
                ({ r, i, q }) => html`<li>
                  <span class="review-number">Question ${i + 1}</span>
                  <span class="review-prompt">${unsafeHTML(q!.promptHtml)}</span>
                  <span class="review-outcome">Your answer: ${OUTCOME_LABEL[r.outcome].toLowerCase()}.</span>
                  ${reveal ? html`<span class="review-key">${correctAnswerText(q!)}</span>` : nothing}
                  <a href=${locationHash(reviewLocation(quiz, q!).location)} data-question=${q!.id} @click=${this.handleReview}
                    >Review this in the lesson<span class="visually-hidden"> (question ${i + 1})</span></a
                  >
                </li>`,
              )}
            </ul>`
        : html`<p>You answered every question correctly.</p>`}

      ${final && !passed && !(p.best !== null && p.best >= passMark)
        ? this.renderClosed(p.best ?? percent)
        : final
          ? html`<p>You passed, so this quiz is now closed.${reveal && toReview.length ? ' The correct answers are shown above.' : ''}</p>`
          : limit > 0
            ? html`<p>You have used ${p.attempt} of ${limit} attempts.</p>`
            : nothing}
      ${canRetry && toReview.length > 0
        ? html`<p>
            ${!reveal && rules.showCorrectAnswers === 'afterFinalAttempt' ? 'The correct answers are shown once you pass, or after your last attempt.' : ''}
            ${rules.retry === 'wrongOnly'
              ? 'A retry keeps your right answers and asks new questions in place of the others, where the quiz has them.'
              : 'A retry asks a new set of questions, where the quiz has them.'}
          </p>`
        : nothing}

      <div class="button-row">
        ${this.next ? html`<button type="button" class="button" @click=${this.handleContinue}>Continue</button>` : nothing}
        ${!canRetry
          ? nothing
          : rules.retry === 'wrongOnly' && toReview.length > 0
            ? html`<button type="button" class="button secondary" data-wrong-only="true" @click=${this.handleRetry}>
                Try only the questions I got wrong
              </button>`
            : html`<button type="button" class="button secondary" data-wrong-only="false" @click=${this.handleRetry}>Try again</button>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quiz-results': QuizResults;
  }
}
