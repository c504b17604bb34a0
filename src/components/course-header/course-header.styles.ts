import { css } from 'lit';

/** Off screen, still read by screen readers (what .visually-hidden does, under a media condition here). */
const screenReaderOnly = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

export const courseHeaderStyles = css`
  :host {
    display: block;
    background: var(--c-panel);
    border-bottom: 1px solid var(--c-border-soft);
  }
  .header {
    max-width: var(--page-width);
    margin: 0 auto;
    padding: var(--space-3) var(--space-4);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-3) var(--space-4);
  }
  .course-title {
    margin: 0;
    flex: 1 1 18rem;
    font-weight: 650;
    font-size: 1.05rem;
    line-height: 1.35;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
  }
  .chevron {
    display: inline-block;
    width: 0.5em;
    height: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-0.15em) rotate(45deg);
  }
  [aria-expanded='true'] .chevron {
    transform: translateY(0.1em) rotate(225deg);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
    margin-top: var(--space-2);
    font-size: 0.95rem;
    color: var(--c-text-muted);
  }
  progress {
    appearance: none;
    -webkit-appearance: none;
    flex: 0 1 14rem;
    min-width: 4rem;
    height: 0.75rem;
    border: 1px solid var(--c-border);
    border-radius: 999px;
    background: var(--c-bg);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--c-bg);
  }
  progress::-webkit-progress-value {
    background: var(--c-accent);
  }
  progress::-moz-progress-bar {
    background: var(--c-accent);
  }
  .progress-text {
    color: var(--c-text);
  }
  nav {
    margin-top: var(--space-3);
    border-top: 1px solid var(--c-border-soft);
    padding-top: var(--space-2);
  }
  nav[hidden],
  display-settings[hidden] {
    display: none;
  }
  display-settings {
    margin-top: var(--space-3);
    border-top: 1px solid var(--c-border-soft);
    padding-top: var(--space-3);
  }

  /* The entries' look is shared with the outline (shared/course-entries.styles.ts); the menu's own: */
  .entry.quiz {
    padding-left: var(--space-5);
  }
  .entry a {
    padding: var(--space-2) var(--space-3);
  }
  .label {
    flex: 1 1 auto;
  }
  .state {
    margin-left: var(--space-2);
    white-space: nowrap;
    font-size: 0.9rem;
  }
  /* Brackets for the eye only: an empty alternative text ('/ ""') keeps them out of the link's
     accessible name, which already reads "Discussion, not read yet" (https://www.w3.org/TR/css-content-3/#alt). */
  .state::before {
    content: '(' / '';
  }
  .state::after {
    content: ')' / '';
  }
  /* Phones and short viewports: the progress on one line. The bar keeps its full name
     (aria-labelledby); only the visible label goes. */
  @media (max-width: 30rem), (max-height: 30rem) {
    #progress-label {
      ${screenReaderOnly}
    }
    .progress {
      margin-top: var(--space-1);
      flex-wrap: nowrap;
    }
  }
  /* Phones: a compact header, so the lesson starts on the first screen. */
  @media (max-width: 30rem) {
    .header {
      padding: var(--space-2) var(--space-3);
    }
    .course-title {
      font-size: 0.95rem;
      flex-basis: 100%;
    }
    .actions .button {
      padding: var(--space-2) 0.625rem;
      font-size: 0.95rem;
    }
    .progress {
      font-size: 0.875rem;
    }
    progress {
      flex: 1 1 4rem;
    }
    .entry.quiz {
      padding-left: var(--space-3);
    }
  }
  /*
   * Short viewports (a phone on its side, 400% zoom: 320x256 CSS px): one compact row, so the header
   * takes well under half the screen; the progress bar and its words stay, smaller.
   */
  @media (max-height: 30rem) {
    .header {
      padding: var(--space-1) var(--space-3);
    }
    .bar {
      gap: var(--space-1) var(--space-2);
    }
    /* The course's name is in the document title and on the start page: here it is kept for screen
       readers only, which gives the view the room (a clipped line would hide words). */
    .course-title {
      ${screenReaderOnly}
    }
    .actions .button {
      min-height: 2rem;
      padding: var(--space-1) var(--space-2);
      font-size: 0.875rem;
    }
    .progress {
      font-size: 0.8125rem;
    }
    progress {
      flex: 1 1 3rem;
      height: 0.5rem;
    }
  }
  @media (forced-colors: active) {
    :host {
      border-bottom: 1px solid CanvasText;
    }
    /* The fill is a background colour, which forced colours remove: draw it in system colours instead. */
    progress {
      forced-color-adjust: none;
      background: Canvas;
      border: 1px solid CanvasText;
    }
    progress::-webkit-progress-bar {
      background: Canvas;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-moz-progress-bar {
      background: Highlight;
    }
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
