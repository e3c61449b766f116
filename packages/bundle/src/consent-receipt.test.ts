import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import { buildConsentReceipt, type ConsentReceipt } from './consent-receipt.ts';
import { computeDigests, digestOf } from './digest.ts';
import { verifyConsentReceipt } from './evidence.ts';
import { parseBundle } from './parse.ts';
import consentSchema from './schema/consent-receipt.schema.json';
import type { TermsBundle } from './types.ts';

const parsed = parseBundle(sampleJson);
if (!parsed.ok) throw new Error('the sample bundle is valid');
const bundle: TermsBundle = parsed.bundle;
const library = { name: '@terms-gate/elements', version: '0.1.0' };
const acceptance = { format: 'terms-gate-receipt/1', outcome: 'accept', decidedAt: '2025-08-10T08:00:00.000Z' };
const schemaAccepts = new Ajv2020({ allErrors: true, strict: true }).compile(consentSchema);

async function withdrawal(overrides: Partial<Parameters<typeof buildConsentReceipt>[2]> = {}): Promise<ConsentReceipt> {
  return buildConsentReceipt(bundle, await computeDigests(bundle), { consent: 'third-party-sharing', granted: false, locale: 'en', at: '2025-09-01T10:00:00.000Z', follows: acceptance, userAgent: 'test', library, ...overrides });
}

describe('buildConsentReceipt', () => {
  test('names the bundle, the consent, its new state, the notice shown and the receipt it follows', async () => {
    const digests = await computeDigests(bundle);
    const receipt = await withdrawal();
    expect(receipt).toEqual({
      format: 'terms-gate-consent-receipt/1',
      bundle: { id: bundle.id, version: bundle.version, digest: digests.bundle },
      consent: 'third-party-sharing',
      granted: false,
      noticeDigest: digests.consents['third-party-sharing']!.en,
      locale: 'en',
      at: '2025-09-01T10:00:00.000Z',
      follows: await digestOf(acceptance),
      userAgent: 'test',
      library,
    });
    expect(schemaAccepts(receipt), JSON.stringify(schemaAccepts.errors)).toBe(true);
  });

  test('a notice without text in the locale shown is recorded in its first locale', async () => {
    const receipt = await withdrawal({ consent: 'cross-border', locale: 'en' });
    expect(receipt.locale).toBe('zh-CN');
    expect(await verifyConsentReceipt(bundle, receipt)).toEqual({ ok: true, problems: [] });
  });

  test('refuses a consent the bundle does not have', async () => {
    await expect(withdrawal({ consent: 'newsletter' })).rejects.toThrow('no consent "newsletter"');
  });
});

describe('verifyConsentReceipt', () => {
  test('accepts an untouched receipt, alone and as the next link after the receipt it follows', async () => {
    const first = await withdrawal();
    const second = await withdrawal({ granted: true, at: '2025-09-02T10:00:00.000Z', follows: first });
    expect(await verifyConsentReceipt(bundle, first, { follows: acceptance })).toEqual({ ok: true, problems: [] });
    expect(await verifyConsentReceipt(JSON.stringify(bundle), second, { follows: first })).toEqual({ ok: true, problems: [] });
  });

  const tampered: Array<[string, (r: any) => void, string]> = [
    ['another consent', (r) => (r.consent = 'cross-border'), 'locale'],
    ['a made-up consent', (r) => (r.consent = 'newsletter'), 'consent'],
    ['another locale', (r) => (r.locale = 'zh-CN'), 'noticeDigest'],
    ['another bundle version', (r) => (r.bundle.version = '9.0'), 'bundle.version'],
    ['another bundle digest', (r) => (r.bundle.digest = `sha256:${'0'.repeat(64)}`), 'bundle.digest'],
    ['a date that never was', (r) => (r.at = '2025-02-30T10:00:00Z'), 'at'],
    ['a format of the future', (r) => (r.format = 'terms-gate-consent-receipt/2'), 'format'],
    ['a granted flag that is not a boolean', (r) => (r.granted = 'yes'), 'granted'],
    ['an extra field', (r) => (r.signedBy = 'me'), 'signedBy'],
  ];
  test.each(tampered)('detects %s', async (_, tamper, path) => {
    const receipt: any = structuredClone(await withdrawal());
    tamper(receipt);
    const result = await verifyConsentReceipt(bundle, receipt);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toContain(path);
  });

  test('detects a changed earlier link: flipping the withdrawal it follows breaks the chain', async () => {
    const first = await withdrawal();
    const second = await withdrawal({ granted: true, follows: first });
    const rewritten = { ...first, granted: true };
    const result = await verifyConsentReceipt(bundle, second, { follows: rewritten });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ path: 'follows', message: expect.stringContaining('does not match') }]);
  });

  test('detects a changed bundle and never throws on junk', async () => {
    const receipt = await withdrawal();
    const changed = structuredClone(bundle);
    changed.consents![0]!.notice.en = 'Recipient: everyone.';
    expect((await verifyConsentReceipt(changed, receipt)).problems.map((p) => p.path)).toEqual(['bundle.digest', 'noticeDigest']);
    for (const junk of [null, 42, 'receipt', [], { format: 'terms-gate-consent-receipt/1' }]) expect((await verifyConsentReceipt(bundle, junk)).ok).toBe(false);
    expect((await verifyConsentReceipt({ not: 'a bundle' }, receipt)).ok).toBe(false);
  });
});
