import { css } from 'lit';

export const consentsStyles = css`
  :host {
    display: block;
    background: var(--_terms-surface);
    color: var(--_terms-text);
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_terms-space);
  }
  [part~='consent'] {
    padding: calc(var(--_terms-space) * 0.75);
    border: 1px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
  }
  .label {
    margin: 0;
    font-weight: 700;
  }
  .tag {
    font-weight: 400;
  }
  [part='notice'] {
    margin-block: 0.25rem 0.5rem;
    color: var(--_terms-muted);
  }
  [part='state'] {
    margin-block: 0 0.5rem;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    [part~='consent'] {
      border-color: CanvasText;
    }
  }
`;
