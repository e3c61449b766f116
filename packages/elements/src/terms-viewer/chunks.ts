/**
 * Which parts of a document text the viewer renders first. A long text (a 1 MB bundle holds
 * thousands of clauses) takes longer to lay out than the reader waits for the first screen, so the
 * viewer renders the top-level groups in chunks: a small first one, then a few more each frame. Plain
 * logic, no DOM, so it is tested without a browser.
 */
import type { Block, Clause, DocumentText, Inline } from '@terms-gate/bundle';
import { allClauses } from '@terms-gate/bundle';
import { contentsOf, groupChildren, type ClauseGroup, type ContentsEntry } from './document-model.ts';

/**
 * Characters of text in the first chunk: about what the dialog shows at once on a desktop screen,
 * counting what the text shows above its clauses (see `chunkText`). The less the first render holds,
 * the sooner the dialog opens (a very tall screen shows the rest a frame later).
 */
export const FIRST_CHUNK_CHARS = 2_000;
/**
 * Characters a line of the table of contents stands for: an entry is short, but takes a whole line
 * of the screen.
 */
export const CONTENTS_LINE_CHARS = 80;
/**
 * Characters of text in each later chunk. The viewer renders as many a frame as its time budget
 * allows, measured on the chunks before; small ones keep the first of them, measured on nothing yet
 * and run by code the page has not optimised yet, from becoming a long task.
 */
export const CHUNK_CHARS = 4_000;

const inlineLength = (runs: readonly Inline[] | undefined) => (runs ?? []).reduce((sum, run) => sum + (typeof run === 'string' ? run.length : run.text.length), 0);
const blockLength = (block: Block) => (block.type === 'paragraph' ? inlineLength(block.text) : block.items.reduce((sum, item) => sum + inlineLength(item), 0));

/** Characters of text in a clause and its sub-clauses: a cheap measure of how long it takes to render. */
export function textLength(clause: Clause): number {
  return allClauses([clause]).reduce((sum, each) => sum + inlineLength(each.heading) + (each.body ?? []).reduce((n, block) => n + blockLength(block), 0), 0);
}

const clausesOf = (group: ClauseGroup): Clause[] => ('items' in group ? group.items : [group]);

export interface Chunks {
  /** The top-level groups, in order, split into chunks. */
  chunks: ClauseGroup[][];
  /** Clause id (at any depth) → index of the chunk that renders it. */
  chunkOf: Map<string, number>;
}

/** The chunks of a document text, its table of contents, and how much of that the first one shows. */
export interface TextChunks extends Chunks {
  /** The table of contents of the text (`contentsOf`). */
  contents: ContentsEntry[];
  /**
   * How many sections of the table of contents the first chunk shows: all, unless they fill more
   * than the first screen; then the first chunk holds no clause, and the second the rest of the
   * contents.
   */
  firstContents: number;
}

/** Splits top-level groups into a first chunk of about `first` characters, then chunks of about `rest`. */
export function chunkGroups(groups: readonly ClauseGroup[], first = FIRST_CHUNK_CHARS, rest = CHUNK_CHARS): Chunks {
  const chunks: ClauseGroup[][] = [];
  const chunkOf = new Map<string, number>();
  let current: ClauseGroup[] = [];
  let size = 0;
  for (const group of groups) {
    if (current.length && size >= (chunks.length ? rest : first)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    for (const clause of clausesOf(group)) {
      size += textLength(clause);
      for (const each of allClauses([clause])) chunkOf.set(each.id, chunks.length);
    }
  }
  if (current.length) chunks.push(current);
  return { chunks, chunkOf };
}

/**
 * How many Latin characters of width one character of a text in `locale` takes on screen: Chinese,
 * Japanese and Korean are set in full-width characters, so the same screen holds about half as many.
 */
export function characterWidth(locale: string): number {
  return /^(zh|ja|ko)(-|$)/i.test(locale) ? 2 : 1;
}

/**
 * The chunks of a document text, sized by the screen they fill: the preamble and the table of
 * contents come before the first clause, so the first chunk holds only what is left of the first
 * screen (at least one group), and full-width scripts count double. A table of contents longer than
 * the first screen is itself cut there: the first chunk shows its first sections and no clause.
 */
export function chunkText(text: DocumentText): TextChunks {
  const width = characterWidth(text.locale);
  const groups = groupChildren(text.clauses);
  const contents = contentsOf(text.clauses);
  const budget = FIRST_CHUNK_CHARS - width * (text.preamble ?? []).reduce((sum, block) => sum + blockLength(block), 0);
  let lines = 0;
  let firstContents = 0;
  for (const { children } of contents) {
    if (lines * CONTENTS_LINE_CHARS >= budget) break;
    lines += 1 + children.length;
    firstContents++;
  }
  if (firstContents < contents.length) {
    const { chunks, chunkOf } = chunkGroups(groups, CHUNK_CHARS / width, CHUNK_CHARS / width);
    return { chunks: [[], ...chunks], chunkOf: new Map([...chunkOf].map(([id, chunk]) => [id, chunk + 1])), contents, firstContents };
  }
  return { ...chunkGroups(groups, Math.max(0, budget - lines * CONTENTS_LINE_CHARS) / width, CHUNK_CHARS / width), contents, firstContents };
}
