/**
 * Documents unlike the seed: a Chinese contract in chapters and articles, and English terms with
 * front matter, "9.1" clauses, "(a)" items, ALL-CAPS headings and disclaimers.
 */
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../parse.ts';
import type { Block, Clause, Inline, TermsDocument } from '../types.ts';
import { ImportError, importDocument, importMarkdown } from './index.ts';

const text = (runs: readonly Inline[] = []) => runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');
const paragraphs = (blocks: readonly Block[] = []) => blocks.flatMap((block) => (block.type === 'paragraph' ? [text(block.text)] : []));
const tree = (clauses: readonly Clause[]): Record<string, unknown> =>
  Object.fromEntries(clauses.map((clause) => [clause.id, tree(clause.clauses ?? [])]));
function find(document: TermsDocument, id: string): Clause | undefined {
  const stack = [...document.clauses];
  for (let clause = stack.shift(); clause; clause = stack.shift()) {
    if (clause.id === id) return clause;
    stack.push(...(clause.clauses ?? []));
  }
  return undefined;
}
const valid = (markdown: string) => {
  const result = parseBundle(importMarkdown(markdown));
  return result.ok ? [] : result.errors;
};

const CONTRACT = `# 技术服务合同

签订日期：2024 年 3 月 1 日

第一章 总则

第一条 为明确双方权利义务，根据《中华人民共和国民法典》，订立本合同。

第二条 本合同所称服务，是指乙方向甲方提供的下列服务：

（一）系统部署；

（二）运行维护；

（三）技术培训。

第二章 责任

第三条 乙方对下列损失不承担责任：

（一）因不可抗力造成的损失；

（二）因甲方原因造成的数据丢失，包括但不限于甲方未按照约定进行备份而导致

的损失；

（三）间接损失。

## 第十九条 争议解决

因本合同发生的争议，提交乙方所在地人民法院诉讼解决。
`;

describe('a Chinese contract in chapters and articles', () => {
  const contract = importDocument(CONTRACT);

  it('nests articles under chapters and （一） items under their article, with parent-qualified ids', () => {
    expect(tree(contract.clauses)).toEqual({
      第一章: { 第一条: {}, 第二条: { '第二条（一）': {}, '第二条（二）': {}, '第二条（三）': {} } },
      第二章: { 第三条: { '第三条（一）': {}, '第三条（二）': {}, '第三条（三）': {} }, 第十九条: {} },
    });
  });

  it('reads the chapter titles as headings and the articles as text', () => {
    expect(contract.clauses.map((chapter) => `${chapter.number} ${text(chapter.heading)}`)).toEqual(['第一章 总则', '第二章 责任']);
    expect(paragraphs(find(contract, '第一条')?.body)).toEqual(['为明确双方权利义务，根据《中华人民共和国民法典》，订立本合同。']);
    expect(find(contract, '第二条（一）')).toMatchObject({ kind: 'item', number: '（一）' });
    expect(text(find(contract, '第十九条')?.heading)).toBe('争议解决');
  });

  it('joins an item cut by a page break without adding a space', () => {
    expect(paragraphs(find(contract, '第三条（二）')?.body)).toEqual(['因甲方原因造成的数据丢失，包括但不限于甲方未按照约定进行备份而导致的损失；']);
  });

  it('takes the date line as the effective date and guesses the language', () => {
    expect(contract).toMatchObject({ title: '技术服务合同', effectiveDate: '2024-03-01', locale: 'zh-CN' });
    expect(contract.preamble).toBeUndefined();
  });

  it('makes a valid bundle', () => expect(valid(CONTRACT)).toEqual([]));
});

const ENGLISH = `---
title: "Acme Cloud Terms of Service"
effective_date: 2024-05-01
lang: en-US
---

These terms govern your use of Acme Cloud. **Please read them carefully.** See our [privacy policy](https://acme.example/privacy).

## 1. Your account

1.1 You must be 18 or older.

1.2 You are responsible for your password and for everything done
with your account.

## 9. Limitation of liability

9.1 Acme is not liable for:

(a) lost profits;

(b) lost data, even if Acme was told such loss was

possible; or

(c) indirect damages.

9.2 TO THE MAXIMUM EXTENT PERMITTED BY LAW, ACME'S TOTAL LIABILITY IS LIMITED TO THE FEES YOU PAID.

DISCLAIMER OF WARRANTIES

THE SERVICE IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.

## Section 10. Disputes

10.1 You waive:

(a) claims that:

(i) arise after one year; or

(ii) are brought as a class;

(b) a jury trial.

10.2 Questions? Write to <legal@acme.example>.
`;

