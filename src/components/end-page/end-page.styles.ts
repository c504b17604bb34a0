import { css } from 'lit';

export const endPageStyles = css`
  .summary {
    display: grid;
    gap: var(--space-2);
    margin: 0 0 var(--space-5);
    padding: var(--space-4) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
  }
  .summary div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--space-3);
  }
  .summary dt {
    font-weight: 600;
    min-width: 10rem;
  }
  .summary dd {
    margin: 0;
  }
  .items li {
    margin-bottom: var(--space-2);
  }
  @media (forced-colors: active) {
    .summary {
      border: 1px solid CanvasText;
    }
  }
`;
