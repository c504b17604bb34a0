/**
 * The glossary term: the words stay part of the sentence (same font, a dotted underline and a small
 * marker say "there is more here", never colour alone), the button is a 24px target, and the
 * definition opens as a calm box on its own line, right after the words in reading order.
 */
import { css } from 'lit';

export const glossaryTermStyles = css`
  :host {
    display: inline;
  }
  .term {
    display: inline;
    /* Inline, so min-height does not apply: the padding makes the box at least 24px tall (WCAG 2.5.8). */
    padding: 0.22em 0;
    margin: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    line-height: inherit;
    text-align: inherit;
    text-decoration: underline dotted var(--c-accent);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .term::after {
    /* A small "more" marker; decorative, the button's name already says "glossary". */
    content: '';
    display: inline-block;
    width: 0.4em;
    height: 0.4em;
    margin-left: 0.15em;
    vertical-align: super;
    border: 1.5px solid var(--c-accent);
    border-radius: 50%;
  }
  .term[aria-expanded='true'] {
    background: var(--c-accent-soft);
  }
  .term:hover {
    text-decoration-style: solid;
  }
  .definition {
    display: block;
    margin: var(--space-2) 0 var(--space-3);
    padding: var(--space-2) var(--space-3);
    max-width: var(--measure);
    border: 1px solid var(--c-border-soft);
    border-left: 4px solid var(--c-accent);
    border-radius: var(--radius);
    background: var(--c-panel);
    font-size: 0.95rem;
    line-height: 1.5;
  }
  .definition[hidden] {
    display: none;
  }
  .definition-term {
    font-weight: 650;
  }
  .glossary-link {
    display: inline-block;
    margin-left: var(--space-1);
  }
  @media (forced-colors: active) {
    .term {
      text-decoration-color: LinkText;
    }
    .term::after {
      border-color: LinkText;
    }
    .definition {
      border-color: CanvasText;
    }
  }
  @media print {
    .term {
      text-decoration: none;
    }
    .term::after,
    .glossary-link {
      display: none;
    }
    .definition {
      border: 1px solid #000;
      background: none;
    }
  }
`;
