/**
 * Clause ids: the document's own numbering where it has one ("6.2.2", "第十九条", "9.1(a)"), a slug
 * of the heading otherwise, and a suffix when an id is already taken, so ids are unique per document
 * and stable as long as the text they come from is.
 */
import type { Numbering } from './numbering.ts';
import { slugify } from './text-shape.ts';

// parseBundle refuses these as ids because digests and receipts use ids as object keys.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The ids handed out in one document text. */
export class ClauseIds {
  private readonly used = new Set<string>();

  /** Takes `wanted`, or `wanted-2`, `wanted-3`… if it is taken or reserved. */
  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.used.has(id) || RESERVED.has(id); n++) id = `${wanted}-${n}`;
    this.used.add(id);
    return id;
  }
}

/**
 * The id a numbered clause asks for: its number alone if the number is unique in the document,
 * otherwise qualified by the nearest numbered ancestor ("B" + "1." → "B.1", "第十九条" + "（一）" →
 * "第十九条（一）"). A Chinese "一、" asks for "1", so that its "1.1" children read consistently.
 */
export function numberedId(numbering: Pick<Numbering, 'key' | 'scope'>, ancestorId: string | undefined): string {
  if (numbering.scope === 'absolute' || ancestorId === undefined) return numbering.key;
  return numbering.scope === 'attached' ? ancestorId + numbering.key : `${ancestorId}.${numbering.key}`;
}

/** The id an unnumbered heading asks for: its explicit anchor, a slug of its text, or `s` + its position. */
export function headingId(text: string, anchor: string | undefined, ordinal: number): string {
  return anchor || slugify(text) || `s${ordinal}`;
}
