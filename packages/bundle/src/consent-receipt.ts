/**
 * The consent receipt (R17, R18): the evidence of one change to one separate consent after the
 * acceptance (a withdrawal, or giving it again), built by `buildConsentReceipt()`. Each names the
 * receipt it follows by digest, so a host's stored history is a chain: changing or dropping an
 * earlier link breaks the next one. `verifyConsentReceipt()` (in `@terms-gate/bundle/evidence`)
 * checks one against its bundle. JSON Schema: `schema/consent-receipt.schema.json`.
 */
import { digestOf } from './digest.ts';
import type { BundleDigests, Digest, Timestamp } from './receipt-types.ts';
import type { Locale, TermsBundle } from './types.ts';
import { shownLocale } from './walk.ts';

/** The consent receipt format this package writes; a consent receipt names it in `format`. */
export const CONSENT_RECEIPT_FORMAT = 'terms-gate-consent-receipt/1' as const;

/** The evidence of one change to one separate consent. */
export interface ConsentReceipt {
  format: typeof CONSENT_RECEIPT_FORMAT;
  bundle: { id: string; version: string; digest: Digest };
  /** The consent's id in the bundle. */
  consent: string;
  /** The state after the change: `false` for a withdrawal. */
  granted: boolean;
  /** Digest of the consent's `{ label, notice }` in `locale`, as shown when the change was made. */
  noticeDigest: Digest;
  locale: Locale;
  at: Timestamp;
  /** Digest of the receipt this change follows: the acceptance receipt, or the consent's previous consent receipt. */
  follows?: Digest;
  userAgent?: string;
  library: { name: string; version: string };
}

/** What a consent control recorded about one change. */
export interface ConsentChangeFacts {
  consent: string;
  granted: boolean;
  /** The locale the notice was shown in; the notice's first locale is used when it has no text in it. */
  locale: Locale;
  at: Timestamp;
  /** The receipt this change follows (as stored: a receipt or a consent receipt); its digest is recorded. */
  follows?: unknown;
  userAgent?: string;
  library: { name: string; version: string };
}

/**
 * Builds the receipt of one consent change.
 *
 * @param digests `computeDigests(bundle)`.
 * @throws Error when the bundle has no such consent, or `digests` are not of this bundle.
 */
export async function buildConsentReceipt(bundle: TermsBundle, digests: BundleDigests, facts: ConsentChangeFacts): Promise<ConsentReceipt> {
  const consent = bundle.consents?.find((c) => c.id === facts.consent);
  if (!consent) throw new Error(`the bundle has no consent "${facts.consent}"`);
  const locale = shownLocale(consent.notice, facts.locale);
  const noticeDigest = digests.consents[consent.id]?.[locale];
  if (!noticeDigest) throw new Error('these digests are not of this bundle');
  const receipt: ConsentReceipt = {
    format: CONSENT_RECEIPT_FORMAT,
    bundle: { id: bundle.id, version: bundle.version, digest: digests.bundle },
    consent: consent.id,
    granted: facts.granted,
    noticeDigest,
    locale,
    at: facts.at,
    library: { name: facts.library.name, version: facts.library.version },
  };
  if (facts.follows !== undefined) receipt.follows = await digestOf(facts.follows);
  if (facts.userAgent) receipt.userAgent = facts.userAgent;
  return receipt;
}
