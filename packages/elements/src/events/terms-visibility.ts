import type { TermsExplainDetail } from './terms-explain.ts';

export interface TermsVisibilityDetail extends TermsExplainDetail {
  /** The marked clause entered (true) or left (false) the visible part of its scroll container. */
  visible: boolean;
}

/**
 * A marked clause came into view or left it, as seen by an IntersectionObserver in `<terms-viewer>`.
 * The gate turns these into the per-clause on-screen time that receipts record (R20).
 */
export class TermsVisibilityEvent extends CustomEvent<TermsVisibilityDetail> {
  static readonly eventName = 'terms-visibility';
  constructor(detail: TermsVisibilityDetail) {
    super(TermsVisibilityEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-visibility': TermsVisibilityEvent;
  }
}
