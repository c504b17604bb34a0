/**
 * @summary One lesson: its title (h1), "On this page" contents, the text of the review, its notes,
 * the credit of the review, and previous/next. Marks the lesson read when its end has been seen.
 *
 * Why the lesson HTML is inserted with `unsafeHTML`: `lesson.html` and each note's `html` were
 * produced at build time by src/content/ and passed through the allow-list sanitiser
 * (src/content/sanitize.ts): no script, style, event handler attribute, form control, embedded
 * document, or javascript:/data: URL survives, images point only inside the package, and the
 * package runs under `Content-Security-Policy: default-src 'self'`. Nothing from the learner or the
 * network ever reaches these strings.
 *
 * In-page links (`href="#..."`: note markers, "Back to text", the contents) cannot work by themselves
 * inside a shadow root (fragment navigation only searches the document), so clicks on them are
 * handled here: the target in this shadow root is scrolled to and focused.
 *
 * @event navigate - NavigateDetail: previous/next, and "Back to the question".
 * @csspart content - the lesson's text.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Location, ProgressStore } from '../../course/progress.ts';
import type { Course, Lesson } from '../../course/types.ts';
import { navigateEvent, nextLocation, previousLocation } from '../../course/navigation.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { creditText } from '../shared/course-parts.ts';
import { locationHash, locationLabel } from '../shared/labels.ts';
import { lessonContentStyles } from './lesson-content.styles.ts';
import { lessonViewStyles } from './lesson-view.styles.ts';
import { highlightStyles, isQuoteMark, markQuote } from './highlight.ts';
import { tocTree, type TocNode } from './toc.ts';
import { lessonBriefStyles } from '../lesson-brief/lesson-brief.ts';
import { briefSection, briefSectionStyles, outcomesSection } from '../lesson-brief/brief-sections.ts';
import { openGlossaryEvent } from '../../course/navigation.ts';
import '../glossary-term/glossary-term.ts';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * Let a table with one row of column headers show each row as a block on a phone (styles in
 * lesson-content.styles.ts): every cell gets its column's name to show before it. The roles are made
 * explicit because a table laid out as blocks can lose its table semantics, and the caption names the
 * table by aria-labelledby (same shadow root) for the same reason.
 */
function stackable(table: HTMLTableElement): void {
  const headRows = table.tHead?.rows;
  if (!headRows || headRows.length !== 1) return;
  const headers = Array.from(headRows[0].cells);
  if (headers.some((h) => h.colSpan > 1)) return;
  const labels = headers.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  table.classList.add('stackable');
  table.setAttribute('role', 'table');
  const caption = table.caption;
  if (caption) {
    caption.id ||= `${table.id || 'table'}-caption`;
    table.setAttribute('aria-labelledby', caption.id);
  }
  for (const group of [table.tHead, ...Array.from(table.tBodies)]) group?.setAttribute('role', 'rowgroup');
  for (const h of headers) h.setAttribute('role', 'columnheader');
  for (const row of Array.from(table.rows)) {
    row.setAttribute('role', 'row');
    if (row.parentElement === table.tHead) continue;
    Array.from(row.cells).forEach((cell, i) => {
      if (cell.tagName === 'TD') cell.setAttribute('role', 'cell');
      if (labels[i]) cell.dataset.label = labels[i];
    });
  }
}

@customElement('lesson-view')
export class LessonView extends LitElement {
  static override styles = [tokens, controls, viewStyles, lessonContentStyles, lessonViewStyles, highlightStyles, lessonBriefStyles, briefSectionStyles];

  /** The compiled course (credit, previous/next). */
  @property({ attribute: false }) course!: Course;
  /** The progress store: the lesson is marked read here. */
  @property({ attribute: false }) store!: ProgressStore;
  /** The lesson to show. */
  @property({ attribute: false }) lesson!: Lesson;
  /** id of a passage to show, focus and highlight (from "Review this in the lesson"). */
  @property({ attribute: false }) passage: string | null = null;
  /** Where "Back to the question" goes; no button when null. */
  @property({ attribute: false }) returnTo: Location | null = null;

