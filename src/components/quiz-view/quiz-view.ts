/**
 * @summary A whole quiz: the intro, one question per screen, feedback after each answer,
 * and the results. Progress is read from and written to the ProgressStore only; the view
 * re-renders whenever the store changes.
 *
 * Which screen shows is derived from the store (intro before the first attempt; the first
 * question not yet answered; the results once the attempt is finished), so a relaunch lands on
 * the right screen with the same questions in the same order. The only UI memory is which
 * answer's feedback is on screen and unsent drafts; it is kept per store outside the element,
 * so following "Review this in the lesson" and coming back shows the same feedback again.
 *
 * The course's quiz rules (quizRules: course.yaml `quiz`) decide how many attempts, what a retry
 * asks and when the correct answers show; until then feedback says right or not and where to look.
 *
 * @event navigate - Links to the lesson and "Continue" (bubbles, composed; see navigateEvent).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { navigateEvent, nextLocation } from '../../course/navigation.ts';
import type { ProgressStore, QuizProgress } from '../../course/progress.ts';
import { emptyQuizProgress } from '../../course/progress.ts';
import { isAnswered, optionOrder, quizRules, scoreAnswer, showsCorrectAnswers } from '../../course/quiz-engine.ts';
import type { Answer, Course, Question, Quiz, QuizRules } from '../../course/types.ts';
import '../question-choice/question-choice.ts';
import '../question-matching/question-matching.ts';
import '../question-ordering/question-ordering.ts';
import '../question-feedback/question-feedback.ts';
import '../quiz-results/quiz-results.ts';
import type { QuestionFeedback } from '../question-feedback/question-feedback.ts';
import type { QuizResults, QuizRetryEvent } from '../quiz-results/quiz-results.ts';
import type { AnswerInputEvent, QuestionBase } from './question-base.ts';
import { locationHash } from '../shared/labels.ts';
import { quizViewStyles } from './quiz-view.styles.ts';

export type QuizScreen =
  | { kind: 'intro' }
  | { kind: 'question'; questionId: string }
  | { kind: 'feedback'; questionId: string }
  | { kind: 'results' };

/** UI-only memory of one quiz, for one attempt. */
interface QuizMemory {
  attempt: number;
  /** The answered question whose feedback is on screen until "Next question". */
  feedbackFor: string | null;
  /** Answers chosen but not yet submitted, by question id. */
  drafts: Record<string, Answer>;
}

/** Survives the element being replaced (lesson and back), dies with the page, like any UI state. */
const memories = new WeakMap<ProgressStore, Map<string, QuizMemory>>();

interface Problem {
  questionId: string;
  message: string;
  /** Controls in error (matching items); the summary link goes to the first. */
  invalid: string[];
}

type FocusTarget = 'heading' | 'error' | null;

/** The right answer as an Answer, for "Show the correct answer" (matching and ordering). */
function correctAnswer(q: Question): Answer | undefined {
  if (q.type === 'matching') return { type: 'matching', value: { ...q.correct } };
  if (q.type === 'ordering') return { type: 'ordering', value: [...q.correct] };
  return undefined;
}

@customElement('quiz-view')
export class QuizView extends LitElement {
  static override styles = quizViewStyles;

  /** The compiled course (for titles and "Continue"). */
  @property({ attribute: false }) course!: Course;
  /** The progress store: the only place progress is read from and written to. */
  @property({ attribute: false }) store!: ProgressStore;
  /** The quiz to show. */
  @property({ attribute: false }) quiz!: Quiz;

  /** The "nothing chosen" error of the question on screen, if any. */
  @state() private problem: Problem | null = null;
  /** Feedback of a matching or ordering question: the read-only question shows the correct answer. */
  @state() private showCorrect = false;

  private unsubscribe: (() => void) | null = null;
  private focusNext: FocusTarget = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Move focus to the main heading of the screen on show (the course app calls this after navigating). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const screen = this.screen();
    if (screen.kind === 'feedback') await this.renderRoot.querySelector<QuestionFeedback>('question-feedback')?.focusHeading();
    else if (screen.kind === 'question') await this.renderRoot.querySelector<QuestionBase>('#question')?.focusHeading();
    else if (screen.kind === 'results') await this.renderRoot.querySelector<QuizResults>('quiz-results')?.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The screen the store's state calls for. */
  screen(): QuizScreen {
    const p = this.progress();
    if (p.attempt === 0) return { kind: 'intro' };
    const memory = this.memory();
    if (memory.feedbackFor && memory.feedbackFor in p.answers) return { kind: 'feedback', questionId: memory.feedbackFor };
    if (p.finished) return { kind: 'results' };
    const next = this.store.pending(this.quiz.id)[0];
    return next ? { kind: 'question', questionId: next } : { kind: 'results' };
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store ? this.store.subscribe(() => this.requestUpdate()) : null;
  }

