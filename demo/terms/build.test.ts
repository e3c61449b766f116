/** The committed seed bundle is exactly what its sources build, and the build refuses inconsistent sources. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AuthorLayer, buildSeedBundle, bundleJson, seedPaths } from './build.ts';

const seed = readFileSync(seedPaths.seed(), 'utf8');
const english = readFileSync(seedPaths.english(), 'utf8');
const author = JSON.parse(readFileSync(seedPaths.author(), 'utf8')) as AuthorLayer;

describe('the seed bundle', () => {
  const bundle = buildSeedBundle(seed, english, author);

  it('is committed exactly as the sources build it', () => {
    expect(readFileSync(seedPaths.bundle(), 'utf8')).toBe(bundleJson(bundle));
  });

  it('has the Chinese text controlling and the English one as its translation', () => {
    const [document] = bundle.documents;
    expect(document).toMatchObject({ id: 'terms-of-service', locale: 'zh-CN', title: '小忆互联平台服务条款', effectiveDate: '2025-08-10' });
    expect(document?.translations?.map((text) => [text.locale, text.title])).toEqual([['en', 'Xiaoyi Hulian Platform Terms of Service']]);
  });

  it('carries the author marks on the Chinese clauses, 6.4.1 as critical', () => {
    const section6 = bundle.documents[0]?.clauses.find((clause) => clause.id === '6');
    const clause641 = section6?.clauses?.find((clause) => clause.id === '6.4')?.clauses?.find((clause) => clause.id === '6.4.1');
    expect(clause641?.highlight).toMatchObject({ critical: true, source: 'author' });
  });

  it('refuses a translation whose clauses differ, naming them', () => {
    const missing = english.replace(/^- 6\.5\.4 .*$/m, '');
    expect(() => buildSeedBundle(seed, missing, author)).toThrow(/missing in English: 6\.5\.4/);
  });

  it('refuses marks on clauses that do not exist', () => {
    const wrong = { ...author, highlights: { ...author.highlights, '9.9': { kinds: ['jurisdiction'], source: 'author' } } } as AuthorLayer;
    expect(() => buildSeedBundle(seed, english, wrong)).toThrow(/do not exist: 9\.9/);
  });
});
