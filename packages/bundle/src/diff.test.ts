import { afterEach, describe, expect, test } from 'vitest';
import seedJson from '../../../demo/terms/xiaoyi.json';
import { changedClauses, diffBundles, isMajorChange } from './diff.ts';
import { assertBundle } from './parse.ts';
import type { Clause, DocumentText, TermsBundle } from './types.ts';
import { allClauses } from './walk.ts';
import { diffWords, formatWordDiff, wordsOf } from './word-diff.ts';

const seed = () => assertBundle(seedJson);
const TOS = 'terms-of-service';
const clauseOf = (bundle: TermsBundle, id: string, text: DocumentText = bundle.documents[0]!) => allClauses(text.clauses).find((c) => c.id == id)!;
const english = (bundle: TermsBundle) => bundle.documents[0]!.translations![0]!;
/** Replaces `from` with `to` in the clause's first paragraph. */
function edit(clause: Clause, from: string, to: string) {
  const block = clause.body![0]!;
  if (block.type != 'paragraph') throw new Error('not a paragraph');
  const run = block.text[0] as string;
  expect(run).toContain(from);
  block.text[0] = run.replace(from, to);
}

describe('word diff', () => {
  const Segmenter = Intl.Segmenter;
  afterEach(() => void ((Intl as any).Segmenter = Segmenter));

  test('Chinese: words, not characters and not the whole sentence', () => {
    expect(wordsOf('平台不承担任何责任', 'zh-CN').length).toBeLessThan(9);
    const parts = diffWords('平台对您的赔偿总额不超过您已支付的服务费总额。', '平台对您的赔偿总额不超过您已支付的服务费总额的两倍。', 'zh-CN');
    expect(formatWordDiff(parts)).toBe('平台对您的赔偿总额不超过您已支付的服务费总额{+的两倍+}。');
    expect(formatWordDiff(diffWords('由您自行承担', '由平台承担', 'zh-CN'))).toBe('由[-您自行-]{+平台+}承担');
  });

  test('Chinese without Intl.Segmenter: character by character, same result', () => {
    (Intl as any).Segmenter = undefined;
    expect(wordsOf('由您承担 risk', 'zh-CN')).toEqual(['由', '您', '承', '担', ' ', 'risk']);
    expect(formatWordDiff(diffWords('由您自行承担', '由平台承担', 'zh-CN'))).toBe('由[-您自行-]{+平台+}承担');
  });

  test('English: whole words, spaces kept', () => {
    const parts = diffWords('The Platform accepts no liability for data loss.', 'The Platform accepts limited liability for data loss.', 'en');
    expect(formatWordDiff(parts)).toBe('The Platform accepts [-no-]{+limited+} liability for data loss.');
    (Intl as any).Segmenter = undefined;
    expect(formatWordDiff(diffWords('may end it at any time', 'may end it with notice', 'en'))).toBe('may end it [-at any time-]{+with notice+}');
  });

  test('joined back, each side gives its text; long shared runs shorten to their ends', () => {
    const [before, after] = ['word '.repeat(20) + 'old', 'word '.repeat(20) + 'new'];
    const parts = diffWords(before, after, 'en');
    expect(parts.filter((p) => p.op != 'insert').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op != 'delete').map((p) => p.text).join('')).toBe(after);
    expect(formatWordDiff(parts, 5)).toBe('…word [-old-]{+new+}');
  });
});

describe('versions', () => {
  test('isMajorChange compares MAJOR only', () => {
    expect(isMajorChange('1.0', '2.0')).toBe(true);
    expect(isMajorChange('1.9', '10.0')).toBe(true);
    expect(isMajorChange('1.0', '1.1')).toBe(false);
    expect(isMajorChange('2.0', '1.5')).toBe(false);
    expect(() => isMajorChange('1', '2.0')).toThrow(RangeError);
  });
});

