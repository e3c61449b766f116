/**
 * What the package-level property tests leave open, for the three entry points that take untrusted
 * input (parseBundle, importMarkdown, verifyReceipt): every rejection uses a documented code or
 * error class, hostile objects (proxies, throwing getters, cycles, prototype keys) are answered
 * rather than thrown, prototypes are never polluted, and each gets an answer.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { buildReceipt, computeDigests, parseBundle, sealReceipt, type IssueCode, type TermsBundle } from '@terms-gate/bundle';
import { verifyReceipt } from '@terms-gate/bundle/evidence';
import { ImportError, importMarkdown } from '@terms-gate/bundle/import';
import sample from '../../packages/bundle/src/fixtures/sample.bundle.json';
import payloads from '../fixtures/xss-payloads.json';

/** IssueCode as documented in packages/bundle/src/issues.ts; `internal` is documented too, but only for hand-built objects. */
const DOCUMENTED: IssueCode[] = ['json', 'limit', 'type', 'required', 'empty', 'format', 'enum', 'duplicate', 'reference', 'mismatch', 'misplaced', 'unsafe-url', 'unsafe-key', 'unknown-field', 'no-explanation', 'suggested', 'internal'];

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const keysBefore = prototypes.map((proto) => Reflect.ownKeys(proto).length);
afterEach(() => {
  expect(prototypes.map((proto) => Reflect.ownKeys(proto).length), 'no prototype gained a key').toEqual(keysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function expectDocumentedAnswer(input: unknown, internalAllowed = false) {
  const result = parseBundle(input);
  if (result.ok) return result;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(DOCUMENTED).toContain(issue.code);
    if (!internalAllowed) expect(issue.code).not.toBe('internal');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  return result;
}

const UNSAFE = ['__proto__', 'constructor', 'prototype'];

/** Every [path] to an object in the sample bundle. */
function objectPaths(node: unknown, path: Array<string | number> = [], into: Array<Array<string | number>> = []) {
  if (typeof node !== 'object' || node === null) return into;
  if (!Array.isArray(node)) into.push(path);
  for (const [key, value] of Object.entries(node)) objectPaths(value, [...path, Array.isArray(node) ? Number(key) : key], into);
  return into;
}

describe('parseBundle', () => {
  test('a prototype key at any object position, with any value, as text or parsed: refused with unsafe-key, nothing polluted', () => {
    const paths = objectPaths(sample);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...UNSAFE), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (path, key, value, asText) => {
        const bundle: any = structuredClone(sample);
        let target = bundle;
        for (const step of path) target = target[step];
        const text = JSON.stringify(bundle, (_, node) => (node === target ? { ...node, [key]: '@@value@@' } : node)).replace('"@@value@@"', () => JSON.stringify(value ?? null)); // a function: `$&` in the value is text
        const result = expectDocumentedAnswer(asText ? text : JSON.parse(text));
        expect(result.ok).toBe(false);
        // unsafe-key; or, where keys are locales (explanations, labels), format: not a language tag.
        if (!result.ok) expect(result.errors.some((e) => e.code === 'unsafe-key' || (e.code === 'format' && e.path.endsWith(key)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('hostile payload strings in any string field are accepted as text or refused with a documented code', () => {
    const stringPaths: Array<Array<string | number>> = [];
    const collect = (node: unknown, path: Array<string | number>) => {
      if (typeof node === 'string') stringPaths.push(path);
      else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) collect(value, [...path, Array.isArray(node) ? Number(key) : key]);
    };
    collect(sample, []);
    fc.assert(
      fc.property(fc.constantFrom(...stringPaths), fc.constantFrom(...payloads.payloads), (path, payload) => {
        const bundle: any = structuredClone(sample);
        let parent = bundle;
        for (const step of path.slice(0, -1)) parent = parent[step];
        parent[path.at(-1)!] = payload;
        expectDocumentedAnswer(bundle);
      }),
      { numRuns: 500 },
    );
  });

  test('proxies, throwing getters, cycles and exotic values anywhere: an answer, never an exception', () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    const exotic = fc.constantFrom<unknown>(throwing, Symbol('s'), 10n, () => 1, new Date(0), new Map([[1, 2]]), /re/, new Uint8Array(3), NaN, -0, Infinity, Object.create(null), Object.create({ format: 1 }));
    const paths = objectPaths(sample);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(exotic, fc.constant('cycle'), fc.constant('getter')), (path, kind) => {
        const bundle: any = structuredClone(sample);
        let target = bundle;
        for (const step of path) target = target[step];
        if (kind === 'cycle') target.self = bundle;
        else if (kind === 'getter') Object.defineProperty(target, Object.keys(target)[0] ?? 'x', { get: () => { throw new Error('getter'); }, enumerable: true });
        else target.extra = kind;
        expectDocumentedAnswer(bundle, true);
      }),
      { numRuns: 300 },
    );
  });

  test('long random JSON texts near the limits get a documented answer (a hang fails by the test timeout; speed is benchmarked by pnpm bench:import)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.string({ minLength: 1, maxLength: 20 }), (copies, piece) => {
        const bundle: any = structuredClone(sample);
        bundle.documents[0].closing = Array.from({ length: copies * 50 }, () => ({ type: 'paragraph', text: [piece.repeat(500)] }));
        expectDocumentedAnswer(JSON.stringify(bundle));
      }),
      { numRuns: 40 },
    );
  });
});

