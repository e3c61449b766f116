import { css } from 'lit';

export const modalStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(48rem, 100vw - 2rem);
    max-inline-size: 100vw;
    max-block-size: min(56rem, 100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
    background: var(--_terms-surface);
    color: var(--_terms-text);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.35);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  header,
  footer {
    flex: none;
    padding-block: calc(var(--_terms-space) * 0.75);
    padding-inline: var(--_terms-space);
    background: var(--_terms-surface-raised);
  }
  header {
    display: flex;
    align-items: center;
    gap: var(--_terms-space);
    border-block-end: 1px solid var(--_terms-border);
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .close {
    padding-inline: 0.75rem;
    border-color: var(--_terms-border);
    color: var(--_terms-text);
  }
  .body {
    flex: 1 1 auto;
    min-block-size: 6rem;
    overflow: auto;
    overscroll-behavior: contain;
    padding-block: var(--_terms-space);
    padding-inline: var(--_terms-space);
  }
  footer {
    border-block-start: 1px solid var(--_terms-border);
  }
  .documents {
    padding-block-start: calc(var(--_terms-space) * 0.5);
    padding-inline: var(--_terms-space);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .documents button[aria-current='page'] {
    background: var(--_terms-accent);
    color: var(--_terms-on-accent);
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
  footer input[type='checkbox'] {
    margin-block-start: 0.2rem;
  }
  footer {
    display: grid;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_terms-space) * 0.75);
    margin-block-start: calc(var(--_terms-space) * 0.5);
  }
  /* Accept and decline carry the same weight, size and shape (R12): neither is a nudge. */
  .actions button {
    flex: 1 1 10rem;
  }
  .status:not(:empty) {
    margin-block: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_terms-danger);
    background: var(--_terms-surface);
    font-weight: 600;
  }
  .status ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  /* What changed since the earlier acceptance (R19): the first thing in the text, in the text's colours. */
  .changes {
    margin-block-end: var(--_terms-space);
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_terms-border);
    border-inline-start: 4px solid var(--_terms-accent);
    border-radius: var(--_terms-radius);
    background: var(--_terms-surface);
  }
  .changes p {
    margin: 0;
    font-weight: 600;
  }
  .changes ul {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  .change-badge {
    font-weight: 600;
    margin-inline-end: 0.25rem;
  }
  .again {
    max-inline-size: min(28rem, 100vw - 2rem);
    border: 1px solid var(--_terms-border);
    border-radius: var(--_terms-radius);
    background: var(--_terms-surface);
    color: var(--_terms-text);
    padding: var(--_terms-space);
  }
  .again::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .again h2 {
    margin-block: 0 0.5rem;
  }
  /*
   * When the viewport is short (phones in landscape, 400% zoom) header and footer would leave the
   * text no room: the whole dialog scrolls instead, so nothing can trap the reader (R11, R27).
   */
  @media (max-height: 32rem) {
    dialog[open] {
      display: block;
      overflow: auto;
    }
    .body {
      overflow: visible;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
    .status:not(:empty) {
      border-inline-start-color: Highlight;
    }
    .changes {
      border-inline-start-color: Highlight;
    }
  }
  @media print {
    header button,
    footer {
      display: none;
    }
  }
`;
