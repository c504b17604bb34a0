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
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry.quiz {
    padding-left: var(--space-4);
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
    font-size: 0.95rem;
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
  .kind {
    color: var(--c-text-muted);
    font-weight: 400;
  }
  .state {
    display: block;
    color: var(--c-text-muted);
    font-size: 0.875rem;
    font-weight: 400;
  }
  @media (forced-colors: active) {
    .entry a[aria-current='page'] {
      border: 2px solid Highlight;
      border-left-width: 4px;
    }
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
