/**
 * Styles shared by the question elements: the fieldset and legend, the caption, hint and
 * inline error (GOV.UK form group pattern), large option rows whose whole label is clickable.
 * Errors are marked by text ("Error:") and a thick border, never by colour alone.
 */
import { css } from 'lit';

export const questionStyles = css`
  :host {
    display: block;
  }
  .form-group {
    margin: 0 0 var(--space-5);
  }
  .form-group.has-error {
    border-left: 5px solid var(--c-error);
    padding-left: var(--space-4);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .legend {
    display: block;
    padding: 0;
    margin: 0 0 var(--space-3);
    max-width: 100%;
    white-space: normal;
  }
  .caption {
    display: block;
    color: var(--c-text-muted);
    font-size: 1.05rem;
  }
  /* Prompts can be long sentences: a calmer size than a page title, still the largest text on screen. */
  .question-heading {
    margin: var(--space-1) 0 0;
    font-size: clamp(1.3rem, 1.1rem + 1vw, 1.75rem);
  }
  .hint {
    color: var(--c-text-muted);
    margin: 0 0 var(--space-4);
  }
  .hint p {
    margin: 0 0 var(--space-1);
  }
  .error-message {
    color: var(--c-error);
    font-weight: 650;
    margin: 0 0 var(--space-4);
  }

  /* Option rows: the input sits over the label's left padding, so the whole row is the target. */
  .choices {
    display: grid;
    gap: var(--space-3);
    max-width: var(--measure);
  }
  .choice {
    position: relative;
  }
  .choice input {
    position: absolute;
    top: 0.75rem;
    left: 0.75rem;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--c-accent);
    cursor: pointer;
  }
  .choice label {
    display: block;
    box-sizing: border-box;
    min-height: var(--target-main);
    padding: 0.65rem var(--space-4) 0.65rem 3rem;
    border: 1px solid var(--c-border);
    border-radius: var(--radius);
    background: var(--c-bg);
    cursor: pointer;
  }
  .choice input:checked + label {
    border-width: 2px;
    border-color: var(--c-accent);
    background: var(--c-accent-soft);
    padding: calc(0.65rem - 1px) calc(var(--space-4) - 1px) calc(0.65rem - 1px) calc(3rem - 1px);
  }
  .choice input:focus-visible + label {
    outline: var(--focus-width) solid var(--c-focus);
    outline-offset: var(--focus-offset);
  }
  .choice input:disabled,
  .choice input:disabled + label {
    cursor: default;
  }
  .chosen-tag {
    display: inline-block;
    margin-left: var(--space-1);
    font-weight: 650;
    font-size: 0.95rem;
  }

  select {
    box-sizing: border-box;
    font: inherit;
    color: var(--c-text);
    background: var(--c-bg);
    min-height: var(--target-main);
    max-width: 100%;
    padding: var(--space-1) var(--space-2);
    border: 2px solid var(--c-border);
    border-radius: var(--radius);
  }
  select[aria-invalid='true'] {
    border: 3px solid var(--c-error);
  }
  select:disabled {
    color: var(--c-text);
    opacity: 1;
    background: var(--c-panel);
  }

  @media (forced-colors: active) {
    .form-group.has-error {
      border-left-color: CanvasText;
    }
    .choice label,
    select {
      border-color: CanvasText;
    }
    .choice input:checked + label {
      border-color: Highlight;
    }
    .error-message {
      color: CanvasText;
    }
  }
`;
