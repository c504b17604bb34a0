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
  .review-outcome {
    display: block;
  }
  .review-outcome {
    color: var(--c-text-muted);
  }
`;

export const quizResultsStyles = [tokens, ...controls, results];
