/**
 * Reads Markdown into an mdast tree with GitHub-flavoured Markdown (tables, autolinks, strikethrough,
 * footnotes) and YAML front matter, the dialects terms documents are published in.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Node, Root } from 'mdast';
import { splitIntoChunks } from './chunks.ts';
import { ImportError } from './import-error.ts';

/**
 * Parses Markdown text; throws `ImportError` if the parser gives up (it accepts any text in practice).
 * Long text is parsed in pieces that CommonMark guarantees to be independent (see `chunks.ts`), and
 * the pieces' trees are joined with their positions shifted to the whole text's lines.
 */
export function parseMarkdown(source: string, minChunkLength?: number): Root {
  try {
    const chunks = splitIntoChunks(source, minChunkLength);
    const root = parseChunk(chunks[0]!.text);
    for (const chunk of chunks.slice(1)) {
      for (const child of parseChunk(chunk.text).children) {
        shiftLines(child, chunk.firstLine);
        root.children.push(child);
      }
    }
    if (chunks.length > 1) root.position = { start: { line: 1, column: 1 }, end: { line: source.split('\n').length, column: 1 } };
    return root;
  } catch (error) {
    throw new ImportError(`could not read the Markdown: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseChunk(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** Moves a node's and its descendants' positions down by `lines` (offsets are left per piece). */
function shiftLines(node: Node, lines: number): void {
  const stack: Node[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.position) {
      current.position.start.line += lines;
      current.position.end.line += lines;
    }
    if ('children' in current && Array.isArray(current.children)) stack.push(...(current.children as Node[]));
  }
}
