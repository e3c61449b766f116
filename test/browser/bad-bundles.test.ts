/**
 * A bad bundle, whether handed over as the `bundle` property or fetched from `src`, leaves the gate
 * in one clear state: an error message with a retry, one `terms-error`, and no way to accept (no
 * enabled checkbox, no terms dialog, `show()` rejects). Keys such as `__proto__` in any object
 * position never pollute a prototype.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { TermsBundle } from '@terms-gate/bundle';
import { deepQueryAll, expectEventually, recordEvents, sampleBundle } from '../../packages/elements/src/test-support/gate-fixtures.ts';
import type { TermsGate } from '../../packages/elements/src/terms-gate/terms-gate.ts';

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
let prototypeKeys: string[][];
const snapshotPrototypes = () => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort());

beforeAll(() => {
  prototypeKeys = snapshotPrototypes();
});

let recorder: ReturnType<typeof recordEvents> | undefined;
afterEach(() => {
  recorder?.stop();
  recorder = undefined;
});

/** No prototype gained a key, and a fresh object inherits nothing new. */
function expectNoPollution(what: string) {
  expect(snapshotPrototypes(), `${what}: prototypes unchanged`).toEqual(prototypeKeys);
  const fresh = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'accepted', 'outcome']) expect(fresh[key], `${what}: ({}).${key}`).toBeUndefined();
}

