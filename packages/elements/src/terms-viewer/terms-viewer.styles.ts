import { css } from 'lit';

export const viewerStyles = css`
  :host {
    display: block;
    /* Standalone on a page of the other scheme, the text stays on its own surface and readable. */
    background: var(--_terms-surface);
    color: var(--_terms-text);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-size: 1.125em;
    line-height: 1.35;
    margin-block: 1.5em 0.5em;
  }
  [part='title'] {
    font-size: 1.5em;
    margin-block-start: 0;
  }
  [part='effective'],
  [part='notice'] {
    color: var(--_terms-muted);
    margin-block: 0.25rem;
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: var(--_terms-space);
  }
  [part='toc'] ol,
  ol.numbered {
    list-style: none;
    padding-inline-start: 1em;
  }
  [part='toc'] > ol {
    padding-inline-start: 0;
  }
  [part='toc'] a {
    display: inline-block;
    min-block-size: 1.5rem;
  }
  [id^='clause-'] {
    scroll-margin-block: var(--_terms-space);
  }
  terms-highlight {
    margin-block: 0.75rem;
    /* Marked text is bold and keeps the body colour: never fainter than the rest (R3). */
    font-weight: 700;
    color: var(--_terms-text);
  }
  terms-highlight > :first-child,
  terms-highlight > :first-child > :first-child {
    margin-block-start: 0;
  }
  .change {
    display: inline-block;
    margin-block-end: 0.25rem;
    padding-inline: 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--_terms-radius);
    font-size: 0.875em;
    font-weight: 700;
  }
  iframe {
    position: fixed;
    inline-size: 0;
    block-size: 0;
    border: 0;
  }
  @media print {
    [part='toolbar'],
    [part='toc'] {
      display: none;
    }
  }
`;
