/**
 * The problems `parseBundle()` reports. Every issue names the JSON path of the offending value, so an
 * author can find it in the file, and carries a stable `code` that tools can switch on.
 */

/**
 * What kind of problem an issue is.
 * - `json`: the text is not JSON
 * - `limit`: a size limit was exceeded (see `BundleLimits`)
 * - `type`: a value has the wrong JSON type
 * - `required`: a required field is missing
 * - `empty`: a list or text that must not be empty is empty
 * - `format`: a string has the wrong shape (version, date, locale, id, URL)
 * - `enum`: a value is not one of the allowed ones
 * - `duplicate`: an id (or a translation locale) appears twice
 * - `reference`: a consent names a document or clause that does not exist
 * - `mismatch`: a translation's clause ids differ from its controlling text's
 * - `misplaced`: a field where it does not belong (a highlight inside a translation)
 * - `unsafe-url`: a link with a scheme other than http, https, mailto or tel
 * - `unsafe-key`: a key or id such as `__proto__` that could pollute prototypes
 * - `unknown-field`: a field this format does not define (warning)
 * - `no-explanation`: a marked clause has no explanation (warning, R5)
 * - `suggested`: a highlight a tool suggested that the author has not reviewed (warning)
 * - `internal`: reading the input threw (for example a getter on a hand-built object)
 */
export type IssueCode =
  | 'json'
  | 'limit'
  | 'type'
  | 'required'
  | 'empty'
  | 'format'
  | 'enum'
  | 'duplicate'
  | 'reference'
  | 'mismatch'
  | 'misplaced'
  | 'unsafe-url'
  | 'unsafe-key'
  | 'unknown-field'
  | 'no-explanation'
  | 'suggested'
  | 'internal';

/** One problem found in a bundle. */
export interface BundleIssue {
  /** JSON path of the value, e.g. `documents[0].clauses[3].id`; empty for the bundle as a whole. */
  path: string;
  code: IssueCode;
  /** What is wrong, without the path, e.g. `duplicate id "4.4" (first at documents[0].clauses[2].id)`. */
  message: string;
}

/** The one-line form `path: message` used by the CLI and by `BundleError`. */
export function formatIssue(issue: BundleIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Thrown by `assertBundle()`: the bundle is invalid; `issues` lists every error found. */
export class BundleError extends Error {
  /** Every error, in document order. */
  readonly issues: readonly BundleIssue[];

  constructor(issues: readonly BundleIssue[]) {
    super(`invalid terms bundle:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'BundleError';
    this.issues = issues;
  }
}
