import { css } from 'lit';

export const glossaryPageStyles = css`
  .glossary {
    margin: var(--space-5) 0;
    padding: 0;
  }
  .entry {
    padding: var(--space-3) 0;
    border-top: 1px solid var(--c-border-soft);
  }
  .glossary dt {
    font-size: 1.15rem;
    font-weight: 650;
    scroll-margin-top: var(--space-5);
  }
  .glossary dd {
    margin: var(--space-1) 0 0;
    max-width: var(--measure);
  }
  .glossary dd p {
    margin: var(--space-1) 0;
  }
  .source a {
    display: inline-block;
    min-height: var(--target-min);
  }
  .muted {
    color: var(--c-text-muted);
  }
  .small {
    font-size: 0.95rem;
  }
  @media print {
    .source {
      display: none;
    }
  }
`;
