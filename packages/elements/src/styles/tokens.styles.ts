import { css } from 'lit';

/** Dark defaults, used by `prefers-color-scheme: dark` (theme auto) and by `theme="dark"`. */
const darkDefaults = css`
  --_terms-text: var(--terms-color-text, #e6edf3);
  --_terms-muted: var(--terms-color-muted, #b1bac4);
  --_terms-surface: var(--terms-color-surface, #0d1117);
  --_terms-surface-raised: var(--terms-color-surface-raised, #161b22);
  --_terms-border: var(--terms-color-border, #6e7681);
  --_terms-accent: var(--terms-color-accent, #79b8ff);
  --_terms-on-accent: var(--terms-color-on-accent, #0d1117);
  --_terms-marked: var(--terms-color-marked, #ffb86b);
  --_terms-marked-surface: var(--terms-color-marked-surface, #2d1d0b);
  --_terms-danger: var(--terms-color-danger, #ff9492);
  --_terms-focus: var(--terms-color-focus, #79b8ff);
`;

/**
 * The public theme tokens, resolved once per element into private `--_terms-*` properties.
 * Every colour pair keeps WCAG 2.2 AA contrast in the light and the dark defaults; marked-clause
 * text is never fainter than body text (R3). A host sets `--terms-*` on any ancestor.
 */
export const tokens = css`
  :host {
    --_terms-text: var(--terms-color-text, #1f2328);
    --_terms-muted: var(--terms-color-muted, #4d5560);
    --_terms-surface: var(--terms-color-surface, #ffffff);
    --_terms-surface-raised: var(--terms-color-surface-raised, #f4f6f8);
    --_terms-border: var(--terms-color-border, #8c959f);
    --_terms-accent: var(--terms-color-accent, #0a58ca);
    --_terms-on-accent: var(--terms-color-on-accent, #ffffff);
    --_terms-marked: var(--terms-color-marked, #9a3412);
    --_terms-marked-surface: var(--terms-color-marked-surface, #fff4e5);
    --_terms-danger: var(--terms-color-danger, #b42318);
    --_terms-focus: var(--terms-color-focus, #0a58ca);
    --_terms-radius: var(--terms-radius, 8px);
    --_terms-space: var(--terms-space, 1rem);
    --_terms-font: var(--terms-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_terms-font-size: var(--terms-font-size, 1rem);
    --_terms-line-height: var(--terms-line-height, 1.6);
    --_terms-duration: var(--terms-motion-duration, 150ms);
    font-family: var(--_terms-font);
    font-size: var(--_terms-font-size);
    line-height: var(--_terms-line-height);
    color: var(--_terms-text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${darkDefaults}
  }
  :focus-visible {
    outline: 3px solid var(--_terms-focus);
    outline-offset: 2px;
  }
  [hidden] {
    display: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/**
 * Controls shared by every element: buttons at least 24×24 CSS px (WCAG 2.5.8), links and
 * checkboxes in the accent colour. Each element only adds what differs (sizes, margins).
 */
export const buttons = css`
  a {
    color: var(--_terms-accent);
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_terms-accent);
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border-radius: var(--_terms-radius);
    border: 2px solid var(--_terms-accent);
    background: var(--_terms-surface);
    color: var(--_terms-accent);
    cursor: pointer;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