describe('English terms with front matter, numbered clauses and ALL-CAPS text', () => {
  const terms = importDocument(ENGLISH);

  it('reads title, date and language from the front matter', () => {
    expect(terms).toMatchObject({ title: 'Acme Cloud Terms of Service', effectiveDate: '2024-05-01', locale: 'en-US' });
  });

  it('nests 9.1 under 9, (a) under 9.1 and roman (i) under (a)', () => {
    expect(tree(terms.clauses)).toEqual({
      '1': { '1.1': {}, '1.2': {} },
      '9': { '9.1': { '9.1(a)': {}, '9.1(b)': {}, '9.1(c)': {} }, '9.2': {}, 'disclaimer-of-warranties': {} },
      '10': { '10.1': { '10.1(a)': { '10.1(a)(i)': {}, '10.1(a)(ii)': {} }, '10.1(b)': {} }, '10.2': {} },
    });
    expect(find(terms, '10')).toMatchObject({ number: 'Section 10', heading: ['Disputes'] });
  });

  it('keeps an ALL-CAPS disclaimer as text and an ALL-CAPS line as a heading', () => {
    expect(paragraphs(find(terms, '9.2')?.body)[0]).toMatch(/^TO THE MAXIMUM EXTENT PERMITTED BY LAW/);
    expect(find(terms, 'disclaimer-of-warranties')).toMatchObject({ heading: ['DISCLAIMER OF WARRANTIES'] });
    expect(paragraphs(find(terms, 'disclaimer-of-warranties')?.body)).toEqual(['THE SERVICE IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.']);
  });

  it('joins wrapped lines and cut sentences with a space', () => {
    expect(paragraphs(find(terms, '1.2')?.body)).toEqual(['You are responsible for your password and for everything done with your account.']);
    expect(paragraphs(find(terms, '9.1(b)')?.body)).toEqual(['lost data, even if Acme was told such loss was possible; or']);
  });

  it('carries bold and links, never HTML', () => {
    expect(terms.preamble?.[0]).toEqual({
      type: 'paragraph',
      text: [
        'These terms govern your use of Acme Cloud. ',
        { text: 'Please read them carefully.', strong: true },
        ' See our ',
        { text: 'privacy policy', href: 'https://acme.example/privacy' },
        '.',
      ],
    });
    expect(find(terms, '10.2')?.body).toEqual([
      { type: 'paragraph', text: ['Questions? Write to ', { text: 'legal@acme.example', href: 'mailto:legal@acme.example' }, '.'] },
    ]);
  });

  it('makes a valid bundle', () => expect(valid(ENGLISH)).toEqual([]));
});

describe('other Markdown shapes', () => {
  it('keeps the text of raw HTML and drops its markup', () => {
    const terms = importDocument('# T\n\nEffective 2024-01-01\n\n## 1. Use\n\nYou <u>must</u> agree.\n\n<div class="x">Block <b>text</b></div>\n\n<!-- a comment -->\n');
    expect(paragraphs(find(terms, '1')?.body)).toEqual(['You must agree.', 'Block text']);
  });

  it('numbers Markdown ordered lists under their heading and keeps text after a list in order', () => {
    const terms = importDocument('# T\n\nEffective 2024-01-01\n\n## Account\n\nIntro.\n\n1. First.\n2. Second.\n\nAfter the list.\n\n## Payment\n\nPay.\n');
    expect(tree(terms.clauses)).toEqual({ account: { 'account.1': {}, 'account.2': {}, 'account.p1': {} }, payment: {} });
    expect(paragraphs(find(terms, 'account.p1')?.body)).toEqual(['After the list.']);
  });

  it('gives unnumbered headings unique slugs and honours explicit anchors', () => {
    const terms = importDocument('# T\n\nEffective 2024-01-01\n\n## Fees\n\nA.\n\n## Fees\n\nB.\n\n## Refunds {: #money-back }\n\nC.\n');
    expect(terms.clauses.map((clause) => clause.id)).toEqual(['fees', 'fees-2', 'money-back']);
  });

  it('makes each paragraph a clause when a document has no structure at all', () => {
    const terms = importDocument('First rule.\n\nSecond rule.\n', { title: 'Rules', effectiveDate: '2024-01-01' });
    expect(terms.clauses.map((clause) => [clause.id, paragraphs(clause.body)])).toEqual([
      ['p1', ['First rule.']],
      ['p2', ['Second rule.']],
    ]);
  });
});

describe('import errors', () => {
  it('says what is missing: a title', () => {
    expect(() => importDocument('Effective 2024-01-01\n\n## 1. A\n\nText.')).toThrow(ImportError);
    expect(() => importDocument('Effective 2024-01-01\n\n## 1. A\n\nText.')).toThrow(/no title/);
  });

  it('says what is missing: an effective date', () => {
    expect(() => importDocument('# Terms\n\n## 1. A\n\nText.')).toThrow(/no effective date/);
  });

  it('rejects malformed options and empty documents with ImportError', () => {
    expect(() => importDocument('# T\n\nText.', { effectiveDate: '2024-02-30' })).toThrow(/not a real YYYY-MM-DD date/);
    expect(() => importDocument('# T\n\nEffective 2024-01-01\n\nText.', { locale: 'not a locale' })).toThrow(ImportError);
    expect(() => importMarkdown('# T\n\nEffective 2024-01-01\n\nText.', { version: 'v1' })).toThrow(/MAJOR.MINOR/);
    expect(() => importDocument('# T\n\nEffective 2024-01-01\n')).toThrow(/no text/);
  });
});
