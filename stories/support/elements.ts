/**
 * Registers the elements under their default tags through the public API (the classes), as a host
 * that imports the package does, and re-exports the shadow-DOM helpers the play functions use.
 */
import { TermsGate, TermsHighlight, TermsModal, TermsViewer } from '@terms-gate/elements';

const elements = { 'terms-highlight': TermsHighlight, 'terms-viewer': TermsViewer, 'terms-modal': TermsModal, 'terms-gate': TermsGate };
for (const [tag, element] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, element);

export { deepActiveElement, deepQuery, deepQueryAll, expectEventually, openDialog, sampleBundle, waitForReady } from '../../packages/elements/src/test-support/gate-fixtures.ts';
