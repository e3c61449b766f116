import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import seedJson from '../../../demo/terms/xiaoyi.json';
import { canonicalJson } from './canonical.ts';
import { computeDigests } from './digest.ts';
import { assertBundle } from './parse.ts';
import { buildReceipt, sealReceipt } from './receipt.ts';
import { receiptShapeProblems } from './receipt-shape.ts';
import type { BundleDigests, Receipt, RecordedFacts } from './receipt-types.ts';
import receiptSchema from './schema/receipt.schema.json';
import type { Clause, TermsBundle } from './types.ts';
import { verifyReceipt } from './verify.ts';
import { allClauses, markedClauses } from './walk.ts';

const TOS = 'terms-of-service';
const ajvValid = new Ajv2020({ allErrors: true, strict: true }).compile(receiptSchema);

let bundle: TermsBundle;
let digests: BundleDigests;
beforeAll(async () => {
  bundle = assertBundle(seedJson);
  digests = await computeDigests(bundle);
});

const time = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, seconds)).toISOString();

/**
 * A user who read the whole seed in `locale` for 95 seconds, opened two explanations, acknowledged
 * the three critical clauses, unticked and ticked the checkbox again, granted the optional consent
 * and accepted, in the "what changed" mode.
 */
function facts(locale = 'zh-CN', overrides: Partial<RecordedFacts> = {}): RecordedFacts {
  const marked = markedClauses(bundle);
  return {
    outcome: 'accept',
    locale,
    openedAt: time(0),
    decidedAt: time(95),
    requirements: { requireRead: true, minReadSeconds: 30, requireAcknowledge: true },
    visibility: marked.map(({ document, clause }, index) => ({ document, clause: clause.id, visibleMs: 1500 + index * 10, firstSeenAt: time(3 + index * 3) })),
    explanations: [
      { document: TOS, clause: '4.4', at: time(40), locale },
      { document: TOS, clause: '6.2.2', at: time(60), locale },
    ],
    acknowledgements: marked.filter(({ clause }) => clause.highlight!.critical).map(({ document, clause }, index) => ({ document, clause: clause.id, at: time(70 + index) })),
    checkbox: [
      { checked: true, at: time(80) },
      { checked: false, at: time(82) },
      { checked: true, at: time(84) },
    ],
    consents: [{ id: 'third-party-sharing', granted: true, at: time(88) }],
    documentsOpened: [TOS],
    changesShown: { sinceVersion: '0.9', clauses: [{ document: TOS, clause: '4.4' }, { document: TOS, clause: '6.4.1' }] },
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
    library: { name: '@terms-gate/elements', version: '0.1.0' },
    ...overrides,
  };
}

const receiptFor = (locale?: string, overrides?: Partial<RecordedFacts>) => sealReceipt(buildReceipt(bundle, digests, facts(locale, overrides)));

/** Every leaf of a JSON value with its path as `verifyReceipt` names it, plus every array. */
function leaves(value: unknown, path = ''): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value)) return [{ path, value }, ...value.flatMap((item, index) => leaves(item, `${path}[${index}]`))];
  if (typeof value == 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  return [{ path, value }];
}

/** Sets the value at a path such as `marked[3].digest` in a copy of `root`. */
function setAt<T>(root: T, path: string, update: (value: any) => unknown): T {
  const copy: any = structuredClone(root);
  const keys = path.match(/[^.[\]]+/g)!.map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key];
  const last = keys.at(-1)!;
  parent[last] = update(parent[last]);
  return copy;
}

/** One tampering per leaf (string +1 character, number +1, boolean flipped) and per array element (removed), plus a repeated element per array. */
function tamperings(receipt: Receipt): Array<{ path: string; what: string; receipt: Receipt }> {
  return leaves(receipt).flatMap(({ path, value }) => {
    if (typeof value == 'string') return [{ path, what: 'string edited', receipt: setAt(receipt, path, (s: string) => s + 'x') }];
    if (typeof value == 'number') return [{ path, what: 'number edited', receipt: setAt(receipt, path, (n: number) => n + 1) }];
    if (typeof value == 'boolean') return [{ path, what: 'boolean flipped', receipt: setAt(receipt, path, (b: boolean) => !b) }];
    if (!Array.isArray(value) || !value.length) return [];
    return [
      ...value.map((_, index) => ({ path: `${path}[${index}]`, what: 'removed', receipt: setAt(receipt, path, (items: unknown[]) => items.filter((__, i) => i !== index)) })),
      { path, what: 'repeated', receipt: setAt(receipt, path, (items: unknown[]) => [...items, structuredClone(items.at(-1))]) },
    ];
  });
}

