import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import sampleDigests from './fixtures/sample.digests.json';
import { computeDigests, digestOf } from './digest.ts';
import { assertBundle } from './parse.ts';
import { buildReceipt, sealReceipt } from './receipt.ts';
import type { BundleDigests, RecordedFacts } from './receipt-types.ts';
import receiptSchema from './schema/receipt.schema.json';
import type { TermsBundle } from './types.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const receiptValid = ajv.compile(receiptSchema);

let bundle: TermsBundle;
let digests: BundleDigests;
beforeAll(async () => {
  bundle = assertBundle(sampleJson);
  digests = await computeDigests(bundle);
});

const TOS = 'terms-of-service';
const PRIVACY = 'privacy-policy';

/** A user who read everything in English for 12 seconds, acknowledged 2.1 and accepted. */
function facts(overrides: Partial<RecordedFacts> = {}): RecordedFacts {
  return {
    outcome: 'accept',
    locale: 'en',
    openedAt: '2026-01-05T08:00:00.000Z',
    decidedAt: '2026-01-05T08:00:12.000Z',
    requirements: { requireRead: true, minReadSeconds: 10, requireAcknowledge: true },
    visibility: [
      { document: TOS, clause: '1.1', visibleMs: 2500, firstSeenAt: '2026-01-05T08:00:01.000Z' },
      { document: TOS, clause: '2.1', visibleMs: 4000, firstSeenAt: '2026-01-05T08:00:04.000Z' },
      { document: TOS, clause: '2.2', visibleMs: 1200, firstSeenAt: '2026-01-05T08:00:08.000Z' },
      { document: PRIVACY, clause: '1', visibleMs: 900, firstSeenAt: '2026-01-05T08:00:10.000Z' },
    ],
    explanations: [{ document: TOS, clause: '2.1', at: '2026-01-05T08:00:05.000Z', locale: 'en' }],
    acknowledgements: [{ document: TOS, clause: '2.1', at: '2026-01-05T08:00:06.000Z' }],
    checkbox: [{ checked: true, at: '2026-01-05T08:00:11.000Z' }],
    consents: [{ id: 'third-party-sharing', granted: true, at: '2026-01-05T08:00:11.500Z' }],
    documentsOpened: [TOS],
    userAgent: 'Mozilla/5.0 (test)',
    library: { name: '@terms-gate/elements', version: '0.1.0' },
    ...overrides,
  };
}

describe('buildReceipt', () => {
  test('names the bundle, its documents and the locales by digest', () => {
    const receipt = buildReceipt(bundle, digests, facts());
    expect(receipt.format).toBe('terms-gate-receipt/1');
    expect(receipt.outcome).toBe('accept');
    expect(receipt.bundle).toEqual({ id: 'sample-platform', version: '2.1', digest: sampleDigests.bundle });
    expect(receipt.documents).toEqual([
      { id: TOS, digest: sampleDigests.documents[TOS], effectiveDate: '2025-03-01', title: 'Sample Platform Service Agreement', opened: true },
      // No English text: the controlling Chinese title is what was shown.
      { id: PRIVACY, digest: sampleDigests.documents[PRIVACY], effectiveDate: '2024-02-29', title: '隐私政策', opened: false },
    ]);
    expect(receipt.locale).toBe('en');
    expect(receipt.controllingLocale).toEqual({ [TOS]: 'zh-CN', [PRIVACY]: 'zh-CN' });
    expect(receipt.userAgent).toBe('Mozilla/5.0 (test)');
    expect(receipt.library).toEqual({ name: '@terms-gate/elements', version: '0.1.0' });
  });

  test('lists every marked clause with its digest in the locale shown, and what happened to it', () => {
    const receipt = buildReceipt(bundle, digests, facts());
    expect(receipt.marked).toEqual([
      {
        document: TOS,
        clause: '1.1',
        digest: sampleDigests.clauses[TOS].en['1.1'],
        kinds: ['unilateral-change'],
        critical: false,
        seen: true,
        visibleMs: 2500,
        firstSeenAt: '2026-01-05T08:00:01.000Z',
        explained: false,
      },
      {
        document: TOS,
        clause: '2.1',
        digest: sampleDigests.clauses[TOS].en['2.1'],
        kinds: ['limits-liability'],
        critical: true,
        seen: true,
        visibleMs: 4000,
        firstSeenAt: '2026-01-05T08:00:04.000Z',
        explained: true,
        acknowledgedAt: '2026-01-05T08:00:06.000Z',
      },
      expect.objectContaining({ document: TOS, clause: '2.2', digest: sampleDigests.clauses[TOS].en['2.2'], kinds: ['jurisdiction'] }),
      // The privacy policy has no English text, so the Chinese clause was shown.
      expect.objectContaining({ document: PRIVACY, clause: '1', digest: sampleDigests.clauses[PRIVACY]['zh-CN']['1'], kinds: ['data-sharing'] }),
    ]);
  });

  test('in the controlling locale, clause digests are the controlling text’s', () => {
    const receipt = buildReceipt(bundle, digests, facts({ locale: 'zh-CN' }));
    expect(receipt.marked.map((m) => m.digest)).toEqual([
      sampleDigests.clauses[TOS]['zh-CN']['1.1'],
      sampleDigests.clauses[TOS]['zh-CN']['2.1'],
      sampleDigests.clauses[TOS]['zh-CN']['2.2'],
      sampleDigests.clauses[PRIVACY]['zh-CN']['1'],
    ]);
    expect(receipt.documents[0]!.title).toBe('示例平台服务协议');
  });

  test('records each separate consent with the digest of the notice shown', () => {
    const receipt = buildReceipt(bundle, digests, facts());
    expect(receipt.consents).toEqual([
      {
        id: 'third-party-sharing',
        required: false,
        granted: true,
        at: '2026-01-05T08:00:11.500Z',
        noticeDigest: sampleDigests.consents['third-party-sharing'].en,
        locale: 'en',
      },
      // Not answered, and only written in Chinese.
      { id: 'cross-border', required: true, granted: false, noticeDigest: sampleDigests.consents['cross-border']['zh-CN'], locale: 'zh-CN' },
    ]);
  });

  test('copies explanations, checkbox changes and changes shown', () => {
    const changesShown = { sinceVersion: '1.3', clauses: [{ document: TOS, clause: '2.2' }] };
    const receipt = buildReceipt(bundle, digests, facts({ changesShown }));
    expect(receipt.explanations).toEqual([{ document: TOS, clause: '2.1', at: '2026-01-05T08:00:05.000Z', locale: 'en' }]);
    expect(receipt.checkbox).toEqual([{ checked: true, at: '2026-01-05T08:00:11.000Z' }]);
    expect(receipt.changesShown).toEqual(changesShown);
  });

  test('a clause never on screen is recorded as not seen', () => {
    const receipt = buildReceipt(bundle, digests, facts({ visibility: [] }));
    expect(receipt.marked.map((m) => [m.seen, m.visibleMs, m.firstSeenAt])).toEqual(Array(4).fill([false, 0, undefined]));
  });
});

