/**
 * Runs in Chromium: the link check leans on the browser's own URL parser, and the limits must hold
 * on a page's main thread as they do in Node.
 */
import { expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import { parseBundle } from './parse.ts';

const withHref = (href: string): unknown => {
  const bundle: any = structuredClone(sampleJson);
  bundle.documents[0].clauses[1].clauses[1].body[0].text[1].href = href;
  return bundle;
};
const codes = (input: unknown) => {
  const result = parseBundle(input);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

test('Chromium’s URL parser lets no script scheme through', () => {
  for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\r\nscript:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x']) {
    expect(codes(withHref(href)), href).toEqual(['unsafe-url']);
  }
  for (const href of ['https://a.example/', 'mailto:a@b.example', 'tel:+1', '/terms', '#c-4.4', '//cdn.example/x']) {
    expect(codes(withHref(href)), href).toEqual([]);
  }
});

test('deep and oversized texts fail fast in the browser too', () => {
  expect(codes('['.repeat(100_000) + ']'.repeat(100_000))).toEqual(['limit']);
  expect(codes('"' + 'x'.repeat(9 * 1024 * 1024) + '"')).toEqual(['limit']);
});

test('the sample bundle is valid in the browser', () => {
  expect(parseBundle(JSON.stringify(sampleJson)).ok).toBe(true);
});
