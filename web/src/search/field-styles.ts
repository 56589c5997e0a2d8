// The look of a field that names one thing of the plan through the main search (<gt-unit-field>,
// <gt-item-field>): a label over an input, its hit list in the flow of the form around it, so the
// list pushes the next field or button down instead of hiding it.
import { css } from 'lit';

export const searchFieldStyles = css`
  :host {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-size: 0.8rem;
    color: var(--gt-muted);
  }
  .box {
    position: relative;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    font: inherit;
    font-size: 0.9rem;
    color: var(--gt-ink);
    padding: 0.3rem 0.45rem;
    border: 1px solid var(--gt-line);
    border-radius: 6px;
    background: var(--gt-surface);
  }
  [role='listbox'] {
    position: static;
    margin-top: 0.25rem;
    max-height: 16rem;
    box-shadow: none;
  }
`;
