/**
 * Scores the suggestions: English against the CLAUDETTE tags (from the committed fold predictions),
 * Chinese against the hand labels in packages/bundle/src/suggest/data/zh-labels.jsonl, and the seed
 * against the author's marks in demo/terms/xiaoyi.author.json.
 */
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestHighlights, suggestKinds, CATEGORY_KINDS } from '../../packages/bundle/src/suggest/index.ts';
import { CLAUDETTE_CATEGORIES, type ClaudetteCategory } from '../../packages/bundle/src/suggest/linear.ts';
import { importMarkdown } from '../../packages/bundle/src/import/index.ts';
import type { HighlightKind, TermsBundle } from '../../packages/bundle/src/types.ts';
import { FOLDS, readList, readSentences, sharedDir, type LabelledSentence } from './claudette.ts';
import type { FoldPredictions } from './train.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PREDICTIONS = join(repoRoot, 'scripts/suggest/claudette-predictions.json');
const LABELS = join(repoRoot, 'packages/bundle/src/suggest/data/zh-labels.jsonl');

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), f1: (2 * tp) / (2 * tp + fp + fn || 1) };
}

/** Per category, per fold and averaged over the folds. `gradesOnly` restricts the gold to e.g. ltd2/ltd3. */
export function englishScores(gradesOnly?: Partial<Record<ClaudetteCategory, RegExp>>): Record<ClaudetteCategory, { folds: Score[]; mean: Score }> {
  const predictions = JSON.parse(readFileSync(PREDICTIONS, 'utf8')) as FoldPredictions;
  const result = {} as Record<ClaudetteCategory, { folds: Score[]; mean: Score }>;
  for (const category of CLAUDETTE_CATEGORIES) {
    const kind = CATEGORY_KINDS[category];
    const folds = FOLDS.map((fold) => {
      const entry = predictions.folds.find((f) => f.fold === fold)!;
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [document, byKind] of Object.entries(entry.documents)) {
        const predicted = new Set(byKind[kind] ?? []);
        readSentences([document]).forEach((sentence, line) => {
          const only = gradesOnly?.[category];
          const gold = only ? sentence.tags.some((t) => only.test(t)) : sentence.categories.has(category);
          const hit = predicted.has(line);
          if (hit && gold) tp++;
          else if (hit) fp++;
          else if (gold) fn++;
        });
      }
      return score(tp, fp, fn);
    });
    const mean = (key: 'precision' | 'recall' | 'f1') => folds.reduce((sum, s) => sum + s[key], 0) / folds.length;
    result[category] = { folds, mean: { ...score(0, 0, 0), tp: 0, precision: mean('precision'), recall: mean('recall'), f1: mean('f1') } };
  }
  return result;
}

/**
 * Plain wording of a limitation of liability: "is not liable / responsible", "no liability",
 * "disclaims", "in no event", "excludes / limits … liability". Used only to measure how consistently
 * CLAUDETTE tags such sentences, never to suggest.
 */
const PLAIN_LIMITATION_WORDING =
  /\b(?:not|no|never)\b[^.;]{0,60}\b(?:liable|liability|responsible|responsibility)\b|\bdisclaim|\bin no event\b|\b(?:exclude[sd]?|limit(?:s|ed)?)\b[^.;]{0,40}\bliabilit/i;

/**
 * How consistently the corpus tags sentences worded as limitations of liability, and how many of the
 * suggester's ltd false alarms on the test folds are worded so; and how many "as is" warranty
 * disclaimers it tags: the part of the English F1 that no model of the wording can win back.
 */
