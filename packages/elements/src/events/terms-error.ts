export interface TermsErrorDetail {
  /** What went wrong: the bundle failed to load (`kind: 'load'`) or to validate (`kind: 'invalid'`). */
  error: TermsGateError;
}

/** The gate could not show the terms. The gate offers no way to accept until a retry succeeds. */
export class TermsErrorEvent extends CustomEvent<TermsErrorDetail> {
  static readonly eventName = 'terms-error';
  constructor(detail: TermsErrorDetail) {
    super(TermsErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

/** An error the gate reports; `issues` lists validation problems, one line each. */
export class TermsGateError extends Error {
  override name = 'TermsGateError';
  constructor(
    readonly kind: 'load' | 'invalid',
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-error': TermsErrorEvent;
  }
}
