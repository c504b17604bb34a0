/**
 * Shared control and text styles: focus ring, buttons, links, visually-hidden text, headings, panels.
 * Used by the shell, the lesson view and the quiz components, so every control looks and behaves
 * the same: 3px focus outline with an offset on :focus-visible, 44px main buttons, 24px minimum
 * targets, borders that stay visible in forced-colors mode, no motion under prefers-reduced-motion.
 *
 * Usage: `static styles = [tokens, focusRing, text, buttons, visuallyHidden, ...]` or `[tokens, controls]`.
 */
import { css } from 'lit';

/** A visible focus indicator for every focusable thing (WCAG 2.4.7, 2.4.13 style: 3px, offset). */
export const focusRing = css`
  :focus-visible {
    outline: var(--focus-width, 3px) solid var(--c-focus, #0b1f33);
    outline-offset: var(--focus-offset, 2px);
    /* The halo is the page colour, so the ring stands clear in the dark theme too. */
    box-shadow: 0 0 0 calc(var(--focus-offset, 2px)) var(--c-bg, #ffffff);
  }
  /* Headings and passages that receive focus from script (tabindex=-1) show a calmer ring. */
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 2px dashed var(--c-border, #6b7378);
    outline-offset: 4px;
    box-shadow: none;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid Highlight;
      box-shadow: none;
    }
    [tabindex='-1']:focus-visible {
      outline: 2px dashed Highlight;
    }
  }
  /* Paper has no focus: a page printed while a heading or button had focus shows no ring. */
  @media print {
    :focus,
    :focus-visible,
    [tabindex='-1']:focus-visible {
      outline: none !important;
      box-shadow: none !important;
    }
  }
`;

/** Hidden on screen, still read by screen readers (the GOV.UK / a11y-project pattern). */
export const visuallyHidden = css`
  .visually-hidden:not(:focus):not(:active) {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** Body text, headings, links and lists inside a component's shadow root. */
export const text = css`
  :host {
    color: var(--c-text);
    font-family: var(--font-body);
    line-height: var(--line-height);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    line-height: 1.25;
    margin: var(--space-6) 0 var(--space-3);
    font-weight: 650;
    color: var(--c-text);
    text-wrap: balance;
  }
  h1 {
    font-size: clamp(1.625rem, 1.2rem + 1.8vw, 2.25rem);
    margin-top: var(--space-4);
  }
  h2 {
    font-size: clamp(1.3rem, 1.1rem + 0.9vw, 1.6rem);
  }
  h3 {
    font-size: 1.2rem;
  }
  h4,
  h5,
  h6 {
    font-size: 1.05rem;
  }
  p,
  ul,
  ol,
  dl {
    margin: 0 0 var(--space-4);
  }
  li + li {
    margin-top: var(--space-1);
  }
  a {
    color: var(--c-accent);
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--c-visited);
  }
  a:hover {
    text-decoration-thickness: 2px;
    color: var(--c-accent-hover);
  }
  .lead {
    font-size: 1.125rem;
  }
  .muted {
    color: var(--c-text-muted);
  }
`;

/**
 * Buttons: `.button` (primary, filled), `.button.secondary` (outlined), `.link-button` (looks like a link,
 * e.g. "Back to text"). Work on <button> and <a>. Main buttons are at least 44px high; all at least 24px.
 */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--space-2);
    min-height: var(--target-main);
    min-width: var(--target-main);
    padding: var(--space-2) var(--space-5);
    border: 2px solid var(--c-accent);
    border-radius: var(--radius);
    background: var(--c-accent);
    color: var(--c-on-accent, #ffffff);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
    max-width: 100%;
  }
  .button:hover {
    background: var(--c-accent-hover);
    border-color: var(--c-accent-hover);
  }
  .button:visited {
    color: var(--c-on-accent, #ffffff);
  }
  .button.secondary {
    background: var(--c-bg);
    color: var(--c-accent);
    border-color: var(--c-accent);
  }
  .button.secondary:hover {
    background: var(--c-accent-soft);
  }
  .button.quiet {
    background: transparent;
    color: var(--c-text);
    border-color: var(--c-border);
    font-weight: 500;
  }
  .button.quiet:hover {
    background: var(--c-panel);
  }
  .button.small {
    min-height: var(--target-min);
    min-width: var(--target-min);
    padding: var(--space-1) var(--space-3);
    font-size: 0.95rem;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 1;
    background: var(--c-panel-strong);
    border-color: var(--c-border);
    color: var(--c-text-muted);
  }
  .link-button {
    display: inline;
    min-height: var(--target-min);
    min-width: var(--target-min);
    padding: 0;
    border: 0;
    background: none;
    color: var(--c-accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .button-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3);
    align-items: center;
    margin: var(--space-5) 0;
  }
  @media (forced-colors: active) {
    .button,
    .button.secondary,
    .button.quiet {
      border: 2px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
      forced-color-adjust: none;
    }
    .button[disabled],
    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
    .link-button {
      color: LinkText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 120ms ease-out, border-color 120ms ease-out;
    }
  }
`;

/** Calm boxed sections: advisory, support, notices, summaries. */
export const panels = css`
  .panel {
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-left: 4px solid var(--c-border);
    border-radius: var(--radius);
    padding: var(--space-4) var(--space-5);
    margin: var(--space-5) 0;
  }
  .panel > :first-child {
    margin-top: 0;
  }
  .panel > :last-child {
    margin-bottom: 0;
  }
  .panel.accent {
    background: var(--c-accent-soft);
    border-left-color: var(--c-accent);
  }
  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
      border-left-width: 4px;
    }
  }
`;

/** Everything above, in the order components usually want it (tokens come from tokens.styles.ts). */
export const controls = [focusRing, visuallyHidden, text, buttons, panels];
