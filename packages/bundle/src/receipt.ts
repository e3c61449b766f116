/**
 * `buildReceipt()`: turns what a gate session recorded into the evidence receipt (R20). Pure: the
 * clock, the DOM and the user agent are read by whoever records the facts, never here, so the same
 * facts always give the same receipt, in a browser or on a server checking one.
 */
import { digestOf } from './digest.ts';
import type { BundleDigests, ClauseRef, Digest, Receipt, RecordedFacts, UnsealedReceipt } from './receipt-types.ts';
import { RECEIPT_FORMAT } from './receipt-types.ts';
import type { TermsBundle } from './types.ts';
import { markedClauses, shownLocale, textFor } from './walk.ts';

const refKey = (ref: ClauseRef) => JSON.stringify([ref.document, ref.clause]);

function need(digest: Digest | undefined): Digest {
  if (!digest) throw new Error('these digests are not of this bundle');
  return digest;
}

/**
 * Builds the receipt of one gate outcome, unsealed: `sealReceipt()` adds its `integrity`.
 *
 * Lists every marked clause of every document with its digest in the locale shown (the controlling
 * text's, when a document has no translation in that locale), and every separate consent of the
 * bundle with the digest of its notice in the locale shown (or the first locale the notice has).
 * `requirements.met` is true when every requirement in `facts.requirements` was met: all marked
 * clauses seen, `minReadSeconds` between `openedAt` and `decidedAt`, all critical ones acknowledged.
 *
 * @param digests `computeDigests(bundle)`.
 * @throws Error when `digests` lack a digest the bundle needs (they belong to another bundle).
 */
export function buildReceipt(bundle: TermsBundle, digests: BundleDigests, facts: RecordedFacts): UnsealedReceipt {
  const { outcome, locale, openedAt, decidedAt, requirements, explanations, checkbox, changesShown, userAgent, library, ...recorded } = facts;
  const visibility = new Map(recorded.visibility.map((fact) => [refKey(fact), fact]));
  const explained = new Set(explanations.map(refKey));
  const acknowledged = new Map(recorded.acknowledgements.map((fact) => [refKey(fact), fact.at]));

  const marked = markedClauses(bundle).map(({ document, clause: { id: clause, highlight } }) => {
    const key = refKey({ document, clause });
    const shownIn = textFor(bundle.documents.find((d) => d.id === document)!, locale).locale;
    const seen = visibility.get(key);
    return {
      document,
      clause,
      digest: need(digests.clauses[document]?.[shownIn]?.[clause]),
      kinds: [...highlight!.kinds],
      critical: highlight!.critical === true,
      seen: !!seen && (seen.visibleMs > 0 || seen.firstSeenAt !== undefined),
      visibleMs: seen?.visibleMs ?? 0,
      firstSeenAt: seen?.firstSeenAt,
      explained: explained.has(key),
      acknowledgedAt: acknowledged.get(key),
    };
  });

  const secondsOpen = (Date.parse(decidedAt) - Date.parse(openedAt)) / 1000;
  const met =
    (!requirements.requireRead || marked.every((clause) => clause.seen)) &&
    (!(requirements.minReadSeconds > 0) || secondsOpen >= requirements.minReadSeconds) &&
    (!requirements.requireAcknowledge || marked.every((clause) => !clause.critical || clause.acknowledgedAt));

  return dropUndefined({
    format: RECEIPT_FORMAT,
    outcome,
    bundle: { id: bundle.id, version: bundle.version, digest: digests.bundle },
    documents: bundle.documents.map((document) => ({
      id: document.id,
      digest: need(digests.documents[document.id]),
      effectiveDate: document.effectiveDate,
      title: textFor(document, locale).title,
      opened: recorded.documentsOpened.includes(document.id),
    })),
    locale,
    controllingLocale: Object.fromEntries(bundle.documents.map((document) => [document.id, document.locale])),
    openedAt,
    decidedAt,
    requirements: {
      requireRead: requirements.requireRead,
      minReadSeconds: requirements.minReadSeconds,
      requireAcknowledge: requirements.requireAcknowledge,
      met,
    },
    marked,
    explanations,
    checkbox,
    consents: (bundle.consents ?? []).map(({ id, required, notice }) => {
      const fact = recorded.consents.find((c) => c.id === id);
      const shownIn = shownLocale(notice, locale);
      return { id, required, granted: fact?.granted === true, at: fact?.at, noticeDigest: need(digests.consents[id]?.[shownIn]), locale: shownIn };
    }),
    changesShown,
    userAgent,
    library,
  });
}

/**
 * Seals a receipt: returns a copy with `integrity` set to `digestOf()` the receipt without it, so
 * that `verifyReceipt()` finds any later edit. A receipt already sealed is sealed again.
 */
export async function sealReceipt(receipt: UnsealedReceipt | Receipt): Promise<Receipt> {
  const { integrity: _, ...unsealed } = receipt as Receipt;
  const copy = dropUndefined(unsealed);
  return { ...copy, integrity: await digestOf(copy) };
}

/**
 * A deep copy through JSON: later changes to the facts cannot rewrite the evidence, and optional
 * fields are left out rather than `undefined`, so the receipt is the same before and after storage.
 */
function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