/**
 * Edits no bundle can reveal: facts only the recorder knows. The receipt's `integrity` digest is
 * the only thing that catches them, and its message says so.
 */
const RECORDER_ONLY = [
  /^documents\[\d+\]\.opened boolean flipped$/,
  /^requirements\.(requireRead|requireAcknowledge) boolean flipped$/, // turning a met requirement off leaves it met
  /^requirements\.minReadSeconds number edited$/, // 31 s of 95 is still met
  /^marked\[\d+\]\.visibleMs number edited$/,
  /^consents\[0\]\.granted boolean flipped$/, // the seed's only consent is optional
  /^explanations repeated$/, // opening an explanation twice is normal
  /^changesShown\.clauses\[\d+\] removed$/, // which changes were shown depends on the earlier version
  /^userAgent string edited$/,
  /^library\.(name|version) string edited$/,
];
const recorderOnly = (label: string) => RECORDER_ONLY.some((pattern) => pattern.test(label));

/** The clause id of a removed item such as `explanations[1]`, which the entry referring to it names. */
function removedClause(receipt: Receipt, path: string): string {
  const [, array, index] = path.match(/^(\w+)\[(\d+)\]$/) ?? [];
  const item = array ? (receipt as any)[array]?.[Number(index)] : undefined;
  return item?.clause ?? '\0';
}

/** Paths of the marked clauses whose digest covers `id`: the clause itself and its marked ancestors. */
function markedCovering(bundle: TermsBundle, text: { clauses: Clause[] }, id: string): string[] {
  return markedClauses(bundle).flatMap(({ clause }, index) => {
    const node = allClauses(text.clauses).find((c) => c.id == clause.id)!;
    return allClauses([node]).some((c) => c.id == id) ? [`marked[${index}].digest`] : [];
  });
}

/** Changes the first character of the clause's own text (not its sub-clauses). */
function editClauseText(clause: Clause) {
  const block = clause.body?.[0];
  const runs = block?.type == 'paragraph' ? block.text : block?.type == 'list' ? block.items[0]! : clause.heading!;
  const first = runs[0]!;
  const edit = (text: string) => (text[0] === '的' ? '地' : '的') + text.slice(1);
  runs[0] = typeof first == 'string' ? edit(first) : { ...first, text: edit(first.text) };
}

describe('verifyReceipt: a genuine receipt', () => {
  test.each(['zh-CN', 'en'])('built from the seed in %s verifies', async (locale) => {
    const receipt = await receiptFor(locale);
    expect(receipt.marked).toHaveLength(24);
    expect(ajvValid(receipt)).toBe(true);
    expect(await verifyReceipt(bundle, receipt)).toEqual({ ok: true, problems: [] });
  });

  test('after a round trip through JSON text, against the bundle as a JSON text', async () => {
    const receipt = JSON.parse(JSON.stringify(await receiptFor('en')));
    expect(await verifyReceipt(JSON.stringify(seedJson, null, 2), receipt)).toEqual({ ok: true, problems: [] });
  });

  test('decline and dismiss need no requirements met, no checkbox and no consent', async () => {
    for (const outcome of ['decline', 'dismiss'] as const) {
      const receipt = await receiptFor('zh-CN', { outcome, visibility: [], acknowledgements: [], checkbox: [], consents: [], explanations: [], decidedAt: time(5) });
      expect(receipt.requirements.met).toBe(false);
      expect(await verifyReceipt(bundle, receipt)).toEqual({ ok: true, problems: [] });
    }
  });
});

