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
    align-self: center;
  }
  a {
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
  @media (forced-colors: active) {
    .message {
      color: CanvasText;
    }
  }
`;
