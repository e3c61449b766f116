/**
 * The shipped English model, per CLAUDETTE category: a linear SVM over the hashed features of
 * `features.ts` (stored sparsely, only the weights that matter, as integers in text), then a small
 * context stage that reads the SVM scores of the sentence and its neighbours (limitations of
 * liability come in runs: a sentence next to one is ten times likelier to be one).
 */
import { isSyntheticFeature, sentenceFeatures, type SentenceFeature } from './features.ts';

/** A CLAUDETTE unfair-clause category, as the corpus tags it (without the 1/2/3 fairness grade). */
export type ClaudetteCategory = 'ltd' | 'ter' | 'ch' | 'cr' | 'j' | 'law' | 'a' | 'use' | 'pinc';

export const CLAUDETTE_CATEGORIES: readonly ClaudetteCategory[] = ['ltd', 'ter', 'ch', 'cr', 'j', 'law', 'a', 'use', 'pinc'];

/** One category's weights as written by the training script. */
export interface CompactLabelWeights {
  /** The context score above which a sentence is in the category. */
  threshold: number;
  /**
   * Weights of the context stage, times `scale`, over `contextInputs` of the sentence's SVM score
   * and its neighbours' (see `CONTEXT_INPUTS`).
   */
  context: number[];
  /** Bucket numbers, ascending, each written as the base-36 difference to the previous one, comma-separated. */
  buckets: string;
  /** The weight of each bucket, times `scale`, rounded, base 36, comma-separated. */
  weights: string;
}

/** The weights file as committed. */
export interface CompactLinearModel {
  /** The `FEATURE_VERSION` the weights were trained with. */
  features: string;
  scale: number;
  labels: Record<ClaudetteCategory, CompactLabelWeights>;
}

/** A category's weights, decoded for scoring. */
export interface LabelWeights {
  threshold: number;
  context: readonly number[];
  weights: Map<number, number>;
}

export type LinearModel = Record<ClaudetteCategory, LabelWeights>;

/** Writes weights compactly; `decodeModel` reads them back exactly (up to the rounding to `scale`). */
export function encodeLabel(threshold: number, context: readonly number[], weights: ReadonlyMap<number, number>, scale: number): CompactLabelWeights {
  const buckets = [...weights.keys()].sort((a, b) => a - b);
  let previous = 0;
  const deltas: string[] = [];
  const values: string[] = [];
  for (const bucket of buckets) {
    deltas.push((bucket - previous).toString(36));
    values.push(Math.round(weights.get(bucket)! * scale).toString(36));
    previous = bucket;
  }
  return {
    threshold: Math.round(threshold * scale) / scale,
    context: context.map((c) => Math.round(c * scale)),
    buckets: deltas.join(','),
    weights: values.join(','),
  };
}

export function decodeModel(compact: CompactLinearModel): LinearModel {
  const model = {} as LinearModel;
  for (const category of CLAUDETTE_CATEGORIES) {
    const label = compact.labels[category];
    const weights = new Map<number, number>();
    if (label.buckets) {
      const deltas = label.buckets.split(',');
      const values = label.weights.split(',');
      let bucket = 0;
      deltas.forEach((delta, i) => {
        bucket += parseInt(delta, 36);
        weights.set(bucket, parseInt(values[i]!, 36) / compact.scale);
      });
    }
    model[category] = { threshold: label.threshold, context: label.context.map((c) => c / compact.scale), weights };
  }
  return model;
}

/**
 * The value of each word feature in a sentence of `count` features: 1/sqrt(count), so a long
 * sentence does not outscore a short one by length alone. The synthetic features count 1.
 */
export function featureValue(count: number): number {
  return 1 / Math.sqrt(Math.max(1, count));
}

/** The score of one category for a sentence's features, and the features that pushed it up most. */
export function scoreCategory(weights: LabelWeights, features: readonly SentenceFeature[]): { score: number; cue: SentenceFeature[] } {
  let score = 0;
  const value = featureValue(features.length);
  const contributions: Array<{ feature: SentenceFeature; weight: number }> = [];
  for (const feature of features) {
    const weight = weights.weights.get(feature.bucket);
    if (weight === undefined) continue;
    score += isSyntheticFeature(feature) ? weight : weight * value;
    if (weight > 0 && !isSyntheticFeature(feature)) contributions.push({ feature, weight });
  }
  contributions.sort((a, b) => b.weight - a.weight);
  return { score, cue: contributions.slice(0, 3).map((c) => c.feature) };
}

/**
 * The SVM score a missing neighbour (before the first sentence, after the last, or a sentence on
 * its own) counts as: -1, the margin an ordinary sentence sits at, so a lone sentence is judged as
 * if among ordinary ones.
 */
export const NO_NEIGHBOUR = -1;

/**
 * The inputs of the context stage for sentence `i` of `scores` (one category's SVM scores of
 * consecutive sentences): 1, its own score, the previous one's, the next one's, the larger of those
 * two, and the larger of the scores two sentences away.
 */
export function contextInputs(scores: readonly number[], i: number): number[] {
  const at = (j: number) => (j >= 0 && j < scores.length ? scores[j]! : NO_NEIGHBOUR);
  const previous = at(i - 1);
  const next = at(i + 1);
  return [1, scores[i]!, previous, next, Math.max(previous, next), Math.max(at(i - 2), at(i + 2))];
}

export const CONTEXT_INPUTS = 6;

/** The context score: the context weights times `contextInputs`. */
export function contextScore(context: readonly number[], inputs: readonly number[]): number {
  let score = 0;
  for (let k = 0; k < inputs.length; k++) score += (context[k] ?? 0) * inputs[k]!;
  return score;
}

export interface SentenceCategory {
  category: ClaudetteCategory;
  /** The context score (above the category's threshold). */
  score: number;
  cue: string[];
}

/**
 * The categories of each of a run of consecutive sentences (a paragraph, a clause, a document),
 * each with the words that weighed most. A sentence's neighbours count through the context stage.
 */
export function classifySentences(model: LinearModel, sentences: readonly string[]): SentenceCategory[][] {
  const features = sentences.map((sentence) => sentenceFeatures(sentence));
  const found: SentenceCategory[][] = sentences.map(() => []);
  for (const category of CLAUDETTE_CATEGORIES) {
    const scored = features.map((f) => scoreCategory(model[category], f));
    const scores = scored.map((s) => s.score);
    scored.forEach(({ cue }, i) => {
      const score = contextScore(model[category].context, contextInputs(scores, i));
      if (score > model[category].threshold) found[i]!.push({ category, score, cue: cue.map((f) => f.gram) });
    });
  }
  return found;
}

/** The categories of one sentence on its own (no neighbours), each with the words that weighed most. */
export function classifySentence(model: LinearModel, sentence: string): SentenceCategory[] {
  return classifySentences(model, [sentence])[0]!;
}

/**
 * Whether sentence `i` of a run is still in `category` when its own text is `replacement` (its
 * neighbours' SVM scores unchanged): used to re-ask about a sentence without its carve-out.
 */
export function stillInCategory(model: LinearModel, category: ClaudetteCategory, sentences: readonly string[], i: number, replacement: string): boolean {
  const label = model[category];
  // Only the two sentences on either side reach the context stage.
  const first = Math.max(0, i - 2);
  const window = sentences.slice(first, i + 3).map((sentence, k) => scoreCategory(label, sentenceFeatures(first + k === i ? replacement : sentence)).score);
  return contextScore(label.context, contextInputs(window, i - first)) > label.threshold;
}
