/**
 * The shipped English model: one logistic-regression weight vector per CLAUDETTE category over the
 * hashed features of `features.ts`, stored sparsely (only weights that matter) as integers in text.
 */
import { isSyntheticFeature, sentenceFeatures, type SentenceFeature } from './features.ts';

/** A CLAUDETTE unfair-clause category, as the corpus tags it (without the 1/2/3 fairness grade). */
export type ClaudetteCategory = 'ltd' | 'ter' | 'ch' | 'cr' | 'j' | 'law' | 'a' | 'use' | 'pinc';

export const CLAUDETTE_CATEGORIES: readonly ClaudetteCategory[] = ['ltd', 'ter', 'ch', 'cr', 'j', 'law', 'a', 'use', 'pinc'];

/** One category's weights as written by the training script. */
export interface CompactLabelWeights {
  /** The score (log-odds) above which a sentence is in the category. */
  threshold: number;
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
  weights: Map<number, number>;
}

export type LinearModel = Record<ClaudetteCategory, LabelWeights>;

/** Writes weights compactly; `decodeModel` reads them back exactly (up to the rounding to `scale`). */
export function encodeLabel(threshold: number, weights: ReadonlyMap<number, number>, scale: number): CompactLabelWeights {
  const buckets = [...weights.keys()].sort((a, b) => a - b);
  let previous = 0;
  const deltas: string[] = [];
  const values: string[] = [];
  for (const bucket of buckets) {
    deltas.push((bucket - previous).toString(36));
    values.push(Math.round(weights.get(bucket)! * scale).toString(36));
    previous = bucket;
  }
  return { threshold: Math.round(threshold * scale) / scale, buckets: deltas.join(','), weights: values.join(',') };
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
    model[category] = { threshold: label.threshold, weights };
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

/** The categories a sentence falls in, each with the words that weighed most. */
export function classifySentence(model: LinearModel, sentence: string): Array<{ category: ClaudetteCategory; score: number; cue: string[] }> {
  const features = sentenceFeatures(sentence);
  const found: Array<{ category: ClaudetteCategory; score: number; cue: string[] }> = [];
  for (const category of CLAUDETTE_CATEGORIES) {
    const { score, cue } = scoreCategory(model[category], features);
    if (score > model[category].threshold) found.push({ category, score, cue: cue.map((f) => f.gram) });
  }
  return found;
}