describe('diffBundles', () => {
  test('a bundle against itself: nothing changed, no warnings', () => {
    const diff = diffBundles(seed(), seed());
    expect(diff.documents).toEqual([{ id: TOS, status: 'unchanged', texts: [] }]);
    expect(diff.consents).toEqual([]);
    expect(diff.warnings).toEqual([]);
  });

  test('changed text of a marked clause under a MINOR: word diff and a warning', () => {
    const next = seed();
    next.version = '1.1';
    edit(clauseOf(next, '4.4'), '服务费用总额', '服务费用总额的两倍');
    const diff = diffBundles(seed(), next);
    expect(diff.major).toBe(false);
    const [text] = diff.documents[0]!.texts;
    expect(text!.locale).toBe('zh-CN');
    expect(text!.clauses).toEqual([expect.objectContaining({ status: 'changed', clause: '4.4', textChanged: true, marked: true })]);
    expect(formatWordDiff(text!.clauses[0]!.words!, 10)).toContain('服务费用总额{+的两倍+}');
    expect(diff.warnings).toEqual([{ path: `documents.${TOS}.clauses.4.4`, message: 'the text of marked clause 4.4 changed, but 1.0 → 1.1 keeps MAJOR 1, so users who accepted 1.0 are not asked again (R19)' }]);
  });

  test('the same change under a new MAJOR: no warning', () => {
    const next = seed();
    next.version = '2.0';
    edit(clauseOf(next, '4.4'), '服务费用总额', '服务费用总额的两倍');
    const diff = diffBundles(seed(), next);
    expect(diff.major).toBe(true);
    expect(diff.warnings).toEqual([]);
  });

  test('an unmarked clause changed under a MINOR: listed, no warning; an English-only edit is a translation change', () => {
    const next = seed();
    next.version = '1.1';
    const unmarked = allClauses(next.documents[0]!.clauses).find((c) => !c.highlight && c.body?.[0]?.type == 'paragraph')!;
    const first = (unmarked.body![0] as { text: string[] }).text[0]!;
    edit(unmarked, first.slice(0, 2), first.slice(0, 2) + '（修订）');
    edit(clauseOf(next, '4.2', english(next)), 'no liability', 'limited liability');
    const diff = diffBundles(seed(), next);
    expect(diff.documents[0]!.texts.map((t) => [t.locale, t.role, t.clauses.map((c) => [c.status, c.clause, c.marked])])).toEqual([
      ['zh-CN', 'controlling', [['changed', unmarked.id, false]]],
      ['en', 'translation', [['changed', '4.2', true]]],
    ]);
    expect(formatWordDiff(diff.documents[0]!.texts[1]!.clauses[0]!.words!, 20)).toContain('bear [-no-]{+limited+} liability');
    expect(diff.warnings).toEqual([]);
  });

  test('added, removed, moved to another parent, reordered and renumbered', () => {
    const next = seed();
    next.version = '1.1';
    const section4 = clauseOf(next, '4');
    const section7 = clauseOf(next, '7');
    // 4.3 removed; a new 4.5 added; 7.2 moved under section 4; 4.1 and 4.2 swapped; 7.1 renumbered 7.9.
    section4.clauses = section4.clauses!.filter((c) => c.id != '4.3');
    section4.clauses.push({ id: '4.5', kind: 'clause', number: '4.5', body: [{ type: 'paragraph', text: ['新增条款。'] }] });
    const moved = section7.clauses!.find((c) => c.id == '7.2')!;
    section7.clauses = section7.clauses!.filter((c) => c.id != '7.2');
    section4.clauses.push(moved);
    [section4.clauses[0], section4.clauses[1]] = [section4.clauses[1]!, section4.clauses[0]!];
    const renumbered = section7.clauses.find((c) => c.id == '7.1')!;
    Object.assign(renumbered, { id: '7.9', number: '7.9' });
    // The translation follows, as parseBundle requires.
    const en = english(next);
    const en4 = clauseOf(next, '4', en);
    const en7 = clauseOf(next, '7', en);
    en4.clauses = en4.clauses!.filter((c) => c.id != '4.3');
    en4.clauses.push({ id: '4.5', kind: 'clause', number: '4.5', body: [{ type: 'paragraph', text: ['A new clause.'] }] });
    en4.clauses.push(en7.clauses!.find((c) => c.id == '7.2')!);
    en7.clauses = en7.clauses!.filter((c) => c.id != '7.2');
    [en4.clauses[0], en4.clauses[1]] = [en4.clauses[1]!, en4.clauses[0]!];
    Object.assign(en7.clauses.find((c) => c.id == '7.1')!, { id: '7.9', number: '7.9' });
    assertBundle(next);

    const diff = diffBundles(seed(), next);
    const zh = diff.documents[0]!.texts.find((t) => t.locale == 'zh-CN')!;
    const summary = zh.clauses.map((c) => [c.status, c.clause, c.from?.clause ?? null, c.textChanged]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['removed', '4.3', '4.3', true],
        ['added', '4.5', null, true],
        ['moved', '7.2', '7.2', false],
        ['moved', '7.9', '7.1', false],
      ]),
    );
    // One of 4.1 and 4.2 is reported as moved: the other kept its order.
    expect(zh.clauses.filter((c) => c.status == 'moved' && ['4.1', '4.2'].includes(c.clause))).toHaveLength(1);
    expect(zh.clauses.find((c) => c.clause == '7.2')!.from).toEqual({ clause: '7.2', parent: '7', index: 1 });
    expect(zh.clauses.find((c) => c.clause == '7.2')!.to).toEqual({ parent: '4', index: 4 });
    // 4.3 was marked: removing it under a MINOR is worth a warning; so is a renumbered marked clause? No: its text is the same.
    expect(diff.warnings.map((w) => w.path)).toEqual([`documents.${TOS}.clauses.4.3`]);
    expect(changedClauses(seed(), next)).toEqual([{ document: TOS, clause: '4.5' }]);
  });

  test('a clause that became marked or unmarked, and a changed explanation', () => {
    const next = seed();
    next.version = '1.1';
    delete clauseOf(next, '7.1').highlight;
    const unmarked = allClauses(next.documents[0]!.clauses).find((c) => !c.highlight && c.body)!;
    unmarked.highlight = { kinds: ['restricts-rights'], source: 'author', explanation: { 'zh-CN': { summary: '说明' }, en: { summary: 'Explained' } } };
    clauseOf(next, '4.4').highlight!.explanation!.en!.summary += ' (revised)';
    const diff = diffBundles(seed(), next);
    const byClause = Object.fromEntries(diff.documents[0]!.texts[0]!.clauses.map((c) => [c.clause, [c.status, c.mark, c.textChanged]]));
    expect(byClause).toEqual({ [unmarked.id]: ['changed', 'added', false], '4.4': ['changed', 'changed', false], '7.1': ['changed', 'removed', false] });
    expect(diff.warnings.map((w) => w.message.split(',')[0])).toEqual([
      `clause ${unmarked.id} became marked`,
      'the mark of clause 4.4 changed (kinds',
      'clause 7.1 became unmarked',
    ]);
    expect(changedClauses(seed(), next).map((r) => r.clause)).toEqual([unmarked.id, '4.4', '7.1']);
  });

  test('documents, dates, consents and versions', () => {
    const next = seed();
    next.consents![0]!.required = true;
    next.documents[0]!.effectiveDate = '2026-01-01';
    next.documents[0]!.title = '小忆互联平台服务条款（2026版）';
    next.documents.push({ ...structuredClone(next.documents[0]!), id: 'privacy-policy', translations: [] });
    const diff = diffBundles(seed(), next);
    expect(diff.documents.map((d) => [d.id, d.status])).toEqual([[TOS, 'changed'], ['privacy-policy', 'added']]);
    expect(diff.documents[0]!.effectiveDate).toEqual({ from: '2025-08-10', to: '2026-01-01' });
    expect(formatWordDiff(diff.documents[0]!.texts[0]!.title!)).toBe('小忆互联平台服务条款{+（2026版）+}');
    expect(diff.consents).toEqual([{ id: 'third-party-sharing', status: 'changed' }]);
    expect(diff.warnings.map((w) => w.path)).toEqual(['version', 'documents.privacy-policy', 'consents.third-party-sharing']);
    expect(diff.warnings[0]!.message).toBe('the bundles differ but the version went from 1.0 to 1.0');
  });
});
