import { css } from 'lit';

export const highlightStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    border-inline-start: 4px solid var(--_terms-marked);
    background: var(--_terms-marked-surface);
    padding-block: calc(var(--_terms-space) / 2);
    padding-inline: var(--_terms-space) calc(var(--_terms-space) / 2);
    border-start-end-radius: var(--_terms-radius);
    border-end-end-radius: var(--_terms-radius);
    /* Weight is one of the marks (R2); slotted clause text inherits it. */
    font-weight: 700;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0 0 0.5rem;
  }
  svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: var(--_terms-marked);
  }
  [part~='badge'] {
    border: 1px solid var(--_terms-marked);
    border-radius: calc(var(--_terms-radius) / 2);
    padding-inline: 0.375rem;
    color: var(--_terms-text);
    background: var(--_terms-surface);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.5rem;
    font-weight: 400;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 1.5rem;
    cursor: pointer;
  }
  input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  [part='popover'] {
    position: fixed;
    z-index: 1;
    box-sizing: border-box;
    inline-size: max-content;
    max-inline-size: min(24rem, calc(100vw - 1rem));
    padding: var(--_terms-space);
    border: 2px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
    background: var(--_terms-surface);
    color: var(--_terms-text);
  }
  [part='popover'] p {
    margin: 0 0 0.5rem;
  }
  [part='popover'] p:last-child {
    margin: 0;
  }
  .title {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-inline-start-color: CanvasText;
    }
    svg {
      fill: CanvasText;
    }
    [part~='badge'] {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
      border-color: MarkText;
    }
  }
  @media print {
    [part='explain'],
    [part='popover'] {
      display: none;
    }
  }
`;
