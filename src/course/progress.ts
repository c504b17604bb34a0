/**
 * The learner's progress: the one place that knows what has been read and answered.
 * Components change it through the store's actions; the SCORM runtime subscribes to it
 * and maps it to the LMS data model. Pure data and functions: no DOM, no SCORM.
 */
import type { Answer, Course, Quiz } from './types.ts';
import { canStartAttempt, newSeed, planAttempt, quizRules, scoreAttempt, type AttemptScore } from './quiz-engine.ts';

/** Where the learner is: the bookmark. */
export type Location =
  | { view: 'start' }
  | { view: 'lesson'; id: string; passage?: string }
  | { view: 'quiz'; id: string }
  | { view: 'end' }
  | { view: 'break' };

export interface QuizProgress {
  /** Attempts started; 0 = not started. */
  attempt: number;
  /** Seed of the current attempt: with `eligible` it fixes drawn questions and option orders. */
  seed: number;
  /**
   * Questions never asked in any attempt of this quiz: a retry draws from them first, so it measures
   * rather than repeats (planAttempt). null = not tracked (before the first attempt, or an older
   * save): then every question outside the current attempt counts as never asked.
   */
  eligible: string[] | null;
  /** The current attempt's questions in display order (derived from seed and eligible, kept for speed). */
  questionIds: string[];
  /** Submitted answers in the current attempt (including answers carried over on retry-wrong-only). */
  answers: Record<string, Answer>;
  /** Question ids whose answers were carried over from the previous attempt (not asked again). */
  carried: string[];
  /** The current attempt's results have been shown (every question submitted). */
  finished: boolean;
  /** Best finished score 0-100, or null before the first finished attempt. */
  best: number | null;
  /** Score of the latest finished attempt, or null. */
  last: number | null;
}

/** How the learner wants the course shown (display settings); kept with progress, so it follows them. */
export interface DisplaySettings {
  textSize: 'standard' | 'large' | 'larger';
  lineSpacing: 'standard' | 'wide';
  /** 'auto' follows the device's prefers-color-scheme. */
  theme: 'auto' | 'light' | 'dark';
}

