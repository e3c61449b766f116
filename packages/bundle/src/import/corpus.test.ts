/**
 * Every published terms document in the shared corpus (English, Simplified and Traditional Chinese)
 * imports into a valid bundle with the structure a reader sees in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../parse.ts';
import type { Clause, Inline, TermsDocument } from '../types.ts';
import { importDocument, importMarkdown } from './index.ts';

const shared = process.env.TERMS_GATE_SHARED ?? resolve(fileURLToPath(new URL('../../../../', import.meta.url)), '../shared');
const corpus = resolve(shared, 'data/terms-documents');
const read = (path: string) => readFileSync(resolve(corpus, path), 'utf8');
const documents = ['en', 'zh-CN', 'zh-TW'].flatMap((locale) =>
  readdirSync(resolve(corpus, locale))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ locale, path: `${locale}/${name}` })),
);

const text = (runs: readonly Inline[] = []) => runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');
const ids = (clauses: readonly Clause[]) => clauses.map((clause) => clause.id);
const allIds = (clauses: readonly Clause[]): string[] => clauses.flatMap((clause) => [clause.id, ...allIds(clause.clauses ?? [])]);
const find = (clauses: readonly Clause[], id: string): Clause | undefined => {
  for (const clause of clauses) {
    if (clause.id === id) return clause;
    const inner = find(clause.clauses ?? [], id);
    if (inner) return inner;
  }
  return undefined;
};
const imported = new Map<string, TermsDocument>();
const load = (path: string, locale: string) => {
  if (!imported.has(path)) imported.set(path, importDocument(read(path), { locale }));
  return imported.get(path)!;
};

const EFFECTIVE: Record<string, string> = {
  'en/basecamp-37signals-terms.md': '2023-01-06',
  'en/github-corporate-terms-of-service.md': '2020-11-16',
  'en/github-terms-of-service.md': '2020-11-16',
  'en/mozilla-firefox_cloud_services_tos.md': '2025-06-10',
  'en/mozilla-firefox_terms_of_use.md': '2025-06-10',
  'en/mozilla-pocket_tos.md': '2024-02-15',
  'en/mozilla-subscription_services_tos.md': '2026-03-24',
  'en/mozilla-websites_tou.md': '2016-06-23',
  'en/wordpress-com-terms-of-service.md': '2026-04-10',
  'zh-CN/mozilla-firefox_cloud_services_tos.md': '2025-06-10',
  'zh-CN/mozilla-firefox_terms_of_use.md': '2025-06-10',
  'zh-CN/mozilla-pocket_tos.md': '2024-02-15',
  'zh-CN/mozilla-subscription_services_tos.md': '2026-03-24',
  'zh-CN/mozilla-websites_tou.md': '2016-06-23',
  'zh-TW/mozilla-pocket_tos.md': '2024-02-15',
};

describe('the terms-documents corpus', () => {
  it('holds the documents this suite expects', () => {
    expect(documents.map((document) => document.path).sort()).toEqual(Object.keys(EFFECTIVE).sort());
  });

  it.each(documents)('$path imports into a valid bundle with title, date and sections', ({ path, locale }) => {
    const result = parseBundle(importMarkdown(read(path), { locale }));
    expect(result.ok ? [] : result.errors).toEqual([]);
    const document = load(path, locale);
    expect(document.title.length).toBeGreaterThan(3);
    expect(document.effectiveDate).toBe(EFFECTIVE[path]);
    expect(allIds(document.clauses).length).toBeGreaterThanOrEqual(5);
  });

  it.each(documents)('$path is recognised as $locale without being told', ({ path, locale }) => {
    expect(importDocument(read(path)).locale).toBe(locale);
  });
});

describe('GitHub Terms of Service', () => {
  const terms = load('en/github-terms-of-service.md', 'en');

  it('takes its title from the front matter and its date from the "Effective date" line', () => {
    expect(terms).toMatchObject({ title: 'GitHub Terms of Service', effectiveDate: '2020-11-16' });
    expect(text((terms.preamble?.[0] as { text: Inline[] }).text)).toMatch(/^Thank you for using GitHub!/);
  });

  it('has sections A to R, each numbered as printed', () => {
    const lettered = terms.clauses.filter((clause) => /^[A-Z]$/.test(clause.id));
    expect(ids(lettered)).toEqual([...'ABCDEFGHIJKLMNOPQR']);
    expect(lettered.map((clause) => clause.number)).toEqual([...'ABCDEFGHIJKLMNOPQR'].map((letter) => `${letter}.`));
    expect(text(find(terms.clauses, 'O')?.heading)).toBe('Limitation of Liability');
  });

  it('nests the numbered sub-sections under their letter', () => {
    expect(ids(find(terms.clauses, 'B')?.clauses ?? [])).toEqual(['B.1', 'B.2', 'B.3', 'B.4', 'B.5']);
    expect(text(find(terms.clauses, 'B.4')?.heading)).toBe('Account Security');
    expect(ids(find(terms.clauses, 'R')?.clauses ?? [])).toEqual(['R.1', 'R.2', 'R.3', 'R.4', 'R.5', 'R.6']);
  });

  it('makes the definitions list of A items', () => {
    const definitions = find(terms.clauses, 'A')?.clauses ?? [];
    expect(ids(definitions)).toEqual(['A.1', 'A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8']);
    expect(definitions.every((clause) => clause.kind === 'item')).toBe(true);
  });

  it('keeps the liability carve-outs of O as a list in its body', () => {
    const list = find(terms.clauses, 'O')?.body?.find((block) => block.type === 'list');
    expect(list?.items).toHaveLength(8);
  });
});

describe('Mozilla Accounts terms in Simplified Chinese', () => {
  const terms = load('zh-CN/mozilla-firefox_cloud_services_tos.md', 'zh-CN');

  it('reads the date from the line under the title', () => {
    expect(terms).toMatchObject({ title: 'Mozilla 帐户服务条款', effectiveDate: '2025-06-10' });
  });

  it('has the summary and the terms as sections, the terms numbered 1 to 12 with their headings', () => {
    expect(ids(terms.clauses)).toEqual(['摘要', '服务条款']);
    const numbered = (find(terms.clauses, '服务条款')?.clauses ?? []).filter((clause) => clause.number);
    expect(numbered.map((clause) => clause.number)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}.`));
    expect(text(numbered[0]?.heading)).toBe('简介');
    expect(text(numbered[9]?.heading)).toBe('免责声明；责任限制');
  });

  it('makes the services (a) to (f) items of clause 3', () => {
    const services = find(terms.clauses, '服务条款.3')?.clauses ?? [];
    expect(services.map((clause) => clause.number)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)']);
    expect(services[0]?.id).toBe('服务条款.3(a)');
  });
});

describe('Pocket terms in three languages', () => {
  it('give the same clause ids in English, Simplified and Traditional Chinese (from their anchors)', () => {
    const english = allIds(load('en/mozilla-pocket_tos.md', 'en').clauses);
    expect(english).toContain('liability');
    expect(allIds(load('zh-CN/mozilla-pocket_tos.md', 'zh-CN').clauses)).toEqual(english);
    expect(allIds(load('zh-TW/mozilla-pocket_tos.md', 'zh-TW').clauses)).toEqual(english);
  });
});

describe('WordPress.com terms', () => {
  const terms = load('en/wordpress-com-terms-of-service.md', 'en');

  it('takes the first heading as the title and numbers sections 1 to 21', () => {
    expect(terms.title).toBe('Terms of Service');
    const numbered = terms.clauses.filter((clause) => clause.number);
    expect(ids(numbered)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
  });

  it('nests the lettered sub-sections under their section', () => {
    expect(ids(find(terms.clauses, '8')?.clauses ?? [])).toEqual([...'abcdefghijk'].map((letter) => `8.${letter}`));
    expect(text(find(terms.clauses, '8.k')?.heading)).toBe('Artificial Intelligence');
  });
});

describe('Mozilla websites terms in Simplified Chinese', () => {
  it('finds the thirteen numbered clauses written as "1\\.介绍" headings', () => {
    const terms = load('zh-CN/mozilla-websites_tou.md', 'zh-CN');
    const numbered = find(terms.clauses, '使用条款')?.clauses ?? [];
    expect(ids(numbered)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    expect(text(numbered[0]?.heading)).toBe('介绍');
  });
});