describe('verifyReceipt: every edit of a receipt field', () => {
  test('is found and named by its path; an edit of a fact only the recorder knows, through integrity', async () => {
    const original = await receiptFor('zh-CN');
    const cases = tamperings(original);
    expect(cases.length).toBeGreaterThan(300);
    const missed: string[] = [];
    const unnamed: string[] = [];
    const recorderOnlyCaught: string[] = [];
    for (const { path, what, receipt } of cases) {
      const label = `${path} ${what}`;
      const { ok, problems } = await verifyReceipt(bundle, receipt);
      if (ok) missed.push(label);
      if (path == 'integrity') {
        if (!problems.some((problem) => problem.path == 'integrity')) unnamed.push(label);
        continue;
      }
      if (recorderOnly(label)) {
        // Only the integrity digest can tell, and it says which kind of field was edited.
        const [only] = problems;
        if (problems.length == 1 && only!.path == 'integrity' && /changed after it was made; a field that only the recorder knows was edited/.test(only!.message)) {
          recorderOnlyCaught.push(label);
        } else unnamed.push(`${label}: ${problems.map((p) => `${p.path}: ${p.message}`).join(' | ')}`);
        continue;
      }
      // An edited leaf is named by its own path; a removed or repeated item by its array, its own path or the entry that refers to it.
      const array = path.replace(/\[\d+\]$/, '');
      const named = problems.some((problem) =>
        what.endsWith('edited') || what == 'boolean flipped'
          ? problem.path == path
          : problem.path.startsWith(array) || `${problem.message} `.includes(`clause ${removedClause(original, path)} `),
      );
      const sealed = problems.some((problem) => problem.path == 'integrity' && /changed after it was made; the other problems name what changed$/.test(problem.message));
      if (!named || !sealed) unnamed.push(`${label}: ${problems.map((p) => `${p.path}: ${p.message}`).join(' | ')}`);
    }
    expect(missed).toEqual([]);
    expect(unnamed).toEqual([]);
    // The list of facts only the recorder knows is exact: each of them, and none other, is caught by integrity alone.
    expect(recorderOnlyCaught.length).toBe(cases.filter(({ path, what }) => path != 'integrity' && recorderOnly(`${path} ${what}`)).length);
    expect(recorderOnlyCaught.length).toBeGreaterThan(20);
  });

  test('an unsealed receipt, or one resealed after an edit', async () => {
    const { integrity: _, ...unsealed } = await receiptFor('zh-CN');
    expect(await verifyReceipt(bundle, unsealed)).toEqual({ ok: false, problems: [{ path: 'integrity', message: 'missing: the receipt is not sealed' }] });
    // Whoever edits a receipt can seal it again: only a signature (below) stops that.
    expect(await verifyReceipt(bundle, await sealReceipt({ ...unsealed, userAgent: 'forged' }))).toEqual({ ok: true, problems: [] });
  });

  test('messages say what changed', async () => {
    const receipt = await receiptFor('zh-CN');
    const index = receipt.marked.findIndex((m) => m.clause == '4.4');
    const edited = setAt(setAt(receipt, 'bundle.digest', () => `sha256:${'ab'.repeat(32)}`), `marked[${index}].digest`, () => `sha256:${'0'.repeat(64)}`);
    const { problems } = await verifyReceipt(bundle, edited);
    expect(problems).toEqual([
      { path: 'bundle.digest', message: `sha256:abababababab… does not match the bundle (${digests.bundle.slice(0, 19)}…)` },
      { path: `marked[${index}].digest`, message: `clause 4.4 (zh-CN) has changed: the receipt has sha256:000000000000…, the bundle ${digests.clauses[TOS]!['zh-CN']!['4.4']!.slice(0, 19)}…` },
      { path: 'integrity', message: `${receipt.integrity.slice(0, 19)}… is not the digest of the receipt: the receipt was changed after it was made; the other problems name what changed` },
    ]);
  });

  test('returns every problem at once', async () => {
    let receipt: any = await receiptFor('en');
    receipt = setAt(receipt, 'outcome', () => 'agree');
    receipt = setAt(receipt, 'bundle.version', () => '2.0');
    receipt = setAt(receipt, 'marked[0].kinds', () => ['arbitration']);
    receipt = setAt(receipt, 'checkbox', () => []);
    const { problems } = await verifyReceipt(bundle, receipt);
    expect(problems.map((p) => p.path)).toEqual(['outcome', 'bundle.version', 'marked[0].kinds[0]', 'integrity']);
  });

  test('an accept without the requirements met is named clause by clause', async () => {
    const built = buildReceipt(bundle, digests, facts('en', { visibility: [], acknowledgements: [], decidedAt: time(20), checkbox: [{ checked: true, at: time(19) }], explanations: [], consents: [] }));
    built.changesShown = undefined;
    const receipt = await sealReceipt(built);
    const { problems } = await verifyReceipt(bundle, JSON.parse(JSON.stringify(receipt)));
    expect(problems.filter((p) => p.path.endsWith('.seen'))).toHaveLength(24);
    expect(problems.filter((p) => p.path.endsWith('.acknowledgedAt'))).toHaveLength(3);
    expect(problems).toContainEqual({ path: 'decidedAt', message: 'the outcome is accept, but decided 20 s after opening, and minReadSeconds was 30' });
    // buildReceipt recorded met: false honestly; the problem is accepting anyway.
    expect(problems.some((p) => p.path == 'requirements.met')).toBe(false);
  });

  test('a required consent not granted, and a claimed met that the facts deny', async () => {
    const required = structuredClone(bundle);
    required.consents![0]!.required = true;
    const built = buildReceipt(required, await computeDigests(required), facts('zh-CN', { consents: [], visibility: [] }));
    built.requirements.met = true;
    const receipt = await sealReceipt(built);
    const { problems } = await verifyReceipt(required, receipt);
    expect(problems).toContainEqual({ path: 'consents[0].granted', message: 'the outcome is accept, but required consent "third-party-sharing" was not granted' });
    expect(problems.find((p) => p.path == 'requirements.met')?.message).toMatch(/^true, but clause 1\.1 was never on screen/);
  });

  test('timestamps must be real and inside the session', async () => {
    const receipt = await receiptFor('zh-CN');
    const cases: Array<[string, string, string]> = [
      ['openedAt', '2026-02-30T08:00:00Z', 'expected an ISO 8601 timestamp, got "2026-02-30T08:00:00Z"'],
      ['decidedAt', time(-1), `${time(-1)} is before openedAt (${time(0)})`],
      ['explanations[0].at', time(96), `${time(96)} is outside the session (${time(0)} to ${time(95)})`],
      ['checkbox[1].at', time(79), `${time(79)} is before the change listed before it`],
    ];
    for (const [path, value, message] of cases) {
      const { problems } = await verifyReceipt(bundle, setAt(receipt, path, () => value));
      expect(problems).toContainEqual({ path, message });
    }
  });

  test('an edit resealed by a forger is caught by an HMAC over the sealed receipt', async () => {
    const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const bytes = (receipt: unknown) => new TextEncoder().encode(canonicalJson(receipt));
    const original = await receiptFor('zh-CN');
    const signature = await crypto.subtle.sign('HMAC', key, bytes(original));
    expect(await crypto.subtle.verify('HMAC', key, signature, bytes(JSON.parse(JSON.stringify(original))))).toBe(true);
    const recorderOnlyCases = tamperings(original).filter(({ path, what }) => recorderOnly(`${path} ${what}`));
    expect(recorderOnlyCases.length).toBeGreaterThan(20);
    for (const { receipt } of recorderOnlyCases) {
      const resealed = await sealReceipt(receipt);
      expect((await verifyReceipt(bundle, resealed)).ok).toBe(true);
      expect(await crypto.subtle.verify('HMAC', key, signature, bytes(resealed))).toBe(false);
    }
  });
});

