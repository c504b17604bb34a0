import { css } from 'lit';

export const lessonViewStyles = css`
  .toc {
    margin: var(--space-4) 0 var(--space-6);
    padding: var(--space-3) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-radius: var(--radius);
  }
  .toc-heading {
    margin: 0 0 var(--space-2);
    font-size: 1rem;
    text-transform: none;
    color: var(--c-text-muted);
    font-weight: 600;
  }
  .toc ul {
    margin: 0;
    padding-left: var(--space-5);
  }
  .toc > ul {
    padding-left: var(--space-4);
  }
  .toc li {
    margin: var(--space-1) 0;
  }
  .toc a {
    display: inline-block;
    min-height: var(--target-min);
    padding: 0.1rem 0;
  }
  .back-top {
    margin: 0 0 var(--space-4);
  }
  .end-sentinel {
    height: 1px;
  }
  .notes {
    margin-top: var(--space-6);
    padding-top: var(--space-3);
    border-top: 2px solid var(--c-border-soft);
    font-size: 0.95rem;
    color: var(--c-text);
  }
  .notes h2 {
    font-size: 1.15rem;
    margin-top: var(--space-2);
  }
  .notes-list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .notes-list li {
    display: grid;
    grid-template-columns: 2rem minmax(0, 1fr);
    column-gap: var(--space-2);
    margin-bottom: var(--space-3);
    max-width: var(--measure);
    scroll-margin-top: var(--space-4);
  }
  .note-label {
    font-weight: 600;
    text-align: right;
  }
  .note-text {
    grid-column: 2;
    grid-row: 1;
  }
  .back-link {
    grid-column: 2;
    justify-self: start;
    display: inline-block;
    min-height: var(--target-min);
    line-height: var(--target-min);
  }
  .lesson-footer {
    margin-top: var(--space-6);
    padding-top: var(--space-4);
    border-top: 1px solid var(--c-border-soft);
  }
  .read-state {
    margin: 0 0 var(--space-3);
    font-weight: 600;
    color: var(--c-positive);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--space-3);
    margin-top: var(--space-5);
  }
  .pager .button {
    flex: 0 1 20rem;
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    text-align: left;
    padding: var(--space-2) var(--space-4);
  }
  .pager .next {
    margin-left: auto;
    align-items: flex-end;
    text-align: right;
  }
  .pager-dir {
    font-size: 0.875rem;
    font-weight: 500;
  }
  .pager-label {
    font-weight: 650;
  }
  @media (max-width: 30rem) {
    .pager .button {
      flex-basis: 100%;
    }
  }
  @media print {
    .toc,
    .pager,
    .back-top,
    .back-link,
    .read-state {
      display: none !important;
    }
    .notes {
      font-size: 9.5pt;
    }
  }
`;
