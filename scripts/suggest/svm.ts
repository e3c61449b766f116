/**
 * Trains the English model. For each CLAUDETTE category:
 *
 * 1. a linear SVM (L2-regularised, squared hinge loss) over the hashed features of
 *    packages/bundle/src/suggest/features.ts, solved by dual coordinate descent (Hsieh et al. 2008)
 *    in a fixed, seeded order, so the same data always gives the same weights; pruned to the weights
 *    that matter (|weight| × √(sentences with the feature)) and rounded to what the file stores;
 * 2. a context stage: a small logistic regression over the SVM scores of the sentence and its
 *    neighbours (`contextInputs`), fitted on out-of-fold SVM scores from cross-validation inside the
 *    training documents, whose threshold is the one that maximises F1 on those same scores.
 *
 * Nothing here sees a test document: the benchmark calls `trainModel` with LIST_TRAIN_k only.
 */
import { FEATURE_BUCKETS, FEATURE_VERSION, isSyntheticFeature, sentenceFeatures } from '../../packages/bundle/src/suggest/features.ts';
import {
  CLAUDETTE_CATEGORIES,
  CONTEXT_INPUTS,
  contextInputs,
  contextScore,
  encodeLabel,
  featureValue,
  type ClaudetteCategory,
  type CompactLinearModel,
} from '../../packages/bundle/src/suggest/linear.ts';
import type { LabelledSentence } from './claudette.ts';

export const TRAINING = {
  /** SVM cost (inverse regularisation); features are scaled to unit length per sentence. */
  cost: 1,
  /** Coordinate-descent passes at most; stops earlier once no dual variable moves by more than `tolerance`. */
  epochs: 40,
  tolerance: 0.02,
  /** Weights kept per category (the rest count as 0): about 280 KB in all. */
  keep: { ltd: 12000, ter: 3000, ch: 3000, cr: 3000, j: 3000, law: 3000, a: 3000, use: 3000, pinc: 3000 } as Record<ClaudetteCategory, number>,
  /** Weights are stored as integers of 1/scale. */
  scale: 1000,
  /** Inner folds (by document) for the out-of-fold scores the context stage is fitted on. */
  innerFolds: 5,
  /** Context stage: full-batch gradient descent. */
  contextSteps: 1000,
  contextRate: 2,
  contextL2: 1e-3,
  seed: 20250810,
};

interface Example {
  buckets: Uint32Array;
  /** Value of each bucket: 1 for synthetic features, 1/sqrt(n) for words (as `scoreCategory`). */
  values: Float64Array;
  /** Sum of squared values. */
  norm: number;
  categories: ReadonlySet<ClaudetteCategory>;
  document: string;
}

