/**
 * @summary Calm messages from the tracking session ("progress is kept in this browser only",
 * "the connection to your learning system was lost"), in a polite live region.
 *
 * The live region is always rendered (also when empty) so screen readers announce notices
 * that arrive later; it lives in this component's own shadow root together with its text, since
 * live regions and their content must share a root. The shell puts it inside `<main>`, so every
 * notice is in a landmark. After "Hide", focus moves to the next notice's button, or (none left)
 * the shell moves it to the view.
 *
 * @event notices-cleared - The learner hid the last notice shown (bubbles, composed): focus needs a new place.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Notice } from '../../course/session.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { noticeBannerStyles } from './notice-banner.styles.ts';

function readHidden(key: string): string[] {
  if (!key) return [];
  try {
    const list: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return []; // storage refused or an unreadable value: show the notices
  }
}

function writeHidden(key: string, ids: string[]): void {
  if (!key) return;
  try {
    localStorage.setItem(key, JSON.stringify([...new Set(ids)]));
  } catch {
    // Storage refused: the notice stays hidden for this launch only.
  }
}

@customElement('notice-banner')
export class NoticeBanner extends LitElement {
  static override styles = [tokens, controls, noticeBannerStyles];

  /** Notices to show (from session.notices() / onNotices). */
  @property({ attribute: false }) notices: Notice[] = [];

  /**
   * Where hidden notices are remembered in this browser (localStorage), e.g. `course-progress:<id>:hidden-notices`;
   * empty: only for this launch. Notices are about this browser and this connection, so the browser is
   * the right place; the LMS record stays the learner's progress only.
   */
  @property() storageKey = '';

  /** Notices the learner hid. */
  @state() private dismissed = new Set<string>();
  private loadedKey = '';

  protected override willUpdate(): void {
    if (this.storageKey === this.loadedKey) return;
    this.loadedKey = this.storageKey;
    this.dismissed = new Set([...this.dismissed, ...readHidden(this.storageKey)]);
  }

  private async handleHide(id: string, level: Notice['level']): Promise<void> {
    const shown = this.notices.filter((n) => !this.dismissed.has(n.id));
    const at = shown.findIndex((n) => n.id === id);
    this.dismissed = new Set([...this.dismissed, id]);
    // A warning is about something that went wrong now: it comes back if it happens again. Calm
    // information ("saved in this browser only") stays hidden at the next launch.
    if (level === 'info') writeHidden(this.storageKey, [...readHidden(this.storageKey), id]);
    await this.updateComplete;
    // Focus must not fall to <body>: the next message's button, else the view (the shell handles it).
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('li button');
    const next = buttons[Math.min(at, buttons.length - 1)];
    if (next) next.focus();
    else this.dispatchEvent(new CustomEvent('notices-cleared', { bubbles: true, composed: true }));
  }

  override render() {
    const shown = this.notices.filter((n) => !this.dismissed.has(n.id));
    return html`<div class="region" role="status" aria-live="polite">${shown.length === 0
        ? ''
        : html`<ul>
            ${shown.map(
              (n) => html`<li class=${n.level}>
                <p class="text">${n.level === 'warning' ? html`<span class="label">Please note: </span>` : ''}${n.text}</p>
                <button type="button" class="button quiet small" @click=${() => this.handleHide(n.id, n.level)}
                  >Hide<span class="visually-hidden"> this message</span></button
                >
              </li>`,
            )}
          </ul>`}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notice-banner': NoticeBanner;
  }
}
