import type { ConsentReceipt } from '@terms-gate/bundle';

export interface TermsConsentChangeDetail {
  /** The consent's id in the bundle. */
  consent: string;
  /** Its state after the change: `false` when withdrawn. */
  granted: boolean;
  /** The evidence of this change, naming the receipt it follows. */
  receipt: ConsentReceipt;
}

/** The user withdrew a separate consent or gave it again (R18). */
export class TermsConsentChangeEvent extends CustomEvent<TermsConsentChangeDetail> {
  static readonly eventName = 'terms-consent-change';
  constructor(detail: TermsConsentChangeDetail) {
    super(TermsConsentChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-consent-change': TermsConsentChangeEvent;
  }
}
