/**
 * `parseBundle()`: the authority on what a valid terms bundle is.
 *
 * Hand-written rather than a JSON Schema engine because it ships to browsers inside the gate's byte
 * budget. The shape is described by small tables of field checkers; each checker validates one value,
 * reports problems with the value's JSON path, and returns a fresh copy holding only known fields.
 * Building the result from scratch is what keeps `__proto__` and friends from ever reaching the
 * caller's objects.
 */
import { BUNDLE_FORMAT, HIGHLIGHT_KINDS, type TermsBundle } from './types.ts';
import { BundleError, type BundleIssue, type IssueCode } from './issues.ts';
import { DEFAULT_LIMITS, type BundleLimits } from './limits.ts';
import { isWellFormed } from './unicode.ts';

/** What `parseBundle()` returns: the clean bundle, or every error found. Warnings come either way. */
export type ParseResult =
  | { ok: true; bundle: TermsBundle; warnings: BundleIssue[] }
  | { ok: false; errors: BundleIssue[]; warnings: BundleIssue[] };

/**
 * Where a value sits in the input. Built as a chain and spelled out (`documents[0].clauses[3].id`)
 * only when a problem is reported: a valid megabyte bundle has tens of thousands of values, and
 * writing out every path would cost more than checking them.
 */
type Path = string | { up: Path; key: string | number };
/** Validates one value and returns its clean copy, or `undefined` after reporting why not. */
type Check = (value: any, path: Path) => any;
/** Field name → checker; a trailing `!` in the name marks a required field. */
type Fields = Record<string, Check>;

// State of the one parse in progress. Parsing is synchronous and never re-entered, so module state
// is safe and keeps every checker a one-liner.
let errors: BundleIssue[];
let warnings: BundleIssue[];
let limits: BundleLimits;
let depth: number;
let items: number;
let clauseCount: number;
let inTranslation: boolean;
/** Clause id → path of its first occurrence, for the document text being read. */
let clauseIds: Map<string, Path>;
/** Clause ids of every document text read, keyed by the clean copy of that text. */
let textIds: Map<object, Map<string, Path>>;

/** Thrown to stop at a limit; never escapes `parseBundle()`. */
const STOP = {};
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

const quote = (text: string) => JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text) as string;
const join = (path: Path, key: string | number): Path => ({ up: path, key });
function pathText(path: Path): string {
  if (typeof path == 'string') return path;
  const up = pathText(path.up);
  return typeof path.key == 'number' ? `${up}[${path.key}]` : up ? `${up}.${path.key}` : path.key;
}
const own = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

function report(list: BundleIssue[], path: Path, code: IssueCode, message: string): undefined {
  if (list.length < limits.maxIssues) list.push({ path: pathText(path), code, message });
  else if (list === errors) {
    list.push({ path: '', code: 'limit', message: `more than ${limits.maxIssues} errors; stopped looking` });
    throw STOP;
  }
}
const fail = (path: Path, code: IssueCode, message: string) => report(errors, path, code, message);
const warn = (path: Path, code: IssueCode, message: string) => report(warnings, path, code, message);
function stopAt(path: Path, message: string): never {
  fail(path, 'limit', message);
  throw STOP;
}

// ---- scalars -------------------------------------------------------------------------------

// A lone surrogate is not Unicode: RFC 8785 cannot canonicalise it, and UTF-8 would turn it into
// U+FFFD, so two different texts could share a digest.
const string: Check = (value, path) =>
  typeof value != 'string'
    ? fail(path, 'type', 'expected a string')
    : value.length > limits.maxStringLength
      ? fail(path, 'limit', `longer than ${limits.maxStringLength} characters`)
      : !isWellFormed(value)
        ? fail(path, 'format', 'not valid Unicode (lone surrogate)')
        : value;

const text: Check = (value, path) => {
  const result = string(value, path);
  return result === '' ? fail(path, 'empty', 'must not be empty') : result;
};

/** A string matching `pattern`; `what` says what was expected. */
const shaped =
  (pattern: RegExp, what: string): Check =>
  (value, path) => {
    const result = string(value, path);
    return result === undefined || pattern.test(result) ? result : fail(path, 'format', `expected ${what}, got ${quote(result)}`);
  };

const boolean: Check = (value, path) => (typeof value == 'boolean' ? value : fail(path, 'type', 'expected true or false'));

