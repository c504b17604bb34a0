import { css } from 'lit';

export const startPageStyles = css`
  .parts {
    padding-left: var(--space-5);
  }
  .parts li {
    margin-bottom: var(--space-2);
  }
  .part-title {
    font-weight: 600;
  }
  .resume h2 {
    margin-top: 0;
    font-size: 1.25rem;
  }
  .small {
    font-size: 0.95rem;
  }
  .advisory h2,
  .resume h2 {
    font-size: 1.2rem;
  }
`;
