/**
 * @summary A glossary term in the review's text (marked at build time by src/content/glossary.ts):
 * a native disclosure. The words stay in the sentence as a button ("Stage of Change, glossary,
 * collapsed"); pressing it shows the plain-language definition right after it, in reading order, with
 * a way to the glossary page. Escape closes it and returns focus to the term.
 *
 * The button's name is its words and ", glossary" (aria-label: a hidden span would be read with a
 * stray space before the comma); it starts with the visible words, so speech input finds it.
 * The button, the definition it controls and its `aria-controls` reference are all in this element's
 * shadow root (never an id reference across roots). The words come from the element's own text,
 * which the build wrapped; they are rendered here, so the light DOM needs no slot.
 *
 * @event open-glossary - OpenGlossaryDetail: "All terms in the glossary".
 * @csspart term - the button that shows and hides the definition.
 * @csspart definition - the definition box.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { GlossaryEntry } from '../../course/types.ts';
import { openGlossaryEvent } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { glossaryTermStyles } from './glossary-term.styles.ts';

@customElement('glossary-term')
export class GlossaryTerm extends LitElement {
  static override styles = [tokens, controls, glossaryTermStyles];

  /** id of the glossary entry (set by the build). */
  @property({ reflect: true }) term = '';
  /** The entry, set by the lesson view from the course data. Until then the words show as plain text. */
  @property({ attribute: false }) entry: GlossaryEntry | null = null;

  @state() private open = false;

  /** The words as the review writes them. */
  private get words(): string {
    return (this.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Whether the definition is showing (for the lesson view and tests). */
  get expanded(): boolean {
    return this.open;
  }

  private handleToggle(): void {
    this.open = !this.open;
  }

  private handleKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.open) return;
    // The lesson has no other Escape action; keep it from closing anything around the lesson.
    e.stopPropagation();
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.term')?.focus());
  }

  private handleGlossary(): void {
    this.dispatchEvent(openGlossaryEvent({ term: this.entry?.id ?? this.term }));
  }

  override render() {
    const entry = this.entry;
    if (!entry) return html`${this.words}`;
    return html`<span class="wrap" @keydown=${this.handleKeydown}
      ><button type="button" class="term small" part="term" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="definition"
        aria-label=${`${this.words}, glossary`} @click=${this.handleToggle}
        >${this.words}</button
      ><span id="definition" class="definition" part="definition" ?hidden=${!this.open}
        >${this.open
          ? html`<span class="definition-term">${entry.term}:</span>
              <!-- definitionHtml is sanitised at build time (src/content/sanitize.ts allow-list). -->
              ${unsafeHTML(entry.definitionHtml)}
              <button type="button" class="link-button small glossary-link" @click=${this.handleGlossary}>All terms in the glossary</button>`
          : nothing}</span
      ></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'glossary-term': GlossaryTerm;
  }
}
