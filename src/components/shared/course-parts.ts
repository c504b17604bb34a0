/**
 * Small templates several views share (rendered inside the calling component's shadow root,
 * so they take that component's styles): the support box and the credit of the review.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../../course/types.ts';

/**
 * The organisation's support information. `support.html` was sanitised at build time
 * (src/content/sanitize.ts: allow-list, no script, no event handlers, no unsafe URLs), so it is
 * safe to insert as HTML.
 */
export function supportSection(course: Course, headingLevel: 2 | 3 = 2): TemplateResult {
  const { heading, html: body } = course.settings.support;
  const id = 'support-heading';
  return html`<section class="panel support" aria-labelledby=${id}>
    ${headingLevel === 2 ? html`<h2 id=${id}>${heading}</h2>` : html`<h3 id=${id}>${heading}</h3>`}
    <div class="support-body">${unsafeHTML(body)}</div>
  </section>`;
}

/**
 * "Ferrari, C. (2021). Title. Source." with a link to the original (never fetched); a print source has
 * no url, and then no link at all rather than an empty one.
 */
export function creditText(course: Course): TemplateResult {
  const c = course.credit;
  return html`${c.author} (${c.year}). <cite>${c.title}</cite>. ${c.source}.${c.url
      ? html`
          <a class="url" href=${c.url} target="_blank" rel="noopener noreferrer">${c.url}<span class="visually-hidden">
              (opens in a new tab)</span></a>`
      : nothing}`;
}
