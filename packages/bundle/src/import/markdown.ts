/**
 * Reads Markdown into an mdast tree with GitHub-flavoured Markdown (tables, autolinks, strikethrough,
 * footnotes) and YAML front matter, the dialects terms documents are published in.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';
import { ImportError } from './import-error.ts';

/** Parses Markdown text; throws `ImportError` if the parser gives up (it accepts any text in practice). */
export function parseMarkdown(source: string): Root {
  try {
    return fromMarkdown(source, {
      extensions: [gfm(), frontmatter(['yaml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    });
  } catch (error) {
    throw new ImportError(`could not read the Markdown: ${error instanceof Error ? error.message : String(error)}`);
  }
}
