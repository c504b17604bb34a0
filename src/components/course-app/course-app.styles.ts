import { css } from 'lit';

export const courseAppStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--c-bg);
  }
  .skip-link {
    position: absolute;
    left: var(--space-3);
    top: -10rem;
    z-index: 10;
    padding: var(--space-2) var(--space-4);
    background: var(--c-bg);
    color: var(--c-accent);
    border: 2px solid var(--c-accent);
    border-radius: var(--radius);
    font-weight: 600;
  }
  .skip-link:focus {
    top: var(--space-3);
  }
  main {
    display: block;
    max-width: var(--page-width);
    margin: 0 auto;
    padding: var(--space-2) var(--space-4) var(--space-7);
  }
  main > * {
    display: block;
  }
  /* The course outline: beside the view on wide screens only (narrow ones use the header's menu). */
  .outline {
    display: none;
  }
  @media (min-width: 75rem) {
    .layout {
      display: grid;
      grid-template-columns: 16rem minmax(0, var(--page-width));
      justify-content: center;
      gap: 0 var(--space-4);
    }
    /* The break page leaves the outline out: its main takes the one column, not the outline's. */
    .layout.solo {
      grid-template-columns: minmax(0, var(--page-width));
    }
    .outline {
      display: block;
      position: sticky;
      top: 0;
      align-self: start;
      max-height: 100vh;
      overflow-y: auto;
      border-right: 1px solid var(--c-border-soft);
    }
    main {
      margin: 0;
    }
  }
  @media (max-width: 30rem) {
    main {
      padding: var(--space-1) var(--space-3) var(--space-6);
    }
  }
  @media print {
    .skip-link,
    .outline,
    main > notice-banner {
      display: none;
    }
    .layout {
      display: block;
    }
    main {
      max-width: none;
      padding: 0;
    }
  }
`;
