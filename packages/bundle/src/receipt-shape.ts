/**
 * The shape of a receipt, checked by hand as `schema/receipt.schema.json` describes it, so that
 * `verifyReceipt()` needs no JSON Schema engine in a browser. Every problem names its JSON path.
 */

/** One thing wrong with a receipt: the JSON path of the value and what is wrong with it. */
export interface ReceiptProblem {
  /** JSON path in the receipt, e.g. `marked[3].digest`; empty for the receipt as a whole. */
  path: string;
  message: string;
}

type Check = (value: unknown, path: string, problems: ReceiptProblem[]) => void;

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/** `path.key`, or `path["key"]` for keys that are not plain names, so every path reads back unambiguously. */
export const at = (path: string, key: string) =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/** A short quote of any value for a message. */
export function show(value: unknown): string {
  const json = typeof value == 'string' ? JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value) : safeJson(value);
  return json.length > 80 ? json.slice(0, 80) + '…' : json;
}
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True when `value` is an ISO 8601 timestamp as the schema allows that names a real moment. */
export function isTimestamp(value: unknown): value is string {
  if (typeof value != 'string' || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) return false;
  // Date.parse rolls 2026-02-30 over into March; a real date keeps its day.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() == month - 1 && probe.getUTCDate() == day && Number(value.slice(11, 13)) < 24;
}

const string: Check = (value, path, problems) => {
  if (typeof value != 'string') problems.push({ path, message: `expected a string, got ${show(value)}` });
};
const boolean: Check = (value, path, problems) => {
  if (typeof value != 'boolean') problems.push({ path, message: `expected true or false, got ${show(value)}` });
};
const count: Check = (value, path, problems) => {
  if (typeof value != 'number' || !Number.isFinite(value) || value < 0) problems.push({ path, message: `expected a number ≥ 0, got ${show(value)}` });
};
const digest: Check = (value, path, problems) => {
  if (typeof value != 'string' || !DIGEST.test(value)) problems.push({ path, message: `expected sha256: and 64 hex digits, got ${show(value)}` });
};
const timestamp: Check = (value, path, problems) => {
  if (!isTimestamp(value)) problems.push({ path, message: `expected an ISO 8601 timestamp, got ${show(value)}` });
};
const oneOf =
  (...allowed: string[]): Check =>
  (value, path, problems) => {
    if (!allowed.includes(value as string)) problems.push({ path, message: `expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${show(value)}` });
  };
const array =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push({ path, message: `expected an array, got ${show(value)}` });
    value.forEach((entry, index) => item(entry, `${path}[${index}]`, problems));
  };
const stringMap: Check = (value, path, problems) => {
  if (!isRecord(value)) return void problems.push({ path, message: `expected an object, got ${show(value)}` });
  for (const key of Object.keys(value)) string(value[key], at(path, key), problems);
};

/** An object with exactly these fields; a trailing `?` marks an optional one. */
const object =
  (fields: Record<string, Check>): Check =>
  (value, path, problems) => {
    if (!isRecord(value)) return void problems.push({ path, message: `expected an object, got ${show(value)}` });
    const known = new Map(Object.entries(fields).map(([name, check]) => [name.replace('?', ''), { check, optional: name.endsWith('?') }]));
    for (const key of Object.keys(value)) if (!known.has(key)) problems.push({ path: at(path, key), message: 'unknown field' });
    for (const [key, { check, optional }] of known) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (!optional) problems.push({ path: at(path, key), message: 'missing' });
      } else check(value[key], at(path, key), problems);
    }
  };

const clauseRef = { document: string, clause: string };

/** Mirrors `schema/receipt.schema.json`; a test keeps the two in step with ajv. */
const receipt = object({
  format: oneOf('terms-gate-receipt/1'),
  outcome: oneOf('accept', 'decline', 'dismiss'),
  bundle: object({ id: string, version: string, digest }),
  documents: array(object({ id: string, digest, effectiveDate: string, title: string, opened: boolean })),
  locale: string,
  controllingLocale: stringMap,
  openedAt: timestamp,
  decidedAt: timestamp,
  requirements: object({ requireRead: boolean, minReadSeconds: count, requireAcknowledge: boolean, met: boolean }),
  marked: array(
    object({
      ...clauseRef,
      digest,
      kinds: array(string),
      critical: boolean,
      seen: boolean,
      visibleMs: count,
      'firstSeenAt?': timestamp,
      explained: boolean,
      'acknowledgedAt?': timestamp,
    }),
  ),
  explanations: array(object({ ...clauseRef, at: timestamp, locale: string })),
  checkbox: array(object({ checked: boolean, at: timestamp })),
  consents: array(object({ id: string, required: boolean, granted: boolean, 'at?': timestamp, noticeDigest: digest, locale: string })),
  'changesShown?': object({ sinceVersion: string, clauses: array(object(clauseRef)) }),
  'userAgent?': string,
  library: object({ name: string, version: string }),
  integrity: digest,
});

/** Every way `value` differs from the receipt schema, each with its JSON path. */
export function receiptShapeProblems(value: unknown): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  receipt(value, '', problems);
  return problems.map((problem) => (problem.path == 'integrity' && problem.message == 'missing' ? { path: 'integrity', message: 'missing: the receipt is not sealed' } : problem));
}
