/**
 * `verifyConsentReceipt()`: checks a consent receipt against the bundle it names (R18, R21), with no
 * network: its shape, the bundle's id, version and digest, that the consent exists, the digest of its
 * notice in the locale recorded and, given the receipt it claims to follow, that link of the chain.
 * Whether the user really pressed the control is known only to the recorder; a host that needs that
 * to be tamper-evident signs the receipts (docs/receipts.md).
 */
import { CONSENT_RECEIPT_FORMAT } from './consent-receipt.ts';
import { computeDigests, digestOf } from './digest.ts';
import { formatIssue } from './issues.ts';
import { parseBundle } from './parse.ts';
import { isRecord, isTimestamp, show, type ReceiptProblem } from './receipt-shape.ts';
import type { TermsBundle } from './types.ts';
import type { VerifyResult } from './verify.ts';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const KNOWN = new Set(['format', 'bundle', 'consent', 'granted', 'noticeDigest', 'locale', 'at', 'follows', 'userAgent', 'library']);

/**
 * Verifies a consent receipt against a bundle.
 *
 * @param bundle The bundle the receipt names: a JSON text or value (validated with `parseBundle`).
 * @param receipt A consent receipt as stored.
 * @param options.follows The receipt it claims to follow (the acceptance receipt or the previous
 *   consent receipt): its digest must be the one recorded in `follows`.
 * @returns Every problem found; never throws.
 */
export async function verifyConsentReceipt(bundle: TermsBundle | unknown, receipt: unknown, options: { follows?: unknown } = {}): Promise<VerifyResult> {
  const problems: ReceiptProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  try {
    const parsed = parseBundle(bundle);
    if (!parsed.ok) {
      for (const issue of parsed.errors.slice(0, 20)) problem('', `the bundle is invalid: ${formatIssue(issue)}`);
      return { ok: false, problems };
    }
    if (!isRecord(receipt)) return { ok: false, problems: [{ path: '', message: `expected a consent receipt object, got ${show(receipt)}` }] };
    for (const key of Object.keys(receipt)) if (!KNOWN.has(key)) problem(key, 'not a field of a consent receipt');
    if (receipt.format !== CONSENT_RECEIPT_FORMAT) problem('format', `expected "${CONSENT_RECEIPT_FORMAT}", got ${show(receipt.format)}`);
    if (typeof receipt.granted != 'boolean') problem('granted', `expected true or false, got ${show(receipt.granted)}`);
    if (!isTimestamp(receipt.at)) problem('at', `expected an ISO 8601 timestamp, got ${show(receipt.at)}`);
    if (receipt.userAgent !== undefined && typeof receipt.userAgent != 'string') problem('userAgent', `expected a string, got ${show(receipt.userAgent)}`);
    const library = receipt.library;
    if (!isRecord(library) || typeof library.name != 'string' || typeof library.version != 'string') problem('library', `expected { name, version }, got ${show(library)}`);

    const { bundle: checked } = parsed;
    const digests = await computeDigests(checked);
    const named = receipt.bundle;
    if (!isRecord(named)) problem('bundle', `expected { id, version, digest }, got ${show(named)}`);
    else {
      if (named.id !== checked.id) problem('bundle.id', `names bundle ${show(named.id)}, not ${show(checked.id)}`);
      if (named.version !== checked.version) problem('bundle.version', `names version ${show(named.version)}, not ${show(checked.version)}`);
      if (named.digest !== digests.bundle) problem('bundle.digest', 'does not match the digest of this bundle: the bundle or the receipt was changed');
    }
    const consent = checked.consents?.find((c) => c.id === receipt.consent);
    if (!consent) problem('consent', `no consent ${show(receipt.consent)} in the bundle`);
    else if (typeof receipt.locale != 'string' || !Object.hasOwn(consent.notice, receipt.locale)) problem('locale', `the notice of ${show(consent.id)} has no text in ${show(receipt.locale)}`);
    else if (receipt.noticeDigest !== digests.consents[consent.id]?.[receipt.locale]) problem('noticeDigest', `does not match the notice of ${show(consent.id)} in ${receipt.locale}: not the notice this bundle shows`);

    if (receipt.follows !== undefined && (typeof receipt.follows != 'string' || !DIGEST.test(receipt.follows))) problem('follows', `expected sha256: and 64 hex digits, got ${show(receipt.follows)}`);
    if (options.follows !== undefined) {
      if (receipt.follows === undefined) problem('follows', 'missing: the receipt names no receipt it follows');
      else if (receipt.follows !== (await digestOf(options.follows))) problem('follows', 'does not match the digest of the receipt given: that receipt was changed, or this one follows another');
    }
  } catch (error) {
    problem('', `could not read the receipt: ${error instanceof Error ? error.message : 'it threw'}`);
  }
  return { ok: problems.length == 0, problems };
}
