/**
 * Layout shared by the shell's full-page views (start, end, break, lesson): a readable measure,
 * the h1 that receives focus after navigation, and print rules that hide controls.
 */
import { css } from 'lit';

export const viewStyles = css`
  :host {
    display: block;
  }
  .view {
    max-width: calc(var(--measure) + 2rem);
  }
  .meta {
    color: var(--c-text-muted);
    margin-top: calc(-1 * var(--space-2));
  }
  .support h2,
  .support h3 {
    font-size: 1.15rem;
    margin-top: 0;
  }
  .credit {
    font-size: 0.95rem;
    color: var(--c-text-muted);
  }
  .credit a,
  a.url {
    overflow-wrap: anywhere;
  }
  @media print {
    .button,
    .button-row,
    .link-button,
    .no-print {
      display: none !important;
    }
    .panel {
      border: 1px solid #000;
      background: none;
    }
  }
`;
