import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';

const results = css`
  :host {
    display: block;
    max-width: var(--measure);
  }
  .caption {
    color: var(--c-text-muted);
    margin-top: calc(-1 * var(--space-2));
  }
  .score-line {
    font-size: 1.25rem;
  }
  .review-list {
    list-style: none;
    padding: 0;
  }
  .review-list li {
    margin: 0 0 var(--space-4);
    padding-left: var(--space-3);
    border-left: 3px solid var(--c-border-soft);
  }
  .review-number {
    font-weight: 650;
  }
  .review-number,
  .review-prompt,
  .review-outcome,
  .review-key {
    display: block;
  }
  /* The support box after a quiz closed without a pass: the same quiet panel as the start page's. */
  .support {
    margin: var(--space-5) 0;
    padding: var(--space-4) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
  }
  .support h2 {
    margin-top: 0;
    font-size: 1.15rem;
  }
  .review-outcome {
    color: var(--c-text-muted);
  }
`;

export const quizResultsStyles = [tokens, ...controls, results];
