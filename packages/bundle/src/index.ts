/**
 * `@terms-gate/bundle`: the terms bundle format and everything a gate needs at run time, with no DOM:
 * validation (`parseBundle`), canonical JSON and digests, receipts, and clause-tree helpers.
 * The Markdown importer lives at `@terms-gate/bundle/import` so it never ships to browsers by accident.
 */
export * from './types.ts';
export * from './receipt-types.ts';
export { parseBundle, assertBundle, type ParseResult } from './parse.ts';
export { BundleError, formatIssue, type BundleIssue, type IssueCode } from './issues.ts';
export { DEFAULT_LIMITS, type BundleLimits } from './limits.ts';
export { canonicalJson } from './canonical.ts';
export { sha256Hex, digestOf, computeDigests, type DigestOptions } from './digest.ts';
export { buildReceipt, sealReceipt } from './receipt.ts';
export { buildConsentReceipt, CONSENT_RECEIPT_FORMAT, type ConsentReceipt, type ConsentChangeFacts } from './consent-receipt.ts';
export { allClauses, textsOf, textFor, findClause, markedClauses, shownLocale } from './walk.ts';
