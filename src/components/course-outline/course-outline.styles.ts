import { css } from 'lit';

export const courseOutlineStyles = css`
  :host {
    display: block;
  }
  nav {
    padding: var(--space-4) var(--space-3);
  }
  .outline-heading {
    font-size: 1.05rem;
    margin: 0 0 var(--space-1);
  }
  .summary {
    margin: 0 0 var(--space-3);
    color: var(--c-text-muted);
    font-size: 0.9rem;
  }
  /* The entries' look is shared with the course menu (shared/course-entries.styles.ts); the outline's own: */
  .entry.quiz {
    padding-left: var(--space-4);
  }
  .entry a {
    font-size: 0.95rem;
  }
  .kind {
    color: var(--c-text-muted);
    font-weight: 400;
  }
  .state {
    display: block;
    font-size: 0.875rem;
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
