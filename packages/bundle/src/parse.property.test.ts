/** `parseBundle()` is fed whatever a network or a careless author can produce: it must always answer. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import { parseBundle, type ParseResult } from './parse.ts';

/** An answer a caller can act on: a bundle, or at least one error that says where and what. */
function expectAnswer(result: ParseResult) {
  if (result.ok) {
    expect(result.bundle.documents.length).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of result.errors) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message).not.toBe('');
    expect(issue.code).not.toBe('internal');
  }
}

test('any JSON value gets an answer, never an exception', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => expectAnswer(parseBundle(value))),
    { numRuns: 300 },
  );
});

test('any string gets an answer, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => expectAnswer(parseBundle(text))),
    { numRuns: 300 },
  );
});

test('a bundle with any subtree replaced or deleted gets an answer', () => {
  // Every [parent, key] pair in the sample, so a mutation can hit any field or array item.
  const slots: Array<Array<string | number>> = [];
  const collect = (node: unknown, path: Array<string | number>) => {
    if (typeof node != 'object' || node === null) return;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      slots.push([...path, key]);
      collect((node as any)[key], [...path, key]);
    }
  };
  collect(sampleJson, []);
  const mutation = fc.record({
    path: fc.constantFrom(...slots),
    value: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.string()),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const bundle: any = structuredClone(sampleJson);
      for (const { path, value } of mutations) {
        let parent = bundle;
        for (const key of path.slice(0, -1)) parent = parent?.[key];
        if (typeof parent != 'object' || parent === null) continue;
        if (value === undefined) delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = value;
      }
      expectAnswer(parseBundle(bundle));
      expectAnswer(parseBundle(JSON.stringify(bundle)));
    }),
    { numRuns: 300 },
  );
});

test('deep or huge inputs of any shape are refused, not recursed into', () => {
  fc.assert(
    fc.property(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
      const close = open == '[' ? ']' : '}';
      const result = parseBundle(open.repeat(depth) + '1' + close.repeat(depth));
      expect(result).toMatchObject({ ok: false, errors: [{ code: 'limit' }] });
    }),
    { numRuns: 50 },
  );
});
