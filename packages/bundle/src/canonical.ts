/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one byte-exact JSON text per JSON value, so a digest
 * names content, not formatting. ECMAScript's own number and string serialisation is what RFC 8785
 * specifies, so `JSON.stringify` does the leaf work; only key order needs care.
 */
import { isWellFormed } from './unicode.ts';

/**
 * The RFC 8785 canonical JSON text of a JSON value: no whitespace, object keys sorted by UTF-16 code
 * units, numbers and strings as ECMAScript serialises them. Object members whose value is
 * `undefined` are left out, as `JSON.stringify` does.
 *
 * @throws RangeError for NaN or ±Infinity; TypeError for strings with lone surrogates and for
 *   values JSON cannot hold (functions, symbols, bigints, `undefined` outside an object member).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

/**
 * `canonicalJson(value)`, also storing in `texts` the canonical text of every object of `wanted`
 * met on the way. A parent's text is built from its children's, so digesting a tree's every subtree
 * costs one serialisation instead of one per level of nesting.
 */
export function canonicalJsonKeeping(value: unknown, wanted: ReadonlySet<object>, texts: Map<object, string>): string {
  return canonical(value, wanted, texts);
}

function canonical(value: unknown, wanted?: ReadonlySet<object>, texts?: Map<object, string>): string {
  if (typeof value == 'string') return stringJson(value);
  if (typeof value == 'number' && !Number.isFinite(value)) throw new RangeError(`${value} has no JSON form`);
  if (typeof value != 'object' || value === null) {
    const json = typeof value == 'bigint' ? undefined : JSON.stringify(value);
    if (json === undefined) throw new TypeError(`a ${typeof value} has no JSON form`);
    return json;
  }
  // A subtree already serialised on this pass (see `canonicalJsonKeeping`) is not serialised again.
  const kept = texts?.get(value);
  if (kept !== undefined) return kept;
  let json = '';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) json += (index ? ',' : '') + canonical(value[index], wanted, texts);
    json = `[${json}]`;
  } else {
    const record = value as Record<string, unknown>;
    // Array.prototype.sort compares strings by UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      json += `${json ? ',' : ''}${stringJson(key)}:${canonical(record[key], wanted, texts)}`;
    }
    json = `{${json}}`;
  }
  if (wanted?.has(value)) texts!.set(value, json);
  return json;
}

function stringJson(text: string): string {
  // RFC 8785 §3.2.2.2: strings must be valid Unicode; a lone surrogate would become U+FFFD in UTF-8.
  if (!isWellFormed(text)) throw new TypeError('a lone surrogate has no canonical form');
  return JSON.stringify(text);
}
