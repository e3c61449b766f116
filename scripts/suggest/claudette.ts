/**
 * Reads the English CLAUDETTE corpus (CC BY 4.0, nlp-unibo/Multilingual-Unfair-Clause-Detection):
 * one sentence a line in sentences/en/original/<doc>.txt, its tags on the same line of
 * tags/en/original/<doc>.txt, and five document-level folds in lists/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLAUDETTE_CATEGORIES, type ClaudetteCategory } from '../../packages/bundle/src/suggest/linear.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared data folder: $TERMS_GATE_SHARED, or ../shared beside the repository. */
export const sharedDir = (): string => process.env.TERMS_GATE_SHARED ?? resolve(repoRoot, '../shared');
export const claudetteDir = (): string => join(sharedDir(), 'data/claudette-en');

export interface LabelledSentence {
  document: string;
  text: string;
  /** Categories of any grade (ltd1, ltd2 and ltd3 all count as ltd). */
  categories: Set<ClaudetteCategory>;
  /** The raw tags, e.g. ["ltd1"], for reporting. */
  tags: string[];
}

export const FOLDS = [0, 1, 2, 3, 4] as const;

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

/** Every sentence of one document, with its categories. */
export function readDocument(document: string): LabelledSentence[] {
  const dir = claudetteDir();
  const sentences = lines(join(dir, 'sentences/en/original', `${document}.txt`));
  const tags = lines(join(dir, 'tags/en/original', `${document}.txt`));
  if (sentences.length !== tags.length) throw new Error(`${document}: ${sentences.length} sentences but ${tags.length} tag lines`);
  return sentences.map((text, i) => {
    const raw = tags[i]!.trim().split(/\s+/).filter(Boolean);
    const categories = new Set<ClaudetteCategory>();
    for (const tag of raw) {
      const category = tag.replace(/\d+$/, '') as ClaudetteCategory;
      if (CLAUDETTE_CATEGORIES.includes(category)) categories.add(category);
    }
    return { document, text, categories, tags: raw };
  });
}

/** The documents of a list, e.g. `LIST_TRAIN_0`. */
export function readList(name: string): string[] {
  return lines(join(claudetteDir(), 'lists', `${name}.txt`)).map((l) => l.trim().replace(/\.txt$/, '')).filter(Boolean);
}

export function readSentences(documents: readonly string[]): LabelledSentence[] {
  return documents.flatMap(readDocument);
}
