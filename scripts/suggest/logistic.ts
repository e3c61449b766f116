/**
 * Trains the English model: for each CLAUDETTE category, an L2-regularised logistic regression over
 * the hashed features of packages/bundle/src/suggest/features.ts, by AdaGrad in a fixed, seeded
 * order (so the same data always gives the same weights), then pruned to the weights that matter
 * and given a decision threshold chosen by cross-validation inside the training documents.
 */
import { FEATURE_BUCKETS, FEATURE_VERSION, isSyntheticFeature, sentenceFeatures } from '../../packages/bundle/src/suggest/features.ts';
import { CLAUDETTE_CATEGORIES, encodeLabel, featureValue, type ClaudetteCategory, type CompactLinearModel } from '../../packages/bundle/src/suggest/linear.ts';
import type { LabelledSentence } from './claudette.ts';

export const TRAINING = {
  epochs: 10,
  learningRate: 0.2,
  l2: 1e-3,
  /** Positives are rare (2–3 % of sentences); weigh them up so the model does not ignore them. */
  positiveWeight: 2,
  /** Only the largest weights (by magnitude) of each category are shipped; the rest count as 0. */
  keep: { ltd: 4000, ter: 1500, ch: 1500, cr: 1500, j: 1000, law: 1000, a: 1000, use: 1500, pinc: 1000 } as Record<ClaudetteCategory, number>,
  /** Weights are stored as integers of 1/scale. */
  scale: 1000,
  /** Inner folds (by document) for choosing each category's threshold. */
  innerFolds: 3,
  seed: 20250810,
};

interface Example {
  buckets: Uint32Array;
  /** Value of each bucket: 1 for synthetic features, 1/sqrt(n) for words. */
  values: Float64Array;
  categories: ReadonlySet<ClaudetteCategory>;
  document: string;
}

function toExamples(sentences: readonly LabelledSentence[]): Example[] {
  return sentences.map((s) => {
    const features = sentenceFeatures(s.text);
    const value = featureValue(features.length);
    return {
      buckets: Uint32Array.from(features, (f) => f.bucket),
      values: Float64Array.from(features, (f) => (isSyntheticFeature(f) ? 1 : value)),
      categories: s.categories,
      document: s.document,
    };
  });
}

/** Mulberry32: a tiny seeded PRNG, so shuffles are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledOrder(length: number, seed: number): Uint32Array {
  const order = Uint32Array.from({ length }, (_, i) => i);
  const next = random(seed);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

function score(weights: Float64Array, example: Example): number {
  let s = 0;
  for (let i = 0; i < example.buckets.length; i++) s += weights[example.buckets[i]!]! * example.values[i]!;
  return s;
}

/** One category's weights, unpruned, dense. */
function trainCategory(examples: readonly Example[], category: ClaudetteCategory): Float64Array {
  const weights = new Float64Array(FEATURE_BUCKETS);
  const squares = new Float64Array(FEATURE_BUCKETS);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    for (const index of shuffledOrder(examples.length, TRAINING.seed + epoch)) {
      const example = examples[index]!;
      const positive = example.categories.has(category);
      const p = 1 / (1 + Math.exp(-score(weights, example)));
      const gradient = (p - (positive ? 1 : 0)) * (positive ? TRAINING.positiveWeight : 1);
      for (let i = 0; i < example.buckets.length; i++) {
        const b = example.buckets[i]!;
        const g = gradient * example.values[i]! + TRAINING.l2 * weights[b]!;
        squares[b]! += g * g;
        weights[b]! -= (TRAINING.learningRate * g) / Math.sqrt(squares[b]! + 1e-8);
      }
    }
  }
  return weights;
}

/** The weights worth shipping, rounded to what the weights file stores. */
function prune(weights: Float64Array, keep: number): Float64Array {
  const magnitudes = Float64Array.from(weights, Math.abs).sort();
  const cut = Math.max(magnitudes[magnitudes.length - keep] ?? 0, Number.MIN_VALUE);
  const kept = new Float64Array(FEATURE_BUCKETS);
  let count = 0;
  // Ties at the cut go to the lower buckets, so the cut is deterministic.
  for (let b = 0; b < weights.length && count < keep; b++) {
    if (Math.abs(weights[b]!) > cut) (kept[b] = round(weights[b]!)), count++;
  }
  for (let b = 0; b < weights.length && count < keep; b++) {
    if (Math.abs(weights[b]!) === cut) (kept[b] = round(weights[b]!)), count++;
  }
  return kept;
}

function round(weight: number): number {
  return Math.round(weight * TRAINING.scale) / TRAINING.scale;
}

/** The threshold that maximises F1 over scored examples (midway between two scores). */
function bestThreshold(scored: Array<{ score: number; positive: boolean }>): number {
  const sorted = [...scored].sort((a, b) => b.score - a.score || Number(a.positive) - Number(b.positive));
  const positives = sorted.filter((s) => s.positive).length;
  if (!positives) return 0;
  let tp = 0;
  let best = { f1: -1, threshold: 0 };
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.positive) tp++;
    const next = sorted[i + 1]?.score ?? sorted[i]!.score - 1;
    if (next === sorted[i]!.score) continue;
    const f1 = (2 * tp) / (i + 1 + positives);
    if (f1 > best.f1) best = { f1, threshold: (sorted[i]!.score + next) / 2 };
  }
  return best.threshold;
}

/** Trains every category on `sentences`, thresholds chosen by inner cross-validation over its documents. */
export function trainModel(sentences: readonly LabelledSentence[], categories: readonly ClaudetteCategory[] = CLAUDETTE_CATEGORIES): CompactLinearModel {
  const examples = toExamples(sentences);
  const documents = [...new Set(examples.map((e) => e.document))].sort();
  const innerOf = new Map(documents.map((d, i) => [d, i % TRAINING.innerFolds]));
  const labels = {} as CompactLinearModel['labels'];
  for (const category of CLAUDETTE_CATEGORIES) {
    if (!categories.includes(category)) {
      labels[category] = { threshold: 1e9, buckets: '', weights: '' };
      continue;
    }
    const heldOut: Array<{ score: number; positive: boolean }> = [];
    for (let fold = 0; fold < TRAINING.innerFolds; fold++) {
      const weights = prune(trainCategory(examples.filter((e) => innerOf.get(e.document) !== fold), category), TRAINING.keep[category]);
      for (const e of examples) if (innerOf.get(e.document) === fold) heldOut.push({ score: score(weights, e), positive: e.categories.has(category) });
    }
    const full = prune(trainCategory(examples, category), TRAINING.keep[category]);
    const sparse = new Map<number, number>();
    full.forEach((w, b) => w !== 0 && sparse.set(b, w));
    labels[category] = encodeLabel(bestThreshold(heldOut), sparse, TRAINING.scale);
  }
  return { features: FEATURE_VERSION, scale: TRAINING.scale, labels };
}
