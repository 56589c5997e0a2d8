// Styles every component shares: buttons, badges, lists, the panel's headings. Colours and
// fonts come from the custom properties set once in index.html.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    font-family: var(--gt-font);
    color: var(--gt-ink);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--gt-focus);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    border: 1px solid var(--gt-line);
    background: var(--gt-surface);
    border-radius: 6px;
    padding: 0.3em 0.7em;
    font-size: 0.85rem;
    line-height: 1.3;
    white-space: nowrap;
  }
  .button:hover {
    background: var(--gt-hover);
  }
  .button[aria-pressed='true'] {
    background: var(--gt-primary);
    border-color: var(--gt-primary);
    color: #fff;
  }
  .button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  /* A segmented control: buttons side by side, one pressed. */
  .seg {
    display: inline-flex;
  }
  .seg .button {
    border-radius: 0;
  }
  .seg .button:first-child {
    border-radius: 6px 0 0 6px;
  }
  .seg .button:last-child {
    border-radius: 0 6px 6px 0;
  }
  .seg .button + .button {
    margin-left: -1px;
  }
  .link {
    border: 0;
    background: none;
    padding: 0;
    text-align: left;
    color: var(--gt-link);
  }
  .link:hover {
    text-decoration: underline;
  }
  .badge {
    display: inline-block;
    font-size: 0.72rem;
    line-height: 1.5;
    padding: 0 0.45em;
    border-radius: 4px;
    white-space: nowrap;
    border: 1px solid transparent;
  }
  .badge.lead {
    background: var(--gt-lead-bg);
    color: var(--gt-lead);
  }
  .badge.owner {
    background: var(--gt-owner-bg);
    color: var(--gt-owner);
    border-color: var(--gt-owner);
    border-style: dotted;
  }
  .badge.support {
    background: var(--gt-support-bg);
    color: var(--gt-support);
  }
  .badge.muted {
    background: var(--gt-hover);
    color: var(--gt-muted);
  }
  .muted {
    color: var(--gt-muted);
  }
  .ref {
    font-variant-numeric: tabular-nums;
    color: var(--gt-muted);
    white-space: nowrap;
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    vertical-align: -0.05em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** The panel's common layout: a header, sections with small headings, rows of links. */
export const panelStyles = css`
  :host {
    display: block;
    font-size: 0.9rem;
  }
  header {
    padding: 1rem 1.1rem 0.6rem;
    border-bottom: 1px solid var(--gt-line);
  }
  h2 {
    margin: 0.15rem 0 0.2rem;
    font-size: 1.2rem;
    line-height: 1.35;
  }
  h3 {
    margin: 0 0 0.4rem;
    font-size: 0.78rem;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--gt-muted);
    font-weight: 600;
  }
  h4 {
    margin: 0.7rem 0 0.25rem;
    font-size: 0.85rem;
    font-weight: 600;
  }
  section {
    padding: 0.8rem 1.1rem;
    border-bottom: 1px solid var(--gt-line-soft);
  }
  .kicker {
    font-size: 0.75rem;
    color: var(--gt-muted);
    display: flex;
    gap: 0.5em;
    align-items: center;
    flex-wrap: wrap;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.8rem;
    margin: 0;
  }
  dl.facts dt {
    color: var(--gt-muted);
  }
  dl.facts dd {
    margin: 0;
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 0.4rem;
    margin: 0;
  }
  .metrics div {
    background: var(--gt-canvas);
    border-radius: 6px;
    padding: 0.45rem 0.5rem;
    text-align: center;
  }
  .metrics dt {
    font-size: 0.72rem;
    color: var(--gt-muted);
  }
  .metrics dd {
    margin: 0;
    font-size: 1.3rem;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.rows li {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.22rem 0;
  }
  ul.rows li .grow {
    flex: 1;
    min-width: 0;
  }
  .status {
    padding: 1rem 1.1rem;
  }
  .error {
    color: var(--gt-error);
  }
`;
