import { css } from 'lit';

/** The look of courseEntry() lists (course menu and outline); each component adds its spacing and state layout. */
export const courseEntryStyles = css`
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry {
    margin: 0;
  }
  .entry a {
    display: flex;
    align-items: baseline;
    gap: var(--space-1);
    min-height: var(--target-main);
    padding: var(--space-2);
    box-sizing: border-box;
    border: 1px solid transparent;
    border-radius: var(--radius);
    color: var(--c-text);
    text-decoration: none;
  }
  .entry a:visited {
    color: var(--c-text);
  }
  .entry a:hover {
    background: var(--c-bg);
    border-color: var(--c-border-soft);
  }
  .entry a:hover .name {
    text-decoration: underline;
  }
  .entry a[aria-current='page'] {
    background: var(--c-bg);
    border-color: var(--c-border);
    border-left: 4px solid var(--c-accent);
    font-weight: 650;
  }
  .tick {
    flex: none;
    width: 1.25em;
    color: var(--c-positive);
    font-weight: 700;
  }
  .label {
    min-width: 0;
  }
  .name {
    text-decoration: underline;
    text-decoration-color: var(--c-border-soft);
    text-underline-offset: 0.2em;
  }
  .state {
    color: var(--c-text-muted);
    font-weight: 400;
  }
  /* A section of the review: its label, then its places indented under it. */
  .section {
    margin: var(--space-2) 0 0;
  }
  .section-label {
    display: block;
    margin: 0;
    padding: var(--space-1) var(--space-2) 0;
    font-size: 0.9rem;
    font-weight: 700;
    color: var(--c-text);
  }
  .section-entries {
    padding-left: var(--space-3);
    border-left: 2px solid var(--c-border-soft);
    margin-left: var(--space-2);
  }
  @media (forced-colors: active) {
    .entry a[aria-current='page'] {
      border: 2px solid Highlight;
      border-left-width: 4px;
    }
  }
`;
