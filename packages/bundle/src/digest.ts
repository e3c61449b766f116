/**
 * Content digests (R20, R21): SHA-256 over the RFC 8785 canonical JSON, so a digest names exactly the
 * text and marks shown, whatever the file's key order or whitespace. The same code computes them in
 * browsers and in Node (see `sha256Hex` for which texts WebCrypto hashes).
 */
import { canonicalJson, canonicalJsonKeeping } from './canonical.ts';
import type { BundleDigests, Digest } from './receipt-types.ts';
import { sha256HexSync } from './sha256.ts';
import type { TermsBundle } from './types.ts';
import { allClauses, textsOf } from './walk.ts';

/** Texts at least this long are hashed by WebCrypto where the page has it; shorter ones in JavaScript. */
const NATIVE_FROM = 4_096;

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of `text`. A long text goes to WebCrypto, whose native
 * hashing outruns JavaScript once the text is long enough to pay for the round trip; a short one,
 * or any text where `crypto.subtle` is missing (pages served over plain HTTP), is hashed here.
 */
export function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || text.length < NATIVE_FROM) return Promise.resolve(sha256HexSync(text));
  return subtle.digest('SHA-256', new TextEncoder().encode(text)).then((hash) => Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join(''));
}

/** `sha256:` + hex SHA-256 of the canonical JSON of `value` (see `canonicalJson` for what it rejects). */
export async function digestOf(value: unknown): Promise<Digest> {
  return `sha256:${await sha256Hex(canonicalJson(value))}`;
}

/** How `computeDigests` shares the thread with the page. */
export interface DigestOptions {
  /**
   * Hand the thread back (a macrotask, so the page can paint and answer input) whenever this many
   * milliseconds have gone into the digests since the last time; by default it never pauses on purpose.
   */
  yieldAfterMs?: number;
  /**
   * How to hand the thread back when `yieldAfterMs` have passed: called with the function that goes
   * on. By default a macrotask (`setTimeout`); a page may pass `requestIdleCallback`, for instance.
   */
  yieldTo?: (resume: () => void) => void;
}

/**
 * Every digest a receipt needs, for a bundle returned by `parseBundle()`:
 * - `bundle`: the whole bundle;
 * - `documents[id]`: the whole document, all its locales;
 * - `clauses[document][locale][clause]`: the clause node as written in that locale, with its subtree
 *   (and, in the controlling text, its highlight);
 * - `consents[id][locale]`: `{ label, notice }` in that locale, for each locale either is given in.
 * Every record lists its keys in document order.
 */
export async function computeDigests(bundle: TermsBundle, options: DigestOptions = {}): Promise<BundleDigests> {
  const pause = pauser(options.yieldAfterMs, options.yieldTo);
  // One canonical pass over the bundle keeps the text of every document and clause on the way, so
  // no subtree is serialised twice; only the hashing is per subtree. The pass goes one top-level
  // clause at a time, so it can pause in between; the bundle's own text reuses what was kept.
  const wanted = new Set<object>();
  for (const document of bundle.documents) {
    wanted.add(document);
    for (const text of textsOf(document)) allClauses(text.clauses).forEach((clause) => wanted.add(clause));
  }
  const texts = new Map<object, string>();
  for (const document of bundle.documents) {
    for (const text of textsOf(document)) {
      for (const clause of text.clauses) {
        canonicalJsonKeeping(clause, wanted, texts);
        await pause();
      }
    }
  }
  const digestOfText = async (json: string): Promise<Digest> => `sha256:${await sha256Hex(json)}`;
  const digests: BundleDigests = { bundle: await digestOfText(canonicalJsonKeeping(bundle, wanted, texts)), documents: {}, clauses: {}, consents: {} };
  for (const document of bundle.documents) {
    digests.documents[document.id] = await digestOfText(texts.get(document)!);
    const byLocale: Record<string, Record<string, Digest>> = (digests.clauses[document.id] = {});
    for (const text of textsOf(document)) {
      const byId: Record<string, Digest> = (byLocale[text.locale] = {});
      for (const clause of allClauses(text.clauses)) {
        byId[clause.id] = await digestOfText(texts.get(clause)!);
        await pause();
      }
    }
  }
  for (const { id, label, notice } of bundle.consents ?? []) {
    const byLocale: Record<string, Digest> = (digests.consents[id] = {});
    for (const locale of new Set([...Object.keys(label), ...Object.keys(notice)])) {
      byLocale[locale] = await digestOf({ label: label[locale], notice: notice[locale] });
    }
  }
  return digests;
}

/** A function that hands the thread back (through `yieldTo`) once `budgetMs` have passed since it last did, else returns at once. */
function pauser(budgetMs: number | undefined, yieldTo: (resume: () => void) => void = (resume) => setTimeout(resume)): () => Promise<void> | void {
  if (budgetMs === undefined) return () => {};
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return;
    return new Promise<void>((resume) =>
      yieldTo(() => {
        since = performance.now();
        resume();
      }),
    );
  };
}