describe('importMarkdown', () => {
  const pieces = [...payloads.payloads, '# ', '## ', '1. ', '- ', '\n', '\n\n', '一、', '第一条 ', '（一）', '**', '[x](javascript:alert(1))', '<script>', '</textarea>', '\u0000', '\uD800'];
  test('hostile Markdown: a valid bundle without unsafe links, or an ImportError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const source = parts.join('');
        let bundle: TermsBundle;
        try {
          bundle = importMarkdown(source, { title: 'Terms', effectiveDate: '2025-08-10', locale: 'en' });
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as Error).message.length).toBeGreaterThan(0);
          return;
        }
        const result = parseBundle(bundle);
        expect(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 2))).toBe(true);
        expect(JSON.stringify(bundle)).not.toMatch(/"href":"\s*(javascript|vbscript|data):/i);
      }),
      { numRuns: 300 },
    );
  });

  test('a lone surrogate is an ImportError naming its line', () => {
    expect(() => importMarkdown('# Terms\n\nEffective date: 2025-08-10\n\n1. One\n\nbad \uD800 text')).toThrow(/line 7: not valid Unicode/);
  });

  test('non-string input is an ImportError or TypeError-free answer, never a crash deep inside', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('s')]) {
      try {
        importMarkdown(input as never);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect(String((error as Error).message)).not.toMatch(/Maximum call stack/);
      }
    }
  });
});

describe('verifyReceipt', () => {
  test('any bundle argument (JSON, text, hostile objects) with a real receipt: an answer with problems named by path', async () => {
    const parsed = parseBundle(sample);
    if (!parsed.ok) throw new Error('sample must be valid');
    const digests = await computeDigests(parsed.bundle);
    const receipt = await sealReceipt(buildReceipt(parsed.bundle, digests, {
      outcome: 'decline',
      locale: 'zh-CN',
      openedAt: '2025-08-10T00:00:00.000Z',
      decidedAt: '2025-08-10T00:01:00.000Z',
      requirements: { requireRead: false, minReadSeconds: 0, requireAcknowledge: false },
      visibility: [],
      explanations: [],
      acknowledgements: [],
      checkbox: [],
      consents: [],
      documentsOpened: [],
      library: { name: 'terms-gate', version: '0.0.0' },
    } as never));
    const throwing = new Proxy({}, { get: () => { throw new Error('trap'); } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom<unknown>(throwing, JSON.stringify(sample).slice(0, 500), '{"__proto__":{"ok":true}}', JSON.parse('{"__proto__":{"ok":true}}'))), async (bundle) => {
        const result = await verifyReceipt(bundle, receipt);
        expect(result.ok).toBe(false);
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(typeof problem.path === 'string' && problem.message.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