/** A bundle served from `src`: a blob URL with a JSON content type, read by the gate's own fetch. */
function served(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

/** Mounts a gate with `input` (a bundle property value, or `{ src }`) and waits for its error state. */
async function mountBad(input: { bundle: unknown } | { src: string }, what: string): Promise<TermsGate> {
  document.body.replaceChildren();
  recorder?.stop();
  recorder = recordEvents();
  const gate = document.createElement('terms-gate') as TermsGate;
  gate.setAttribute('lang', 'en');
  gate.name = 'terms';
  if ('src' in input) gate.src = input.src;
  document.body.append(gate);
  if ('bundle' in input) gate.bundle = input.bundle as TermsBundle;
  await expectEventually(() => !!gate.shadowRoot?.querySelector('[part~="retry"]') || !!gate.shadowRoot?.querySelector('terms-modal'), `${what}: settled`);
  await gate.updateComplete;
  return gate;
}

/** The error state a user can recover from and cannot accept through. */
async function expectErrorState(gate: TermsGate, what: string, kind?: 'load' | 'invalid', retry = true) {
  const root = gate.shadowRoot!;
  const alert = root.querySelector('[part~="error"][role="alert"]');
  expect(alert, `${what}: an error message in role=alert`).not.toBeNull();
  expect(alert!.textContent!.trim(), `${what}: the message says what happened`).toMatch(/could not be loaded|not valid/);
  expect(root.querySelector('button[part~="retry"]'), `${what}: a retry button`).not.toBeNull();
  expect(recorder!.types(), `${what}: exactly one terms-error`).toEqual(['terms-error']);
  const { error } = recorder!.of('terms-error')[0]!.detail;
  expect(error.name, what).toBe('TermsGateError');
  if (kind) expect(error.kind, `${what}: error kind`).toBe(kind);
  // Nothing to accept with: no enabled checkbox anywhere, no dialog, no accept button.
  expect(deepQueryAll<HTMLInputElement>(root, 'input[type="checkbox"]:not([disabled])'), `${what}: no enabled checkbox`).toEqual([]);
  expect(deepQueryAll(root, 'terms-modal, dialog, [part~="accept"]'), `${what}: no terms dialog`).toEqual([]);
  await expect(gate.show(), `${what}: show() rejects`).rejects.toThrow();
  expect(gate.accepted).toBe(false);
  expect(gate.checkValidity(), `${what}: a required gate stays invalid`).toBe(gate.required ? false : true);
  if (!retry) return;
  // Retry tries again, and fails the same way without ever offering acceptance.
  (root.querySelector('button[part~="retry"]') as HTMLButtonElement).click();
  await expectEventually(() => recorder!.of('terms-error').length === 2, `${what}: retry reports again`);
  await gate.updateComplete;
  expect(root.querySelector('button[part~="retry"]'), `${what}: still a retry after retrying`).not.toBeNull();
  expect(deepQueryAll(root, 'terms-modal, [part~="accept"]')).toEqual([]);
  expect(recorder!.types().filter((type) => type !== 'terms-error'), `${what}: no outcome`).toEqual([]);
}

const valid = () => JSON.parse(JSON.stringify(sampleBundle()));
const deep = (depth: number, open = '[', close = ']') => open.repeat(depth) + '1' + close.repeat(depth);

/** Invalid bundles as JSON text, by what is wrong with them. */
const BAD_TEXTS: Record<string, string> = {
  'not JSON': 'this is not JSON',
  'truncated JSON': JSON.stringify(sampleBundle()).slice(0, 200),
  'empty text': '',
  'JSON null': 'null',
  'a JSON array': '[]',
  'a JSON string': '"terms"',
  'a JSON number': '42',
  'JSON with a trailing comma': '{"format":1,}',
  'JSON with a BOM and a comment': '\uFEFF{/* c */"format":1}',
  'format as a string': JSON.stringify({ ...valid(), format: '1' }),
  'format 2': JSON.stringify({ ...valid(), format: 2 }),
  'documents as an object': JSON.stringify({ ...valid(), documents: { terms: valid().documents[0] } }),
  'no documents': JSON.stringify({ ...valid(), documents: [] }),
  'clauses as a string': JSON.stringify((() => { const b = valid(); b.documents[0].clauses = 'all of them'; return b; })()),
  'title as a number': JSON.stringify((() => { const b = valid(); b.documents[0].title = 7; return b; })()),
  'a paragraph of numbers': JSON.stringify((() => { const b = valid(); b.documents[0].clauses[0].clauses[0].body[0].text = [1, 2]; return b; })()),
  'a highlight kind that does not exist': JSON.stringify((() => { const b = valid(); b.documents[0].clauses[0].clauses[1].highlight.kinds = ['harmless']; return b; })()),
  'consent required as a string': JSON.stringify((() => { const b = valid(); b.consents[0].required = 'no'; return b; })()),
  'duplicate document ids': JSON.stringify((() => { const b = valid(); b.documents.push(structuredClone(b.documents[0])); return b; })()),
  'duplicate clause ids': JSON.stringify((() => { const b = valid(); b.documents[0].clauses[0].clauses[1].id = '1.1'; return b; })()),
  'duplicate consent ids': JSON.stringify((() => { const b = valid(); b.consents.push(structuredClone(b.consents[0])); return b; })()),
  'a consent naming a missing document': JSON.stringify((() => { const b = valid(); b.consents[0].document = 'missing'; return b; })()),
  'a consent naming a missing clause': JSON.stringify((() => { const b = valid(); b.consents[0].clauses = ['9.9']; return b; })()),
  'a translation with other clause ids': JSON.stringify((() => { const b = valid(); b.documents[0].translations[0].clauses[0].clauses[0].id = '1.9'; return b; })()),
  'a lone surrogate in a title': JSON.stringify((() => { const b = valid(); b.documents[0].title = 'x\uD800y'; return b; })()),
  'arrays nested 10,000 deep': deep(10_000),
  'objects nested 10,000 deep': deep(10_000, '{"a":', '}'),
  'a bundle with a field nested 10,000 deep': JSON.stringify(valid()).replace('"format":1', `"format":1,"extra":${deep(10_000)}`),
};

describe('invalid bundles from src (JSON text)', () => {
  for (const [what, text] of Object.entries(BAD_TEXTS)) {
    test(what, async () => {
      const gate = await mountBad({ src: served(text) }, what);
      await expectErrorState(gate, what, 'invalid');
      expectNoPollution(what);
    });
  }

  test('50 MB of JSON', async () => {
    const filler = 'x'.repeat(1024 * 1024);
    const bundle = valid();
    bundle.documents[0].closing = Array.from({ length: 50 }, () => ({ type: 'paragraph', text: [filler] }));
    const text = JSON.stringify(bundle);
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const gate = await mountBad({ src: served(text) }, '50 MB');
    // Not retried here: reading 50 MB twice only makes the suite slow.
    await expectErrorState(gate, '50 MB', 'invalid', false);
    expect(recorder!.of('terms-error')[0]!.detail.error.message).toMatch(/longer than/);
  });
});

describe('invalid bundles as the bundle property (objects)', () => {
  const objects: Record<string, () => unknown> = {
    undefined: () => undefined,
    null: () => null,
    'a string': () => 'terms',
    'an array': () => [valid()],
    'an empty object': () => ({}),
    'a cyclic object': () => {
      const b = valid();
      b.documents[0].clauses[0].clauses.push(b.documents[0].clauses[0]);
      return b;
    },
    'an object nested 10,000 deep': () => {
      const b = valid();
      let node: any = [];
      for (let i = 0; i < 10_000; i++) node = [node];
      b.documents[0].clauses[0].body = node;
      return b;
    },
    'a getter that throws': () => {
      const b = valid();
      Object.defineProperty(b.documents[0], 'title', { get: () => { throw new Error('boom'); }, enumerable: true });
      return b;
    },
    'a Proxy that throws on every trap': () => new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); } }),
  };
  for (const [what, make] of Object.entries(objects)) {
    test(what, async () => {
      const gate = await mountBad({ bundle: make() }, what);
      await expectErrorState(gate, what);
      expectNoPollution(what);
    });
  }
});

