import { describe, expect, it } from 'vitest';
import { badgeLabels, groupChildren, markedClauseIds, pickExplanation, pickText, safeHref } from './document-model.ts';
import { bundledTranslator } from './document-text.ts';
import { viewerBundle } from './fixtures.ts';

const terms = viewerBundle().documents[0]!;

describe('pickText', () => {
  it('matches the requested language among the controlling text and translations', () => {
    expect(pickText(terms, 'en-GB').locale).toBe('en');
    expect(pickText(terms, 'zh-Hans-CN').locale).toBe('zh-CN');
    expect(pickText(terms, 'fr').locale).toBe('zh-CN');
    expect(pickText(terms, '')).toBe(terms);
  });
});

describe('marks', () => {
  it('lists marked clause ids in document order', () => {
    expect(markedClauseIds(terms)).toEqual(['1.2', '2.1']);
  });
  it('picks the explanation for the content locale, then the controlling one', () => {
    expect(pickExplanation(terms.clauses[0]!.clauses![1]!.highlight!, 'en', 'zh-CN')?.summary).toBe('No compensation when the service stops.');
    expect(pickExplanation(terms.clauses[1]!.clauses![0]!.highlight!, 'en', 'zh-CN')?.summary).toBe('数据丢失由您承担。');
    expect(pickExplanation({ kinds: ['arbitration'], source: 'author' }, 'en', 'zh-CN')).toBeUndefined();
  });
  it('names each kind and criticality in words', () => {
    expect(badgeLabels({ kinds: ['jurisdiction'], critical: true }, bundledTranslator('zh-CN'))).toEqual(['约定管辖法院', '至关重要']);
  });
});

describe('groupChildren', () => {
  it('puts consecutive items in one ordered list when they carry numbers', () => {
    const groups = groupChildren(terms.clauses[0]!.clauses![2]!.clauses);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ ordered: true, items: [{ id: '1.3.1' }, { id: '1.3.2' }] });
  });
});

describe('safeHref', () => {
  it.each(['https://a.example/x', 'http://a', 'mailto:a@b.example', 'tel:+861', '/relative', 'page#x', '?q=a:b'])('keeps %s', (href) => {
    expect(safeHref(href)).toBe(href);
  });
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', 'vbscript:x'])('drops %s', (href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});
