import { TermsHighlight } from './terms-highlight.ts';

if (!customElements.get('terms-highlight')) customElements.define('terms-highlight', TermsHighlight);

declare global {
  interface HTMLElementTagNameMap {
    'terms-highlight': TermsHighlight;
  }
}

export { TermsHighlight };