  private progress(): QuizProgress {
    return this.store.get().quizzes[this.quiz.id] ?? emptyQuizProgress();
  }

  private memory(): QuizMemory {
    let byQuiz = memories.get(this.store);
    if (!byQuiz) memories.set(this.store, (byQuiz = new Map()));
    const attempt = this.progress().attempt;
    let m = byQuiz.get(this.quiz.id);
    if (!m || m.attempt !== attempt) byQuiz.set(this.quiz.id, (m = { attempt, feedbackFor: null, drafts: {} }));
    return m;
  }

  private question(id: string): Question {
    const q = this.quiz.questions.find((x) => x.id === id);
    if (!q) throw new Error(`Quiz "${this.quiz.id}" has no question "${id}"`);
    return q;
  }

  /** Questions asked in this attempt (answers carried over from the last attempt are not asked again). */
  private asked(): string[] {
    const p = this.progress();
    return p.questionIds.filter((id) => !p.carried.includes(id));
  }

  /**
   * A question keeps its number for the whole attempt: its place among the attempt's questions, as
   * in the results ("Question 3" there is "Question 3" here). On "Try only the questions I got
   * wrong" the caption also says how far through the questions asked again the learner is.
   */
  private caption(questionId: string): string {
    const all = this.progress().questionIds;
    const asked = this.asked();
    const base = `Question ${all.indexOf(questionId) + 1} of ${all.length}`;
    return asked.length === all.length ? base : `${base} (${asked.indexOf(questionId) + 1} of ${asked.length} to try again)`;
  }

  private draft(q: Question): Answer | undefined {
    const d = this.memory().drafts[q.id];
    if (d) return d;
    // An ordering question starts from its shuffled order, which is already an answer.
    if (q.type === 'ordering') return { type: 'ordering', value: optionOrder(this.quiz, q, this.progress().seed) };
    return undefined;
  }

  /** What is missing from a draft, or null when it can be submitted. */
  private check(q: Question, answer: Answer | undefined): Problem | null {
    if (q.type === 'matching') {
      const value = answer?.type === 'matching' ? answer.value : {};
      const order = optionOrder(this.quiz, q, this.progress().seed);
      const unset = order.filter((id) => !value[id]);
      if (unset.length === 0) return null;
      // Named once, briefly: the unmatched selects are marked invalid where they are, so the summary
      // and the inline message need not list every item (on a phone that list filled the screen).
      const message =
        unset.length === 1
          ? `Choose a match for “${q.items.find((i) => i.id === unset[0])?.text ?? unset[0]}”`
          : unset.length === order.length
            ? 'Choose a match for each item'
            : `Choose a match for the ${unset.length} items still on “Choose…”`;
      return { questionId: q.id, message, invalid: unset };
    }
    if (isAnswered(q, answer)) return null;
    const message =
      q.type === 'multiple' ? 'Select at least one answer' : q.type === 'truefalse' ? 'Select True or False' : q.type === 'ordering' ? 'Put the items in order' : 'Select an answer';
    return { questionId: q.id, message, invalid: [] };
  }

  private handleStart(): void {
    this.store.startAttempt(this.quiz.id);
    this.problem = null;
    this.focusNext = 'heading';
  }

  private handleAnswerInput(e: AnswerInputEvent): void {
    const id = (e.currentTarget as QuestionBase).question.id;
    this.memory().drafts[id] = e.detail;
    this.requestUpdate();
  }

  private handleSubmit(): void {
    const screen = this.screen();
    if (screen.kind !== 'question') return;
    const q = this.question(screen.questionId);
    const answer = this.draft(q);
    const problem = this.check(q, answer);
    this.problem = problem;
    this.focusNext = problem ? 'error' : 'heading';
    if (problem || !answer) return;
    const memory = this.memory();
    memory.feedbackFor = q.id;
    delete memory.drafts[q.id];
    this.store.submitAnswer(this.quiz.id, q.id, answer);
  }

