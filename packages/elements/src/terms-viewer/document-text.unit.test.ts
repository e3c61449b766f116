import { describe, expect, it } from 'vitest';
import { allClauses, textsOf, type Block, type Inline, type TermsBundle } from '@terms-gate/bundle';
import { copyFileName, documentAsHtml, documentAsPlainText, escapeHtml } from './document-text.ts';
import { inlineText } from './document-model.ts';
import { HOSTILE, viewerBundle } from './fixtures.ts';

/** Every run of text a reader sees in a document text, paragraph by paragraph. */
function paragraphsOf(blocks: readonly Block[] | undefined): Inline[][] {
  return (blocks ?? []).flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.items));
}

describe('documentAsPlainText', () => {
  const bundle = viewerBundle();
  for (const text of textsOf(bundle.documents[0]!)) {
    it(`contains the exact text of every clause (${text.locale})`, () => {
      const plain = documentAsPlainText(bundle, 'terms', text.locale);
      expect(plain.startsWith(`${text.title}\n`)).toBe(true);
      const paragraphs = [...paragraphsOf(text.preamble), ...allClauses(text.clauses).flatMap((clause) => [...(clause.heading ? [clause.heading] : []), ...paragraphsOf(clause.body)]), ...paragraphsOf(text.closing)];
      expect(paragraphs.length).toBeGreaterThan(10);
      for (const paragraph of paragraphs) expect(plain).toContain(inlineText(paragraph));
    });
  }

  it('shows each mark as words, in the language of the text', () => {
    expect(documentAsPlainText(bundle, 'terms', 'zh-CN')).toContain('2.1 数据备份\n[加重您的责任 · 免除或限制我方责任 · 至关重要]\n此为至关重要条款。');
    const english = documentAsPlainText(bundle, 'terms', 'en');
    expect(english).toContain('[Limits our liability]\n1.2 We do not promise');
    expect(english).toContain('Effective August 10, 2025 · Version 2.1');
    expect(english).toContain('This translation is for reference; the Chinese (China) text controls.');
  });

  it('writes lists as lines and keeps item numbers', () => {
    const plain = documentAsPlainText(bundle, 'terms', 'en');
    expect(plain).toContain('- export regularly;\n- keep a copy elsewhere.');
    expect(plain).toContain('\n(a) break the security of the system;\n');
  });
});

describe('documentAsHtml', () => {
  const bundle = viewerBundle();

  for (const text of textsOf(bundle.documents[0]!)) {
    it(`contains the exact text of every clause, escaped (${text.locale})`, () => {
      const page = documentAsHtml(bundle, 'terms', text.locale);
      expect(page).toMatch(new RegExp(`^<!doctype html><html lang="${text.locale}">`));
      expect(page).toContain(`<h1>${escapeHtml(text.title)}</h1>`);
      for (const clause of allClauses(text.clauses)) expect(page).toContain(`id="clause-${clause.id}"`);
      const runs = [text.preamble, ...allClauses(text.clauses).flatMap((clause) => [clause.body, clause.heading && [{ type: 'paragraph' as const, text: clause.heading }]]), text.closing]
        .flatMap((blocks) => paragraphsOf(blocks || undefined))
        .flat();
      for (const run of runs) expect(page).toContain(escapeHtml(typeof run === 'string' ? run : run.text));
    });
  }

  it('never lets bundle text become markup or script', () => {
    const page = documentAsHtml(bundle, 'terms', 'zh-CN');
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('escapes hostile titles, ids, numbers, locales and drops script links', () => {
    const hostile: TermsBundle = {
      format: 1,
      id: HOSTILE,
      version: '1"><script>alert(1)</script>',
      documents: [
        {
          id: 'd',
          locale: 'en"><script>',
          title: `${HOSTILE}</title><script>alert(1)</script>`,
          effectiveDate: 'not a date',
          clauses: [
            {
              id: '"><img src=x onerror=alert(1)>',
              number: HOSTILE,
              heading: [{ text: HOSTILE, href: ' javascript:alert(1)' }],
              body: [{ type: 'paragraph', text: [{ text: 'ok', href: 'java\tscript:alert(1)' }, { text: 'safe', href: 'https://example.com/?a=<b>' }] }],
              highlight: { kinds: ['limits-liability'], source: 'author' },
            },
          ],
        },
      ],
    };
    const page = documentAsHtml(hostile, 'd', 'en');
    expect(page).not.toMatch(/<img|<script|javascript:|java\tscript/i);
    expect(page).toContain('<a href="https://example.com/?a=&#60;b&#62;">safe</a>');
    expect(page).toContain('not a date');
  });

  it('marks clauses with the badges as text and a border', () => {
    const page = documentAsHtml(bundle, 'terms', 'en');
    expect(page).toContain('<div class="marked"><p class="badges"><strong>Adds to your liability</strong> <strong>Limits our liability</strong> <strong>Critical</strong></p>');
  });

  it('throws for a document the bundle does not have', () => {
    expect(() => documentAsHtml(bundle, 'nope', 'en')).toThrow(/No document "nope"/);
  });
});

describe('copyFileName', () => {
  it('names the bundle, document, version and locale', () => {
    expect(copyFileName(viewerBundle(), 'terms', 'zh-CN')).toBe('viewer-sample-terms-2.1-zh-CN.html');
  });
  it('keeps file names safe on every system', () => {
    expect(copyFileName({ ...viewerBundle(), id: 'a/b:c' }, 'x y', 'en')).toBe('a_b_c-x_y-2.1-en.html');
  });
});