describe('verifyReceipt: an edit of the bundle', () => {
  test('one character of any marked clause is named by clause and locale', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const receipt = await receiptFor(locale);
      for (const [index, { clause }] of markedClauses(bundle).entries()) {
        const edited = structuredClone(bundle);
        const text = locale == 'zh-CN' ? edited.documents[0]! : edited.documents[0]!.translations![0]!;
        editClauseText(allClauses(text.clauses).find((c) => c.id == clause.id)!);
        const { ok, problems } = await verifyReceipt(edited, receipt);
        expect(ok).toBe(false);
        expect(problems.map((p) => p.path)).toEqual(['bundle.digest', 'documents[0].digest', ...markedCovering(bundle, text, clause.id)]);
        expect(problems.find((p) => p.path == `marked[${index}].digest`)!.message).toMatch(new RegExp(`^clause ${clause.id.replace(/\./g, '\\.')} \\(${locale}\\) has changed`));
      }
    }
  });

  test('one character of an unmarked clause changes the bundle and document digests', async () => {
    const receipt = await receiptFor('zh-CN');
    const unmarked = allClauses(bundle.documents[0]!.clauses).filter((clause) => !clause.highlight && (clause.body || clause.heading));
    expect(unmarked.length).toBeGreaterThan(10);
    for (const clause of unmarked.filter((_, index) => index % 3 == 0)) {
      const edited = structuredClone(bundle);
      editClauseText(allClauses(edited.documents[0]!.clauses).find((c) => c.id == clause.id)!);
      const { problems } = await verifyReceipt(edited, receipt);
      // Clauses 6.5.1 and 6.5.2 are unmarked items of the marked 6.5, whose digest covers them.
      expect(problems.map((p) => p.path)).toEqual(['bundle.digest', 'documents[0].digest', ...markedCovering(bundle, edited.documents[0]!, clause.id)]);
    }
  });

  test('a changed mark, explanation, consent notice, title or date is found', async () => {
    const receipt = await receiptFor('zh-CN');
    const at = (id: string) => `marked[${receipt.marked.findIndex((m) => m.clause == id)}]`;
    const edits: Array<[(b: TermsBundle) => void, string[]]> = [
      [(b) => (allClauses(b.documents[0]!.clauses).find((c) => c.id == '7.2')!.highlight!.kinds = ['arbitration']), ['documents[0].digest', `${at('7.2')}.digest`, `${at('7.2')}.kinds[0]`]],
      [(b) => (allClauses(b.documents[0]!.clauses).find((c) => c.id == '4.4')!.highlight!.explanation!['zh-CN']!.summary += '。'), ['documents[0].digest', `${at('4.4')}.digest`]],
      [(b) => delete allClauses(b.documents[0]!.clauses).find((c) => c.id == '7.1')!.highlight, ['documents[0].digest', `${at('7.1')}.clause`]],
      [(b) => (b.consents![0]!.notice['zh-CN'] += ' '), ['consents[0].noticeDigest']],
      [(b) => (b.documents[0]!.title += '（修订）'), ['documents[0].digest', 'documents[0].title']],
      [(b) => (b.documents[0]!.effectiveDate = '2025-08-11'), ['documents[0].digest', 'documents[0].effectiveDate']],
    ];
    for (const [edit, paths] of edits) {
      const edited = structuredClone(bundle);
      edit(edited);
      const found = (await verifyReceipt(edited, receipt)).problems.map((p) => p.path);
      expect(found).toEqual(['bundle.digest', ...paths]);
    }
  });

  test('an invalid bundle is reported, not thrown', async () => {
    const { ok, problems } = await verifyReceipt({ format: 1 }, await receiptFor());
    expect(ok).toBe(false);
    expect(problems[0]!.message).toMatch(/^the bundle is invalid: /);
  });
});

