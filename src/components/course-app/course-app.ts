/**
 * @summary The course shell: skip link, header (title, progress, course menu, "Take a break"),
 * session notices, and `<main>` with the view for the store's location.
 *
 * The progress store is the one source of truth for where the learner is: this element renders
 * `store.get().location`, handles every `navigate` event (see src/course/navigation.ts) by calling
 * `store.go()`, then moves focus to the new view's h1 (or the linked passage) and names the view in
 * the document title. The location is mirrored into the URL hash so the browser's Back button works
 * inside the LMS frame; a hash the learner goes back to is read and turned into a store action.
 *
 * @event navigate - handled here (dispatched by any view, bubbling and composed).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Location, ProgressState } from '../../course/progress.ts';
import type { CourseSession, Notice } from '../../course/session.ts';
import type { Course } from '../../course/types.ts';
import type { ProgressStore } from '../../course/progress.ts';
import { nextLocation, sameLocation, type NavigateDetail, type OpenGlossaryDetail } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { firstUnfinished, locationFromHash, locationHash, locationLabel } from '../shared/labels.ts';
import { courseAppStyles } from './course-app.styles.ts';
import { loadDisplayPanel } from '../course-header/course-header.ts';
import '../course-outline/course-outline.ts';
import { applyDisplay, type DisplayChangeEvent } from '../display-settings/apply-display.ts';
import '../notice-banner/notice-banner.ts';
import '../start-page/start-page.ts';
import '../break-page/break-page.ts';

/** The glossary page's URL hash: it opens over the learner's place, which stays the bookmark. */
const GLOSSARY_HASH = '#glossary';
import { textParts } from 'virtual:course-text';
import { loadText, partKey, textLoaded, type TextPart } from '../../course/course-text.ts';

/**
 * The lesson, quiz and end views load after the first view (the start page), so the first view stays
 * small on slow connections; loading starts at the learner's first interaction. Each lesson's words
 * (with its quizzes') are a chunk of their own, loaded when that lesson or quiz is opened (and the next
 * lesson's in an idle moment), so the first view does not grow with the course's words. The break page stays in the first
 * chunk: a pause must work even when the network does not.
 */
let codeLoad: Promise<unknown> | null = null;
let codeLoaded = false;
function loadViews(): Promise<unknown> {
  codeLoad ??= Promise.all([import('../lesson-view/lesson-view.ts'), import('../quiz-view/quiz-view.ts'), import('../end-page/end-page.ts'), loadDisplayPanel()]).then(
    () => (codeLoaded = true),
    (err: unknown) => {
      codeLoad = null; // let a later navigation try again
      throw err;
    },
  );
  return codeLoad;
}

/** The text a place shows, if any (the start, end and break pages have theirs in the outline). */
function textPartOf(loc: Location | null): TextPart | null {
  return loc?.view === 'lesson' || loc?.view === 'quiz' ? { kind: loc.view, id: loc.id } : null;
}

/** The views' code and the place's text, loaded or loading. */
function loadContent(course: Course, part: TextPart | null): Promise<unknown> {
  return Promise.all([loadViews(), part ? loadText(course, part, textParts) : null]);
}

const contentLoaded = (course: Course, part: TextPart | null) => codeLoaded && (!part || textLoaded(course, part));

/** In an idle moment (Safari has no requestIdleCallback: soon after). */
const whenIdle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(() => fn(), { timeout: 2000 }) : setTimeout(fn, 200));

/** What a view may offer so the shell can put focus in the right place after navigation. */
interface FocusableView extends HTMLElement {
  updateComplete?: Promise<unknown>;
  /** Focus the view's starting point (its h1, or a linked passage). */
  focusStart?: () => Promise<void> | void;
  /** The quiz view's name for the same thing. */
  focusHeading?: () => Promise<void> | void;
}

/** The first h1 inside an element, looking through open shadow roots (after their renders). */
async function findHeading(el: Element): Promise<HTMLElement | null> {
  const lit = el as FocusableView;
  if (lit.updateComplete) await lit.updateComplete;
  const root: ParentNode = el.shadowRoot ?? el;
  const own = root.querySelector('h1');
  if (own) return own;
  for (const child of Array.from(root.querySelectorAll('*'))) {
    if (!child.shadowRoot) continue;
    const found = await findHeading(child);
    if (found) return found;
  }
  return null;
}

