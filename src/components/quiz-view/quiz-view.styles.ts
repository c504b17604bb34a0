import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';

const quizView = css`
  :host {
    display: block;
    max-width: var(--measure);
  }
  .quiz-name {
    color: var(--c-text-muted);
    margin: var(--space-4) 0 var(--space-2);
  }
  .facts {
    display: grid;
    gap: var(--space-2);
    margin: var(--space-5) 0;
    padding: var(--space-4) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--space-3);
  }
  .facts dt {
    font-weight: 650;
    min-width: 10rem;
  }
  .facts dd {
    margin: 0;
  }
  .error-summary {
    margin: var(--space-4) 0 var(--space-5);
    padding: var(--space-4) var(--space-5);
    border: 5px solid var(--c-error);
    border-radius: var(--radius);
  }
  .error-summary:focus {
    outline: var(--focus-width) solid var(--c-focus);
    outline-offset: var(--focus-offset);
  }
  .error-summary-title {
    margin-top: 0;
  }
  .error-summary-list {
    margin: 0;
    padding-left: var(--space-5);
  }
  .error-summary-list a {
    color: var(--c-error);
    font-weight: 650;
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
    .facts {
      border-color: CanvasText;
    }
  }
`;

export const quizViewStyles = [tokens, ...controls, quizView];
