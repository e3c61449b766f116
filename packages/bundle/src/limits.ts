/**
 * Size limits that `parseBundle()` enforces, so that a hostile or broken bundle fails fast with a
 * clear error instead of hanging a page or overflowing the stack. Every limit can be raised per call.
 */

/** Limits on what `parseBundle()` accepts. */
export interface BundleLimits {
  /** Longest JSON text accepted, in UTF-16 code units (roughly bytes for Latin text). */
  maxJsonLength: number;
  /** Deepest nesting of arrays and objects, counted from the bundle itself (depth 1). */
  maxDepth: number;
  /** Most documents in one bundle. */
  maxDocuments: number;
  /** Most clause nodes in the whole bundle, counting every level and every translation. */
  maxClauses: number;
  /** Most array elements in the whole bundle, all arrays together. */
  maxItems: number;
  /** Longest single string, in UTF-16 code units. */
  maxStringLength: number;
  /** Errors (and, separately, warnings) reported before `parseBundle()` stops looking. */
  maxIssues: number;
}

/**
 * The defaults: generous for real terms (a long terms of service has a few hundred clauses and
 * under 200 KB of text in each language) and small enough that validation takes milliseconds.
 */
export const DEFAULT_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxJsonLength: 8 * 1024 * 1024,
  maxDepth: 64,
  maxDocuments: 32,
  maxClauses: 20_000,
  maxItems: 200_000,
  maxStringLength: 100_000,
  maxIssues: 200,
});