@customElement('course-app')
export class CourseApp extends LitElement {
  static override styles = [tokens, controls, courseAppStyles];

  /** The compiled course (from `virtual:course`). */
  @property({ attribute: false }) course!: Course;
  /** The progress store: the source of truth for progress and location. */
  @property({ attribute: false }) store!: ProgressStore;
  /** The tracking session (SCORM or standalone). */
  @property({ attribute: false }) session!: CourseSession;

  @state() private progress: ProgressState | null = null;
  @state() private notices: Notice[] = [];
  /** Where a "Back to the question" button in the lesson returns to. */
  @state() private returnTo: Location | null = null;
  /** At launch after a restore: the place to offer "Continue where you left off" for (the start page shows). */
  @state() private resume: Location | null = null;
  /** The earlier launch ended on the break page (its bookmark is "break", not a place in the course). */
  private resumeAfterBreak = false;

  /** The place before "Take a break", for "Carry on where I was". */
  private breakReturn: Location | null = null;
  /**
   * The break page is shown over the learner's place rather than stored as a place: the store (and so
   * the LMS bookmark) keeps where they were, so closing the course during a break resumes right there.
   */
  @state() private onBreak = false;
  /** The glossary page is open over `from` (the place it was opened from), showing `term` first. */
  @state() private glossary: { term: string | null; from: Location } | null = null;
  /** The shown view's code and text: loading, loaded, or failed (say so, offer to try again). */
  @state() private content: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  /** The text part the last load was for (partKey; '' for none): a later navigation may have asked for another. */
  private contentFor = '';
  /** The place whose next place's text was last prefetched. */
  private prefetchedAfter = '';
  private focusPending = false;
  private firstRender = true;
  /** The place the document title was last set for. */
  private titledFor = '';
  private unsubscribe: Array<() => void> = [];
  private subscribedTo: { store?: ProgressStore; session?: CourseSession } = {};

