/**
 * The learner's display settings take effect here, from the first view on: the panel that changes
 * them (display-settings.ts) loads only when the learner opens it.
 */
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../course/progress.ts';

/** Set the page's attributes that src/styles/global.css reads (the one place settings take effect). */
export function applyDisplay(root: HTMLElement, d: DisplaySettings | undefined): void {
  const s = d ?? DEFAULT_DISPLAY;
  const set = (name: string, value: string, dflt: string) => (value === dflt ? root.removeAttribute(name) : root.setAttribute(name, value));
  set('data-text-size', s.textSize, 'standard');
  set('data-line-spacing', s.lineSpacing, 'standard');
  set('data-theme', s.theme, 'auto');
}

export type DisplayChangeEvent = CustomEvent<DisplaySettings>;

declare global {
  interface HTMLElementEventMap {
    'display-change': DisplayChangeEvent;
  }
}
