/**
 * The JSON Schema and `parseBundle()` describe one format; these tests keep them from drifting apart.
 * Whatever the schema can express, both must agree on; what only `parseBundle()` checks (unique ids,
 * references, translation clause ids, real dates, limits) must only ever make it stricter.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import minimalJson from './fixtures/minimal.bundle.json';
import sampleJson from './fixtures/sample.bundle.json';
import { parseBundle } from './parse.ts';
import bundleSchema from './schema/terms-bundle.schema.json';
import { HIGHLIGHT_KINDS } from './types.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaAccepts = ajv.compile(bundleSchema);
const parserAccepts = (value: unknown) => parseBundle(value).ok;
const sample = (): any => structuredClone(sampleJson);

describe('valid fixtures', () => {
  test.each([
    ['sample', sampleJson],
    ['minimal', minimalJson],
  ])('both accept the %s bundle', (_, bundle) => {
    expect(schemaAccepts(bundle), ajv.errorsText(schemaAccepts.errors)).toBe(true);
    expect(parserAccepts(bundle)).toBe(true);
  });

  test('both accept unknown fields (the parser warns about them)', () => {
    const input = sample();
    input.documents[0].x = 1;
    expect(schemaAccepts(input)).toBe(true);
    expect(parseBundle(input)).toMatchObject({ ok: true, warnings: expect.arrayContaining([expect.objectContaining({ code: 'unknown-field' })]) });
  });
});

describe('invalid bundles', () => {
  const invalid: Array<[string, (b: any) => void]> = [
    ['no format', (b) => delete b.format],
    ['format 2', (b) => (b.format = 2)],
    ['a version 1', (b) => (b.version = '1')],
    ['a numeric version', (b) => (b.version = 1.0)],
    ['no documents', (b) => (b.documents = [])],
    ['a document without clauses', (b) => (b.documents[1].clauses = [])],
    ['a date 2025/01/01', (b) => (b.documents[0].effectiveDate = '2025/01/01')],
    ['a locale with an underscore', (b) => (b.documents[0].locale = 'zh_CN')],
    ['an empty title', (b) => (b.documents[0].title = '')],
    ['an unknown highlight kind', (b) => (b.documents[1].clauses[0].highlight.kinds = ['sneaky'])],
    ['empty highlight kinds', (b) => (b.documents[1].clauses[0].highlight.kinds = [])],
    ['a highlight without source', (b) => delete b.documents[1].clauses[0].highlight.source],
    ['an explanation without summary', (b) => (b.documents[1].clauses[0].highlight.explanation['zh-CN'] = { consequence: 'x' })],
    ['a highlight in a translation', (b) => (b.documents[0].translations[0].clauses[0].highlight = { kinds: ['arbitration'], source: 'author' })],
    ['a javascript: link', (b) => (b.documents[0].clauses[1].clauses[1].body[0].text[1].href = 'javascript:alert(1)')],
    ['a java<tab>script: link', (b) => (b.documents[0].clauses[1].clauses[1].body[0].text[1].href = 'java\tscript:alert(1)')],
    ['a data: link', (b) => (b.documents[0].clauses[1].clauses[1].body[0].text[1].href = 'DATA:text/html,x')],
    ['an inline number', (b) => (b.documents[1].clauses[1].body[0].text = [42])],
    ['a table block', (b) => (b.documents[1].clauses[1].body[0].type = 'table')],
    ['a list without items', (b) => (b.documents[0].clauses[0].clauses[1].body[1].items = [])],
    ['a consent without notice', (b) => delete b.consents[0].notice],
    ['a consent with an empty label', (b) => (b.consents[0].label = {})],
    ['a consent with a blank label', (b) => (b.consents[0].label.en = '')],
    ['a consent that is required as text', (b) => (b.consents[0].required = 'yes')],
    ['a negative minReadSeconds', (b) => (b.gate.minReadSeconds = -5)],
    ['a clause id of constructor', (b) => (b.documents[1].clauses[1].id = 'constructor')],
    ['a __proto__ key', (b) => Object.defineProperty(b.documents[1], '__proto__', { value: {}, enumerable: true })],
  ];
  test.each(invalid)('both reject %s', (_, mutate) => {
    const input = sample();
    mutate(input);
    expect(schemaAccepts(input)).toBe(false);
    expect(parserAccepts(input)).toBe(false);
  });

  const onlyTheParser: Array<[string, (b: any) => void]> = [
    ['a duplicate clause id', (b) => (b.documents[1].clauses[1].id = '1')],
    ['a duplicate document id', (b) => (b.documents[1].id = 'terms-of-service')],
    ['a consent naming an unknown clause', (b) => (b.consents[0].clauses = ['404'])],
    ['a translation without one of the clauses', (b) => b.documents[0].translations[0].clauses.pop()],
    ['February 30th', (b) => (b.documents[1].effectiveDate = '2025-02-30')],
  ];
  test.each(onlyTheParser)('the parser also rejects %s, which the schema cannot see', (_, mutate) => {
    const input = sample();
    mutate(input);
    expect(schemaAccepts(input)).toBe(true);
    expect(parserAccepts(input)).toBe(false);
  });
});

/** Every path (as a list of keys) to a value inside `value`. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value != 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as any)[key], [...prefix, key]))];
}

/** A change an author's typo or a tool's bug could make at one place in a bundle. */
const replacement = fc.oneof(
  fc.constant(undefined), // delete the field or item
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '1.0', '2025-01-01', 'zh-CN', 'javascript:x', 'paragraph', 'list', 'author', ...HIGHLIGHT_KINDS),
  fc.constantFrom(0, -1, true, null, [], {}),
);
const paths = pathsOf(sampleJson).filter((path) => path.length > 0);

/** Applies one mutation; returns the mutated copy. */
function mutate(path: Array<string | number>, value: unknown): unknown {
  const copy: any = sample();
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

describe('drift between schema and parser, on randomly damaged bundles', () => {
  // Codes for what only the parser can check; anything else the schema must also reject.
  const beyondTheSchema = new Set(['duplicate', 'reference', 'mismatch', 'limit']);

  test('whatever the parser accepts, the schema accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, fc.constantFrom(...paths), replacement, (path1, value1, path2, value2) => {
        let damaged: any = mutate(path1, value1);
        // A second mutation on top of the first, when its path still exists.
        try {
          const parent = path2.slice(0, -1).reduce((node: any, key) => node[key], damaged);
          if (parent && typeof parent == 'object') parent[path2.at(-1)!] = value2 ?? null;
        } catch {
          // the first mutation removed this path
        }
        damaged = JSON.parse(JSON.stringify(damaged));
        const parsed = parseBundle(damaged);
        const schemaOk = schemaAccepts(damaged);
        if (parsed.ok) expect(schemaOk, ajv.errorsText(schemaAccepts.errors)).toBe(true);
        else if (schemaOk) {
          const unexplained = parsed.errors.filter((e) => !beyondTheSchema.has(e.code) && !/is not a real date/.test(e.message));
          expect(unexplained).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