function toExamples(sentences: readonly LabelledSentence[]): Example[] {
  return sentences.map((s) => {
    const features = sentenceFeatures(s.text);
    const value = featureValue(features.length);
    const values = Float64Array.from(features, (f) => (isSyntheticFeature(f) ? 1 : value));
    return { buckets: Uint32Array.from(features, (f) => f.bucket), values, norm: values.reduce((sum, v) => sum + v * v, 0), categories: s.categories, document: s.document };
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

/** One category's SVM weights, unpruned, dense: dual coordinate descent for the squared hinge loss. */
function trainSvm(examples: readonly Example[], category: ClaudetteCategory): Float64Array {
  const weights = new Float64Array(FEATURE_BUCKETS);
  const alpha = new Float64Array(examples.length);
  const diagonal = 1 / (2 * TRAINING.cost);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    let largest = 0;
    for (const index of shuffledOrder(examples.length, TRAINING.seed + epoch)) {
      const example = examples[index]!;
      const y = example.categories.has(category) ? 1 : -1;
      const gradient = y * score(weights, example) - 1 + diagonal * alpha[index]!;
      const projected = alpha[index] === 0 ? Math.min(gradient, 0) : gradient;
      if (projected === 0) continue;
      largest = Math.max(largest, Math.abs(projected));
      const before = alpha[index]!;
      alpha[index] = Math.max(before - gradient / (example.norm + diagonal), 0);
      const step = (alpha[index]! - before) * y;
      for (let i = 0; i < example.buckets.length; i++) weights[example.buckets[i]!]! += step * example.values[i]!;
    }
    if (largest < TRAINING.tolerance) break;
  }
  return weights;
}

/** How many examples have each feature. */
function frequencies(examples: readonly Example[]): Float64Array {
  const counts = new Float64Array(FEATURE_BUCKETS);
  for (const example of examples) for (const bucket of example.buckets) counts[bucket]!++;
  return counts;
}

/** The `keep` weights that matter most (|weight| × √(1 + frequency)), rounded to what the weights file stores. */
function prune(weights: Float64Array, counts: Float64Array, keep: number): Float64Array {
  const importance = Float64Array.from(weights, (w, b) => Math.abs(w) * Math.sqrt(1 + counts[b]!));
  // Order by importance, ties to the lower bucket, so the cut is deterministic.
  const order = Uint32Array.from({ length: FEATURE_BUCKETS }, (_, b) => b).sort((a, b) => importance[b]! - importance[a]! || a - b);
  const kept = new Float64Array(FEATURE_BUCKETS);
  for (let i = 0; i < keep && importance[order[i]!]! > 0; i++) kept[order[i]!] = round(weights[order[i]!]!);
  return kept;
}

function round(weight: number): number {
  return Math.round(weight * TRAINING.scale) / TRAINING.scale;
}

function trainPruned(examples: readonly Example[], category: ClaudetteCategory): Float64Array {
  return prune(trainSvm(examples, category), frequencies(examples), TRAINING.keep[category]);
}

/** The context stage's weights: logistic regression by full-batch gradient descent (deterministic). */
function trainContext(inputs: readonly number[][], positive: readonly boolean[]): number[] {
  const weights = new Array<number>(CONTEXT_INPUTS).fill(0);
  for (let step = 0; step < TRAINING.contextSteps; step++) {
    const gradient = new Array<number>(CONTEXT_INPUTS).fill(0);
    inputs.forEach((x, i) => {
      const error = 1 / (1 + Math.exp(-contextScore(weights, x))) - (positive[i] ? 1 : 0);
      for (let k = 0; k < CONTEXT_INPUTS; k++) gradient[k]! += error * x[k]!;
    });
    for (let k = 0; k < CONTEXT_INPUTS; k++) weights[k]! -= TRAINING.contextRate * (gradient[k]! / inputs.length + TRAINING.contextL2 * weights[k]!);
  }
  return weights.map(round);
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

/** The context inputs of every example, each document's sentences read as one run. */
function runInputs(examples: readonly Example[], scores: readonly number[]): number[][] {
  const inputs: number[][] = [];
  for (let start = 0; start < examples.length; ) {
    let end = start;
    while (end < examples.length && examples[end]!.document === examples[start]!.document) end++;
    const run = scores.slice(start, end);
    for (let i = 0; i < run.length; i++) inputs.push(contextInputs(run, i));
    start = end;
  }
  return inputs;
}

/**
 * Trains every category on `sentences` (whole documents, in document order); the context stage and
 * its threshold come from cross-validation over those documents.
 */
export function trainModel(sentences: readonly LabelledSentence[], categories: readonly ClaudetteCategory[] = CLAUDETTE_CATEGORIES): CompactLinearModel {
  const examples = toExamples(sentences);
  const documents = [...new Set(examples.map((e) => e.document))].sort();
  const innerOf = new Map(documents.map((d, i) => [d, i % TRAINING.innerFolds]));
  const labels = {} as CompactLinearModel['labels'];
  for (const category of CLAUDETTE_CATEGORIES) {
    if (!categories.includes(category)) {
      labels[category] = { threshold: 1e9, context: [], buckets: '', weights: '' };
      continue;
    }
    const outOfFold = new Array<number>(examples.length).fill(0);
    for (let fold = 0; fold < TRAINING.innerFolds; fold++) {
      const weights = trainPruned(examples.filter((e) => innerOf.get(e.document) !== fold), category);
      examples.forEach((e, i) => {
        if (innerOf.get(e.document) === fold) outOfFold[i] = score(weights, e);
      });
    }
    const inputs = runInputs(examples, outOfFold);
    const positive = examples.map((e) => e.categories.has(category));
    const context = trainContext(inputs, positive);
    const threshold = bestThreshold(inputs.map((x, i) => ({ score: contextScore(context, x), positive: positive[i]! })));
    const full = trainPruned(examples, category);
    const sparse = new Map<number, number>();
    full.forEach((w, b) => w !== 0 && sparse.set(b, w));
    labels[category] = encodeLabel(threshold, context, sparse, TRAINING.scale);
  }
  return { features: FEATURE_VERSION, scale: TRAINING.scale, labels };
}
