/**
 * @summary The glossary page: every term of `glossary.yaml` with its plain-language definition and a
 * link to the passage of the review it comes from; "Back to ..." returns to where the learner was.
 * It opens over the learner's place (like "Take a break"), so the bookmark and progress do not change.
 *
 * @event navigate - NavigateDetail: "Back to ...", or a term's passage in its lesson.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Location } from '../../course/progress.ts';
import type { Course, GlossaryEntry } from '../../course/types.ts';
import { navigateEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { locationHash } from '../shared/labels.ts';
import { glossaryPageStyles } from './glossary-page.styles.ts';

@customElement('glossary-page')
export class GlossaryPage extends LitElement {
  static override styles = [tokens, controls, viewStyles, glossaryPageStyles];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** Where "Back to ..." goes. */
  @property({ attribute: false }) returnTo: Location | null = null;
  /** Its name, e.g. the lesson title. */
  @property() returnLabel = '';
  /** id of a term to focus first (opened from that term in a lesson). */
  @property({ attribute: false }) focusTerm: string | null = null;

  /** Focus the asked-for term, or the h1 (the shell calls this after navigation). */
  async focusStart(): Promise<void> {
    await this.updateComplete;
    const term = this.focusTerm ? this.renderRoot.querySelector<HTMLElement>(`#term-${CSS.escape(this.focusTerm)}`) : null;
    const target = term ?? this.renderRoot.querySelector<HTMLElement>('h1');
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: term ? 'center' : 'start' });
  }

  private handleBack(): void {
    if (this.returnTo) this.dispatchEvent(navigateEvent({ location: this.returnTo }));
  }

  private handleSource(e: MouseEvent, location: Location): void {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.dispatchEvent(navigateEvent({ location }));
  }

  private renderEntry(entry: GlossaryEntry) {
    const lesson = this.course.lessons.find((l) => l.id === entry.source.lessonId);
    const loc: Location = { view: 'lesson', id: entry.source.lessonId, passage: entry.source.passage };
    return html`<div class="entry">
      <dt id="term-${entry.id}" tabindex="-1">${entry.term}</dt>
      <dd>
        <!-- definitionHtml is sanitised at build time (src/content/sanitize.ts allow-list). -->
        <p class="definition">${unsafeHTML(entry.definitionHtml)}</p>
        ${entry.aliases.length ? html`<p class="muted small">Also written: ${entry.aliases.join(', ')}.</p>` : nothing}
        ${lesson
          ? html`<p class="source">
              <a href=${locationHash(loc)} @click=${(e: MouseEvent) => this.handleSource(e, loc)}
                >Where the review says this<span class="visually-hidden"> about ${entry.term}</span></a
              >: in the lesson “${lesson.title}”
            </p>`
          : nothing}
      </dd>
    </div>`;
  }

  override render() {
    const course = this.course;
    if (!course) return nothing;
    const entries = course.glossary ?? [];
    return html`<div class="view">
      <h1 tabindex="-1">Glossary</h1>
      <p class="lead">
        Words a new reader meets in the review, explained in plain language. Each explanation is taken from what the
        lessons say; the link under it shows the passage.
      </p>
      ${this.returnTo
        ? html`<p><button type="button" class="button secondary" @click=${this.handleBack}>Back to ${this.returnLabel || 'where I was'}</button></p>`
        : nothing}
      ${entries.length
        ? html`<dl class="glossary">${entries.map((e) => this.renderEntry(e))}</dl>`
        : html`<p>This course has no glossary.</p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'glossary-page': GlossaryPage;
  }
}
