/**
 * @summary Calm messages from the tracking session ("progress is kept in this browser only",
 * "the connection to your learning system was lost"), in a polite live region.
 *
 * The live region is always rendered (also when empty) so screen readers announce notices
 * that arrive later; it lives in this component's own shadow root together with its text, since
 * live regions and their content must share a root.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Notice } from '../../course/session.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { noticeBannerStyles } from './notice-banner.styles.ts';

@customElement('notice-banner')
export class NoticeBanner extends LitElement {
  static override styles = [tokens, controls, noticeBannerStyles];

  /** Notices to show (from session.notices() / onNotices). */
  @property({ attribute: false }) notices: Notice[] = [];

  /** Notices the learner hid in this launch. */
  @state() private dismissed = new Set<string>();

  private handleHide(id: string): void {
    this.dismissed = new Set([...this.dismissed, id]);
  }

  override render() {
    const shown = this.notices.filter((n) => !this.dismissed.has(n.id));
    return html`<div class="region" role="status" aria-live="polite">${shown.length === 0
        ? ''
        : html`<ul>
            ${shown.map(
              (n) => html`<li class=${n.level}>
                <p class="text">${n.level === 'warning' ? html`<span class="label">Please note: </span>` : ''}${n.text}</p>
                <button type="button" class="button quiet small" @click=${() => this.handleHide(n.id)}
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
