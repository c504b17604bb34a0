/**
 * Templates for a lesson's guidance, written by the course author in `modules/<page>.brief.yaml`:
 * its learning outcomes and its "In brief" key points. They render inside the calling view's shadow
 * root (the lesson view, the start page), so a point's link reaches its passage in the same root.
 * Include `lessonBriefStyles` in the view's styles. What only the lesson view shows (the outcomes
 * section, the "In brief" box) is in `brief-sections.ts`, loaded with the lesson view: the start page
 * is the first view, and carries only its short list.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Lesson } from '../../course/types.ts';

/** The outcomes as a short list for the start page's "What this course covers". */
export function outcomesList(lesson: Lesson): TemplateResult | typeof nothing {
  if (!lesson.outcomes?.length) return nothing;
  return html`<p class="outcomes-intro">In this lesson you will learn to:</p>
    <ul class="outcomes-list">
      ${lesson.outcomes.map((o) => html`<li>${unsafeHTML(o)}</li>`)}
    </ul>`;
}

export const lessonBriefStyles = css`
  /* A button inside a sentence ("explained in the glossary") keeps a 24px target. */
  .glossary-hint .link-button,
  .guidance .link-button {
    display: inline-block;
    min-height: var(--target-min);
  }
  .glossary-hint {
    font-size: 0.95rem;
    color: var(--c-text-muted);
  }
  .outcomes-list {
    margin: var(--space-1) 0 var(--space-3);
    padding-left: var(--space-5);
  }
  .outcomes-list li {
    max-width: var(--measure);
    margin: var(--space-1) 0;
  }
  .outcomes-intro {
    margin: var(--space-2) 0 0;
  }
`;
