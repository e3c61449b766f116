import type { TermsOutcomeDetail } from './terms-accept.ts';

/** The user declined the terms (after the second-chance dialog, when that is on). */
export class TermsDeclineEvent extends CustomEvent<TermsOutcomeDetail> {
  static readonly eventName = 'terms-decline';
  constructor(detail: TermsOutcomeDetail) {
    super(TermsDeclineEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-decline': TermsDeclineEvent;
  }
}
