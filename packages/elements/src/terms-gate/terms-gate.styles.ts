import { css } from 'lit';

export const gateStyles = css`
  :host {
    display: block;
  }
  .line {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_terms-accent);
    align-self: center;
    flex: none;
  }
  a {
    color: var(--_terms-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .accepted {
    font-weight: 600;
  }
  .message {
    margin-block: 0.5rem 0;
    color: var(--_terms-danger);
    font-weight: 600;
  }
  .message button {
    margin-inline-start: 0.5rem;
  }
  .documents {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-end: var(--_terms-space);
  }
  .documents button[aria-current='page'] {
    background: var(--_terms-accent);
    color: var(--_terms-on-accent);
  }
  .aside {
    display: grid;
    gap: 0.5rem;
  }
  details summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_terms-marked);
    min-block-size: 1.5rem;
  }
  details ul {
    margin-block: 0.25rem;
    padding-inline-start: 1.25rem;
    max-block-size: 8rem;
    overflow: auto;
  }
  fieldset {
    margin: 0;
    border: 1px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
    padding-block: 0.25rem 0.5rem;
    padding-inline: 0.75rem;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .consent {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: start;
  }
  .consent input {
    margin-block-start: 0.2rem;
  }
  .notice {
    grid-column: 2;
    margin: 0;
    color: var(--_terms-muted);
    font-size: 0.9em;
  }
  .tag {
    color: var(--_terms-muted);
    font-weight: normal;
  }
  .assent {
    display: flex;
    gap: 0.5rem;
    align-items: start;
    font-weight: 600;
  }
  .assent input {
    margin-block-start: 0.2rem;
  }
  .second-chance {
    max-inline-size: min(28rem, 100vw - 2rem);
    border: 1px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
    background: var(--_terms-surface);
    color: var(--_terms-text);
    padding: var(--_terms-space);
  }
  .second-chance::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .second-chance h2 {
    margin-block: 0 0.5rem;
    font-size: 1.2em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .actions button {
    flex: 1 1 8rem;
  }
  @media (forced-colors: active) {
    .message {
      color: CanvasText;
    }
  }
`;
