import { css } from 'lit';

export const displaySettingsStyles = css`
  :host {
    display: block;
  }
  .settings-heading {
    font-size: 1.05rem;
    margin: 0;
  }
  .hint {
    margin: var(--space-1) 0 var(--space-3);
    color: var(--c-text-muted);
    font-size: 0.95rem;
  }
  .groups {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3) var(--space-6);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 650;
    margin-bottom: var(--space-1);
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    min-height: var(--target-min);
    padding: var(--space-1) 0;
  }
  input {
    width: var(--target-min);
    height: var(--target-min);
    margin: 0;
    accent-color: var(--c-accent);
  }
  label {
    cursor: pointer;
  }
`;
