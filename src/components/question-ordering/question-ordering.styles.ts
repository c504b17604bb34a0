import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';
import { questionStyles } from '../quiz-view/question.styles.ts';

const ordering = css`
  .order {
    display: grid;
    gap: var(--space-3);
    max-width: var(--measure);
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .order-item {
    margin: 0;
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--c-border);
    border-radius: var(--radius);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-2) var(--space-3);
  }
  .order-pos {
    flex: 0 0 auto;
    min-width: 1.5rem;
    font-weight: 650;
  }
  .order-text {
    flex: 1 1 10rem;
    font-weight: 600;
  }
  .order-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
  }
  /* Both buttons at least 24x24 px with room between them; "Move up"/"Move down" stay readable. */
  .order-buttons .button {
    min-height: 2.25rem;
  }
  @media (forced-colors: active) {
    .order-item {
      border-color: CanvasText;
    }
  }
`;

export const questionOrderingStyles = [tokens, ...controls, questionStyles, ordering];
