/**
 * Whatever an author feeds it, the importer answers with a valid bundle or an ImportError that says
 * what is wrong: never another exception, never a hang, and linear in the size of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../parse.ts';
import type { Clause } from '../types.ts';
import { ImportError, importMarkdown } from './index.ts';
import { parseMarkdown } from './markdown.ts';

/** Pieces that exercise every branch: numbering styles, list syntax, escapes, HTML, front matter. */
const PIECES = [
  '# ', '## ', '### ', '#### ', '- ', '* ', '1. ', '2) ', '   ', '> ', '> [!NOTE] ', '\n', '\n\n', '\n\n', '---\n', '***',
  '**', '*', '_', '`', '\\*', '\\', '[link](https://example.com)', '[ref][x]', '[x]: https://x.example\n', '![alt](a.png)',
  '<b>', '</b>', '<!-- c -->', '<div>html</div>\n', '| a | b |\n| - | - |\n| c | d |\n', '```\ncode\n```\n', '[^1]', '[^1]: note\n',
  '一、', '1.1 ', '6.1.1 ', '第一章 ', '第十九条 ', '（一）', '(1) ', '9. ', '(a) ', '(i) ', 'A. ', 'IV. ', 'Section 9 ', '§ 2 ',
  'ALL CAPS HEADING', 'TERMS', 'text', 'words and more words', '中文条款内容', '，', '。', '.', ':', '；', ' ', '生效日期：2025 年 8 月 10 日',
  'Effective date: August 10, 2025', '{: #anchor }', '{: datetime="2024-02-30" }', '---\ntitle: Fuzz\nlang: en\n---\n', '\u0000', '\u202e', '😀',
];
const markdownish = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));

/** Imports, and checks the outcome: a bundle parseBundle accepts, or an ImportError. */
function importsCleanly(source: string, options?: Parameters<typeof importMarkdown>[1]): boolean {
  let bundle;
  try {
    bundle = importMarkdown(source, options);
  } catch (error) {
    if (error instanceof ImportError) return true;
    throw error;
  }
  const result = parseBundle(bundle);
  if (!result.ok) throw new Error(`invalid bundle: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return true;
}

describe('importing arbitrary Markdown', () => {
  it('yields a valid bundle or an ImportError for Markdown-like text', () => {
    fc.assert(fc.property(markdownish, (source) => importsCleanly(source)), { numRuns: 400 });
  });

  it('yields a valid bundle when title and date are given, whatever the structure', () => {
    fc.assert(
      fc.property(markdownish, (source) => importsCleanly(source, { title: 'Terms', effectiveDate: '2025-08-10' })),
      { numRuns: 400 },
    );
  });

  it('yields a valid bundle or an ImportError for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (source) => importsCleanly(source, { title: 'T', effectiveDate: '2025-08-10' })),
      { numRuns: 300 },
    );
  });

  it('survives nesting far deeper than any real document', () => {
    for (const source of ['> '.repeat(3000) + 'deep', '- '.repeat(2000) + 'deep', '1. '.repeat(500) + 'deep', '1.'.repeat(3000) + '1 deep']) {
      expect(importsCleanly(source, { title: 'T', effectiveDate: '2025-08-10' })).toBe(true);
    }
  });
});

const LINES = [
  '', '', '', '# Heading', '## 1. Section', 'Setext', '===', '---', 'A paragraph line.', 'lazy continuation', '- item', '  - nested',
  '1. first', '2) second', '> quote', '>', '    indented code', '```', '~~~', '````js', '<!-- comment', 'still comment -->',
  '<div>', '</div>', '<script>', '</script>', '| a | b |', '| - | - |', '| c | d |', '1.1 clause', '（一）item', '\\* escaped',
];

describe('parsing long text in pieces', () => {
  it('gives the same tree as parsing it whole', () => {
    const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, inner) => (key === 'offset' ? undefined : inner)));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 60 }), (lines) => {
        const source = lines.join('\n');
        expect(strip(parseMarkdown(source, 1).children)).toEqual(strip(parseMarkdown(source, Infinity).children));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a long document', () => {
  it('imports a megabyte of numbered clauses and cut sentences completely', () => {
    const sections: string[] = ['# Long terms', '', '生效日期：2025 年 8 月 10 日', ''];
    let size = 0;
    let section = 0;
    while (size < 1_000_000) {
      section++;
      const lines = [`## ${section}. Section ${section}`, ''];
      for (let clause = 1; clause <= 9; clause++) {
        lines.push(`${section}.${clause} 本平台有权在必要时单方面修改或变更本协议的内容，并将在本平台上进行公示。修改`, '', '后的协议一经公布即生效。', '');
      }
      lines.push('- 第一项；', '- 第二项。', '');
      const chunk = lines.join('\n');
      size += chunk.length * 2;
      sections.push(chunk);
    }
    const bundle = importMarkdown(sections.join('\n'));
    const clauses = bundle.documents[0]!.clauses;
    expect(clauses).toHaveLength(section);
    const last: Clause = clauses.at(-1)!;
    expect(last.clauses?.map((clause) => clause.id)).toEqual(Array.from({ length: 9 }, (_, i) => `${section}.${i + 1}`));
    expect(last.clauses?.[8]?.body).toEqual([{ type: 'paragraph', text: ['本平台有权在必要时单方面修改或变更本协议的内容，并将在本平台上进行公示。修改后的协议一经公布即生效。'] }, { type: 'list', items: [['第一项；'], ['第二项。']] }]);
  });

  it('joins a megabyte-long chain of cut paragraphs into one', () => {
    const pieces = Array.from({ length: 30_000 }, (_, i) => `piece ${i}, cut where a page ended and`);
    const bundle = importMarkdown(`# T\n\nEffective 2025-01-01\n\n## 1. A\n\n${pieces.join('\n\n')}\n`);
    const body = bundle.documents[0]!.clauses[0]!.body!;
    expect(body).toHaveLength(1);
    const paragraph = body[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.text.length === 1 && paragraph.text[0] === pieces.join(' ')).toBe(true);
  });
});
