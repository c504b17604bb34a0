/**
 * Styles for the review's text inside the lesson view (the sanitised lesson HTML): readable measure,
 * 1.5 line height, tables that scroll in their own box, figures, the figure's data table, quotes,
 * note markers and the calm highlight of a linked passage.
 */
import { css } from 'lit';

export const lessonContentStyles = css`
  .lesson-body {
    font-size: 1.0625rem;
    line-height: var(--line-height, 1.5);
    overflow-wrap: break-word;
  }
  .lesson-body > :first-child {
    margin-top: 0;
  }
  .lesson-body p,
  .lesson-body li {
    max-width: var(--measure);
  }
  .lesson-body h2 {
    padding-top: var(--space-2);
    border-top: 1px solid var(--c-border-soft);
  }
  .lesson-body img {
    max-width: 100%;
    height: auto;
  }
  .lesson-body figure {
    margin: var(--space-5) 0;
    padding: var(--space-3);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
    background: var(--c-bg);
  }
  .lesson-body figure img {
    display: block;
    margin: 0 auto;
  }
  .lesson-body figcaption {
    margin-top: var(--space-2);
    font-size: 0.95rem;
    color: var(--c-text-muted);
  }
  .lesson-body figcaption:first-child {
    margin: 0 0 var(--space-2);
    font-weight: 600;
    color: var(--c-text);
  }
  .lesson-body .figure-alt {
    margin-top: var(--space-3);
    font-size: 0.95rem;
  }
  .lesson-body details {
    margin: var(--space-3) 0;
  }
  .lesson-body summary {
    cursor: pointer;
    min-height: var(--target-min);
    color: var(--c-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
    margin: var(--space-4) 0;
  }
  .lesson-body table {
    border-collapse: collapse;
    font-size: 0.95rem;
    line-height: 1.4;
    min-width: 100%;
  }
  .lesson-body caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: var(--space-2);
  }
  .lesson-body th,
  .lesson-body td {
    border: 1px solid var(--c-border-soft);
    padding: var(--space-2) var(--space-3);
    text-align: left;
    vertical-align: top;
    /* Narrow screens: columns keep a readable width and the table scrolls in its own box instead. */
    min-width: 8rem;
  }
  .lesson-body th {
    background: var(--c-panel);
    font-weight: 600;
  }
  /* The page's own alignment (kramdown's column alignment, <p align>): a class, as styles cannot pass the CSP. */
  .lesson-body .align-right {
    text-align: right;
  }
  .lesson-body .align-center {
    text-align: center;
  }
  .lesson-body .align-left {
    text-align: left;
  }
  /* An editor's correction: the [bracketed] words, marked so they are not taken for the review's own. */
  .lesson-body .editor-correction {
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  .lesson-body .embed-notice {
    border-left: 4px solid var(--c-border-soft);
    padding-left: var(--space-3);
    font-style: italic;
  }
  /*
   * On a phone a table of several columns cannot be read side by side: each row becomes a block with
   * every cell on its own line after its column's name (from data-label, added by the lesson view),
   * and the caption wraps whole. The column names are read from the header cells by screen readers,
   * so the shown copies have empty alternative text ("/ ''") and are not read twice.
   */
  @media (max-width: 40rem) {
    .lesson-body table.stackable,
    .lesson-body table.stackable caption,
    .lesson-body table.stackable tbody,
    .lesson-body table.stackable tr,
    .lesson-body table.stackable td,
    .lesson-body table.stackable tbody th {
      display: block;
      min-width: 0;
    }
    .lesson-body table.stackable {
      width: 100%;
    }
    .lesson-body table.stackable caption {
      width: auto;
    }
    .lesson-body table.stackable thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .lesson-body table.stackable tbody tr {
      margin: 0 0 var(--space-3);
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--c-border-soft);
      border-left: 4px solid var(--c-border-soft);
      border-radius: var(--radius);
    }
    .lesson-body table.stackable td,
    .lesson-body table.stackable tbody th {
      border: 0;
      padding: var(--space-1) 0;
    }
    .lesson-body table.stackable [data-label]::before {
      content: attr(data-label) ': ' / '';
      font-weight: 600;
    }
  }
  .lesson-body blockquote {
    margin: var(--space-4) 0;
    padding: var(--space-2) var(--space-4);
    border-left: 4px solid var(--c-border-soft);
    color: var(--c-text);
    background: var(--c-panel);
  }
  .lesson-body hr {
    border: 0;
    border-top: 1px solid var(--c-border-soft);
    margin: var(--space-5) 0;
  }
  .lesson-body sup {
    line-height: 0;
  }
  /* Note markers are inline targets in a sentence (exempt from WCAG 2.5.8); a little padding still helps. */
  .lesson-body sup a,
  .lesson-body a[role='doc-noteref'] {
    padding: 0 0.2em;
    font-weight: 600;
  }
  .lesson-body pre {
    overflow-x: auto;
    font-family: var(--font-mono);
  }
  .lesson-body code {
    font-family: var(--font-mono);
  }
  /* The passage a quiz linked to: pale background and a bar, never colour alone (the bar stays in forced colours). */
  .passage-highlight {
    background: var(--c-highlight);
    border-left: 4px solid var(--c-highlight-border);
    /* The bar sits in the margin, so the text does not move when the highlight appears. */
    margin-left: calc(-4px - var(--space-2));
    padding-left: var(--space-2);
    padding-right: var(--space-2);
    border-radius: 2px;
  }
  /* Large passages (a figure, a table) keep the bar but not a wall of colour. */
  figure.passage-highlight,
  table.passage-highlight {
    background: var(--c-bg);
    margin-left: 0;
    border-left-width: 6px;
  }
  tr.passage-highlight {
    margin-left: 0;
    outline: 3px solid var(--c-highlight-border);
    outline-offset: -3px;
  }
  .passage-highlight:focus {
    outline: none;
  }
  .passage-highlight:focus-visible {
    outline: 2px dashed var(--c-highlight-border);
    outline-offset: 4px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .passage-highlight:not(figure):not(table):not(tr) {
      animation: settle 900ms ease-out;
    }
    @keyframes settle {
      from {
        background-color: var(--theme-highlight-flash, #f6e7a6);
      }
      to {
        background-color: var(--c-highlight);
      }
    }
  }
  .back-to-question {
    margin: var(--space-2) 0 var(--space-4);
  }
  @media (forced-colors: active) {
    .passage-highlight {
      border-left: 4px solid Highlight;
      outline: 1px solid CanvasText;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
    .lesson-body th,
    .lesson-body td {
      border: 1px solid CanvasText;
    }
  }
  @media print {
    .lesson-body {
      font-size: 11pt;
    }
    .lesson-body a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .table-wrap {
      overflow: visible;
    }
    .passage-highlight {
      background: none;
      border-left: 0;
      margin-left: 0;
      padding: 0;
    }
    .back-to-question {
      display: none;
    }
    .lesson-body figure,
    .lesson-body table,
    .lesson-body blockquote {
      break-inside: avoid;
    }
    .lesson-body h2,
    .lesson-body h3 {
      break-after: avoid;
    }
  }
`;
