/**
 * The evidence receipt (R20): what a gate records about one outcome, built by `buildReceipt()` from
 * the bundle, its digests and the facts a gate session recorded. A receipt names the bundle by
 * digest, so `verifyReceipt()` can later prove which exact text, which marks and which
 * explanations a user was shown. JSON Schema: `schema/receipt.schema.json`.
 */
import type { HighlightKind, Locale } from './types.ts';

/** The receipt format this package writes; a receipt names it in `format`. */
export const RECEIPT_FORMAT = 'terms-gate-receipt/1' as const;

/** `sha256:` followed by 64 lowercase hex digits, over the RFC 8785 canonical JSON of the thing named. */
export type Digest = `sha256:${string}`;

/** How the gate ended: accepted, declined, or dismissed (Escape or close, which is never acceptance; R12). */
export type Outcome = 'accept' | 'decline' | 'dismiss';

/** A clause in a bundle: document id plus clause id. */
export interface ClauseRef {
  document: string;
  clause: string;
}

/** Digests of a bundle, computed once per bundle (WebCrypto in browsers, node:crypto's webcrypto in Node). */
export interface BundleDigests {
  bundle: Digest;
  /** Per document id: the whole document, all its locales. */
  documents: Record<string, Digest>;
  /** Per document id, per locale, per clause id: the clause node as written in that locale. */
  clauses: Record<string, Record<Locale, Record<string, Digest>>>;
  /** Per consent id, per locale: the digest of `{ label, notice }` in that locale. */
  consents: Record<string, Record<Locale, Digest>>;
}

/** A moment, as an ISO 8601 UTC timestamp. */
export type Timestamp = string;

/** Requirements that were in force for this gate (R10, R11). */
export interface RequirementsInForce {
  requireRead: boolean;
  minReadSeconds: number;
  requireAcknowledge: boolean;
}

/** What a gate session recorded; plain data, so a host with its own UI can record it too. */
export interface RecordedFacts {
  outcome: Outcome;
  /** The locale the terms were shown in. */
  locale: Locale;
  openedAt: Timestamp;
  decidedAt: Timestamp;
  requirements: RequirementsInForce;
  /** Per marked clause (`document` + `clause`), total milliseconds on screen and when first seen. */
  visibility: Array<ClauseRef & { visibleMs: number; firstSeenAt?: Timestamp }>;
  explanations: Array<ClauseRef & { at: Timestamp; locale: Locale }>;
  acknowledgements: Array<ClauseRef & { at: Timestamp }>;
  checkbox: Array<{ checked: boolean; at: Timestamp }>;
  consents: Array<{ id: string; granted: boolean; at?: Timestamp }>;
  /** Documents the user opened in the modal. */
  documentsOpened: string[];
  /** Set when the gate was opened to show what changed since an earlier receipt. */
  changesShown?: { sinceVersion: string; clauses: ClauseRef[] };
  userAgent?: string;
  library: { name: string; version: string };
}

/** A marked clause in a receipt: what was shown (by digest) and what the user did with it. */
export interface ReceiptMarkedClause extends ClauseRef {
  /** Digest of the clause in the locale shown. */
  digest: Digest;
  kinds: HighlightKind[];
  critical: boolean;
  /** On screen at least once. */
  seen: boolean;
  visibleMs: number;
  firstSeenAt?: Timestamp;
  /** Whether the explanation was opened. */
  explained: boolean;
  /** When the user acknowledged it, for critical clauses. */
  acknowledgedAt?: Timestamp;
}

/**
 * The evidence of one outcome: what `buildReceipt()` makes, sealed by `sealReceipt()` with its
 * `integrity` digest.
 */
export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  outcome: Outcome;
  bundle: { id: string; version: string; digest: Digest };
  documents: Array<{ id: string; digest: Digest; effectiveDate: string; title: string; opened: boolean }>;
  locale: Locale;
  /** The locale whose text controls legally, per document. */
  controllingLocale: Record<string, Locale>;
  openedAt: Timestamp;
  decidedAt: Timestamp;
  requirements: RequirementsInForce & { met: boolean };
  marked: ReceiptMarkedClause[];
  explanations: Array<ClauseRef & { at: Timestamp; locale: Locale }>;
  checkbox: Array<{ checked: boolean; at: Timestamp }>;
  consents: Array<{ id: string; required: boolean; granted: boolean; at?: Timestamp; noticeDigest: Digest; locale: Locale }>;
  changesShown?: { sinceVersion: string; clauses: ClauseRef[] };
  userAgent?: string;
  library: { name: string; version: string };
  /**
   * `digestOf()` the receipt without this field: any later edit of the receipt, even of a fact only
   * the recorder knows, no longer matches it. Set by `sealReceipt()`.
   */
  integrity: Digest;
}

/** A receipt as `buildReceipt()` makes it, before `sealReceipt()` adds its `integrity`. */
export type UnsealedReceipt = Omit<Receipt, 'integrity'>;
