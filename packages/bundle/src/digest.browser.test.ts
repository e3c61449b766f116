/**
 * Runs in Chromium: the browser's WebCrypto must produce exactly the digests Node produces, or a
 * receipt made in a browser could not be verified on a server. `fixtures/sample.digests.json` is
 * checked against Node (and against node:crypto + the canonicalize package) in digest.test.ts.
 */
import { expect, test } from 'vitest';
import { computeDigests, sha256Hex } from './digest.ts';
import sampleDigests from './fixtures/sample.digests.json';
import sampleJson from './fixtures/sample.bundle.json';
import { assertBundle } from './parse.ts';

test('Chromium computes the same digests as Node', async () => {
  expect(navigator.userAgent).toMatch(/Chrome/);
  expect(await computeDigests(assertBundle(JSON.stringify(sampleJson)))).toEqual(sampleDigests);
});

test('Chromium hashes UTF-8 as Node does', async () => {
  expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
