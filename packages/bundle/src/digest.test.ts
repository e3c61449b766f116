import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { computeDigests, digestOf, sha256Hex } from './digest.ts';
import { sha256HexSync } from './sha256.ts';
import sampleDigests from './fixtures/sample.digests.json';
import sampleJson from './fixtures/sample.bundle.json';
import { assertBundle } from './parse.ts';

const sample = (): any => structuredClone(sampleJson);
/** The digest as node:crypto and the canonicalize package compute it, independently of our code. */
const expected = (value: unknown) => `sha256:${createHash('sha256').update(canonicalize(value)!, 'utf8').digest('hex')}`;

describe('sha256Hex', () => {
  test('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('hashes the UTF-8 bytes of non-ASCII text', async () => {
    const text = '第6.4.1条 此为至关重要条款 😀';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('sha256HexSync', () => {
  test('agrees with node:crypto at every length around the block and padding boundaries, in any script', () => {
    const alphabet = ['a', 'é', '漢', '😀', '\n', '"'];
    for (let length = 0; length <= 300; length++) {
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[(i * 7 + length) % alphabet.length];
      expect(sha256HexSync(text), `length ${length}`).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  test('agrees with node:crypto on a text of several megabytes', () => {
    const text = '第6.4.1条 此为至关重要条款。'.repeat(150_000);
    expect(sha256HexSync(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('sha256Hex on long texts', () => {
  afterEach(() => vi.unstubAllGlobals());
  const long = '6.4.1 本平台不承担任何责任。'.repeat(4_000);
  const expectedHex = createHash('sha256').update(long, 'utf8').digest('hex');

  test('WebCrypto and the JavaScript hash give the same digest', async () => {
    expect(await sha256Hex(long)).toBe(expectedHex);
    expect(sha256HexSync(long)).toBe(expectedHex);
  });

  test('without WebCrypto (a page served over plain HTTP) the digests are the same', async () => {
    const bundle = assertBundle(sample());
    const withWebCrypto = await computeDigests(bundle);
    vi.stubGlobal('crypto', undefined);
    expect(await sha256Hex(long)).toBe(expectedHex);
    expect(await computeDigests(bundle)).toEqual(withWebCrypto);
  });
});

describe('digestOf', () => {
  test('is SHA-256 over the RFC 8785 canonical JSON', async () => {
    expect(await digestOf(sample())).toBe(expected(sample()));
  });

  test('key order and whitespace in the file do not change the digest', async () => {
    const reordered = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reordered)
        : value && typeof value == 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]))
          : value;
    const file = JSON.stringify(reordered(sample()), null, '\t');
    expect(file).not.toBe(JSON.stringify(sample()));
    expect(await digestOf(assertBundle(file))).toBe(await digestOf(assertBundle(JSON.stringify(sample()))));
  });

  test('any change to the text changes the digest', async () => {
    const changed = sample();
    changed.documents[0].clauses[1].clauses[0].body[0].text[0].text = '平台对因不可抗力造成的损失不承担责任!';
    expect(await digestOf(changed)).not.toBe(await digestOf(sample()));
  });
});

describe('computeDigests', () => {
  test('names the bundle, each document, each clause in each locale and each consent in each locale', async () => {
    const bundle = assertBundle(sample());
    const digests = await computeDigests(bundle);
    const tos = bundle.documents[0]!;
    const clause21 = tos.clauses[1]!.clauses![0]!;
    const clause21en = tos.translations![0]!.clauses[1]!.clauses![0]!;
    expect(digests.bundle).toBe(expected(bundle));
    expect(digests.documents).toEqual({ 'terms-of-service': expected(tos), 'privacy-policy': expected(bundle.documents[1]) });
    expect(Object.keys(digests.clauses['terms-of-service']!)).toEqual(['zh-CN', 'en']);
    expect(Object.keys(digests.clauses['terms-of-service']!['zh-CN']!)).toEqual(['一', '1.1', '1.2', '二', '2.1', '2.1.1', '2.2']);
    expect(digests.clauses['terms-of-service']!['zh-CN']!['2.1']).toBe(expected(clause21));
    expect(digests.clauses['terms-of-service']!.en!['2.1']).toBe(expected(clause21en));
    expect(digests.consents['third-party-sharing']).toEqual({
      'zh-CN': expected({ label: bundle.consents![0]!.label['zh-CN'], notice: bundle.consents![0]!.notice['zh-CN'] }),
      en: expected({ label: bundle.consents![0]!.label.en, notice: bundle.consents![0]!.notice.en }),
    });
  });

  test('sharing the thread gives the same digests, and lets other tasks run before it is done', async () => {
    const bundle = assertBundle(sample());
    const inOneGo = await computeDigests(bundle);
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true));
    const shared = await computeDigests(bundle, { yieldAfterMs: 0 });
    expect(otherTaskRan).toBe(true);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(inOneGo));
  });

  test('hands the thread back through yieldTo when given (a page passes requestIdleCallback), with the same digests', async () => {
    const bundle = assertBundle(sample());
    const inOneGo = await computeDigests(bundle);
    let handedBack = 0;
    const shared = await computeDigests(bundle, { yieldAfterMs: 0, yieldTo: (resume) => (handedBack++, setImmediate(resume)) });
    expect(handedBack).toBeGreaterThan(1);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(inOneGo));
  });

  test('in one go by default: no other task runs in between', async () => {
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true));
    await computeDigests(assertBundle(sample()));
    expect(otherTaskRan).toBe(false);
  });

  test('a changed clause changes its own digest and its parents’, and nothing else in other documents', async () => {
    const before = await computeDigests(assertBundle(sample()));
    const edited = sample();
    edited.documents[0].clauses[1].clauses[0].clauses[0].body[0].text[0] = '包括但不限于地震。';
    const after = await computeDigests(assertBundle(edited));
    const changed = (locale: string) =>
      Object.keys(after.clauses['terms-of-service']![locale]!).filter(
        (id) => after.clauses['terms-of-service']![locale]![id] !== before.clauses['terms-of-service']![locale]![id],
      );
    expect(changed('zh-CN')).toEqual(['二', '2.1', '2.1.1']);
    expect(changed('en')).toEqual([]);
    expect(after.documents['privacy-policy']).toBe(before.documents['privacy-policy']);
    expect(after.documents['terms-of-service']).not.toBe(before.documents['terms-of-service']);
    expect(after.bundle).not.toBe(before.bundle);
  });

  test('a changed mark changes the controlling clause’s digest: the receipt proves which marks were shown', async () => {
    const before = await computeDigests(assertBundle(sample()));
    const edited = sample();
    edited.documents[0].clauses[1].clauses[0].highlight.critical = false;
    const after = await computeDigests(assertBundle(edited));
    expect(after.clauses['terms-of-service']!['zh-CN']!['2.1']).not.toBe(before.clauses['terms-of-service']!['zh-CN']!['2.1']);
    expect(after.clauses['terms-of-service']!.en!['2.1']).toBe(before.clauses['terms-of-service']!.en!['2.1']);
  });

  test('matches the committed digests that the Chromium test checks too', async () => {
    // fixtures/sample.digests.json is what Chromium's WebCrypto must also produce (digest.browser.test.ts).
    expect(await computeDigests(assertBundle(sample()))).toEqual(sampleDigests);
    const committed = JSON.parse(readFileSync(new URL('./fixtures/sample.digests.json', import.meta.url), 'utf8'));
    expect(committed.bundle).toBe(expected(assertBundle(sample())));
  });
});
