import { TermsConsents } from './terms-consents.ts';

if (!customElements.get('terms-consents')) customElements.define('terms-consents', TermsConsents);

declare global {
  interface HTMLElementTagNameMap {
    'terms-consents': TermsConsents;
  }
}

export { TermsConsents };
