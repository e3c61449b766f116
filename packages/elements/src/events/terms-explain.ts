export interface TermsExplainDetail {
  /** Document id. */
  document: string;
  /** Clause id. */
  clause: string;
}

/** The user opened the plain-language explanation of a marked clause (R6, R7). */
export class TermsExplainEvent extends CustomEvent<TermsExplainDetail> {
  static readonly eventName = 'terms-explain';
  constructor(detail: TermsExplainDetail) {
    super(TermsExplainEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-explain': TermsExplainEvent;
  }
}
