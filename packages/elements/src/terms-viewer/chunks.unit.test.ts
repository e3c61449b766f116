import { describe, expect, test } from 'vitest';
import { allClauses, type Clause, type DocumentText } from '@terms-gate/bundle';
import { CHUNK_CHARS, CONTENTS_LINE_CHARS, FIRST_CHUNK_CHARS, chunkGroups, chunkText, textLength } from './chunks.ts';
import { groupChildren, type ClauseGroup } from './document-model.ts';

const paragraph = (chars: number) => [{ type: 'paragraph' as const, text: ['x'.repeat(chars)] }];
const section = (id: number, children: number, chars = 1000): Clause => ({
  id: String(id),
  heading: [`Section ${id}`],
  clauses: Array.from({ length: children }, (_, index) => ({ id: `${id}.${index + 1}`, body: paragraph(chars) })),
});

describe('chunkGroups', () => {
  test('a text shorter than the first chunk is one chunk, so it renders at once', () => {
    const { chunks } = chunkGroups(groupChildren([section(1, 2, FIRST_CHUNK_CHARS / 5), section(2, 2, FIRST_CHUNK_CHARS / 5)]));
    expect(chunks).toHaveLength(1);
  });

  test('a long text keeps its order and every clause, and names the chunk of each clause at any depth', () => {
    const clauses = Array.from({ length: 200 }, (_, index) => section(index + 1, 5));
    const { chunks, chunkOf } = chunkGroups(groupChildren(clauses), 12_000, 60_000);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.flat()).toEqual(groupChildren(clauses));
    expect(chunks[0]!.reduce((sum, group) => sum + textLength(group as Clause), 0)).toBeLessThan(20_000);
    for (const clause of allClauses(clauses)) {
      const chunk = chunkOf.get(clause.id)!;
      expect(allClauses(chunks[chunk] as Clause[]).map((each) => each.id)).toContain(clause.id);
    }
  });
});

describe('chunkText', () => {
  const text = (locale: string, clauses: Clause[], preamble = 0): DocumentText => ({ locale, title: "Terms", preamble: preamble ? paragraph(preamble) : undefined, clauses });
  // Ten sections of about 400 characters: ten lines of contents above the first clause.
  const sections = Array.from({ length: 10 }, (_, index) => section(index + 1, 1, 400));
  const contents = 10 * CONTENTS_LINE_CHARS;
  /** The chunk reaches `budget` characters, and would not without its last group. */
  const expectAbout = (chunk: ClauseGroup[], budget: number) => {
    const sizes = chunk.map((group) => textLength(group as Clause));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeGreaterThanOrEqual(budget);
    expect(total - sizes.at(-1)!).toBeLessThan(budget);
  };

  test('the table of contents takes its lines of the first screen, the first chunk holds the rest', () => {
    const { chunks } = chunkText(text('en', sections));
    expectAbout(chunks[0]!, FIRST_CHUNK_CHARS - contents);
    expect(chunks.flat()).toEqual(sections);
  });

  test('a preamble and a table of contents that just fill the first screen leave one group for the first chunk', () => {
    const lines = Math.ceil(FIRST_CHUNK_CHARS / CONTENTS_LINE_CHARS);
    const { chunks, firstContents } = chunkText(text('en', Array.from({ length: lines }, (_, index) => section(index + 1, 2, 100))));
    expect(firstContents).toBe(lines);
    expect(chunks[0]).toHaveLength(1);
    expect(chunks.flat()).toHaveLength(lines);
  });

  test('a table of contents longer than the first screen is cut there, and the first chunk holds no clause', () => {
    const lines = Math.ceil(FIRST_CHUNK_CHARS / CONTENTS_LINE_CHARS);
    const clauses = Array.from({ length: 3 * lines }, (_, index) => section(index + 1, 2, 100));
    const { chunks, chunkOf, firstContents } = chunkText(text('en', clauses));
    expect(firstContents).toBe(lines);
    expect(chunks[0]).toEqual([]);
    expect(chunks.flat()).toEqual(clauses);
    expect(chunkOf.get('1.1')).toBe(1);
    // The preamble takes its share of the screen first.
    expect(chunkText(text('en', clauses, FIRST_CHUNK_CHARS / 2)).firstContents).toBe(Math.ceil(lines / 2));
  });

  test('the preamble counts towards the first screen', () => {
    expectAbout(chunkText(text('en', sections, 600)).chunks[0]!, FIRST_CHUNK_CHARS - contents - 600);
  });

  test('full-width Chinese, Japanese and Korean text fills a screen with half the characters', () => {
    const long = Array.from({ length: 40 }, (_, index) => section(index + 1, 1, 400));
    for (const locale of ['zh-CN', 'ja', 'ko-KR']) {
      const { chunks } = chunkText(text(locale, sections));
      expectAbout(chunks[0]!, (FIRST_CHUNK_CHARS - contents) / 2);
      expectAbout(chunkText(text(locale, long)).chunks[1]!, CHUNK_CHARS / 2);
    }
  });
});
