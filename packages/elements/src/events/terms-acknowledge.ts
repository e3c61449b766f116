import type { TermsExplainDetail } from './terms-explain.ts';

export interface TermsAcknowledgeDetail extends TermsExplainDetail {
  /** True when the user ticked the acknowledgement, false when they unticked it. */
  acknowledged: boolean;
}

/** The user acknowledged (or took back the acknowledgement of) a critical clause (R10). */
export class TermsAcknowledgeEvent extends CustomEvent<TermsAcknowledgeDetail> {
  static readonly eventName = 'terms-acknowledge';
  constructor(detail: TermsAcknowledgeDetail) {
    super(TermsAcknowledgeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-acknowledge': TermsAcknowledgeEvent;
  }
}
