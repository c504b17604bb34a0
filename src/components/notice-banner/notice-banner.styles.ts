import { css } from 'lit';

export const noticeBannerStyles = css`
  :host {
    display: block;
  }
  .region:empty {
    display: none;
  }
  /* Inside <main>, which sets the page column. */
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-2) var(--space-4);
    margin: var(--space-3) 0;
    padding: var(--space-3) var(--space-4);
    background: var(--c-accent-soft);
    border: 1px solid var(--c-border-soft);
    border-left: 4px solid var(--c-accent);
    border-radius: var(--radius);
  }
  li.warning {
    background: var(--c-attention-soft);
    border-left-color: var(--c-attention);
  }
  .text {
    flex: 1 1 16rem;
    margin: 0;
  }
  .label {
    font-weight: 650;
  }
  @media (max-width: 30rem) {
    ul {
      padding: 0 var(--space-3);
    }
    li {
      padding: var(--space-2) var(--space-3);
      font-size: 0.95rem;
    }
  }
  @media (forced-colors: active) {
    li {
      border: 1px solid CanvasText;
      border-left-width: 4px;
    }
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
