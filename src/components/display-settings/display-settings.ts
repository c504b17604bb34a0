/**
 * @summary Display settings the learner keeps: text size, line spacing and colours (follow the device,
 * light, dark). Native radio groups in fieldsets; each change applies at once and is saved with the
 * learner's progress (the shell calls store.setDisplay and sets the page's attributes).
 *
 * @event display-change - DisplaySettings: the learner changed a setting (bubbles, composed).
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../course/progress.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { controls } from '../shared/controls.styles.ts';
import { displaySettingsStyles } from './display-settings.styles.ts';

export { applyDisplay, type DisplayChangeEvent } from './apply-display.ts';

type Key = keyof DisplaySettings;

const GROUPS: { key: Key; legend: string; options: { value: string; label: string }[] }[] = [
  {
    key: 'textSize',
    legend: 'Text size',
    options: [
      { value: 'standard', label: 'Standard' },
      { value: 'large', label: 'Large' },
      { value: 'larger', label: 'Larger' },
    ],
  },
  {
    key: 'lineSpacing',
    legend: 'Line spacing',
    options: [
      { value: 'standard', label: 'Standard' },
      { value: 'wide', label: 'Wide' },
    ],
  },
  {
    key: 'theme',
    legend: 'Colours',
    options: [
      { value: 'auto', label: 'As my device is set' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
  },
];

@customElement('display-settings')
export class DisplaySettingsPanel extends LitElement {
  static override styles = [tokens, controls, displaySettingsStyles];

  /** The learner's settings (absent: the defaults). */
  @property({ attribute: false }) settings: DisplaySettings | undefined;

  /** Focus the first radio of the first group (the header calls this on opening). */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  private handleChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    const next = { ...(this.settings ?? DEFAULT_DISPLAY), [input.name]: input.value } as DisplaySettings;
    this.dispatchEvent(new CustomEvent('display-change', { detail: next, bubbles: true, composed: true }));
  }

  override render() {
    const s = this.settings ?? DEFAULT_DISPLAY;
    return html`<div class="settings" @change=${this.handleChange}>
      <h2 class="settings-heading">Display settings</h2>
      <p class="hint">Changes show at once and are kept with your progress.</p>
      <div class="groups">
        ${GROUPS.map(
          (g) => html`<fieldset>
            <legend>${g.legend}</legend>
            ${g.options.map(
              (o) => html`<div class="option">
                <input type="radio" id="${g.key}-${o.value}" name=${g.key} value=${o.value} .checked=${s[g.key] === o.value} />
                <label for="${g.key}-${o.value}">${o.label}</label>
              </div>`,
            )}
          </fieldset>`,
        )}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-settings': DisplaySettingsPanel;
  }
}
