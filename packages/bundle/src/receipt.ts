/**
 * `buildReceipt()`: turns what a gate session recorded into the evidence receipt (R20). Pure: the
 * clock, the DOM and the user agent are read by whoever records the facts, never here, so the same
 * facts always give the same receipt, in a browser or on a server checking one.
 */
import type { BundleDigests, ClauseRef, Digest, Receipt, RecordedFacts } from './receipt-types.ts';
import { RECEIPT_FORMAT } from './receipt-types.ts';
import type { TermsBundle } from './types.ts';
import { markedClauses, textFor } from './walk.ts';

const refKey = (ref: ClauseRef) => JSON.stringify([ref.document, ref.clause]);
const copyRef = ({ document, clause }: ClauseRef): ClauseRef => ({ document, clause });

function need(digest: Digest | undefined, what: string): Digest {
  if (!digest) throw new Error(`these digests are not of this bundle: none for ${what}`);
  return digest;
}

/**
 * Builds the receipt of one gate outcome.
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
export function buildReceipt(bundle: TermsBundle, digests: BundleDigests, facts: RecordedFacts): Receipt {
  const { locale, requirements } = facts;
  const visibility = new Map(facts.visibility.map((fact) => [refKey(fact), fact]));
  const explained = new Set(facts.explanations.map(refKey));
  const acknowledged = new Map(facts.acknowledgements.map((fact) => [refKey(fact), fact.at]));

  const marked = markedClauses(bundle).map(({ document, clause }) => {
    const ref = { document, clause: clause.id };
    const shownIn = textFor(bundle.documents.find((d) => d.id === document)!, locale).locale;
    const seen = visibility.get(refKey(ref));
    const acknowledgedAt = acknowledged.get(refKey(ref));
    return {
      ...ref,
      digest: need(digests.clauses[document]?.[shownIn]?.[clause.id], `clause ${clause.id} (${shownIn})`),
      kinds: [...clause.highlight!.kinds],
      critical: clause.highlight!.critical === true,
      seen: !!seen && (seen.visibleMs > 0 || seen.firstSeenAt !== undefined),
      visibleMs: seen?.visibleMs ?? 0,
      ...(seen?.firstSeenAt !== undefined && { firstSeenAt: seen.firstSeenAt }),
      explained: explained.has(refKey(ref)),
      ...(acknowledgedAt !== undefined && { acknowledgedAt }),
    };
  });

  const secondsOpen = (Date.parse(facts.decidedAt) - Date.parse(facts.openedAt)) / 1000;
  const met =
    (!requirements.requireRead || marked.every((clause) => clause.seen)) &&
    (!(requirements.minReadSeconds > 0) || secondsOpen >= requirements.minReadSeconds) &&
    (!requirements.requireAcknowledge || marked.every((clause) => !clause.critical || clause.acknowledgedAt !== undefined));

  return {
    format: RECEIPT_FORMAT,
    outcome: facts.outcome,
    bundle: { id: bundle.id, version: bundle.version, digest: digests.bundle },
    documents: bundle.documents.map((document) => ({
      id: document.id,
      digest: need(digests.documents[document.id], `document ${document.id}`),
      effectiveDate: document.effectiveDate,
      title: textFor(document, locale).title,
      opened: facts.documentsOpened.includes(document.id),
    })),
    locale,
    controllingLocale: Object.fromEntries(bundle.documents.map((document) => [document.id, document.locale])),
    openedAt: facts.openedAt,
    decidedAt: facts.decidedAt,
    requirements: {
      requireRead: requirements.requireRead,
      minReadSeconds: requirements.minReadSeconds,
      requireAcknowledge: requirements.requireAcknowledge,
      met,
    },
    marked,
    explanations: facts.explanations.map((fact) => ({ ...copyRef(fact), at: fact.at, locale: fact.locale })),
    checkbox: facts.checkbox.map(({ checked, at }) => ({ checked, at })),
    consents: (bundle.consents ?? []).map((consent) => {
      const fact = facts.consents.find((c) => c.id === consent.id);
      const shownIn = Object.hasOwn(consent.notice, locale) ? locale : Object.keys(consent.notice)[0]!;
      return {
        id: consent.id,
        required: consent.required,
        granted: fact?.granted === true,
        ...(fact?.at !== undefined && { at: fact.at }),
        noticeDigest: need(digests.consents[consent.id]?.[shownIn], `consent ${consent.id} (${shownIn})`),
        locale: shownIn,
      };
    }),
    ...(facts.changesShown && {
      changesShown: { sinceVersion: facts.changesShown.sinceVersion, clauses: facts.changesShown.clauses.map(copyRef) },
    }),
    ...(facts.userAgent !== undefined && { userAgent: facts.userAgent }),
    library: { name: facts.library.name, version: facts.library.version },
  };
}
