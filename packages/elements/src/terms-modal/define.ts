import { TermsModal } from './terms-modal.ts';

if (!customElements.get('terms-modal')) customElements.define('terms-modal', TermsModal);

declare global {
  interface HTMLElementTagNameMap {
    'terms-modal': TermsModal;
  }
}

export { TermsModal };
