import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical.ts';

/** The `canonicalize` package's answer, or the fact that it refused. */
const oracle = (value: unknown) => {
  try {
    return canonicalize(value);
  } catch {
    return 'refused';
  }
};
const ours = (value: unknown) => {
  try {
    return canonicalJson(value);
  } catch {
    return 'refused';
  }
};

describe('agrees with the canonicalize package (RFC 8785)', () => {
  test('on arbitrary JSON values with any Unicode text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  test('on arbitrary numbers, including the awkward ones', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(ours(value)).toBe(oracle(value));
      }),
      { numRuns: 500 },
    );
  });

  test('on strings of arbitrary UTF-16 code units, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        expect(ours(value)).toBe(oracle(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('RFC 8785 examples', () => {
  test('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  test('writes numbers as ECMAScript does (RFC 8785 appendix B)', () => {
    expect(canonicalJson([-0, 1e21, 1e-7, 0.000001, 333333333.33333329, 1e23, 5e-324, 9007199254740992])).toBe(
      '[0,1e+21,1e-7,0.000001,333333333.3333333,1e+23,5e-324,9007199254740992]',
    );
  });

  test('drops whitespace and nests', () => {
    expect(canonicalJson({ b: [true, null, { d: 'x', c: 1 }], a: {} })).toBe('{"a":{},"b":[true,null,{"c":1,"d":"x"}]}');
  });

  test('leaves out members whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  test.each([NaN, Infinity, -Infinity])('refuses %s', (value) => {
    expect(() => canonicalJson({ n: value })).toThrow(RangeError);
  });

  test.each([[() => 1], [Symbol('s')], [10n], ['\ud800'], [[undefined]]])('refuses %s', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
