import { describe, expect, test } from 'vitest';
import sampleJson from './fixtures/sample.bundle.json';
import { assertBundle } from './parse.ts';
import { allClauses, findClause, markedClauses, textFor, textsOf, shownLocale } from './walk.ts';

const bundle = assertBundle(sampleJson);
const tos = bundle.documents[0]!;

test('allClauses lists a tree parents first, in reading order', () => {
  expect(allClauses(tos.clauses).map((c) => c.id)).toEqual(['一', '1.1', '1.2', '二', '2.1', '2.1.1', '2.2']);
});

test('markedClauses lists the highlighted clauses of every document', () => {
  expect(markedClauses(bundle).map(({ document, clause }) => `${document}#${clause.id}`)).toEqual([
    'terms-of-service#1.1',
    'terms-of-service#2.1',
    'terms-of-service#2.2',
    'privacy-policy#1',
  ]);
  expect(markedClauses(bundle)[1]!.clause.highlight?.critical).toBe(true);
});

test('textFor picks the translation, or falls back to the controlling text', () => {
  expect(textFor(tos, 'en').title).toBe('Sample Platform Service Agreement');
  expect(textFor(tos, 'zh-CN')).toBe(tos);
  expect(textFor(tos, 'fr')).toBe(tos);
  expect(textFor(bundle.documents[1]!, 'en').title).toBe('隐私政策');
});

test('textsOf lists the controlling text first', () => {
  expect(textsOf(tos).map((t) => t.locale)).toEqual(['zh-CN', 'en']);
});

test('findClause finds nested clauses in a given text', () => {
  expect(findClause(textFor(tos, 'en'), '2.1.1')?.number).toBe('(a)');
  expect(findClause(tos, '9.9')).toBeUndefined();
});

describe('shownLocale', () => {
  test('the asked locale when the value has it, else its first locale', () => {
    const notice = { 'zh-CN': '接收方：…', en: 'Recipients: …' };
    expect(shownLocale(notice, 'en')).toBe('en');
    expect(shownLocale(notice, 'ja')).toBe('zh-CN');
  });
});