const oneOf =
  (allowed: readonly unknown[]): Check =>
  (value, path) =>
    allowed.includes(value) ? value : fail(path, 'enum', `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);

const locale = shaped(/^[a-zA-Z]{2,8}(-[a-zA-Z\d]{1,8})*$/, 'a language tag like "zh-CN"');
const version = shaped(/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'MAJOR.MINOR like "1.0"');

const date: Check = (value, path) => {
  const result = shaped(/^\d{4}-\d\d-\d\d$/, 'a date YYYY-MM-DD')(value, path);
  // Date rolls 2025-02-30 over into March; a real date survives the round trip unchanged.
  const time = result && Date.parse(result + 'T00:00:00Z');
  if (result && (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== result)) {
    return fail(path, 'format', `${quote(result)} is not a real date`);
  }
  return result;
};

/** Ids become object keys in digests and receipts, so they must not be prototype keys. */
const id: Check = (value, path) => {
  const result = shaped(/^[^\s\p{Cc}]([^\p{Cc}]{0,198}[^\s\p{Cc}])?$/u, 'an id of 1-200 characters, no control characters or edge spaces')(value, path);
  return result && UNSAFE_KEYS.includes(result) ? fail(path, 'unsafe-key', `${quote(result)} cannot be an id`) : result;
};

/**
 * A link a renderer may put in `href`. The URL parser drops tabs and newlines inside a scheme, so
 * `java\tscript:` parses as `javascript:`; any whitespace or control character is rejected outright.
 */
const url: Check = (value, path) => {
  const result = string(value, path);
  if (result === undefined) return;
  if (/[\0-\x20\x7f-\x9f\u2028\u2029]/.test(result)) return fail(path, 'unsafe-url', 'whitespace or control character in URL');
  let scheme;
  try {
    scheme = new URL(result, 'https://base.invalid/').protocol;
  } catch {
    return fail(path, 'format', `not a URL: ${quote(result)}`);
  }
  return /^(https?|mailto|tel):$/.test(scheme)
    ? result
    : fail(path, 'unsafe-url', `unsafe scheme "${scheme}" (allowed: http, https, mailto, tel, relative)`);
};

const seconds: Check = (value, path) =>
  typeof value == 'number' && Number.isFinite(value) && value >= 0 ? value : fail(path, 'type', 'expected a number ≥ 0');

// ---- structure -----------------------------------------------------------------------------

/** Counts nesting, so hand-built cyclic or very deep objects stop at `maxDepth`. */
function nested<T>(path: Path, read: () => T): T {
  if (++depth > limits.maxDepth) stopAt(path, `nested deeper than ${limits.maxDepth} levels`);
  try {
    return read();
  } finally {
    depth--;
  }
}

/** An object with the given fields; unknown fields are warnings, prototype keys errors. */
const object = (fields: Fields): Check => {
  const specs = Object.entries(fields).map(([name, check]) => ({ key: name.replace('!', ''), required: name.endsWith('!'), check }));
  const known = new Set(specs.map((spec) => spec.key));
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'type', 'expected an object');
    return nested(path, () => {
      for (const key of Object.keys(value)) {
        if (UNSAFE_KEYS.includes(key)) fail(join(path, key), 'unsafe-key', `forbidden key "${key}"`);
        else if (!known.has(key)) warn(join(path, key), 'unknown-field', `unknown field ${quote(key)}`);
      }
      const copy: Record<string, unknown> = {};
      for (const { key, required, check } of specs) {
        const field = own(value, key) ? value[key] : undefined;
        if (field === undefined) {
          if (required) fail(join(path, key), 'required', 'missing required field');
        } else {
          const result = check(field, join(path, key));
          if (result !== undefined) copy[key] = result;
        }
      }
      return copy;
    });
  };
};

/**
 * An array of `check`ed items; `nonEmpty` rejects `[]`; `most` names the limit on its length.
 * Items that fail stay `undefined` in the copy, so indexes keep matching paths.
 */
const array =
  (check: Check, nonEmpty?: boolean, most?: 'maxDocuments'): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'type', 'expected an array');
    if (most && value.length > limits[most]) stopAt(path, `more than ${limits[most]} documents`);
    if ((items += value.length) > limits.maxItems) stopAt(path, `more than ${limits.maxItems} array items`);
    if (nonEmpty && !value.length) return fail(path, 'empty', 'must not be empty');
    return nested(path, () => value.map((item, index) => check(item, join(path, index))));
  };

/** A `Localized<T>`: locale tag → value, at least one locale. */
const localized =
  (check: Check): Check =>
  (value, path) => {
    if (!isObject(value)) return fail(path, 'type', 'expected an object');
    const keys = Object.keys(value);
    if (!keys.length) return fail(path, 'empty', 'must not be empty');
    const copy: Record<string, unknown> = {};
    // The locale pattern admits no prototype key, so assigning to `copy` is safe.
    for (const key of keys) if (locale(key, join(path, key)) !== undefined) copy[key] = check(value[key], join(path, key));
    return copy;
  };

/** Picks a checker by the value's `type` field. */
const byType =
  (variants: Record<string, Check>): Check =>
  (value, path) =>
    isObject(value) && own(variants, value.type as string)
      ? variants[value.type as string]!(value, path)
      : isObject(value)
        ? fail(join(path, 'type'), 'enum', `expected one of ${Object.keys(variants).map((t) => `"${t}"`).join(', ')}`)
        : fail(path, 'type', 'expected an object');

const richInline = object({ 'text!': string, strong: boolean, emphasis: boolean, href: url });
const inline: Check = (value, path) => (typeof value == 'string' ? string(value, path) : richInline(value, path));

const inlines = array(inline);

const blocks = array(
  byType({
    paragraph: object({ 'type!': oneOf(['paragraph']), 'text!': inlines }),
    list: object({ 'type!': oneOf(['list']), ordered: boolean, 'items!': array(inlines, true) }),
  }),
);

const localizedText = localized(text);

const plainHighlight = object({
  'kinds!': array(oneOf(HIGHLIGHT_KINDS), true),
  critical: boolean,
  explanation: localized(object({ 'summary!': text, consequence: text })),
  'source!': oneOf(['author', 'suggested']),
  cue: string,
});

const highlight: Check = (value, path) => {
  if (inTranslation) return fail(path, 'misplaced', 'highlights belong in the controlling text only');
  const result = plainHighlight(value, path);
  if (result && !result.explanation) warn(path, 'no-explanation', 'marked clause has no explanation');
  if (result?.source == 'suggested') warn(path, 'suggested', 'suggested highlight, not reviewed yet');
  return result;
};

/** Records `key` as first seen at `path`, or reports it as a duplicate of an earlier one. */
function claim(seen: Map<string, Path>, key: string | undefined, path: Path, what = 'id') {
  if (key === undefined) return;
  const first = seen.get(key);
  if (first !== undefined) fail(path, 'duplicate', `duplicate ${what} ${quote(key)} (first at ${pathText(first)})`);
  else seen.set(key, path);
}

/** A clause id, unique within its document text. */
const clauseId: Check = (value, path) => {
  const result = id(value, path);
  claim(clauseIds, result, path);
  return result;
};

const clauseFields: Fields = {
  'id!': clauseId,
  kind: oneOf(['section', 'clause', 'item']),
  number: string,
  heading: inlines,
  body: blocks,
  clauses: array((value, path) => clause(value, path)),
  highlight,
};
const plainClause = object(clauseFields);
function clause(value: unknown, path: Path) {
  if (++clauseCount > limits.maxClauses) stopAt(path, `more than ${limits.maxClauses} clauses`);
  return plainClause(value, path);
}

const textFields: Fields = {
  'locale!': locale,
  'title!': text,
  preamble: blocks,
  'clauses!': array(clause, true),
  closing: blocks,
};

/** A document text with its own clause-id scope; remembers the ids for the translation check. */
const documentText =
  (fields: Fields, translation: boolean): Check =>
  (value, path) => {
    const outer = [clauseIds, inTranslation] as const;
    const ids = (clauseIds = new Map());
    inTranslation = translation;
    try {
      const result = object(fields)(value, path);
      if (result) textIds.set(result, ids);
      return result;
    } finally {
      [clauseIds, inTranslation] = outer;
    }
  };

const translation = documentText(textFields, true);

/** Translations repeat the controlling text's clause ids, no more and no fewer, each in its own locale. */
function checkTranslations(document: any, path: Path) {
  // When the controlling clauses are unreadable, comparing ids would only repeat that error.
  const controlling = Array.isArray(document.clauses) && textIds.get(document);
  const locales = new Map<string, Path>([[document.locale, join(path, 'locale')]]);
  document.translations?.forEach((text: any, index: number) => {
    const at = join(join(path, 'translations'), index);
    const ids = text && textIds.get(text);
    if (!text || !controlling || !ids) return;
    claim(locales, text.locale, join(at, 'locale'), 'locale');
    const lacking = (label: string, from: Map<string, Path>, to: Map<string, Path>) =>
      [...from.keys()].filter((key) => !to.has(key)).map((key) => label + quote(key));
    const differences = [...lacking('missing ', controlling, ids), ...lacking('extra ', ids, controlling)];
    if (differences.length) {
      fail(join(at, 'clauses'), 'mismatch', `clause ids differ from the controlling text: ${differences.slice(0, 9).join(', ')}`);
    }
  });
}

// `translations` comes last so the controlling text's clause ids are all known before them.
const controllingText = documentText({ 'id!': id, ...textFields, 'effectiveDate!': date, translations: array(translation) }, false);

const document: Check = (value, path) => {
  const result = controllingText(value, path);
  if (result) checkTranslations(result, path);
  return result;
};

const consent = object({
  'id!': id,
  'required!': boolean,
  'label!': localizedText,
  'notice!': localizedText,
  document: id,
  clauses: array(id),
});

const readBundle = object({
  $schema: string,
  'format!': oneOf([BUNDLE_FORMAT]),
  'id!': id,
  'version!': version,
  publisher: object({ 'name!': localizedText, contact: url }),
  'documents!': array(document, true, 'maxDocuments'),
  consents: array(consent),
  gate: object({ requireRead: boolean, minReadSeconds: seconds, requireAcknowledge: boolean, secondChance: boolean }),
});

/** Reports the second and later use of each `id` in a list of objects. */
function checkUnique(list: any[] | undefined, path: string) {
  const seen = new Map<string, Path>();
  list?.forEach((item, index) => claim(seen, item?.id, `${path}[${index}].id`));
}

/** Consents must name documents and clauses that exist. */
function checkConsentReferences(bundle: any) {
  const documents: any[] = (bundle.documents ?? []).filter(Boolean);
  if (!documents.length) return;
  bundle.consents?.forEach((consent: any, index: number) => {
    const at = `consents[${index}]`;
    if (!consent) return;
    const target = consent.document === undefined ? documents[0] : documents.find((d) => d.id === consent.document);
    if (!target) return fail(at + '.document', 'reference', `unknown document ${quote(consent.document)}`);
    // A document whose id or clauses are unreadable has already been reported.
    const ids = target.id !== undefined && Array.isArray(target.clauses) && textIds.get(target);
    consent.clauses?.forEach((clauseId: string | undefined, i: number) => {
      if (ids && clauseId !== undefined && !ids.has(clauseId)) {
        fail(`${at}.clauses[${i}]`, 'reference', `unknown clause ${quote(clauseId)} in document ${quote(target.id)}`);
      }
    });
  });
}

/** Nesting depth of a JSON text, found by one pass over its brackets, stopping once past `max`. */
function exceedsDepth(json: string, max: number): boolean {
  let level = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code == 92) i++; // backslash: skip the escaped character
      else if (code == 34) inString = false;
    } else if (code == 34) inString = true;
    else if (code == 91 || code == 123) {
      if (++level > max) return true;
    } else if (code == 93 || code == 125) level--;
  }
  return false;
}

/**
 * Validates a terms bundle and returns a clean copy of it.
 *
 * @param input A JSON text, or a value already parsed from JSON.
 * @param options Limits to use instead of `DEFAULT_LIMITS`, e.g. `{ maxJsonLength: 1e6 }`.
 * @returns `{ ok: true, bundle, warnings }` with a fresh bundle that holds only fields this format
 *   defines, or `{ ok: false, errors, warnings }` listing every error found, each with its JSON path.
 *   Never throws, whatever the input.
 */
export function parseBundle(input: unknown, options?: Partial<BundleLimits>): ParseResult {
  errors = [];
  warnings = [];
  limits = { ...DEFAULT_LIMITS, ...options };
  depth = items = clauseCount = 0;
  textIds = new Map();
  clauseIds = new Map();
  inTranslation = false;
  let bundle: any;
  try {
    if (typeof input == 'string') {
      if (input.length > limits.maxJsonLength) stopAt('', `JSON text longer than ${limits.maxJsonLength} characters`);
      // Checked before JSON.parse so that no engine's parser is asked to recurse that deep.
      if (exceedsDepth(input, limits.maxDepth)) stopAt('', `JSON nested deeper than ${limits.maxDepth} levels`);
      try {
        input = JSON.parse(input);
      } catch (error) {
        fail('', 'json', `not valid JSON: ${(error as Error).message}`);
        throw STOP;
      }
    }
    bundle = readBundle(input, '');
    if (bundle) {
      checkUnique(bundle.documents, 'documents');
      checkUnique(bundle.consents, 'consents');
      checkConsentReferences(bundle);
    }
  } catch (error) {
    if (error !== STOP) errors.push({ path: '', code: 'internal', message: `could not read the bundle: ${error instanceof Error ? error.message : 'it threw'}` });
  }
  const result: ParseResult = errors.length ? { ok: false, errors, warnings } : { ok: true, bundle, warnings };
  // Drop references to the input so it can be garbage-collected.
  textIds = clauseIds = undefined as never;
  return result;
}

/**
 * Like `parseBundle()`, but returns the bundle directly and throws a `BundleError` listing every
 * error when it is invalid. Warnings are dropped; use `parseBundle()` to see them.
 */
export function assertBundle(input: unknown, options?: Partial<BundleLimits>): TermsBundle {
  const result = parseBundle(input, options);
  if (!result.ok) throw new BundleError(result.errors);
  return result.bundle;
}
