/**
 * One place of the course as a link with its state in words, as both the header's "Course menu" and
 * the wide-screen outline list it. The link's name reads "Discussion, read (you are here)": the state
 * and "you are here" are words, not the tick or the highlight alone (WCAG 1.4.1); the tick is for the
 * eye only (aria-hidden).
 */
import { html, nothing } from 'lit';
import type { CourseStatus, Location, ProgressState } from '../../course/progress.ts';
import type { Course } from '../../course/types.ts';
import { courseSections, sameLocation } from '../../course/navigation.ts';
import { locationDone, locationHash, locationLabel, locationState } from './labels.ts';

export interface EntryContext {
  course: Course;
  progress: ProgressState;
  status: CourseStatus;
  /** The place shown now. */
  location: Location;
}

/**
 * Every place of the course as `<li>` entries, grouped by the review's sections when its pages name
 * some: a section is an `<li>` holding its label and a nested list named by it (aria-labelledby), so a
 * screen reader says "Part One: Background, list, 5 items" on entering it. The outline labels each
 * section with a heading (`headingLevel`), which also lets a listener jump between sections; the menu,
 * inside the page header, uses a plain label so the view's h1 stays the first heading. A flat review
 * gives the same flat list as before.
 */
export function courseEntryList(
  ctx: EntryContext,
  onClick: (e: MouseEvent, loc: Location) => void,
  opts: { showKind?: boolean; headingLevel?: 3; idPrefix: string },
) {
  return courseSections(ctx.course).map((group, i) => {
    const entries = group.locations.map((loc) => courseEntry(ctx, loc, onClick, opts.showKind));
    if (group.section === null) return entries;
    const id = `${opts.idPrefix}-section-${i}`;
    return html`<li class="section">
      ${opts.headingLevel === 3
        ? html`<h3 class="section-label" id=${id}>${group.section}</h3>`
        : html`<span class="section-label" id=${id}>${group.section}</span>`}
      <ol class="entries section-entries" role="list" aria-labelledby=${id}>
        ${entries}
      </ol>
    </li>`;
  });
}

/**
 * The `<li>` of one place. `showKind` writes "Quiz: " before a quiz's title (the outline, where quizzes
 * are indented under their lesson; the menu keeps its entries short).
 */
export function courseEntry(ctx: EntryContext, loc: Location, onClick: (e: MouseEvent, loc: Location) => void, showKind = false) {
  const current = sameLocation(loc, ctx.location);
  const stateText = locationState(ctx.course, ctx.progress, ctx.status, loc);
  const done = locationDone(ctx.course, ctx.progress, loc);
  const kind = loc.view === 'quiz' ? 'quiz' : loc.view === 'lesson' ? 'lesson' : 'page';
  return html`<li class="entry ${kind}">
    <a href=${locationHash(loc)} aria-current=${current ? 'page' : nothing} @click=${(e: MouseEvent) => onClick(e, loc)}>
      <span class="tick" aria-hidden="true">${done ? '✓' : ''}</span>
      <span class="label"
        ><span class="name">${showKind && kind === 'quiz' ? html`<span class="kind">Quiz: </span>` : nothing}${locationLabel(ctx.course, loc)}</span
        >${stateText ? html`<span class="state"><span class="visually-hidden">, </span>${stateText}</span>` : nothing}${current
          ? html`<span class="visually-hidden"> (you are here)</span>`
          : nothing}</span
      >
    </a>
  </li>`;
}