  constructor() {
    super();
    this.addEventListener('navigate', (e) => this.handleNavigate(e));
    this.addEventListener('open-glossary', (e) => this.handleOpenGlossary(e));
    this.addEventListener('display-change', (e) => this.handleDisplayChange(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Start loading the rest of the course at the learner's first interaction (intent), not before.
    window.addEventListener('pointerdown', this.handleIntent, { once: true, capture: true });
    window.addEventListener('keydown', this.handleIntent, { once: true, capture: true });
    window.addEventListener('popstate', this.handleHistory);
    window.addEventListener('hashchange', this.handleHistory);
    if (this.subscribedTo.store || this.subscribedTo.session) this.subscribe();
    this.ensureSkipTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.handleIntent, { capture: true });
    window.removeEventListener('keydown', this.handleIntent, { capture: true });
    window.removeEventListener('popstate', this.handleHistory);
    window.removeEventListener('hashchange', this.handleHistory);
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  /** The place on screen: the start page while a resume offer is open, else the store's location. */
  get shownLocation(): Location | null {
    if (!this.progress) return null;
    if (this.onBreak) return { view: 'break' };
    return this.resume ? { view: 'start' } : this.progress.location;
  }

  private subscribe(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.subscribedTo = { store: this.store, session: this.session };
    if (this.store) {
      this.progress = this.store.get();
      this.unsubscribe.push(this.store.subscribe((s) => (this.progress = s)));
    }
    if (this.session) {
      this.notices = this.session.notices();
      this.unsubscribe.push(this.session.onNotices((n) => (this.notices = n)));
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('store') || changed.has('session')) && (this.store !== this.subscribedTo.store || this.session !== this.subscribedTo.session)) {
      const firstSession = changed.has('session') && !this.subscribedTo.session;
      this.subscribe();
      if (firstSession && this.session && this.store) this.resume = this.resumeTarget(this.session.resumeLocation);
    }
  }

  private resumeTarget(loc: Location | null): Location | null {
    if (!loc || loc.view === 'start') return null;
    // A launch that ended on the break page carries on at the first place not yet done.
    this.resumeAfterBreak = loc.view === 'break';
    return loc.view === 'break' ? firstUnfinished(this.course, this.store.get()) : loc;
  }

  private readonly handleIntent = (): void => {
    if (!this.course || !this.progress) return;
    // The place a learner goes from the start page: where they left off, or the first lesson.
    const next = this.resume ?? nextLocation(this.course, { view: 'start' });
    void loadContent(this.course, textPartOf(next)).catch((err: unknown) => console.error(err));
  };

  private async ensureContent(part: TextPart | null): Promise<void> {
    const key = part ? partKey(part) : '';
    if (!this.course || (this.content === 'loading' && this.contentFor === key)) return;
    this.content = 'loading';
    this.contentFor = key;
    try {
      await loadContent(this.course, part);
      if (this.contentFor !== key) return; // the learner has moved on; that load reports for itself
      this.content = 'ready';
    } catch (err) {
      // Offline mid-course: a lesson, quiz or end page asked for says so and offers to try again.
      console.error(err);
      if (this.contentFor === key) this.content = 'failed';
      return;
    }
    // A view that waited for its content gets focus now, as a navigation would have given it.
    if (this.waitingView) {
      this.waitingView = false;
      this.focusPending = true;
    }
  }

  /** After a lesson or quiz has shown: fetch the next place's words while the learner reads. */
  private prefetchNext(shown: Location): void {
    const key = locationHash(shown);
    if (!textPartOf(shown) || this.prefetchedAfter === key) return;
    this.prefetchedAfter = key;
    const part = textPartOf(nextLocation(this.course, shown));
    if (part && !textLoaded(this.course, part)) whenIdle(() => void loadText(this.course, part, textParts).catch(() => {}));
  }

  /** A lesson or quiz was asked for before its code and text had arrived. */
  private waitingView = false;

  private renderLoading(part: TextPart | null): unknown {
    if (this.content === 'failed') {
      return html`<div id="view" class="content-state">
        <h1 tabindex="-1">This part of the course did not load</h1>
        <p>Your progress is safe. Please check your connection, then try again.</p>
        <button class="button" @click=${this.handleRetryContent}>Try again</button>
      </div>`;
    }
    this.waitingView = true;
    // Not during render: starting the load changes state.
    queueMicrotask(() => void this.ensureContent(part));
    return html`<div id="view" class="content-state" role="status"><p>Loading…</p></div>`;
  }

  private handleRetryContent(): void {
    this.content = 'idle';
    void this.ensureContent(textPartOf(this.shownLocation));
  }

  private handleNavigate(e: CustomEvent<NavigateDetail>): void {
    e.stopPropagation();
    this.navigate(e.detail.location, e.detail.returnTo);
  }

  private handleOpenGlossary(e: CustomEvent<OpenGlossaryDetail>): void {
    e.stopPropagation();
    void this.openGlossary(e.detail.term ?? null);
  }

  /** The glossary page loads on first use (it is not part of the first view), with the definitions. */
  private async openGlossary(term: string | null): Promise<void> {
    const shown = this.shownLocation;
    if (!shown) return;
    try {
      await Promise.all([import('../glossary-page/glossary-page.ts'), loadContent(this.course, { kind: 'glossary' })]);
    } catch (err) {
      // Offline mid-course: the learner stays where they are; the lesson text itself is unaffected.
      console.error(err);
      return;
    }
    const from: Location = shown.view === 'lesson' ? { view: 'lesson', id: shown.id } : shown;
    this.glossary = { term, from: this.glossary?.from ?? from };
    this.focusPending = true;
    this.renderRoot.querySelector('course-header')?.closeMenu();
    window.scrollTo(0, 0);
  }

  private navigate(location: Location, returnTo?: Location): void {
    this.glossary = null;
    // A failure to load another place says nothing about this one: it is tried afresh.
    if (this.content === 'failed') this.content = 'idle';
    const shown = this.shownLocation;
    if (location.view === 'break' && shown && shown.view !== 'break') {
      this.breakReturn = shown.view === 'lesson' ? { view: 'lesson', id: shown.id } : shown;
    }
    this.returnTo = returnTo ?? null;
    this.focusPending = true;
    this.renderRoot.querySelector('course-header')?.closeMenu();
    // A new view starts at its top (also so a lesson's end is not "seen" before the learner scrolls).
    window.scrollTo(0, 0);
    this.onBreak = location.view === 'break';
    if (this.onBreak) {
      // Keep the stored place (and any open resume offer's target) as it is.
      if (this.resume) this.breakReturn = this.resume;
      this.resume = null;
      this.requestUpdate();
      return;
    }
    this.resume = null;
    this.store.go(location);
    this.requestUpdate();
  }

  private readonly handleHistory = (): void => {
    if (!this.course || !this.progress) return;
    if (window.location.hash === GLOSSARY_HASH) {
      if (!this.glossary) void this.openGlossary(null);
      return;
    }
    if (this.glossary) {
      // Back from the glossary: to the place it was opened over.
      this.glossary = null;
      this.focusPending = true;
    }
    const shown = this.shownLocation;
    const loc = locationFromHash(this.course, window.location.hash);
    if (!loc) {
      if (shown) this.writeHash(shown, 'replace');
      return;
    }
    const passage = (l: Location) => (l.view === 'lesson' ? l.passage ?? '' : '');
    if (shown && sameLocation(loc, shown) && passage(loc) === passage(shown)) return;
    this.navigate(loc);
  };

  private writeHash(loc: Location, mode: 'push' | 'replace'): void {
    const hash = locationHash(loc);
    if (window.location.hash === hash) return;
    try {
      if (mode === 'push') history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    } catch {
      // Some LMS frames are sandboxed without history access: the store still knows the place.
    }
  }

  private handleSkip(e: MouseEvent): void {
    // The link's target (#content) is a light-DOM child slotted at the top of <main>, so checkers and
    // browsers find it; the heading the learner wants is deeper, in the view's shadow root, so script
    // moves focus there (and the hash stays the course's place).
    e.preventDefault();
    void this.focusView();
  }

  private handleDisplayChange(e: DisplayChangeEvent): void {
    e.stopPropagation();
    this.store.setDisplay(e.detail);
  }

  private handleNoticesCleared(): void {
    void this.focusView();
  }

  /**
   * The skip link's target must be in the document (a fragment cannot point into a shadow root):
   * an empty, focusable span slotted at the top of <main>. index.html ships it; made here too when
   * the element is used on its own.
   */
  private ensureSkipTarget(): void {
    if (this.querySelector(':scope > #content')) return;
    const target = document.createElement('span');
    target.id = 'content';
    target.slot = 'skip-target';
    target.tabIndex = -1;
    this.append(target);
  }

  /** Focus the view's starting point: its own focusStart(), or the first h1 found. */
  async focusView(): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<FocusableView>('#view');
    if (!view) return;
    if (view.updateComplete) await view.updateComplete;
    if (typeof view.focusStart === 'function') {
      await view.focusStart();
      return;
    }
    if (typeof view.focusHeading === 'function') {
      await view.focusHeading();
      return;
    }
    const h1 = await findHeading(view);
    if (!h1) return;
    if (!h1.hasAttribute('tabindex')) h1.tabIndex = -1;
    h1.focus();
  }

