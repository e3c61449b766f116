import { describe, expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import { BundleError, formatIssue, type BundleIssue } from './issues.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { assertBundle, parseBundle } from './parse.ts';

/** A fresh, mutable copy of the sample bundle for each test. */
const sample = (): any => structuredClone(sampleJson);

const errorLines = (input: unknown, options?: object) => {
  const result = parseBundle(input, options);
  return result.ok ? [] : result.errors.map(formatIssue);
};
const only = (input: unknown): BundleIssue => {
  const result = parseBundle(input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
};

describe('valid bundles', () => {
  test('the sample is valid and comes back equal but not the same objects', () => {
    const input = sample();
    const result = parseBundle(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle).toEqual(input);
    expect(result.bundle).not.toBe(input);
    expect(result.bundle.documents[0]!.clauses).not.toBe(input.documents[0].clauses);
  });

  test('a JSON string and the value it parses to give the same bundle', () => {
    const fromText = parseBundle(JSON.stringify(sample()));
    const fromValue = parseBundle(sample());
    expect(fromText).toEqual(fromValue);
  });

  test('warns about marked clauses an author has not explained or reviewed', () => {
    const result = parseBundle(sample());
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['no-explanation', 'documents[0].clauses[1].clauses[1].highlight'],
      ['suggested', 'documents[0].clauses[1].clauses[1].highlight'],
    ]);
  });

  test('unknown fields are warnings and are left out of the bundle', () => {
    const input = sample();
    input.foo = 1;
    input.documents[0].clauses[0].colour = 'red';
    const result = parseBundle(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.filter((w) => w.code === 'unknown-field').map(formatIssue)).toEqual([
      'foo: unknown field "foo"',
      'documents[0].clauses[0].colour: unknown field "colour"',
    ]);
    expect(result.bundle).not.toHaveProperty('foo');
    expect(result.bundle.documents[0]!.clauses[0]).not.toHaveProperty('colour');
  });
});

