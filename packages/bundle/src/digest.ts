/**
 * Content digests (R20, R21): SHA-256 over the RFC 8785 canonical JSON, so a digest names exactly the
 * text and marks shown, whatever the file's key order or whitespace. WebCrypto does the hashing in
 * browsers and in Node (`globalThis.crypto.subtle`), so both compute the same values with one code path.
 */
import { canonicalJson } from './canonical.ts';
import type { BundleDigests, Digest } from './receipt-types.ts';
import type { TermsBundle } from './types.ts';
import { allClauses, textsOf } from './walk.ts';

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const hash = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `sha256:` + hex SHA-256 of the canonical JSON of `value` (see `canonicalJson` for what it rejects). */
export async function digestOf(value: unknown): Promise<Digest> {
  return `sha256:${await sha256Hex(canonicalJson(value))}`;
}

/**
 * Every digest a receipt needs, for a bundle returned by `parseBundle()`:
 * - `bundle`: the whole bundle;
 * - `documents[id]`: the whole document, all its locales;
 * - `clauses[document][locale][clause]`: the clause node as written in that locale, with its subtree
 *   (and, in the controlling text, its highlight);
 * - `consents[id][locale]`: `{ label, notice }` in that locale, for each locale either is given in.
 */
export async function computeDigests(bundle: TermsBundle): Promise<BundleDigests> {
  const pending: Array<Promise<unknown>> = [];
  // Starts a digest and stores it under `key` of `record` when it is ready.
  const put = (record: Record<string, Digest>, key: string, value: unknown) =>
    pending.push(digestOf(value).then((digest) => (record[key] = digest)));
  const digests: BundleDigests = { bundle: await digestOf(bundle), documents: {}, clauses: {}, consents: {} };
  for (const document of bundle.documents) {
    put(digests.documents, document.id, document);
    const byLocale: Record<string, Record<string, Digest>> = (digests.clauses[document.id] = {});
    for (const text of textsOf(document)) {
      const byId: Record<string, Digest> = (byLocale[text.locale] = {});
      for (const clause of allClauses(text.clauses)) put(byId, clause.id, clause);
    }
  }
  for (const { id, label, notice } of bundle.consents ?? []) {
    const byLocale: Record<string, Digest> = (digests.consents[id] = {});
    for (const locale of new Set([...Object.keys(label), ...Object.keys(notice)])) {
      put(byLocale, locale, { label: label[locale], notice: notice[locale] });
    }
  }
  await Promise.all(pending);
  return digests;
}