  private handleShowCorrect(): void {
    this.showCorrect = !this.showCorrect;
  }

  private handleNext(): void {
    this.showCorrect = false;
    this.memory().feedbackFor = null;
    this.focusNext = 'heading';
    this.requestUpdate();
  }

  private handleRetry(e: QuizRetryEvent): void {
    this.store.startAttempt(this.quiz.id, { wrongOnly: e.detail.wrongOnly });
    this.problem = null;
    this.focusNext = 'heading';
  }

  private handleErrorLink(e: Event): void {
    e.preventDefault();
    void this.renderRoot.querySelector<QuestionBase>('#question')?.focusControl(this.problem?.invalid[0]);
  }

  private handleLessonLink(e: Event): void {
    e.preventDefault();
    this.dispatchEvent(navigateEvent({ location: { view: 'lesson', id: this.quiz.lessonId }, returnTo: { view: 'quiz', id: this.quiz.id } }));
  }

  private documentTitle(screen: QuizScreen): string {
    const base = `${this.quiz.title} – ${this.course.title}`;
    const error = this.problem && screen.kind === 'question' && this.problem.questionId === screen.questionId ? 'Error: ' : '';
    switch (screen.kind) {
      case 'intro':
        return base;
      case 'results':
        return `Your results – ${base}`;
      default:
        return `${error}${this.caption(screen.questionId)} – ${base}`;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') && this.isConnected) this.subscribe();
    // An error belongs to the question it was shown for.
    const screen = this.screen();
    if (this.problem && (screen.kind !== 'question' || screen.questionId !== this.problem.questionId)) this.problem = null;
  }

  protected override updated(): void {
    document.title = this.documentTitle(this.screen());
    const target = this.focusNext;
    this.focusNext = null;
    if (target === 'error') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    else if (target === 'heading') void this.focusHeading();
  }

  private rules(): QuizRules {
    return quizRules(this.course, this.quiz);
  }

  /** The correct answers may be shown now (the course's rule, and the attempt final or over). */
  private reveals(): boolean {
    return showsCorrectAnswers(this.quiz, this.rules(), this.progress());
  }

  /** When the correct answers show, in the learner's words (the intro and the feedback that keeps the key back). */
  private whenAnswersShow(): string {
    const rules = this.rules();
    if (rules.showCorrectAnswers === 'never') return 'This quiz does not show the correct answers; the lesson has them.';
    if (rules.showCorrectAnswers === 'afterEachAttempt') return 'The correct answers are shown at the end of each attempt.';
    return rules.attempts === 1
      ? 'The correct answers are shown at the end of the quiz.'
      : 'The correct answers are shown once you pass, or after your last attempt.';
  }

  private lessonTitle(): string {
    return this.course.lessons.find((l) => l.id === this.quiz.lessonId)?.title ?? 'the lesson';
  }

  private renderLessonLink(text: string): TemplateResult {
    return html`<a href=${locationHash({ view: 'lesson', id: this.quiz.lessonId })} @click=${this.handleLessonLink}>${text}</a>`;
  }

  private renderIntro(): TemplateResult {
    const { quiz } = this;
    const count = quiz.settings.pool !== null ? Math.min(quiz.settings.pool, quiz.questions.length) : quiz.questions.length;
    const attempts = this.rules().attempts;
    return html`
      <h1 tabindex="-1">${quiz.title}</h1>
      ${quiz.introHtml ? html`<div class="intro">${unsafeHTML(quiz.introHtml)}</div>` : nothing}
      <dl class="facts">
        <div><dt>Questions</dt><dd>${count}</dd></div>
        <div><dt>Pass mark</dt><dd>${quiz.settings.passMark}%</dd></div>
        <div><dt>Attempts allowed</dt><dd>${attempts > 0 ? attempts : 'As many as you like'}</dd></div>
        <div><dt>Correct answers</dt><dd>${this.whenAnswersShow()}</dd></div>
        <div><dt>Time limit</dt><dd>No time limit: take as long as you need</dd></div>
      </dl>
      <p>
        You can review the lesson at any time, also during the quiz:
        ${this.renderLessonLink(`go to “${this.lessonTitle()}”`)}.
      </p>
      <div class="button-row">
        <button type="button" class="button" @click=${this.handleStart}>Start the quiz</button>
      </div>
    `;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    // GOV.UK error summary: an alert, focused, linking to the first control with a problem.
    return html`<div class="error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="error-summary-title">There is a problem</h2>
        <ul class="error-summary-list">
          <li><a href="#question" @click=${this.handleErrorLink}>${this.problem.message}</a></li>
        </ul>
      </div>
    </div>`;
  }

  private renderQuestion(q: Question, readonly: boolean): unknown {
    const p = this.progress();
    const correct = readonly && this.showCorrect && this.reveals() ? correctAnswer(q) : undefined;
    const value = correct ?? (readonly ? p.answers[q.id] : this.draft(q));
    const shows = correct ? 'correct' : 'mine';
    const order = optionOrder(this.quiz, q, p.seed);
    const problem = this.problem?.questionId === q.id ? this.problem : null;
    const caption = this.caption(q.id);
    const error = problem?.message ?? '';
    const invalid = problem?.invalid ?? [];
    // keyed(): a fresh element for each question, so no focus, input state or type carries over.
    switch (q.type) {
      case 'matching':
        return keyed(
          q.id,
          html`<question-matching id="question" .question=${q} .order=${order} .value=${value} .caption=${caption}
            .error=${error} .invalid=${invalid} ?readonly=${readonly} .shows=${shows} @answer-input=${this.handleAnswerInput}></question-matching>`,
        );
      case 'ordering':
        return keyed(
          q.id,
          html`<question-ordering id="question" .question=${q} .order=${order} .value=${value} .caption=${caption}
            .error=${error} .invalid=${invalid} ?readonly=${readonly} .shows=${shows} @answer-input=${this.handleAnswerInput}></question-ordering>`,
        );
      default:
        return keyed(
          q.id,
          html`<question-choice id="question" .question=${q} .order=${order} .value=${value} .caption=${caption}
            .error=${error} .invalid=${invalid} ?readonly=${readonly} .shows=${shows} @answer-input=${this.handleAnswerInput}></question-choice>`,
        );
    }
  }

  private renderQuestionScreen(questionId: string, showFeedback: boolean): TemplateResult {
    const q = this.question(questionId);
    const p = this.progress();
    const answer = p.answers[q.id];
    return html`
      <p class="quiz-name">${this.quiz.title}</p>
      ${showFeedback ? nothing : this.renderErrorSummary()} ${this.renderQuestion(q, showFeedback)}
      ${showFeedback
        ? html`${keyed(
              q.id,
              html`<question-feedback
                .quiz=${this.quiz}
                .question=${q}
                .answer=${answer}
                .result=${scoreAnswer(q, answer)}
                .order=${optionOrder(this.quiz, q, p.seed)}
                .reveal=${this.reveals()}
                .later=${this.whenAnswersShow()}
              ></question-feedback>`,
            )}
            <div class="button-row">
              ${(q.type === 'matching' || q.type === 'ordering') && this.reveals()
                ? html`<button type="button" class="button secondary" @click=${this.handleShowCorrect}>
                    ${this.showCorrect ? 'Show my answer' : 'Show the correct answer'}
                  </button>`
                : nothing}
              <button type="button" class="button" @click=${this.handleNext}>
                ${p.finished ? 'See your results' : 'Next question'}
              </button>
            </div>`
        : html`<div class="button-row">
              <button type="button" class="button" @click=${this.handleSubmit}>Submit answer</button>
            </div>
            <p class="muted">You can ${this.renderLessonLink('review the lesson')} at any time; your answer so far is kept.</p>`}
    `;
  }

  override render() {
    if (!this.course || !this.store || !this.quiz) return nothing;
    const screen = this.screen();
    switch (screen.kind) {
      case 'intro':
        return this.renderIntro();
      case 'question':
        return this.renderQuestionScreen(screen.questionId, false);
      case 'feedback':
        return this.renderQuestionScreen(screen.questionId, true);
      case 'results':
        return html`<quiz-results
          .course=${this.course}
          .rules=${this.rules()}
          .quiz=${this.quiz}
          .progress=${this.progress()}
          .score=${this.store.attemptScore(this.quiz.id)}
          .next=${nextLocation(this.course, { view: 'quiz', id: this.quiz.id })}
          @quiz-retry=${this.handleRetry}
        ></quiz-results>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quiz-view': QuizView;
  }
}
