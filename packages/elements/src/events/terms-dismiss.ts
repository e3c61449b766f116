import type { TermsOutcomeDetail } from './terms-accept.ts';

/**
 * The user closed the terms without deciding (Escape or the close button). Never an acceptance,
 * never a decline (R12); the receipt records what was shown until then.
 */
export class TermsDismissEvent extends CustomEvent<TermsOutcomeDetail> {
  static readonly eventName = 'terms-dismiss';
  constructor(detail: TermsOutcomeDetail) {
    super(TermsDismissEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-dismiss': TermsDismissEvent;
  }
}
