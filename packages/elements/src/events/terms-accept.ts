import type { Receipt } from '@terms-gate/bundle';

export interface TermsOutcomeDetail {
  receipt: Receipt;
}

/** The user accepted the terms. Fired once per acceptance, however fast the accept control is pressed. */
export class TermsAcceptEvent extends CustomEvent<TermsOutcomeDetail> {
  static readonly eventName = 'terms-accept';
  constructor(detail: TermsOutcomeDetail) {
    super(TermsAcceptEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-accept': TermsAcceptEvent;
  }
}
