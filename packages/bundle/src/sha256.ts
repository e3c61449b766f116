/**
 * SHA-256 (FIPS 180-4) in plain JavaScript, synchronous.
 *
 * A bundle's digests are hundreds to thousands of hashes, mostly of short texts (one per clause and
 * locale). For those, a `crypto.subtle.digest` call's round trip to another thread costs more than
 * the hashing, so they are hashed here; long texts still go to WebCrypto (see `sha256Hex`).
 * `crypto.subtle` is also missing on pages served over plain HTTP, where a gate must still be able to
 * give a receipt: then every text is hashed here. Checked against the FIPS vectors and node:crypto.
 */

// The round constants and initial hash: the first 32 bits of the fractional parts of the cube and
// square roots of the first primes. Computed rather than listed; the test vectors check them.
const ROUND = new Int32Array(64);
const INITIAL = new Int32Array(8);
for (let prime = 2, found = 0; found < 64; prime++) {
  let isPrime = true;
  for (let divisor = 2; divisor * divisor <= prime; divisor++) if (prime % divisor === 0) isPrime = false;
  if (!isPrime) continue;
  if (found < 8) INITIAL[found] = (prime ** (1 / 2) % 1) * 2 ** 32;
  ROUND[found++] = (prime ** (1 / 3) % 1) * 2 ** 32;
}

const encoder = new TextEncoder();
const words = new Int32Array(64);
// One buffer for every message, grown as needed: allocating a fresh one per text costs more than
// hashing it when a bundle has thousands of clauses.
let buffer = new Uint8Array(1 << 16);

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256HexSync(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; then room for the padding.
  if (buffer.length < text.length * 3 + 72) buffer = new Uint8Array(Math.max(text.length * 3 + 72, buffer.length * 2));
  const bytes = buffer;
  const length = encoder.encodeInto(text, bytes).written;
  // The message, a 1 bit, zeros, and its length in bits as a 64-bit big-endian number, in 64-byte blocks.
  const blocks = ((length + 9 + 63) >>> 6) << 6;
  bytes.fill(0, length, blocks);
  bytes[length] = 0x80;
  const high = Math.floor(length / 2 ** 29);
  const low = length << 3;
  for (let i = 0; i < 4; i++) {
    bytes[blocks - 8 + i] = high >>> (24 - i * 8);
    bytes[blocks - 4 + i] = low >>> (24 - i * 8);
  }
  let [h0, h1, h2, h3, h4, h5, h6, h7] = INITIAL as unknown as number[] as [number, number, number, number, number, number, number, number];
  for (let offset = 0; offset < blocks; offset += 64) {
    for (let i = 0, j = offset; i < 16; i++, j += 4) words[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = words[i - 15]!;
      const y = words[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      words[i] = (words[i - 16]! + s0 + words[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + ROUND[i]! + words[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  const hash = [h0, h1, h2, h3, h4, h5, h6, h7];
  // A megabyte text leaves a buffer of several; keep only a small one between bundles.
  if (buffer.length > 1 << 20) buffer = new Uint8Array(1 << 16);
  let hex = '';
  for (const word of hash) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}