describe('requirements.met', () => {
  const met = (overrides: Partial<RecordedFacts>) => buildReceipt(bundle, digests, facts(overrides)).requirements.met;

  test('is true when every requirement was met', () => {
    expect(buildReceipt(bundle, digests, facts()).requirements).toEqual({ requireRead: true, minReadSeconds: 10, requireAcknowledge: true, met: true });
  });

  test('needs every marked clause seen when reading is required', () => {
    const unseen = facts().visibility.filter((v) => v.document !== PRIVACY);
    expect(met({ visibility: unseen })).toBe(false);
    expect(met({ visibility: unseen, requirements: { requireRead: false, minReadSeconds: 10, requireAcknowledge: true } })).toBe(true);
  });

  test('needs the minimum reading time between opening and deciding', () => {
    expect(met({ decidedAt: '2026-01-05T08:00:09.999Z' })).toBe(false);
    expect(met({ decidedAt: '2026-01-05T08:00:10.000Z' })).toBe(true);
    expect(met({ decidedAt: '2026-01-05T08:00:09.999Z', requirements: { requireRead: true, minReadSeconds: 0, requireAcknowledge: true } })).toBe(true);
  });

  test('needs every critical clause acknowledged when acknowledgement is required', () => {
    expect(met({ acknowledgements: [] })).toBe(false);
    expect(met({ acknowledgements: [], requirements: { requireRead: true, minReadSeconds: 10, requireAcknowledge: false } })).toBe(true);
  });
});

describe('evidence', () => {
  test('validates against the receipt JSON Schema once sealed, with and without optional parts', async () => {
    for (const receipt of [
      await sealReceipt(buildReceipt(bundle, digests, facts({ changesShown: { sinceVersion: '1.0', clauses: [] } }))),
      await sealReceipt(buildReceipt(bundle, digests, facts({ userAgent: undefined, visibility: [], acknowledgements: [], consents: [], outcome: 'dismiss' }))),
    ]) {
      const json = JSON.parse(JSON.stringify(receipt));
      expect(receiptValid(json), ajv.errorsText(receiptValid.errors)).toBe(true);
      expect(json).toEqual(receipt);
    }
  });

  test('the same facts always give the same receipt, and the facts are left alone', () => {
    const given = facts();
    const before = structuredClone(given);
    const first = buildReceipt(bundle, digests, given);
    expect(buildReceipt(bundle, digests, given)).toEqual(first);
    expect(given).toEqual(before);
    // Changing the facts afterwards cannot rewrite the evidence.
    given.checkbox.push({ checked: false, at: '2026-01-05T09:00:00.000Z' });
    expect(first.checkbox).toHaveLength(1);
  });

  test('sealing adds the digest of the receipt without it, and sealing again changes nothing', async () => {
    const unsealed = buildReceipt(bundle, digests, facts());
    expect(receiptValid(unsealed)).toBe(false);
    const sealed = await sealReceipt(unsealed);
    expect(sealed).toEqual({ ...unsealed, integrity: await digestOf(unsealed) });
    expect(sealed.integrity).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await sealReceipt(sealed)).toEqual(sealed);
    expect(unsealed).not.toHaveProperty('integrity');
  });

  test('refuses digests of another bundle', async () => {
    const other = assertBundle({ ...structuredClone(sampleJson), documents: [structuredClone(sampleJson.documents[1])], consents: [] });
    const otherDigests = await computeDigests(other);
    expect(() => buildReceipt(bundle, otherDigests, facts())).toThrow(/not of this bundle/);
  });
});
