import '../terms-modal/define.ts';
import '../terms-viewer/define.ts';
import { TermsGate } from './terms-gate.ts';

if (!customElements.get('terms-gate')) customElements.define('terms-gate', TermsGate);

declare global {
  interface HTMLElementTagNameMap {
    'terms-gate': TermsGate;
  }
}

export { TermsGate };
