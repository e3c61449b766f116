/**
 * English: the kinds the CLAUDETTE corpus does not label (burden shifting, data sharing, automatic
 * renewal) come from cue rules; the labelled kinds come from the model (`linear.ts`). Carve-outs that
 * protect the user ("Nothing in these Terms limits our liability for death or personal injury…")
 * are recognised here so they are never suggested as limitations.
 */
import type { CueRule } from './rules-zh.ts';

const rx = (source: string) => new RegExp(source, 'i');

export const EN_RULES: readonly CueRule[] = [
  // Warranty disclaimers: a kind of their own, since the corpus behind the model does not count them
  // as limitations of liability (2 of its 164 such sentences carry an ltd tag).
  {
    kinds: ['disclaims-warranty'],
    pattern: rx(
      String.raw`\b(provided|provides|offered|offers|available|supplied)\b[^.;]{0,40}["“']?\bas[- ]is\b|["“']as[- ]is["”']|\bwithout\s+(any\s+)?warrant(y|ies)\b|\bdisclaim\w*\b[^.;]{0,80}\bwarrant|\bwarrant\w*\b[^.;]{0,80}\b(are|is)\s+(hereby\s+)?(disclaimed|excluded)\b|\b(makes?|gives?|provides?)\s+no\s+(\w+\s+){0,3}warrant|\b(do|does|will)\s+not\s+(warrant|guarantee)\b`,
    ),
  },
  { kinds: ['shifts-burden'], pattern: rx(String.raw`\b(indemnify|indemnification|hold\s+(us\s+|\w+\s+)?harmless)\b`) },
  { kinds: ['shifts-burden'], pattern: rx(String.raw`\byou\b[^.;]{0,40}\b(are|will be|shall be|remain)\s+(solely|entirely|fully|exclusively)\s+(responsible|liable)\b`) },
  { kinds: ['shifts-burden'], pattern: rx(String.raw`\b(at\s+your\s+(own|sole)\s+risk|entire\s+risk\b[^.]{0,80}\bwith\s+you)\b`) },
  { kinds: ['restricts-rights'], pattern: rx(String.raw`\b(class[- ]action|jury\s+trial)\b[^.]{0,60}\bwaive|\bwaive\b[^.]{0,60}\b(class[- ]action|jury\s+trial)\b`) },
  { kinds: ['restricts-rights'], pattern: rx(String.raw`\b(no|not\s+(be\s+)?(entitled\s+to|eligible\s+for)(\s+a)?)\s+refunds?\b|\ball\s+sales\s+are\s+final\b|\bnon-?refundable\b`) },
  { kinds: ['data-sharing'], pattern: rx(String.raw`\b(share|sell|disclose|transfer|provide)\b[^.;]{0,60}\b(personal\s+)?(information|data)\b[^.;]{0,60}\b(third[- ]part(y|ies)|affiliates|partners|advertisers)\b`) },
  { kinds: ['auto-renewal'], pattern: rx(String.raw`\b(automatically\s+(renew|re-?bill|charge)|auto-?renew\w*|recurring\s+(billing|charges?|payments?))\b`) },
];

/** Words that leave a decision to the provider alone; see `ZH_DISCRETION`. */
export const EN_DISCRETION = rx(
  String.raw`\b(in|at)\s+(our|its|their|the\s+company's)\s+(sole|absolute|own|reasonable|complete)?\s*(and\s+(sole|absolute)\s+)?(discretion|judg(e)?ment)\b|\bwe\s+(reasonably\s+|in\s+good\s+faith\s+)?(believe|determine|consider|deem)\b`,
);

/**
 * A sentence (or its clause up to a semicolon or "but") that only preserves the user's rights: it
 * is no limitation of liability even though it speaks of one.
 */
export const EN_CARVE_OUT = rx(
  [
    String.raw`\bnothing\s+in\s+(these|this|the)\b[^.;]{0,80}\b(limits?|excludes?|affects?|restricts?|is\s+intended\s+to\s+(exclude|limit))\b`,
    String.raw`\b(does|do|shall|will)\s*(not|n't)\s+(purport\s+to\s+|seek\s+to\s+|intend\s+to\s+)?(exclude|limit|affect|restrict)\b[^.;]{0,60}\b(liability|rights|responsibility)\b`,
    String.raw`\b(don't|doesn't)\s+(exclude|limit|affect)\b`,
    String.raw`\bdo(es)?\s+not\s+allow\s+(the\s+)?(exclusion|limitation)`,
    String.raw`\bmay\s+not\s+apply\s+to\s+you\b`,
    String.raw`\b(does|do|shall|will)\s+not\s+apply\s+to\s+(you|users|consumers|residents)\b`,
  ].join('|'),
);

const SEGMENT = /[^;:]+?(?:[;:]|,?\s+but\s+|$)/gi;

/** The sentence with every clause that carries a carve-out removed. */
export function englishWithoutCarveOuts(sentence: string): string {
  return sentence.replace(SEGMENT, (segment) => (EN_CARVE_OUT.test(segment) ? ' ' : segment)).trim();
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|no|vs|u\.s|mr|ms|dr|st|art|sec)\.$/i;

/** Splits English text into sentences at . ! ? followed by a capital, and at line breaks. */
export function englishSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const boundary = /[.!?]["”’)]?\s+(?=["“(]?[A-Z0-9])/g;
    for (let match = boundary.exec(line); match; match = boundary.exec(line)) {
      const candidate = line.slice(start, match.index + 1);
      if (ABBREVIATION.test(candidate)) continue;
      sentences.push(line.slice(start, match.index + match[0].length).trim());
      start = match.index + match[0].length;
    }
    sentences.push(line.slice(start).trim());
  }
  return sentences.filter(Boolean);
}
