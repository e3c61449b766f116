/**
 * Markdown → terms bundle. The author's entry point: turn a terms document written (or converted from
 * PDF) as Markdown into a `TermsBundle` whose clauses carry the document's own numbering as ids.
 *
 * The pipeline, one module per step: `markdown` (mdast) → `outline` (headings, paragraphs, list items)
 * → `metadata` (title, effective date, locale) → `join-paragraphs` (sentences cut by page breaks)
 * → `clause-tree` (numbering → nesting and ids).
 *
 * @example
 * const bundle = importMarkdown(await readFile('terms.md', 'utf8'), { locale: 'zh-CN', bundleId: 'acme-terms' });
 */
import { BUNDLE_FORMAT, type Block, type TermsBundle, type TermsDocument } from '../types.ts';
import { buildClauseTree } from './clause-tree.ts';
import { isoDate } from './dates.ts';
import { firstField, readFrontMatter } from './front-matter.ts';
import { ImportError } from './import-error.ts';
import { collectDefinitions, plainText } from './inline.ts';
import { joinBrokenParagraphs } from './join-paragraphs.ts';
import { guessLocale } from './locale.ts';
import { parseMarkdown } from './markdown.ts';
import { extractMetadata } from './metadata.ts';
import { buildOutline, type OutlineEntry } from './outline.ts';

export { ImportError } from './import-error.ts';

/** Options of `importDocument()` and `importMarkdown()`; each overrides what the document itself says. */
export interface ImportOptions {
  /** BCP 47 tag of the text; default: front matter `lang`/`locale`, else guessed (zh-CN, zh-TW or en). */
  locale?: string;
  /** The document's id in the bundle; default: front matter `id`, else `terms-of-service`. */
  documentId?: string;
  /** The bundle's id (`importMarkdown` only); default: the document id. */
  bundleId?: string;
  /** The bundle's `MAJOR.MINOR` version (`importMarkdown` only); default `1.0`. */
  version?: string;
  /** The title, if the document has no title heading and no front-matter title. */
  title?: string;
  /** `YYYY-MM-DD`, if the document states no effective date. */
  effectiveDate?: string;
}

const LOCALE = /^[a-zA-Z]{2,8}(-[a-zA-Z\d]{1,8})*$/;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const LOCALE_SAMPLE = 20_000;

/**
 * Imports one Markdown terms document.
 *
 * @param source The Markdown text.
 * @returns The document: title, effective date, locale, preamble, clause tree and closing.
 * @throws {ImportError} if the text has no title or effective date (and the options give none), holds
 *   no text at all, or an option is malformed. Nothing else is thrown.
 */
export function importDocument(source: string, options: ImportOptions = {}): TermsDocument {
  try {
    return readDocument(source, options);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // A bug or an exhausted resource must still reach the author as an import problem.
    throw new ImportError(`could not import the document: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Imports one Markdown terms document as a bundle of format 1 holding that document.
 *
 * @throws {ImportError} as `importDocument()`, or for a malformed `version`.
 */
export function importMarkdown(source: string, options: ImportOptions = {}): TermsBundle {
  const version = options.version ?? '1.0';
  if (!VERSION.test(version)) throw new ImportError(`version ${JSON.stringify(version)} is not MAJOR.MINOR, e.g. "1.0"`);
  const document = importDocument(source, options);
  return { format: BUNDLE_FORMAT, id: options.bundleId ?? document.id, version, documents: [document] };
}

function readDocument(source: string, options: ImportOptions): TermsDocument {
  if (typeof source !== 'string') throw new ImportError('the Markdown source must be a string');
  // A lone surrogate is not Unicode: parseBundle refuses any bundle holding one, so refuse it here, with its line.
  const surrogate = /\p{Cs}/u.exec(source);
  if (surrogate) throw new ImportError('not valid Unicode (a lone surrogate)', source.slice(0, surrogate.index).split('\n').length);
  const root = parseMarkdown(source);
  const outline = buildOutline(root, collectDefinitions(root.children));
  const frontMatter = readFrontMatter(outline.frontMatter ?? '');
  const metadata = extractMetadata(outline.entries, frontMatter);
  const tree = buildClauseTree(joinBrokenParagraphs(metadata.entries));

  const title = options.title ?? metadata.title;
  if (!title) throw new ImportError('the document has no title: start it with a "# Title" heading, add "title:" front matter, or pass the title option (terms-bundle import --title)', 1);
  const effectiveDate = options.effectiveDate ?? metadata.effectiveDate;
  if (!effectiveDate) {
    throw new ImportError('the document states no effective date: add a line such as "Effective date: 2025-08-10" or "生效日期：2025 年 8 月 10 日" before the first section, or pass the effectiveDate option (terms-bundle import --effective-date)');
  }
  const [year = '', month = '', day = ''] = effectiveDate.split('-');
  if (!/^\d{4}-\d\d-\d\d$/.test(effectiveDate) || !isoDate(year, month, day)) throw new ImportError(`effective date ${JSON.stringify(effectiveDate)} is not a real YYYY-MM-DD date`);
  const locale = options.locale ?? metadata.locale ?? guessLocale(sampleText(metadata.entries));
  if (!LOCALE.test(locale)) throw new ImportError(`locale ${JSON.stringify(locale)} is not a BCP 47 tag such as "zh-CN"`);
  if (!tree.clauses.length) throw new ImportError('the document holds no text besides its title and date');

  return {
    id: options.documentId ?? firstField(frontMatter, ['id']) ?? 'terms-of-service',
    locale,
    title,
    effectiveDate,
    ...(nonEmpty(tree.preamble) ? { preamble: tree.preamble } : {}),
    clauses: tree.clauses,
    ...(nonEmpty(tree.closing) ? { closing: tree.closing } : {}),
  };
}

function nonEmpty(blocks: Block[]): boolean {
  return blocks.length > 0;
}

function sampleText(entries: readonly OutlineEntry[]): string {
  let sample = '';
  for (const entry of entries) {
    if (sample.length > LOCALE_SAMPLE) break;
    if (entry.type === 'heading' || entry.type === 'paragraph') sample += plainText(entry.text);
  }
  return sample;
}
