/**
 * Builds the demo's seed bundle, demo/terms/xiaoyi.json, from three sources:
 * - the seed terms as published (Chinese Markdown, the controlling text), read from the shared seeds;
 * - demo/terms/xiaoyi.en.md, an English translation with the same numbering;
 * - demo/terms/xiaoyi.author.json, the author's layer: bundle fields and the marks (highlights) by clause id.
 *
 * Run with `pnpm terms:build`. `buildSeedBundle()` is pure, so a test can check that the committed
 * bundle is exactly what the sources produce.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importDocument } from '../../packages/bundle/src/import/index.ts';
import { parseBundle } from '../../packages/bundle/src/parse.ts';
import type { Clause, DocumentText, Highlight, TermsBundle, TermsDocument } from '../../packages/bundle/src/types.ts';

/** The author's layer: what Markdown cannot say. */
export interface AuthorLayer {
  bundle: Pick<TermsBundle, 'id' | 'version'> & Partial<Pick<TermsBundle, 'publisher' | 'gate' | 'consents'>>;
  /** Marks by clause id of the controlling (Chinese) text. */
  highlights: Record<string, Highlight>;
}

/** The seed document's id in the bundle; the author layer's consents refer to it. */
export const SEED_DOCUMENT_ID = 'terms-of-service';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sharedDir = () => process.env.TERMS_GATE_SHARED ?? resolve(here('../../'), '../shared');

/** Where the build reads and writes. */
export const seedPaths = {
  seed: () => resolve(sharedDir(), 'seeds/000_f1a395e808b567b2.txt'),
  english: () => here('./xiaoyi.en.md'),
  author: () => here('./xiaoyi.author.json'),
  bundle: () => here('./xiaoyi.json'),
};

/**
 * Builds the seed bundle: the Chinese text controls, the English text is its translation, the author
 * layer adds bundle fields and highlights.
 *
 * @throws Error listing every difference if the English clause ids or nesting differ from the
 *   Chinese ones, every highlight for a clause id that does not exist, or every problem `parseBundle`
 *   finds in the result.
 */
export function buildSeedBundle(seedMd: string, enMd: string, authorLayer: AuthorLayer): TermsBundle {
  const chinese = importDocument(seedMd, { locale: 'zh-CN', documentId: SEED_DOCUMENT_ID });
  const english = importDocument(enMd, { locale: 'en', documentId: SEED_DOCUMENT_ID });

  const differences = structureDifferences(chinese.clauses, english.clauses);
  if (english.effectiveDate !== chinese.effectiveDate) {
    differences.push(`effective date: Chinese ${chinese.effectiveDate}, English ${english.effectiveDate}`);
  }
  if (differences.length) throw new Error(`The English translation does not match the Chinese text:\n- ${differences.join('\n- ')}`);

  const known = new Set(clauseParents(chinese.clauses).keys());
  const unknown = Object.keys(authorLayer.highlights).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`The author layer marks clauses that do not exist: ${unknown.join(', ')}`);

  const translation: DocumentText = {
    locale: english.locale,
    title: english.title,
    ...(english.preamble ? { preamble: english.preamble } : {}),
    clauses: english.clauses,
    ...(english.closing ? { closing: english.closing } : {}),
  };
  const document: TermsDocument = {
    ...chinese,
    clauses: withHighlights(chinese.clauses, authorLayer.highlights),
    translations: [translation],
  };
  const { id, version, publisher, gate, consents } = authorLayer.bundle;
  const bundle: TermsBundle = {
    format: 1,
    id,
    version,
    ...(publisher ? { publisher } : {}),
    documents: [document],
    ...(consents ? { consents } : {}),
    ...(gate ? { gate } : {}),
  };

  const result = parseBundle(bundle);
  if (!result.ok) throw new Error(`The built bundle is invalid:\n- ${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n- ')}`);
  return result.bundle;
}

/** Clause id → parent id ("" at the top level), in document order. */
function clauseParents(clauses: readonly Clause[], parent = '', into = new Map<string, string>()): Map<string, string> {
  for (const clause of clauses) {
    into.set(clause.id, parent);
    if (clause.clauses) clauseParents(clause.clauses, clause.id, into);
  }
  return into;
}

/** Every clause the translation lacks, adds, nests differently or orders differently. */
function structureDifferences(controlling: readonly Clause[], translated: readonly Clause[]): string[] {
  const want = clauseParents(controlling);
  const have = clauseParents(translated);
  const differences: string[] = [];
  for (const [id, parent] of want) {
    if (!have.has(id)) differences.push(`missing in English: ${id}`);
    else if (have.get(id) !== parent) differences.push(`${id} is under ${have.get(id) || 'the top level'} in English, under ${parent || 'the top level'} in Chinese`);
  }
  for (const id of have.keys()) if (!want.has(id)) differences.push(`only in English: ${id}`);
  if (!differences.length && [...want.keys()].join() !== [...have.keys()].join()) differences.push('the clauses are in a different order');
  return differences;
}

function withHighlights(clauses: readonly Clause[], highlights: Record<string, Highlight>): Clause[] {
  return clauses.map((clause) => {
    const highlight = Object.hasOwn(highlights, clause.id) ? highlights[clause.id] : undefined;
    return {
      ...clause,
      ...(clause.clauses ? { clauses: withHighlights(clause.clauses, highlights) } : {}),
      ...(highlight ? { highlight } : {}),
    };
  });
}

/** The bundle as committed: 2-space JSON with a trailing newline. */
export function bundleJson(bundle: TermsBundle): string {
  return JSON.stringify(bundle, null, 2) + '\n';
}

/** Reads the three sources from disk and builds. */
export function buildFromFiles(): TermsBundle {
  const author = JSON.parse(readFileSync(seedPaths.author(), 'utf8')) as AuthorLayer;
  return buildSeedBundle(readFileSync(seedPaths.seed(), 'utf8'), readFileSync(seedPaths.english(), 'utf8'), author);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const bundle = buildFromFiles();
    writeFileSync(seedPaths.bundle(), bundleJson(bundle));
    const warnings = parseBundle(bundle).warnings;
    for (const warning of warnings) console.warn(`warning: ${warning.path}: ${warning.message}`);
    console.log(`wrote ${seedPaths.bundle()}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
