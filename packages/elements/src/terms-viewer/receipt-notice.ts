import { html, nothing, type TemplateResult } from 'lit';
import type { Receipt } from '@terms-gate/bundle';
import { formatDate, type Translate } from './document-model.ts';

/**
 * The notice above a text re-read from a receipt (R22): the version the user accepted and when,
 * whether it is still the current one, or, when the text shown is not the one the receipt names
 * (its digest differs), only that, since nothing else on the page can then be trusted as "what you
 * accepted". Nothing while the digest is still being computed.
 */
export function receiptNotice(receipt: Receipt, shownDigest: string | undefined, currentVersion: string | undefined, t: Translate, ui: string): TemplateResult | typeof nothing {
  if (shownDigest === undefined) return nothing;
  if (shownDigest !== receipt.bundle?.digest) {
    return html`<p part="receipt" role="note" lang=${ui} data-matches="false">${t('receiptMismatch')}</p>`;
  }
  const version = receipt.bundle.version;
  const accepted = t('receiptAccepted', { version, date: formatDate(receipt.decidedAt, t) });
  const notCurrent = currentVersion && currentVersion !== version ? ` ${t('receiptNotCurrent', { version: currentVersion })}` : '';
  return html`<p part="receipt" role="note" lang=${ui} data-matches="true">${accepted}${notCurrent}</p>`;
}
