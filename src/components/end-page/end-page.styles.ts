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
  .print-only {
    display: none;
  }
  .record-credit {
    margin-top: var(--space-4);
  }
  @media (forced-colors: active) {
    .summary {
      border: 1px solid CanvasText;
    }
  }
  /* The printed record: only the record, on white, with the links' addresses written out. */
  @media print {
    .view > :not(.record) {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    .record-title {
      font-size: 16pt;
      font-weight: 700;
      margin: 0 0 8pt;
    }
    .record-head p {
      margin: 0 0 4pt;
    }
    .summary {
      background: none;
      border: 1px solid #000;
    }
    .items a {
      color: #000;
      text-decoration: none;
    }
    .record-credit {
      color: #000;
    }
    .record-credit a.url::after {
      content: '';
    }
  }
`;
