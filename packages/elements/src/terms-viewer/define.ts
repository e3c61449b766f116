import '../terms-highlight/define.ts';
import { TermsViewer } from './terms-viewer.ts';

if (!customElements.get('terms-viewer')) customElements.define('terms-viewer', TermsViewer);

declare global {
  interface HTMLElementTagNameMap {
    'terms-viewer': TermsViewer;
  }
}

export { TermsViewer };