export const DEFAULT_DISPLAY: DisplaySettings = { textSize: 'standard', lineSpacing: 'standard', theme: 'auto' };
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const;
export const LINE_SPACINGS = ['standard', 'wide'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;

export interface ProgressState {
  /** Lesson ids read to the end. */
  lessonsRead: string[];
  quizzes: Record<string, QuizProgress>;
  location: Location;
  /** Display settings; absent until the learner changes one (then DEFAULT_DISPLAY applies). */
  display?: DisplaySettings;
}

/** Why the state changed: the runtime decides on commits from this. */
export type ChangeReason =
  | 'restore'
  | 'location'
  | 'lesson-read'
  | 'quiz-start'
  | 'answer'
  | 'quiz-finished'
  | 'display'
  | 'reset';

export interface ChangeDetail {
  reason: ChangeReason;
  /** For answer / quiz events. */
  quizId?: string;
  questionId?: string;
}

export type Listener = (state: ProgressState, detail: ChangeDetail) => void;

export function emptyQuizProgress(): QuizProgress {
  return { attempt: 0, seed: 0, eligible: null, questionIds: [], answers: {}, carried: [], finished: false, best: null, last: null };
}

export function initialState(course: Course): ProgressState {
  const quizzes: Record<string, QuizProgress> = {};
  for (const q of course.quizzes) quizzes[q.id] = emptyQuizProgress();
  return { lessonsRead: [], quizzes, location: { view: 'start' } };
}

/** Location <-> bookmark string (`lesson_location` / `location`): short, readable in LMS reports. */
export function locationToString(loc: Location): string {
  switch (loc.view) {
    case 'lesson':
      return `lesson/${loc.id}`;
    case 'quiz':
      return `quiz/${loc.id}`;
    default:
      return loc.view;
  }
}

export function locationFromString(course: Course, text: string): Location | null {
  const [view, id] = text.split('/');
  if ((view === 'start' || view === 'end' || view === 'break') && id === undefined) return { view };
  if (view === 'lesson' && course.lessons.some((l) => l.id === id)) return { view, id };
  if (view === 'quiz' && course.quizzes.some((q) => q.id === id)) return { view, id };
  return null;
}

export interface CourseStatus {
  /** Lessons read / all lessons. */
  lessonsRead: number;
  lessonsTotal: number;
  /** Quizzes with a finished attempt / all quizzes. */
  quizzesSubmitted: number;
  quizzesPassed: number;
  quizzesTotal: number;
  /** 0..1 share of the course done (lessons and quizzes), for the progress bar and progress_measure. */
  progress: number;
  completed: boolean;
  /** Overall score 0-100: mean of the quizzes' best scores; null until every quiz has a finished attempt. */
  score: number | null;
  /** passed/failed once every quiz has been submitted; unknown before. */
  success: 'passed' | 'failed' | 'unknown';
}

/** Everything the LMS is told, derived from progress in one place. */
export function courseStatus(course: Course, state: ProgressState): CourseStatus {
  const lessonsRead = course.lessons.filter((l) => state.lessonsRead.includes(l.id)).length;
  const finished = course.quizzes.filter((q) => state.quizzes[q.id]?.best !== null && state.quizzes[q.id]?.best !== undefined);
  const passed = finished.filter((q) => (state.quizzes[q.id].best ?? 0) >= q.settings.passMark);
  const lessonsTotal = course.lessons.length;
  const quizzesTotal = course.quizzes.length;
  const rule = course.settings.completion;
  const lessonsOk = rule.lessons === 'none' || lessonsRead === lessonsTotal;
  const quizzesOk =
    rule.quizzes === 'none' ||
    (rule.quizzes === 'all-submitted' ? finished.length === quizzesTotal : passed.length === quizzesTotal);
  const units = lessonsTotal + quizzesTotal;
  const score =
    quizzesTotal > 0 && finished.length === quizzesTotal
      ? Math.round((finished.reduce((s, q) => s + (state.quizzes[q.id].best ?? 0), 0) / quizzesTotal) * 100) / 100
      : null;
  return {
    lessonsRead,
    lessonsTotal,
    quizzesSubmitted: finished.length,
    quizzesPassed: passed.length,
    quizzesTotal,
    progress: units === 0 ? 1 : (lessonsRead + finished.length) / units,
    completed: lessonsOk && quizzesOk,
    score,
    success: score === null ? 'unknown' : score >= course.settings.passMark ? 'passed' : 'failed',
  };
}

/**
 * The store. Components call the actions; listeners (the shell, the SCORM runtime) are told
 * after each change, with the reason. State objects are replaced, never mutated, so a listener
 * may keep the previous one.
 */
export class ProgressStore {
  private state: ProgressState;
  private listeners = new Set<Listener>();

  constructor(readonly course: Course, state?: ProgressState) {
    this.state = state ?? initialState(course);
  }

  get(): ProgressState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): CourseStatus {
    return courseStatus(this.course, this.state);
  }

  quiz(id: string): Quiz {
    const quiz = this.course.quizzes.find((q) => q.id === id);
    if (!quiz) throw new Error(`No quiz with id "${id}"`);
    return quiz;
  }

  /** Replace the whole state (resume from suspend_data). */
  restore(state: ProgressState): void {
    // Quizzes added to the course since the state was saved start empty.
    const quizzes = { ...initialState(this.course).quizzes, ...state.quizzes };
    this.set({ ...state, quizzes }, { reason: 'restore' });
  }

  /** Forget everything (a new attempt of the whole course); display settings are the learner's and stay. */
  reset(): void {
    const display = this.state.display;
    this.set({ ...initialState(this.course), ...(display ? { display } : {}) }, { reason: 'reset' });
  }

  /** Change display settings (text size, line spacing, theme). */
  setDisplay(display: DisplaySettings): void {
    this.set({ ...this.state, display: { ...display } }, { reason: 'display' });
  }

  go(location: Location): void {
    this.set({ ...this.state, location }, { reason: 'location' });
  }

  markLessonRead(lessonId: string): void {
    if (this.state.lessonsRead.includes(lessonId)) return;
    this.set({ ...this.state, lessonsRead: [...this.state.lessonsRead, lessonId] }, { reason: 'lesson-read' });
  }

  /**
   * Start a quiz attempt, when the quiz's rules allow one (quizRules, canStartAttempt: attempts left,
   * not yet passed). With wrongOnly, and the rules' retry `wrongOnly`, the fully right answers carry
   * over and the others are replaced by questions not yet asked where the quiz has them (planAttempt).
   */
  startAttempt(quizId: string, options: { wrongOnly?: boolean; seed?: number } = {}): void {
    const quiz = this.quiz(quizId);
    const prev = this.state.quizzes[quizId] ?? emptyQuizProgress();
    const rules = quizRules(this.course, quiz);
    if (!canStartAttempt(quiz, rules, prev)) return;
    const seed = options.seed ?? newSeed();
    const plan = planAttempt(quiz, prev, seed, options.wrongOnly && rules.retry === 'wrongOnly' ? 'wrongOnly' : 'all');
    const next: QuizProgress = {
      ...prev,
      attempt: prev.attempt + 1,
      seed,
      eligible: plan.eligible,
      questionIds: plan.questionIds,
      answers: plan.answers,
      carried: plan.carried,
      finished: false,
    };
    this.setQuiz(quizId, next, 'quiz-start');
  }

  /** Record a submitted answer; finishes the attempt when it was the last unanswered question. */
  submitAnswer(quizId: string, questionId: string, answer: Answer): void {
    const prev = this.state.quizzes[quizId];
    // Answers carried over by retry-wrong-only stay as they were: they are not asked again.
    if (!prev || prev.finished || !prev.questionIds.includes(questionId) || prev.carried.includes(questionId)) return;
    const answers = { ...prev.answers, [questionId]: answer };
    this.setQuiz(quizId, { ...prev, answers }, 'answer', questionId);
    if (prev.questionIds.every((id) => id in answers)) this.finishAttempt(quizId);
  }

  /** The current attempt's score (also before it is finished: unanswered questions count 0). */
  attemptScore(quizId: string): AttemptScore {
    const p = this.state.quizzes[quizId];
    return scoreAttempt(this.quiz(quizId), p?.questionIds ?? [], p?.answers ?? {});
  }

  /** Questions of the current attempt still to be asked, in order. */
  pending(quizId: string): string[] {
    const p = this.state.quizzes[quizId];
    if (!p) return [];
    return p.questionIds.filter((id) => !(id in p.answers));
  }

  private finishAttempt(quizId: string): void {
    const prev = this.state.quizzes[quizId];
    const { percent } = this.attemptScore(quizId);
    const best = prev.best === null ? percent : Math.max(prev.best, percent);
    this.setQuiz(quizId, { ...prev, finished: true, best, last: percent }, 'quiz-finished');
  }

  private setQuiz(quizId: string, quiz: QuizProgress, reason: ChangeReason, questionId?: string): void {
    this.set({ ...this.state, quizzes: { ...this.state.quizzes, [quizId]: quiz } }, { reason, quizId, questionId });
  }

  private set(state: ProgressState, detail: ChangeDetail): void {
    this.state = state;
    for (const l of this.listeners) l(state, detail);
  }
}