export function claudetteWordingConsistency(): {
  worded: number;
  wordedTagged: number;
  asIs: number;
  asIsTagged: number;
  falseAlarms: number;
  wordedFalseAlarms: number;
} {
  const all = readSentences(readList('LIST_ALL'));
  const byDocument = new Map<string, LabelledSentence[]>();
  for (const sentence of all) {
    if (!byDocument.has(sentence.document)) byDocument.set(sentence.document, []);
    byDocument.get(sentence.document)!.push(sentence);
  }
  const worded = all.filter((s) => PLAIN_LIMITATION_WORDING.test(s.text));
  const asIs = all.filter((s) => /\bas is\b/i.test(s.text));
  const predictions = JSON.parse(readFileSync(PREDICTIONS, 'utf8')) as FoldPredictions;
  let falseAlarms = 0;
  let wordedFalseAlarms = 0;
  for (const { documents } of predictions.folds) {
    for (const [document, byKind] of Object.entries(documents)) {
      const sentences = byDocument.get(document)!;
      for (const line of byKind['limits-liability'] ?? []) {
        if (sentences[line]!.categories.has('ltd')) continue;
        falseAlarms++;
        if (PLAIN_LIMITATION_WORDING.test(sentences[line]!.text)) wordedFalseAlarms++;
      }
    }
  }
  return {
    worded: worded.length,
    wordedTagged: worded.filter((s) => s.categories.has('ltd')).length,
    asIs: asIs.length,
    asIsTagged: asIs.filter((s) => s.categories.has('ltd')).length,
    falseAlarms,
    wordedFalseAlarms,
  };
}

export interface ZhLabel {
  doc: string;
  line: number;
  sha256: string;
  kinds: HighlightKind[];
  reason: string;
  text?: string;
}

const mozilla = (name: string) => () => join(sharedDir(), 'data/terms-documents/zh-CN', `mozilla-${name}.md`);
const capp130 = (name: string) => () => join(sharedDir(), 'data/capp130-policies', `${name}.txt`);
const DOCUMENT_PATHS: Record<string, () => string> = {
  seed: () => join(sharedDir(), 'seeds/000_f1a395e808b567b2.txt'),
  'mozilla-firefox-tou': mozilla('firefox_terms_of_use'),
  fixture: () => join(repoRoot, 'packages/bundle/src/suggest/data/contract-fixture.zh-CN.txt'),
  'mozilla-cloud-services-tos': mozilla('firefox_cloud_services_tos'),
  'mozilla-pocket-tos': mozilla('pocket_tos'),
  'mozilla-subscription-services-tos': mozilla('subscription_services_tos'),
  'mozilla-websites-tou': mozilla('websites_tou'),
  'capp-kfc': capp130('KFC'),
  'capp-12306': capp130('12306'),
  'capp-keep': capp130('KEEP'),
  'capp-58': capp130('58同城'),
};

/**
 * What each labelled Chinese document was used for. `development`: the cue rules were written against
 * some of its lines. The others were labelled whole, line by line, by a reader who did not see the
 * suggester, and first measured before any rule changed; then the rules were improved against the
 * misses of the `tuning` documents only, and the `held-out` ones were never used to change a rule,
 * so their figures are the ones to expect on a document nobody has tuned for.
 */
export const ZH_DOCUMENT_SETS: Readonly<Record<string, 'development' | 'tuning' | 'held-out'>> = {
  seed: 'development',
  'mozilla-firefox-tou': 'development',
  fixture: 'development',
  'mozilla-pocket-tos': 'tuning',
  'mozilla-subscription-services-tos': 'tuning',
  'capp-kfc': 'tuning',
  'capp-keep': 'tuning',
  'mozilla-cloud-services-tos': 'held-out',
  'mozilla-websites-tou': 'held-out',
  'capp-12306': 'held-out',
  'capp-58': 'held-out',
};

/** The labels with the text of each labelled line, checked against the recorded hash. */
export function zhLabels(): ReadonlyArray<ZhLabel & { text: string }> {
  return (labelledLines ??= readLabels());
}

/** Read and checked once per process: the bench scores them per document, per set and per script. */
let labelledLines: ReadonlyArray<ZhLabel & { text: string }> | undefined;

function readLabels(): Array<ZhLabel & { text: string }> {
  const files = new Map<string, string[]>();
  return readFileSync(LABELS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const label = JSON.parse(line) as ZhLabel;
      if (!files.has(label.doc)) files.set(label.doc, readFileSync(DOCUMENT_PATHS[label.doc]!(), 'utf8').split('\n'));
      const text = files.get(label.doc)![label.line - 1] ?? '';
      const sha = createHash('sha256').update(text).digest('hex').slice(0, 16);
      if (sha !== label.sha256) throw new Error(`${label.doc}:${label.line} changed since it was labelled`);
      return { ...label, text };
    });
}