/** Every object in the bundle, by path, so a key can be added to each. */
function objectPaths(node: unknown, path: Array<string | number> = [], into: Array<Array<string | number>> = []) {
  if (typeof node !== 'object' || node === null) return into;
  if (!Array.isArray(node)) into.push(path);
  for (const [key, value] of Object.entries(node)) objectPaths(value, [...path, Array.isArray(node) ? Number(key) : key], into);
  return into;
}

describe('__proto__, constructor and prototype keys in every object position', () => {
  const paths = objectPaths(valid());
  const payload = { polluted: true, isAdmin: true, accepted: true, outcome: 'accept' };

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    test(`"${key}" in each of the ${paths.length} objects, as JSON text from src and as a JSON.parse'd bundle: refused, no pollution`, async () => {
      const failures: string[] = [];
      for (const path of paths) {
        // JSON.parse makes "__proto__" an own property, exactly as a fetched file would.
        const bundle = valid();
        let target: any = bundle;
        for (const step of path) target = target[step];
        const text = JSON.stringify(bundle, (_, value) => (value === target ? { ...value, [`${key}`]: '@@' } : value)).replace('"@@"', JSON.stringify(payload));
        expect(text).toContain(`"${key}":{"polluted":true`);
        const where = `"${key}" at ${path.join('.') || '(root)'}`;
        for (const input of [{ src: served(text) }, { bundle: JSON.parse(text) }]) {
          const how = 'src' in input ? 'src' : 'property';
          const gate = await mountBad(input, `${where} (${how})`);
          const error = recorder!.of('terms-error')[0]?.detail.error;
          if (!gate.shadowRoot!.querySelector('[part~="retry"]') || error?.kind !== 'invalid') failures.push(`${where} (${how}): accepted as valid`);
          else if (!error.issues.some((issue: string) => issue.includes(key))) failures.push(`${where} (${how}): error does not name the key: ${error.issues[0]}`);
          if (deepQueryAll(gate.shadowRoot!, 'terms-modal, [part~="accept"]').length) failures.push(`${where} (${how}): a way to accept`);
          try {
            expectNoPollution(where);
          } catch (pollution) {
            failures.push(`${where} (${how}): ${(pollution as Error).message}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