  @state() private read = false;

  private observer: IntersectionObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private insertedBack: HTMLElement | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching();
  }

  /** Focus where the learner should start: the linked passage, or the h1. The shell calls this after navigation. */
  async focusStart(): Promise<void> {
    await this.updateComplete;
    if (this.passage && this.showPassage(this.passage)) return;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('lesson') || changed.has('store')) && this.lesson && this.store) {
      this.read = this.store.get().lessonsRead.includes(this.lesson.id);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lesson') && this.lesson) {
      this.enhanceTables();
      this.connectGlossary();
      this.watchEnd();
    }
    if (changed.has('passage') || changed.has('returnTo')) this.placeBackButton();
  }

  /** The passage element by id, or null when the lesson has no such passage. */
  private passageElement(id: string): HTMLElement | null {
    // Passage ids include the lesson's own heading id (the h1 rendered here), so search the whole view.
    // A quiz's sentence or quote anchor becomes a mark around just those words (highlight.ts).
    const root = this.renderRoot as ShadowRoot;
    return root.getElementById(id) ?? markQuote(root, this.course, this.lesson.id, id);
  }

  /** Scroll to a passage, focus it and highlight it calmly. Returns false when it does not exist. */
  showPassage(id: string): boolean {
    const el = this.passageElement(id);
    if (!el) return false;
    for (const old of Array.from(this.renderRoot.querySelectorAll('.passage-highlight'))) old.classList.remove('passage-highlight');
    el.classList.add('passage-highlight');
    if (!el.matches(FOCUSABLE)) el.tabIndex = -1;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
    return true;
  }

  /**
   * "Back to the question" right after the linked passage, so a learner who has just read it
   * (by eye or with a screen reader) finds the way back at once. Placed with the DOM because the
   * passage is inside the sanitised lesson HTML; Lit does not re-render that HTML while the lesson stays.
   */
  private placeBackButton(): void {
    this.insertedBack?.remove();
    this.insertedBack = null;
    if (!this.returnTo || !this.passage) return;
    const el = this.passageElement(this.passage);
    if (!el) return;
    const wrap = document.createElement(isQuoteMark(el) ? 'span' : 'p');
    wrap.className = 'back-to-question';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary small';
    button.textContent = 'Back to the question';
    button.addEventListener('click', () => this.handleBack());
    wrap.append(button);
    if (el.matches('tr, td, th, thead, tbody')) {
      const table = el.closest('.table-wrap') ?? el.closest('table');
      table?.after(wrap);
    } else if (el.matches('li, dd, dt')) {
      el.append(wrap);
    } else {
      el.after(wrap);
    }
    this.insertedBack = wrap;
  }

  private handleBack(): void {
    if (this.returnTo) this.dispatchEvent(navigateEvent({ location: this.returnTo }));
  }

  /** Give each term the build marked (src/content/glossary.ts) its entry: it then becomes a disclosure. */
  private connectGlossary(): void {
    const entries = new Map((this.course.glossary ?? []).map((e) => [e.id, e]));
    for (const el of Array.from(this.renderRoot.querySelector('.lesson-body')?.querySelectorAll('glossary-term') ?? [])) {
      el.entry = entries.get(el.term) ?? null;
    }
  }

  private handleBriefSource(e: MouseEvent, passage: string): void {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    this.showPassage(passage);
  }

  private handleGlossary(): void {
    this.dispatchEvent(openGlossaryEvent());
  }

  /** Wide tables scroll inside their own box (no page-wide horizontal scroll at 320px), reachable by keyboard. */
  private enhanceTables(): void {
    this.resizeObserver?.disconnect();
    const body = this.renderRoot.querySelector('.lesson-body');
    if (!body) return;
    const wraps: HTMLElement[] = [];
    for (const table of Array.from(body.querySelectorAll('table'))) {
      let wrap = table.parentElement;
      if (!wrap?.classList.contains('table-wrap')) {
        wrap = document.createElement('div');
        wrap.className = 'table-wrap';
        table.before(wrap);
        wrap.append(table);
      }
      wraps.push(wrap);
      stackable(table);
    }
    if (wraps.length === 0 || typeof ResizeObserver === 'undefined') return;
    // Only a box that really scrolls becomes a focusable, named region (axe: scrollable-region-focusable);
    // otherwise it would be an empty extra tab stop.
    this.resizeObserver = new ResizeObserver(() => {
      for (const wrap of wraps) {
        const table = wrap.querySelector('table');
        const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
        if (scrolls) {
          const caption = table?.querySelector('caption')?.textContent?.trim();
          wrap.setAttribute('role', 'region');
          wrap.setAttribute('aria-label', caption ? `${caption} (scrolls sideways)` : 'Table (scrolls sideways)');
          wrap.tabIndex = 0;
        } else {
          wrap.removeAttribute('role');
          wrap.removeAttribute('aria-label');
          wrap.removeAttribute('tabindex');
        }
      }
    });
    for (const w of wraps) this.resizeObserver.observe(w);
  }

  /**
   * The lesson counts as read when its end has been in view: the learner scrolled (or read with a
   * screen reader, which scrolls) to the end. Everything from the end sentinel down (notes, credit,
   * previous/next) is watched, so a jump straight to the bottom counts too. A short lesson that fits
   * the screen is read at once. Watching starts after the view has rendered at the top, so the
   * previous page's scroll position cannot count.
   */
  private watchEnd(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.read || typeof IntersectionObserver === 'undefined') return;
    const sentinel = this.renderRoot.querySelector('.end-sentinel');
    if (!sentinel) return;
    const below = Array.from(this.renderRoot.querySelectorAll('.end-sentinel, section.notes, .lesson-footer'));
    const lessonId = this.lesson.id;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!this.isConnected || this.lesson.id !== lessonId || this.read) return;
        this.observer = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.markRead();
        });
        for (const el of below) this.observer.observe(el);
      }),
    );
  }

  private markRead(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.read) return;
    this.read = true;
    this.store.markLessonRead(this.lesson.id);
  }

  /** The end of the text is on screen or above it (checked at once, not at the next frame). */
  private endReached(): boolean {
    const sentinel = this.renderRoot.querySelector('.end-sentinel');
    return !!sentinel && sentinel.getBoundingClientRect().top < window.innerHeight;
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private handleClick(e: MouseEvent): void {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const link = (e.target as Element | null)?.closest?.('a[href^="#"]');
    if (!link) return;
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
    if (!id) return;
    const target = (this.renderRoot as ShadowRoot).getElementById(id);
    if (!target) return;
    e.preventDefault();
    this.moveTo(target);
  }

  /** Focus and show an element in this shadow root (a note, a marker, a heading). */
  private moveTo(target: HTMLElement): void {
    let focusTarget: HTMLElement = target;
    if (!target.matches(FOCUSABLE)) {
      // A marker's id may sit on the <sup> around its link: focus the link itself.
      const inner = target.matches('sup, span') ? target.querySelector<HTMLElement>('a[href]') : null;
      if (inner) focusTarget = inner;
      else target.tabIndex = -1;
    }
    focusTarget.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }

  private handleGo(location: Location | null): void {
    if (!location) return;
    // A quick "Next" can beat the observer's next frame: the end is already in view, so it counts.
    if (this.endReached()) this.markRead();
    this.dispatchEvent(navigateEvent({ location }));
  }

  private renderToc(nodes: TocNode[]): unknown {
    return html`<ul>
      ${nodes.map(
        (n) => html`<li>
          <a href="#${n.entry.id}">${n.entry.text}</a>${n.children.length ? this.renderToc(n.children) : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private renderNotes(lesson: Lesson) {
    if (lesson.footnotes.length === 0) return nothing;
    return html`<section class="notes" role="doc-endnotes" aria-labelledby="lv-notes-heading">
      <h2 id="lv-notes-heading">Notes</h2>
      <ol class="notes-list">
        ${lesson.footnotes.map(
          (fn) => html`<li id=${fn.id}>
            <span class="note-label">${fn.label}<span class="visually-hidden">.</span></span>
            <!-- fn.html is sanitised at build time (see the header comment). -->
            <span class="note-text">${unsafeHTML(fn.html)}</span>
            ${fn.refId
              ? html`<a
                  class="back-link"
                  href=${fn.refLesson ? locationHash({ view: 'lesson', id: fn.refLesson, passage: fn.refId }) : `#${fn.refId}`}
                  role="doc-backlink"
                  >Back to text<span class="visually-hidden"> for note ${fn.label}</span></a
                >`
              : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  override render() {
    const { lesson, course } = this;
    if (!lesson || !course) return nothing;
    const here: Location = { view: 'lesson', id: lesson.id };
    const prev = previousLocation(course, here);
    const next = nextLocation(course, here);
    // One delegated listener for the in-page links (notes, markers) of the rendered page: the clicks
    // come from <a href> elements, which the keyboard activates with a click event, so no key handler.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<article class="view" aria-labelledby=${lesson.headingId} @click=${this.handleClick}>
      <h1 id=${lesson.headingId} tabindex="-1">${lesson.title}</h1>
      <p class="meta">About ${lesson.minutes} ${lesson.minutes === 1 ? 'minute' : 'minutes'} to read</p>
      ${this.returnTo
        ? html`<p class="back-top">
            <button type="button" class="button secondary small" @click=${this.handleBack}>Back to the question</button>
          </p>`
        : nothing}
      ${outcomesSection(lesson, 'lv-outcomes-heading')}
      ${briefSection(lesson, 'lv-brief-heading', (e, p) => this.handleBriefSource(e, p))}
      ${course.glossary?.length
        ? html`<p class="glossary-hint no-print">
            Words with a dotted underline are explained in the
            <button type="button" class="link-button small" @click=${this.handleGlossary}>glossary</button>: select a word to
            read its meaning here.
          </p>`
        : nothing}
      ${lesson.toc.length > 0
        ? html`<nav class="toc" aria-labelledby="lv-toc-heading">
            <h2 id="lv-toc-heading" class="toc-heading">On this page</h2>
            ${this.renderToc(tocTree(lesson.toc))}
          </nav>`
        : nothing}
      <div class="lesson-body" part="content">${unsafeHTML(lesson.html)}</div>
      <div class="end-sentinel" aria-hidden="true"></div>
      ${this.renderNotes(lesson)}
      <footer class="lesson-footer">
        <div role="status">${this.read ? html`<p class="read-state"><span aria-hidden="true">✓ </span>You have read this lesson.</p>` : nothing}</div>
        <p class="credit">From the review: ${creditText(course)}</p>
        <nav class="pager" aria-label="Previous and next">
          ${prev
            ? html`<button type="button" class="button secondary prev" @click=${() => this.handleGo(prev)}>
                <span class="pager-dir"><span aria-hidden="true">← </span>Previous<span class="visually-hidden">:</span></span>
                <span class="pager-label">${locationLabel(course, prev)}</span>
              </button>`
            : nothing}
          ${next
            ? html`<button type="button" class="button next" @click=${() => this.handleGo(next)}>
                <span class="pager-dir">Next<span class="visually-hidden">:</span><span aria-hidden="true"> →</span></span>
                <span class="pager-label">${locationLabel(course, next)}</span>
              </button>`
            : nothing}
        </nav>
      </footer>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-view': LessonView;
  }
}
