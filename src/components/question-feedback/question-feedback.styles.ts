import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';

const feedback = css`
  :host {
    display: block;
  }
  /* One calm style for every outcome: the heading's words carry the meaning, not colour. */
  .feedback {
    max-width: var(--measure);
    margin: var(--space-5) 0;
    padding: var(--space-4) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-left: 5px solid var(--c-accent);
    border-radius: var(--radius);
  }
  .feedback > :first-child {
    margin-top: 0;
  }
  .feedback > :last-child {
    margin-bottom: 0;
  }
  .option-feedback {
    padding-left: var(--space-5);
  }
  @media (forced-colors: active) {
    .feedback {
      border: 1px solid CanvasText;
      border-left-width: 5px;
    }
  }
`;

export const questionFeedbackStyles = [tokens, ...controls, feedback];