describe('verifyReceipt: any input', () => {
  test('never throws and always explains a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { ok, problems } = await verifyReceipt(bundle, value);
        expect(ok).toBe(false);
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) expect(typeof problem.path == 'string' && problem.message.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('a receipt with any value put anywhere: no throw, and the shape check agrees with the JSON Schema', async () => {
    const original = await receiptFor('en');
    const paths = leaves(original).map((leaf) => leaf.path);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), async (path, value) => {
        const receipt = setAt(original, path, () => value);
        const result = await verifyReceipt(bundle, receipt);
        const schemaValid = ajvValid(receipt);
        expect(receiptShapeProblems(receipt).length == 0).toBe(schemaValid);
        if (!schemaValid) expect(result.ok).toBe(false);
        expect(result.ok).toBe(result.problems.length == 0);
      }),
      { numRuns: 300 },
    );
  });

  test('hand-built hostile values are reported, not thrown', async () => {
    const hostile = { ...await receiptFor(), get marked(): never { throw new Error('boom'); } };
    expect((await verifyReceipt(bundle, hostile)).ok).toBe(false);
    expect((await verifyReceipt(bundle, JSON.parse('{"__proto__": {"ok": true}}'))).ok).toBe(false);
    expect((await verifyReceipt(Symbol('x'), {})).ok).toBe(false);
  });
});
