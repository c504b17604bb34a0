/**
 * @summary The course's header: course title, overall progress (text and a native <progress>),
 * the "Course menu" disclosure with every place in the course and its state as text (on every screen
 * size, in the same place: wide screens also show the course outline beside the view), the "Display" disclosure with the
 * display settings, and "Take a break". Each disclosure closes when focus leaves it and on Escape
 * anywhere on the page.
 *
 * The menu is a disclosure (a button with aria-expanded controlling a nav list), not an ARIA menu:
 * links inside a nav are what screen-reader users expect for moving between pages
 * (https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/examples/disclosure-navigation/).
 * Button, list and labels share this shadow root, so aria-controls and aria-labelledby resolve.
 *
 * @event navigate - NavigateDetail: a menu entry or "Take a break" was chosen.
 * @csspart menu - the course menu's nav element.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CourseStatus, Location, ProgressState } from '../../course/progress.ts';
import type { Course } from '../../course/types.ts';
import { navigateEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { progressText } from '../shared/labels.ts';
import { courseEntryList } from '../shared/course-entries.ts';
import { courseEntryStyles } from '../shared/course-entries.styles.ts';
import { courseHeaderStyles } from './course-header.styles.ts';

/** The display panel loads when first opened (the app also fetches it at the learner's first interaction). */
export const loadDisplayPanel = () => import('../display-settings/display-settings.ts');

@customElement('course-header')
export class CourseHeader extends LitElement {
  static override styles = [tokens, controls, courseEntryStyles, courseHeaderStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The learner's progress (store.get()). */
  @property({ attribute: false }) progress!: ProgressState;
  /** Derived status (store.status()). */
  @property({ attribute: false }) status!: CourseStatus;
  /** The place shown now (aria-current="page" in the menu). */
  @property({ attribute: false }) location!: Location;

  /** Whether the course menu is open. */
  @state() menuOpen = false;
  /** Whether the display settings are open. */
  @state() displayOpen = false;

  /** Close the menu and the display settings (the app calls this after navigating). */
  closeMenu(): void {
    this.menuOpen = false;
    this.displayOpen = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Escape closes the open menu wherever focus is (also in the view below it), as a disclosure should.
    document.addEventListener('keydown', this.handleDocumentKeydown);
    document.addEventListener('pointerdown', this.handleDocumentPointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.handleDocumentKeydown);
    document.removeEventListener('pointerdown', this.handleDocumentPointer);
  }

  /** A press anywhere outside the header closes the menu (focus may not move, e.g. on plain text). */
  private readonly handleDocumentPointer = (e: PointerEvent): void => {
    if ((this.menuOpen || this.displayOpen) && !e.composedPath().includes(this)) this.closeMenu();
  };

  private handleToggle(): void {
    this.menuOpen = !this.menuOpen;
    this.displayOpen = false;
  }

  private async handleDisplayToggle(): Promise<void> {
    this.menuOpen = false;
    if (!this.displayOpen) {
      try {
        await loadDisplayPanel();
      } catch (err) {
        // Offline mid-course: the settings already chosen stay applied; the panel cannot open.
        console.error(err);
        return;
      }
    }
    this.displayOpen = !this.displayOpen;
  }

  private readonly handleDocumentKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !(this.menuOpen || this.displayOpen)) return;
    // Focus goes back to the button only when it was inside the panel (else it would jump away from the view).
    const inside = this.matches(':focus-within');
    const button = this.menuOpen ? '#menu-button' : '#display-button';
    this.closeMenu();
    if (inside) this.renderRoot.querySelector<HTMLButtonElement>(button)?.focus();
  };

  /** Focus left the menu and its button (Tab past the last entry, or a click elsewhere): close it. */
  private handleFocusOut(e: FocusEvent): void {
    if (!this.menuOpen && !this.displayOpen) return;
    const to = e.relatedTarget as Node | null;
    const header = this.renderRoot.querySelector('.header');
    // relatedTarget is retargeted to this host from outside; null when focus went to nothing (a click on the page).
    if (to && (header?.contains(to) || this.renderRoot.contains(to))) return;
    // null: focus went nowhere (a press on plain text); the pointerdown handler decides that case.
    if (to === null) return;
    this.closeMenu();
  }

  private handleEntry(e: MouseEvent, loc: Location): void {
    // Real links (so "open in new tab" and the URL hash make sense), but the app navigates,
    // so focus and the store stay in step.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.menuOpen = false;
    this.dispatchEvent(navigateEvent({ location: loc }));
  }

  private handleBreak(): void {
    this.menuOpen = false;
    this.dispatchEvent(navigateEvent({ location: { view: 'break' } }));
  }

  /** A disclosure button: aria-expanded and aria-controls, in this root with what it shows. */
  private renderDisclosure(id: string, cls: string, label: string, open: boolean, controls: string, onClick: () => void) {
    return html`<button id=${id} type="button" class=${cls} aria-expanded=${open ? 'true' : 'false'} aria-controls=${controls} @click=${onClick}>
      <span class="chevron" aria-hidden="true"></span>${label}
    </button>`;
  }

  override render() {
    if (!this.course || !this.progress || !this.status || !this.location) return nothing;
    const text = progressText(this.status);
    const total = this.status.lessonsTotal + this.status.quizzesTotal;
    const done = this.status.lessonsRead + this.status.quizzesSubmitted;
    const onBreak = this.location.view === 'break';
    return html`<header class="header" @focusout=${this.handleFocusOut}>
      <div class="bar">
        <p class="course-title">${this.course.title}</p>
        <div class="actions">
          ${this.renderDisclosure('menu-button', 'button secondary menu-button', 'Course menu', this.menuOpen, 'course-menu', this.handleToggle)}
          ${this.renderDisclosure('display-button', 'button quiet display-button', 'Display', this.displayOpen, 'display-panel', this.handleDisplayToggle)}
          ${onBreak
            ? nothing
            : html`<button type="button" class="button quiet break-button" @click=${this.handleBreak}>Take a break</button>`}
        </div>
      </div>
      <div class="progress">
        <!-- Both texts name the bar (aria-labelledby reads hidden elements), so a screen reader hears them once, there. -->
        <span id="progress-label" aria-hidden="true">Your progress</span>
        <progress id="progress-bar" max=${total} .value=${done} aria-labelledby="progress-label progress-text"></progress>
        <span id="progress-text" class="progress-text" aria-hidden="true">${text}</span>
      </div>
      <display-settings id="display-panel" class="panel-below" .settings=${this.progress.display} ?hidden=${!this.displayOpen}></display-settings>
      <nav id="course-menu" part="menu" aria-label="Course menu" ?hidden=${!this.menuOpen}>
        <ol class="entries">
          ${courseEntryList(this, (e, l) => this.handleEntry(e, l), { idPrefix: 'menu' })}
        </ol>
      </nav>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-header': CourseHeader;
  }
}