/**
 * Kinds the Chinese labels do not know: `disclaims-warranty` came after them, and every line that
 * disclaims warranties in Chinese is labelled `limits-liability` (免除责任), which the rules also give it.
 */
const ZH_UNLABELLED_KINDS: readonly HighlightKind[] = ['disclaims-warranty'];

/**
 * The line as Taiwan writes it: OpenCC's mainland → Taiwan conversion with Taiwan's words ("信息" →
 * "資訊", "网络" → "網路"), to measure how the rules read Traditional Chinese on the same labels.
 */
export const inTaiwanChinese: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'twp' });

/**
 * Chinese P/R over the labelled lines (of the documents `include` accepts, each as `asWritten` turns
 * it): a line is positive when it has any kind; also per kind.
 */
export function chineseScores(include: (doc: string) => boolean = () => true, asWritten: (text: string) => string = (text) => text): {
  any: Score;
  byKind: Partial<Record<HighlightKind, Score>>;
  misses: string[];
  falseAlarms: string[];
} {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (key: string, field: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const label of zhLabels().filter((l) => include(l.doc))) {
    const predicted = new Set(suggestKinds(asWritten(label.text), 'zh-CN').kinds);
    const gold = new Set(label.kinds);
    bump('any', predicted.size && gold.size ? 'tp' : predicted.size ? 'fp' : gold.size ? 'fn' : 'tp');
    if (!predicted.size && !gold.size) counts.get('any')!.tp--; // a true negative counts nowhere
    for (const kind of new Set([...predicted, ...gold])) {
      if (ZH_UNLABELLED_KINDS.includes(kind)) continue;
      bump(kind, predicted.has(kind) && gold.has(kind) ? 'tp' : predicted.has(kind) ? 'fp' : 'fn');
      if (gold.has(kind) && !predicted.has(kind)) misses.push(`${label.doc}:${label.line} ${kind} (${label.reason})`);
      if (!gold.has(kind) && predicted.has(kind)) falseAlarms.push(`${label.doc}:${label.line} ${kind} (${label.reason})`);
    }
  }
  const byKind: Partial<Record<HighlightKind, Score>> = {};
  for (const [key, c] of counts) if (key !== 'any') byKind[key as HighlightKind] = score(c.tp, c.fp, c.fn);
  const any = counts.get('any') ?? { tp: 0, fp: 0, fn: 0 };
  return { any: score(any.tp, any.fp, any.fn), byKind, misses, falseAlarms };
}

/** The seed document imported as a bundle, as `terms-bundle import` makes it. */
export function importedSeed(): TermsBundle {
  return importMarkdown(readFileSync(DOCUMENT_PATHS.seed!(), 'utf8'), { locale: 'zh-CN' });
}

/** The seed imported with suggestions, against the author's marks (clause level). */
export function seedAgreement(): {
  author: number;
  suggested: number;
  both: number;
  burdenRecall: Score;
  missed: string[];
  extra: string[];
  kindMisses: string[];
} {
  const author = JSON.parse(readFileSync(join(repoRoot, 'demo/terms/xiaoyi.author.json'), 'utf8')).highlights as Record<string, { kinds: HighlightKind[] }>;
  const { suggestions } = suggestHighlights(importedSeed());
  const suggested = new Map(suggestions.map((s) => [s.clause, s.kinds]));
  const missed = Object.keys(author).filter((id) => !suggested.has(id));
  const extra = [...suggested.keys()].filter((id) => !author[id]);
  const kindMisses: string[] = [];
  let tp = 0;
  let fn = 0;
  for (const [id, mark] of Object.entries(author)) {
    for (const kind of mark.kinds) if (!suggested.get(id)?.includes(kind)) kindMisses.push(`${id} ${kind}`);
    if (mark.kinds.some((k) => k === 'limits-liability' || k === 'shifts-burden')) {
      if (suggested.get(id)?.some((k) => k === 'limits-liability' || k === 'shifts-burden')) tp++;
      else fn++;
    }
  }
  return {
    author: Object.keys(author).length,
    suggested: suggested.size,
    both: Object.keys(author).length - missed.length,
    burdenRecall: score(tp, 0, fn),
    missed,
    extra,
    kindMisses,
  };
}
