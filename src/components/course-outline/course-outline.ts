/**
 * @summary The course outline: every place in the course (start, lessons, their quizzes, finish) as a
 * list of links, each with its state in words ("read", "score 57%, not passed yet") and a tick for a
 * lesson read or a quiz passed. When the review groups its pages in sections, each section is a
 * heading (h3) over a nested list of its places. Shown beside the view on wide screens; narrow screens use the header's
 * "Course menu" instead (the shell shows one or the other, never both, so a screen reader meets one list).
 *
 * The tick repeats the words for the eye only (aria-hidden); "you are here" is both aria-current and
 * words, so it is not told by the highlight alone.
 *
 * @event navigate - NavigateDetail: an entry was chosen.
 * @csspart nav - the outline's nav element.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CourseStatus, Location, ProgressState } from '../../course/progress.ts';
import type { Course } from '../../course/types.ts';
import { navigateEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { progressText } from '../shared/labels.ts';
import { courseEntryList } from '../shared/course-entries.ts';
import { courseEntryStyles } from '../shared/course-entries.styles.ts';
import { courseOutlineStyles } from './course-outline.styles.ts';

@customElement('course-outline')
export class CourseOutline extends LitElement {
  static override styles = [tokens, controls, courseEntryStyles, courseOutlineStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The learner's progress (store.get()). */
  @property({ attribute: false }) progress!: ProgressState;
  /** Derived status (store.status()). */
  @property({ attribute: false }) status!: CourseStatus;
  /** The place shown now. */
  @property({ attribute: false }) location!: Location;

  private handleEntry(e: MouseEvent, loc: Location): void {
    // Real links (open in a new tab works); a plain click lets the shell navigate, so focus and store stay in step.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.dispatchEvent(navigateEvent({ location: loc }));
  }

  override render() {
    if (!this.course || !this.progress || !this.status || !this.location) return nothing;
    return html`<nav part="nav" aria-labelledby="outline-heading">
      <h2 id="outline-heading" class="outline-heading">Course outline</h2>
      <p class="summary">${progressText(this.status)}</p>
      <ol class="entries" role="list">
        ${courseEntryList(this, (e, l) => this.handleEntry(e, l), { showKind: true, headingLevel: 3, idPrefix: 'outline' })}
      </ol>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-outline': CourseOutline;
  }
}
