/**
 * The lesson view's parts of a lesson's guidance (see lesson-brief.ts): the "What you will learn"
 * section and the "In brief" box, with their styles. Include `briefSectionStyles` after
 * `lessonBriefStyles` in the view's styles. Apart from lesson-brief.ts so they load with the lesson
 * view, not with the first view.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Lesson } from '../../course/types.ts';

/** "By the end of this lesson you will be able to: ..." (nothing when the lesson has no outcomes). */
export function outcomesSection(lesson: Lesson, headingId: string): TemplateResult | typeof nothing {
  if (!lesson.outcomes?.length) return nothing;
  return html`<section class="outcomes" aria-labelledby=${headingId}>
    <h2 id=${headingId}>What you will learn</h2>
    <p>By the end of this lesson you will be able to:</p>
    <ul>
      <!-- Outcomes are sanitised inline HTML from the build. -->
      ${lesson.outcomes.map((o) => html`<li>${unsafeHTML(o)}</li>`)}
    </ul>
  </section>`;
}

/**
 * The "In brief" box. Each point links to the passage it summarises; `onSource` shows it (the lesson
 * view scrolls to it, focuses and highlights it).
 */
export function briefSection(lesson: Lesson, headingId: string, onSource: (e: MouseEvent, passage: string) => void): TemplateResult | typeof nothing {
  if (!lesson.brief?.length) return nothing;
  return html`<section class="brief panel" aria-labelledby=${headingId}>
    <h2 id=${headingId}>In brief</h2>
    <p class="brief-note">The key points in plain words, by the authors of this course. The review’s own text follows.</p>
    <ul class="brief-points">
      ${lesson.brief.map(
        (p, i) => html`<li>
          <!-- Points are sanitised inline HTML from the build. -->
          <span class="brief-text">${unsafeHTML(p.html)}</span>
          <a class="brief-source" href="#${p.source}" @click=${(e: MouseEvent) => onSource(e, p.source)}
            >Where the review says this<span class="visually-hidden"> (point ${i + 1})</span></a
          >
        </li>`,
      )}
    </ul>
  </section>`;
}

export const briefSectionStyles = css`
  .outcomes {
    margin: var(--space-4) 0;
  }
  .outcomes h2,
  .brief h2 {
    font-size: 1.15rem;
    margin: 0 0 var(--space-2);
  }
  .outcomes ul {
    margin: var(--space-1) 0 var(--space-3);
    padding-left: var(--space-5);
  }
  .outcomes li {
    max-width: var(--measure);
    margin: var(--space-1) 0;
  }
  .brief {
    margin: var(--space-4) 0 var(--space-5);
    border-left: 4px solid var(--c-accent);
  }
  .brief-note {
    margin: 0 0 var(--space-2);
    font-size: 0.95rem;
    color: var(--c-text-muted);
  }
  .brief-points {
    margin: 0;
    padding-left: var(--space-5);
  }
  .brief-points li {
    max-width: var(--measure);
    margin: var(--space-2) 0;
  }
  .brief-source {
    display: inline-block;
    min-height: var(--target-min);
    margin-left: var(--space-1);
    font-size: 0.95rem;
  }
  @media (forced-colors: active) {
    .brief {
      border-left-color: CanvasText;
    }
  }
  @media print {
    .brief-source {
      display: none;
    }
  }
`;
