/**
 * `@terms-gate/bundle/evidence`: tools that check evidence and versions after the fact, kept out of
 * the main entry so a gate in a browser does not carry them: `verifyReceipt` (R21), `verifyConsentReceipt` (R18), `diffBundles`,
 * `changedClauses` and `isMajorChange` (R19), and `lintBundle` (R3, R5, R6, R15, R16).
 * No DOM, no network: the same code runs in Node and in browsers.
 */
export { verifyReceipt, type VerifyResult, type ReceiptProblem } from './verify.ts';
export { verifyConsentReceipt } from './verify-consent.ts';
export {
  diffBundles,
  changedClauses,
  isMajorChange,
  ownText,
  type BundleDiff,
  type ClauseChange,
  type ClausePlace,
  type DocumentChanges,
  type TextChanges,
  type DiffWarning,
} from './diff.ts';
export { diffWords, formatWordDiff, wordsOf, type WordDiffPart } from './word-diff.ts';
export { lintBundle, type LintResult, type LintIssue, type LintCode, type LintOptions } from './lint.ts';
export { contrastRatio, parseColor } from './contrast.ts';
