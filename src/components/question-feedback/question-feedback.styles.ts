import { css } from 'lit';
import { tokens, controls } from '../shared/index.ts';

const feedback = css`
  :host {
    display: block;
  }
  /* One calm style for every outcome: the heading's words carry the meaning, not colour. */
  .feedback {
    max-width: var(--measure);
    margin: var(--space-5) 0;
    padding: var(--space-4) var(--space-5);
    background: var(--c-panel);
    border: 1px solid var(--c-border-soft);
    border-left: 5px solid var(--c-accent);
    border-radius: var(--radius);
  }
  .feedback > :first-child {
    margin-top: 0;
  }
  .feedback > :last-child {
    margin-bottom: 0;
  }
  .option-feedback {
    padding-left: var(--space-5);
  }
  .marks-title {
    font-size: 1.05rem;
    margin: var(--space-4) 0 var(--space-2);
  }
  .marks {
    list-style: none;
    margin: 0 0 var(--space-4);
    padding: 0;
  }
  .mark-item {
    display: flex;
    gap: var(--space-2);
    align-items: baseline;
    padding: var(--space-2) var(--space-3);
    margin-bottom: var(--space-2);
    background: var(--c-bg);
    border: 1px solid var(--c-border-soft);
    border-left: 4px solid var(--c-border);
    border-radius: var(--radius);
  }
  .mark-item.right {
    border-left-color: var(--c-positive);
  }
  .mark-item.not-right {
    border-left-color: var(--c-attention);
    border-left-style: dashed;
  }
  .glyph {
    flex: none;
    width: 1.25em;
    font-weight: 700;
  }
  .right .glyph {
    color: var(--c-positive);
  }
  .not-right .glyph {
    color: var(--c-attention);
  }
  .mark-text {
    min-width: 0;
  }
  @media (forced-colors: active) {
    .mark-item {
      border: 1px solid CanvasText;
      border-left-width: 4px;
    }
    .feedback {
      border: 1px solid CanvasText;
      border-left-width: 5px;
    }
  }
`;

export const questionFeedbackStyles = [tokens, ...controls, feedback];