  protected override updated(): void {
    // The learner's display settings act on the whole page (global.css reads these attributes).
    if (this.progress) applyDisplay(document.documentElement, this.progress.display);
    const shown = this.shownLocation;
    if (!shown || !this.course) return;
    const key = this.glossary ? GLOSSARY_HASH : locationHash(shown);
    if (key !== this.titledFor) {
      this.titledFor = key;
      if (this.glossary) document.title = `Glossary – ${this.course.title}`;
      else void this.nameView(shown, key);
    }
    if (this.glossary) {
      if (window.location.hash !== GLOSSARY_HASH) {
        try {
          history.pushState(null, '', GLOSSARY_HASH);
        } catch {
          // A sandboxed LMS frame without history: the page still opens.
        }
      }
    } else this.writeHash(shown, this.firstRender ? 'replace' : 'push');
    this.firstRender = false;
    if (!this.glossary && contentLoaded(this.course, textPartOf(shown))) this.prefetchNext(shown);
    if (this.focusPending) {
      this.focusPending = false;
      void this.focusView();
    }
  }

  /**
   * Name the view in the document title once it has rendered: after any update the previous view
   * still had queued (it may set its own title on the way out). The quiz view names its own screens
   * ("Question 2 of 5 – ..."), so it sets the title itself.
   */
  private async nameView(shown: Location, key: string): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<FocusableView>('#view');
    if (view?.updateComplete) await view.updateComplete;
    if (this.titledFor !== key || shown.view === 'quiz') return;
    document.title = `${locationLabel(this.course, shown)} – ${this.course.title}`;
  }

  private renderView(shown: Location): unknown {
    const course = this.course;
    switch (shown.view) {
      case 'start':
        return html`<start-page
          id="view"
          .course=${course}
          .session=${this.session}
          .resume=${this.resume}
          .resumeAfterBreak=${this.resumeAfterBreak}
          .firstLocation=${nextLocation(course, { view: 'start' })}
        ></start-page>`;
      case 'lesson': {
        const lesson = course.lessons.find((l) => l.id === shown.id);
        if (!lesson) return this.renderView({ view: 'start' });
        if (!contentLoaded(course, textPartOf(shown))) return this.renderLoading(textPartOf(shown));
        return keyed(
          `lesson/${lesson.id}`,
          html`<lesson-view
            id="view"
            .course=${course}
            .store=${this.store}
            .lesson=${lesson}
            .passage=${shown.passage ?? null}
            .returnTo=${this.returnTo}
          ></lesson-view>`,
        );
      }
      case 'quiz': {
        const quiz = course.quizzes.find((q) => q.id === shown.id);
        if (!quiz) return this.renderView({ view: 'start' });
        if (!contentLoaded(course, textPartOf(shown))) return this.renderLoading(textPartOf(shown));
        return keyed(`quiz/${quiz.id}`, html`<quiz-view id="view" .course=${course} .store=${this.store} .quiz=${quiz}></quiz-view>`);
      }
      case 'end':
        if (!contentLoaded(course, null)) return this.renderLoading(null);
        return html`<end-page id="view" .course=${course} .store=${this.store} .session=${this.session}></end-page>`;
      case 'break': {
        const back = this.breakReturn ?? firstUnfinished(course, this.store.get());
        return html`<break-page
          id="view"
          .course=${course}
          .session=${this.session}
          .returnTo=${back}
          .returnLabel=${locationLabel(course, back)}
        ></break-page>`;
      }
    }
  }

  private renderGlossary(g: { term: string | null; from: Location }): unknown {
    return html`<glossary-page
      id="view"
      .course=${this.course}
      .returnTo=${g.from}
      .returnLabel=${locationLabel(this.course, g.from)}
      .focusTerm=${g.term}
    ></glossary-page>`;
  }

  override render() {
    const shown = this.shownLocation;
    if (!this.course || !this.store || !this.session || !this.progress || !shown) return nothing;
    return html`<a class="skip-link" href="#content" @click=${this.handleSkip}>Skip to content</a>
      <course-header
        .course=${this.course}
        .progress=${this.progress}
        .status=${this.store.status()}
        .location=${shown}
      ></course-header>
      <div class=${shown.view === 'break' ? 'layout solo' : 'layout'}>
        ${shown.view === 'break'
          ? nothing
          : html`<course-outline
              class="outline"
              .course=${this.course}
              .progress=${this.progress}
              .status=${this.store.status()}
              .location=${shown}
            ></course-outline>`}
        <main id="main" @notices-cleared=${this.handleNoticesCleared}>
          <slot name="skip-target"></slot>
          <notice-banner .notices=${this.notices} storageKey=${`course-progress:${this.course.id}:hidden-notices`}></notice-banner>
          ${this.glossary ? this.renderGlossary(this.glossary) : this.renderView(shown)}
        </main>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-app': CourseApp;
  }
}
