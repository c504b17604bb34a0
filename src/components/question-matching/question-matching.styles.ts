import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';
import { questionStyles } from '../quiz-view/question.styles.ts';

const matching = css`
  .matches {
    display: grid;
    gap: var(--space-4);
    max-width: var(--measure);
  }
  .match {
    display: grid;
    gap: var(--space-2);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
  }
  .match-label {
    font-weight: 600;
  }
  select {
    width: 100%;
  }
  @media (forced-colors: active) {
    .match {
      border-color: CanvasText;
    }
  }
`;

export const questionMatchingStyles = [tokens, ...controls, questionStyles, matching];
