/**
 * English sentence features for the linear model: lower-cased word unigrams and bigrams, plus a
 * "shouting" feature for sentences set in capitals (disclaimers usually are), a length class and
 * phrase families (`CUE_FAMILIES`), each hashed into a
 * fixed number of buckets (the hashing trick), so the shipped weights hold numbers, never words.
 *
 * Training (scripts/suggest/train.ts) and prediction share this file, so they cannot drift.
 */

/** Number of hash buckets: 2^18 keeps collisions rare for a vocabulary of this size. */
export const FEATURE_BUCKETS = 1 << 18;

/** Bumped whenever the features change; the weights file records the version it was trained with. */
export const FEATURE_VERSION = 'en-uni-bi-caps-len-cues-v2';

/** One feature of a sentence: its bucket and the words it stands for (shown as the cue). */
export interface SentenceFeature {
  bucket: number;
  gram: string;
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
const CAPS_FEATURE = '\u0001caps';
const BIAS_FEATURE = '\u0001bias';

/** FNV-1a, 32 bits, over UTF-16 code units: fast, deterministic, the same in every engine. */
export function hashGram(gram: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % FEATURE_BUCKETS;
}

/** The words of a sentence, lower-cased, curly apostrophes straightened. */
export function englishWords(sentence: string): string[] {
  return sentence.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").match(WORD) ?? [];
}

/** True when most letters of the sentence are capitals, as in "IN NO EVENT SHALL…". */
function shouting(sentence: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const char of sentence) {
    if (char >= 'A' && char <= 'Z') upper++;
    else if (char >= 'a' && char <= 'z') lower++;
  }
  return upper >= 12 && upper > 3 * lower;
}

/**
 * The distinct features of one sentence, in first-seen order (so cues read in text order).
 * The bias feature is always present and always first.
 */
export function sentenceFeatures(sentence: string): SentenceFeature[] {
  const words = englishWords(sentence);
  const seen = new Set<number>();
  const features: SentenceFeature[] = [];
  const add = (gram: string) => {
    const bucket = hashGram(gram);
    if (seen.has(bucket)) return;
    seen.add(bucket);
    features.push({ bucket, gram });
  };
  add(BIAS_FEATURE);
  if (shouting(sentence)) add(CAPS_FEATURE);
  // Headings and list fragments ("Liability", "(2) FOR THE CONDUCT OF…") are short: say so.
  add(`\u0001len${Math.min(4, Math.floor(Math.log2(words.length + 1)))}`);
  const lower = sentence.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  for (const [name, pattern] of CUE_FAMILIES) if (pattern.test(lower)) add(`\u0001cue:${name}`);
  for (let i = 0; i < words.length; i++) {
    add(words[i]!);
    if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`);
  }
  return features;
}

/**
 * Phrase families that span a gap or vary in form ("not … liable", "total liability"), which word
 * pairs alone catch poorly. The model learns how much each family counts, and in which category.
 */
const CUE_FAMILIES: Array<[string, RegExp]> = [
  ['notliable', /\b(not|never|no|nor|without)\b[^.;:]{0,60}\b(liab|responsib)/],
  ['liable', /\b(liab|responsib)/],
  ['innoevent', /\bin no event\b|\bunder no circumstances?\b/],
  ['disclaim', /\bdisclaim/],
  ['asis', /\bas[ -]is\b|\bas[ -]available\b|\bwith all faults\b/],
  ['warrant', /\bwarrant/],
  ['damages', /\b(indirect|incidental|consequential|special|punitive|exemplary)\b[^.]{0,40}\bdamages?\b|\bloss of (profits?|data|revenue|goodwill)\b/],
  ['cap', /\b(aggregate|total|maximum|entire|cumulative) liability\b|\bshall not exceed\b|\bwill not exceed\b|\blimited to (the )?(amount|greater|lesser)/],
  ['ownrisk', /\b(your|their) (own|sole) risk\b|\bentire risk\b/],
  ['extent', /\b(maximum|fullest|full) extent\b|\bpermitted by (applicable )?law\b/],
  ['carve', /\bnothing in (these|this|the)\b|\bdo(es)? not (purport to )?(limit|exclude|affect)\b|\bmay not apply to you\b|\bdo not allow the (exclusion|limitation)\b|\bnot apply to (users|you|consumers)\b/],
  ['release', /\brelease\b|\bwaive\b|\bhold harmless\b|\bindemnif/],
  ['refund', /\brefund/],
  ['guarantee', /\b(no|not|cannot|can't) (make any )?guarantee|\bdo(es)? not guarantee\b|\bnot guaranteed\b/],
  ['force', /\bforce majeure\b|\bbeyond (our|its|their) (reasonable )?control\b/],
  ['shallnotliable', /\b(shall|will|are|is|be)\s+(not|n't)\s+(be\s+)?(held\s+)?(liable|responsible)\b/],
  ['notresponsible', /\bnot\s+(be\s+)?(held\s+)?responsible\b|\bno\s+(responsibility|liability)\b/],
  ['withoutwarranty', /\bwithout (any )?(warranty|warranties|guarantee)/],
  ['assume', /\b(assume|accept)s? no\b/],
  ['thirdparty', /\bthird[- ]part(y|ies)\b/],
  ['anydamages', /\b(any|all)\b[^.]{0,30}\b(damages?|loss(es)?|claims?)\b/],
  ['interrupt', /\b(interrupt|error|virus|bug|uninterrupted|error-free|downtime|unavailab)/],
];

/** Whether a feature is one of the synthetic ones (bias, capitals), which make no cue. */
export function isSyntheticFeature(feature: SentenceFeature): boolean {
  return feature.gram.startsWith('\u0001');
}