describe('errors', () => {
  test('reports every error at once, each with its path', () => {
    const input = sample();
    input.version = '2';
    input.documents[0].clauses[1].clauses[1].id = '2.1';
    input.documents[0].clauses[1].clauses[0].highlight.kinds = ['limits-liability', 'voodoo'];
    input.documents[1].id = 'terms-of-service';
    input.documents[1].effectiveDate = '2025-02-30';
    expect(errorLines(input)).toEqual([
      'version: expected MAJOR.MINOR like "1.0", got "2"',
      'documents[0].clauses[1].clauses[0].highlight.kinds[1]: expected one of ' +
        '"limits-liability", "disclaims-warranty", "shifts-burden", "restricts-rights", "unilateral-change", "unilateral-termination", ' +
        '"content-removal", "jurisdiction", "choice-of-law", "arbitration", "data-sharing", "auto-renewal", "contract-by-using"',
      'documents[0].clauses[1].clauses[1].id: duplicate id "2.1" (first at documents[0].clauses[1].clauses[0].id)',
      // The translation still has 2.2, which the controlling text now lacks.
      'documents[0].translations[0].clauses: clause ids differ from the controlling text: extra "2.2"',
      'documents[1].effectiveDate: "2025-02-30" is not a real date',
      'documents[1].id: duplicate id "terms-of-service" (first at documents[0].id)',
      'consents[0].document: unknown document "privacy-policy"',
    ]);
  });

  const cases: Array<[string, (b: any) => void, string, BundleIssue['code']]> = [
    ['a missing title', (b) => delete b.documents[0].title, 'documents[0].title', 'required'],
    ['a missing clause id', (b) => delete b.documents[1].clauses[1].id, 'documents[1].clauses[1].id', 'required'],
    ['a number where a string belongs', (b) => (b.documents[0].clauses[0].number = 5), 'documents[0].clauses[0].number', 'type'],
    ['a string where an array belongs', (b) => (b.documents[0].clauses = 'none'), 'documents[0].clauses', 'type'],
    ['no documents', (b) => (b.documents = []), 'documents', 'empty'],
    ['another format', (b) => (b.format = 2), 'format', 'enum'],
    ['a three-part version', (b) => (b.version = '1.0.0'), 'version', 'format'],
    ['a version with a leading zero', (b) => (b.version = '01.2'), 'version', 'format'],
    ['a date without leading zeros', (b) => (b.documents[1].effectiveDate = '2025-3-1'), 'documents[1].effectiveDate', 'format'],
    ['a 13th month', (b) => (b.documents[1].effectiveDate = '2025-13-01'), 'documents[1].effectiveDate', 'format'],
    ['a locale that is not a language tag', (b) => (b.documents[1].locale = 'zh_CN'), 'documents[1].locale', 'format'],
    ['empty highlight kinds', (b) => (b.documents[1].clauses[0].highlight.kinds = []), 'documents[1].clauses[0].highlight.kinds', 'empty'],
    ['an unknown highlight source', (b) => (b.documents[1].clauses[0].highlight.source = 'ai'), 'documents[1].clauses[0].highlight.source', 'enum'],
    ['an unknown block type', (b) => (b.documents[1].clauses[1].body[0].type = 'table'), 'documents[1].clauses[1].body[0].type', 'enum'],
    ['a list without items', (b) => (b.documents[0].clauses[0].clauses[1].body[1].items = []), 'documents[0].clauses[0].clauses[1].body[1].items', 'empty'],
    ['an unknown clause kind', (b) => (b.documents[1].clauses[1].kind = 'chapter'), 'documents[1].clauses[1].kind', 'enum'],
    ['an empty id', (b) => (b.documents[1].clauses[1].id = ''), 'documents[1].clauses[1].id', 'format'],
    ['an id with a newline', (b) => (b.documents[1].clauses[1].id = '2\n'), 'documents[1].clauses[1].id', 'format'],
    ['a highlight inside a translation', (b) => (b.documents[0].translations[0].clauses[0].clauses[0].highlight = { kinds: ['jurisdiction'], source: 'author' }), 'documents[0].translations[0].clauses[0].clauses[0].highlight', 'misplaced'],
    ['a translation in the controlling locale', (b) => (b.documents[0].translations[0].locale = 'zh-CN'), 'documents[0].translations[0].locale', 'duplicate'],
    ['a translation missing a clause', (b) => b.documents[0].translations[0].clauses[1].clauses.pop(), 'documents[0].translations[0].clauses', 'mismatch'],
    ['a duplicate consent id', (b) => (b.consents[1].id = 'third-party-sharing'), 'consents[1].id', 'duplicate'],
    ['a consent without a label', (b) => delete b.consents[0].label, 'consents[0].label', 'required'],
    ['a consent with an empty notice', (b) => (b.consents[0].notice = {}), 'consents[0].notice', 'empty'],
    ['a consent with a blank notice text', (b) => (b.consents[1].notice['zh-CN'] = ''), 'consents[1].notice.zh-CN', 'empty'],
    ['a consent naming an unknown document', (b) => (b.consents[0].document = 'cookies'), 'consents[0].document', 'reference'],
    ['a consent naming an unknown clause', (b) => (b.consents[0].clauses = ['1', '9']), 'consents[0].clauses[1]', 'reference'],
    ['a negative reading time', (b) => (b.gate.minReadSeconds = -1), 'gate.minReadSeconds', 'type'],
    ['an infinite reading time', (b) => (b.gate.minReadSeconds = Infinity), 'gate.minReadSeconds', 'type'],
    ['a reading time as text', (b) => (b.gate.minReadSeconds = '10'), 'gate.minReadSeconds', 'type'],
    ['a yes/no as text', (b) => (b.gate.requireRead = 'yes'), 'gate.requireRead', 'type'],
  ];
  test.each(cases)('rejects %s', (_, mutate, path, code) => {
    const input = sample();
    mutate(input);
    const issue = only(input);
    expect([issue.path, issue.code]).toEqual([path, code]);
    expect(issue.message.length).toBeGreaterThan(5);
  });

  test('a consent without a document refers to the first document', () => {
    const input = sample();
    input.consents[1].clauses = ['2.2'];
    expect(parseBundle(input).ok).toBe(true);
    input.consents[1].clauses = ['1'];
    expect(errorLines(input)).toEqual(['consents[1].clauses[0]: unknown clause "1" in document "terms-of-service"']);
  });

  test('a translation that differs in clause ids names the ids', () => {
    const input = sample();
    input.documents[0].translations[0].clauses[1].clauses[1].id = '2.3';
    expect(errorLines(input)).toEqual([
      'documents[0].translations[0].clauses: clause ids differ from the controlling text: missing "2.2", extra "2.3"',
    ]);
  });

  test.each(['', 'null', '42', '[]', '"bundle"'])('rejects the JSON text %j as not a bundle', (text) => {
    expect(only(text)).toMatchObject({ path: '', code: text ? 'type' : 'json' });
  });

  test('rejects text that is not JSON, saying so', () => {
    expect(only('{"format": 1,')).toMatchObject({ path: '', code: 'json', message: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('links', () => {
  const withHref = (href: string) => {
    const input = sample();
    input.documents[0].clauses[1].clauses[1].body[0].text[1].href = href;
    return input;
  };
  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u2028:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://a.example/1',
  ])('rejects %j', (href) => {
    expect(only(withHref(href))).toMatchObject({ code: 'unsafe-url', path: 'documents[0].clauses[1].clauses[1].body[0].text[1].href' });
  });
  test.each(['https://a.example/x', 'http://a.example', 'mailto:legal@a.example', 'tel:+861234', '/disputes', '../terms#4.4', '#top', '?lang=en', '//cdn.example/x'])(
    'accepts %j',
    (href) => {
      expect(parseBundle(withHref(href)).ok).toBe(true);
    },
  );
  test('checks the publisher contact too', () => {
    const input = sample();
    input.publisher.contact = 'javascript:alert(1)';
    expect(only(input)).toMatchObject({ code: 'unsafe-url', path: 'publisher.contact' });
  });
});

describe('prototype keys', () => {
  test('__proto__, constructor and prototype keys are errors and pollute nothing', () => {
    const text = JSON.stringify(sample())
      .replace('{"$schema"', '{"__proto__":{"polluted":true},"$schema"')
      .replace('"id":"1.1"', '"id":"1.1","constructor":{"prototype":{"polluted":true}}');
    expect(errorLines(text)).toEqual([
      '__proto__: forbidden key "__proto__"',
      'documents[0].clauses[0].clauses[0].constructor: forbidden key "constructor"',
    ]);
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
  });

  test('prototype keys cannot be ids or locales', () => {
    const input = JSON.parse(JSON.stringify(sample()).replace('"id":"2.1.1"', '"id":"__proto__"').replace('"id":"2.1.1"', '"id":"__proto__"'));
    input.documents[1].clauses[1].id = 'constructor';
    input.consents[1].label = JSON.parse('{"__proto__": "x"}');
    expect(errorLines(input)).toEqual([
      'documents[0].clauses[1].clauses[0].clauses[0].id: "__proto__" cannot be an id',
      'documents[0].translations[0].clauses[1].clauses[0].clauses[0].id: "__proto__" cannot be an id',
      'documents[1].clauses[1].id: "constructor" cannot be an id',
      'consents[1].label.__proto__: expected a language tag like "zh-CN", got "__proto__"',
    ]);
  });

  test('a valid result holds plain objects only', () => {
    const result = parseBundle(JSON.stringify(sample()));
    if (!result.ok) throw new Error('sample should be valid');
    expect(Object.getPrototypeOf(result.bundle)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.bundle.consents![0]!.label)).toBe(Object.prototype);
  });
});

describe('limits', () => {
  test('a JSON text nested 10,000 deep fails fast with a clear error', () => {
    expect(only('['.repeat(10_000) + ']'.repeat(10_000))).toEqual({
      path: '',
      code: 'limit',
      message: `JSON nested deeper than ${DEFAULT_LIMITS.maxDepth} levels`,
    });
  });

  test('brackets inside strings do not count as nesting', () => {
    const input = sample();
    input.documents[1].clauses[1].body[0].text[0] = '[{'.repeat(500) + '\\"';
    expect(parseBundle(JSON.stringify(input)).ok).toBe(true);
  });

  test('a 50 MB text fails with a clear error', () => {
    expect(only(' '.repeat(50 * 1024 * 1024))).toMatchObject({ code: 'limit', message: 'JSON text longer than 8388608 characters' });
  });

  test('a hand-built object nested 10,000 clauses deep fails without overflowing the stack', () => {
    const input = sample();
    let clause = input.documents[1].clauses[1];
    for (let i = 0; i < 10_000; i++) {
      const child = { id: `deep-${i}` };
      clause.clauses = [child];
      clause = child;
    }
    expect(only(input)).toMatchObject({ code: 'limit', message: `nested deeper than ${DEFAULT_LIMITS.maxDepth} levels` });
  });

  test('a cyclic object fails with a limit error', () => {
    const input = sample();
    input.documents[1].clauses[1].clauses = input.documents[1].clauses;
    const result = parseBundle(input);
    expect(result.ok ? [] : result.errors.filter((e) => e.code === 'limit')).toEqual([
      { path: expect.stringMatching(/^documents\[1\]\.clauses(\[1\]\.clauses)+/), code: 'limit', message: 'nested deeper than 64 levels' },
    ]);
  });

  test.each([
    ['maxDocuments', { maxDocuments: 1 }, 'documents', 'more than 1 documents'],
    ['maxClauses', { maxClauses: 5 }, 'documents[0].clauses[1].clauses[0].clauses[0]', 'more than 5 clauses'],
    ['maxJsonLength', { maxJsonLength: 100 }, '', 'JSON text longer than 100 characters'],
    ['maxDepth', { maxDepth: 5 }, '', 'JSON nested deeper than 5 levels'],
    ['maxItems', { maxItems: 10 }, 'documents[0].clauses[0].clauses', 'more than 10 array items'],
  ])('%s can be set per call', (_, limits, path, message) => {
    expect(parseBundle(JSON.stringify(sample())).ok).toBe(true);
    const result = parseBundle(JSON.stringify(sample()), limits);
    expect(result.ok ? [] : result.errors.filter((e) => e.code === 'limit')).toEqual([{ path, code: 'limit', message }]);
  });

  test('maxStringLength can be set per call', () => {
    const input = sample();
    input.documents[1].clauses[1].body[0].text[0] = 'x'.repeat(DEFAULT_LIMITS.maxStringLength + 1);
    expect(errorLines(input)).toEqual([`documents[1].clauses[1].body[0].text[0]: longer than ${DEFAULT_LIMITS.maxStringLength} characters`]);
    expect(errorLines(input, { maxStringLength: Infinity })).toEqual([]);
  });

  test('stops after maxIssues errors and says so', () => {
    const input = sample();
    input.documents[1].clauses = Array.from({ length: 500 }, () => ({ id: 7 }));
    const result = parseBundle(input, { maxIssues: 20 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(21);
    expect(result.errors.at(-1)).toEqual({ path: '', code: 'limit', message: 'more than 20 errors; stopped looking' });
  });
});

describe('never throws', () => {
  test('a getter that throws becomes an error', () => {
    const input = sample();
    Object.defineProperty(input.documents[0], 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(only(input)).toEqual({ path: '', code: 'internal', message: 'could not read the bundle: boom' });
  });

  test.each([undefined, () => 1, Symbol('x'), 10n, new Date(0), new Map()])('rejects %s as not a bundle', (value) => {
    expect(parseBundle(value).ok).toBe(false);
  });
});

describe('assertBundle', () => {
  test('returns the clean bundle when valid', () => {
    expect(assertBundle(JSON.stringify(sample()))).toEqual(sample());
  });

  test('throws a BundleError listing every error', () => {
    const input = sample();
    input.version = 'x';
    delete input.documents[1].title;
    let thrown: unknown;
    try {
      assertBundle(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BundleError);
    const error = thrown as BundleError;
    expect(error.issues.map((i) => i.path)).toEqual(['version', 'documents[1].title']);
    expect(error.message).toBe(
      'invalid terms bundle:\nversion: expected MAJOR.MINOR like "1.0", got "x"\ndocuments[1].title: missing required field',
    );
  });
});

test('formatIssue leaves out an empty path', () => {
  expect(formatIssue({ path: '', code: 'json', message: 'not valid JSON' })).toBe('not valid JSON');
  expect(formatIssue({ path: 'id', code: 'required', message: 'missing required field' })).toBe('id: missing required field');
});
