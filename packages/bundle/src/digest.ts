/**
 * Content digests (R20, R21): SHA-256 over the RFC 8785 canonical JSON, so a digest names exactly the
 * text and marks shown, whatever the file's key order or whitespace. WebCrypto does the hashing in
 * browsers and in Node (`globalThis.crypto.subtle`), so both compute the same values with one code path.
 */
import { canonicalJson, canonicalJsonKeeping } from './canonical.ts';
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
  // One canonical pass over the bundle keeps the text of every document and clause on the way, so
  // no subtree is serialised twice; only the hashing is per subtree.
  const wanted = new Set<object>();
  for (const document of bundle.documents) {
    wanted.add(document);
    for (const text of textsOf(document)) allClauses(text.clauses).forEach((clause) => wanted.add(clause));
  }
  const texts = new Map<object, string>();
  const pending: Array<Promise<unknown>> = [];
  // Starts hashing `json` and stores the digest under `key` of `record` when it is ready. The key is
  // claimed at once, so every record lists its keys in document order however the hashes resolve.
  const put = (record: Record<string, Digest>, key: string, json: string) => {
    record[key] = '' as Digest;
    pending.push(sha256Hex(json).then((hex) => (record[key] = `sha256:${hex}`)));
  };
  const digests: BundleDigests = { bundle: '' as Digest, documents: {}, clauses: {}, consents: {} };
  put(digests as unknown as Record<string, Digest>, 'bundle', canonicalJsonKeeping(bundle, wanted, texts));
  for (const document of bundle.documents) {
    put(digests.documents, document.id, texts.get(document)!);
    const byLocale: Record<string, Record<string, Digest>> = (digests.clauses[document.id] = {});
    for (const text of textsOf(document)) {
      const byId: Record<string, Digest> = (byLocale[text.locale] = {});
      for (const clause of allClauses(text.clauses)) put(byId, clause.id, texts.get(clause)!);
    }
  }
  for (const { id, label, notice } of bundle.consents ?? []) {
    const byLocale: Record<string, Digest> = (digests.consents[id] = {});
    for (const locale of new Set([...Object.keys(label), ...Object.keys(notice)])) {
      put(byLocale, locale, canonicalJson({ label: label[locale], notice: notice[locale] }));
    }
  }
  await Promise.all(pending);
  return digests;
}
