export type TermsAction = 'accept' | 'decline' | 'dismiss';

/**
 * A request from `<terms-modal>`'s controls: the user pressed accept or decline, or dismissed the
 * dialog. Cancelable: the owner (usually `<terms-gate>`) decides whether the action happens, so
 * the modal itself never decides an outcome.
 */
export class TermsActionEvent extends CustomEvent<{ action: TermsAction }> {
  static readonly eventName = 'terms-action';
  constructor(action: TermsAction) {
    super(TermsActionEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: { action } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'terms-action': TermsActionEvent;
  }
}
