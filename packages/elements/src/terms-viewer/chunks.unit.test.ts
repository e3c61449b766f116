import { describe, expect, test } from 'vitest';
import { allClauses, type Clause } from '@terms-gate/bundle';
import { FIRST_CHUNK_CHARS, chunkGroups, textLength } from './chunks.ts';
import { groupChildren } from './document-model.ts';

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
