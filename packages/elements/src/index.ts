/** Element classes, events, the gate session and i18n hooks, without registering any tag. */
export { TermsGate } from './terms-gate/terms-gate.ts';
export { TermsModal } from './terms-modal/terms-modal.ts';
export { TermsViewer } from './terms-viewer/terms-viewer.ts';
export { TermsHighlight } from './terms-highlight/terms-highlight.ts';
export { TermsConsents } from './terms-consents/terms-consents.ts';
export * from './events/index.ts';
export { GateSession, type MissingRequirement, type TrackedClause } from './session/gate-session.ts';
export { addUiStrings, useI18next, type UiStrings } from './i18n/i18n.ts';
export { LIBRARY } from './version.ts';
