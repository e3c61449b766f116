/**
 * Clause suggestions for authors: which clauses of a terms document should probably carry a
 * `highlight` (PRC Civil Code art. 496: clauses that exempt or limit the provider's liability,
 * increase the user's, or restrict the user's main rights), with the words that triggered each.
 *
 * Suggestions are proposals, never decisions: they are marked `source: "suggested"`, an author's
 * highlight is never touched, and kinds are merged only into earlier suggestions.
 *
 * Pure, synchronous, deterministic and offline; the same in Node and browsers. Chinese uses cue
 * rules (`rules-zh.ts`); English uses a linear model trained on the CLAUDETTE corpus (`linear.ts`,
 * `weights-en.ts`, rebuilt by `pnpm suggest:train`) plus cue rules for the kinds it does not cover.
 *
 * @example
 * const { bundle: withSuggestions, suggestions } = suggestHighlights(bundle);
 */
import { HIGHLIGHT_KINDS, type Block, type Clause, type HighlightKind, type Inline, type TermsBundle } from '../types.ts';
import { classifySentences, decodeModel, stillInCategory, type ClaudetteCategory, type LinearModel } from './linear.ts';
import { englishSentences, englishWithoutCarveOuts, EN_CARVE_OUT, EN_DISCRETION, EN_RULES } from './rules-en.ts';
import { asSimplified, chineseSentences, isChineseHeading, isTitleLike, withoutCarveOuts, ZH_CARVE_OUT, ZH_DISCRETION, ZH_RULES, type CueRule } from './rules-zh.ts';
import { englishWeights } from './weights-en.ts';

/** What one sentence suggests: its kinds and the words that triggered them. */
export interface SentenceSuggestion {
  kinds: HighlightKind[];
  /** The matched words, several joined by " … ". */
  cue: string;
  /** The sentence they were found in. */
  sentence: string;
}

/** One clause the author should look at. */
export interface ClauseSuggestion {
  /** The document id. */
  document: string;
  /** The clause id. */
  clause: string;
  kinds: HighlightKind[];
  cue: string;
  /** The clause's body text, for a review table. */
  text: string;
}

/** How a CLAUDETTE category maps onto the bundle's highlight kinds. */
export const CATEGORY_KINDS: Record<ClaudetteCategory, HighlightKind> = {
  ltd: 'limits-liability',
  ter: 'unilateral-termination',
  ch: 'unilateral-change',
  cr: 'content-removal',
  j: 'jurisdiction',
  law: 'choice-of-law',
  a: 'arbitration',
  use: 'contract-by-using',
  // "Privacy included": accepting the terms also accepts the privacy policy's processing (R14).
  pinc: 'data-sharing',
};

let model: LinearModel | undefined;
/** The English model, decoded on first use (a few milliseconds). */
function englishModel(): LinearModel {
  return (model ??= decodeModel(englishWeights));
}

/** The languages with suggestions: `zh` for any Chinese locale, `en` for English; others get none. */
export function suggestionLanguage(locale: string): 'zh' | 'en' | undefined {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'zh' ? 'zh' : language === 'en' ? 'en' : undefined;
}

function sortKinds(kinds: Iterable<HighlightKind>): HighlightKind[] {
  const set = new Set(kinds);
  return HIGHLIGHT_KINDS.filter((kind) => set.has(kind));
}

/** `original`: the text as written, when the rules read a normalised copy of the same length. */
function applyRules(rules: readonly CueRule[], text: string, kinds: Set<HighlightKind>, cues: string[], original = text): void {
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (!match || rule.unless?.test(match[0])) continue;
    const fresh = rule.kinds.filter((kind) => !kinds.has(kind));
    if (!fresh.length) continue;
    for (const kind of fresh) kinds.add(kind);
    const cue = original.slice(match.index, match.index + match[0].length).trim();
    if (!cues.includes(cue)) cues.push(cue);
  }
}

function chineseSentence(sentence: string): SentenceSuggestion | undefined {
  const simplified = asSimplified(sentence);
  if (isChineseHeading(simplified)) return undefined;
  const kinds = new Set<HighlightKind>();
  const cues: string[] = [];
  applyRules(ZH_RULES, withoutCarveOuts(simplified, ZH_CARVE_OUT), kinds, cues, sentence);
  return kinds.size ? { kinds: sortKinds(kinds), cue: cues.join(' … '), sentence } : undefined;
}

/**
 * What each of a run of consecutive English sentences suggests (`undefined` where nothing), with
 * the shipped model or another one (the benchmark passes the model of each cross-validation fold).
 * Neighbours count: a sentence inside a run of limitations is judged with them.
 */
export function suggestEnglishSentences(sentences: readonly string[], model: LinearModel = englishModel()): Array<SentenceSuggestion | undefined> {
  const classified = classifySentences(model, sentences);
  return sentences.map((sentence, i) => {
    const kinds = new Set<HighlightKind>();
    const cues: string[] = [];
    const found = classified[i]!;
    // A carve-out is no limitation: ask the model again about the rest of the sentence, if any.
    const limited = found.some((f) => f.category === 'ltd');
    const rest = limited && EN_CARVE_OUT.test(sentence) ? englishWithoutCarveOuts(sentence) : undefined;
    const stillLimited = rest === undefined || (rest.length > 0 && stillInCategory(model, 'ltd', sentences, i, rest));
    for (const { category, cue } of found) {
      if (category === 'ltd' && !stillLimited) continue;
      kinds.add(CATEGORY_KINDS[category]);
      const words = cue.join(' … ');
      if (words && !cues.includes(words)) cues.push(words);
    }
    applyRules(EN_RULES, rest ?? sentence, kinds, cues);
    return kinds.size ? { kinds: sortKinds(kinds), cue: cues.join(' … '), sentence } : undefined;
  });
}

/** What one English sentence suggests on its own (no neighbours). */
export function suggestEnglishSentence(sentence: string, model: LinearModel = englishModel()): SentenceSuggestion | undefined {
  return suggestEnglishSentences([sentence], model)[0];
}

/**
 * The suggestions for a text (a clause, a paragraph, a line), sentence by sentence: only the
 * sentences that suggest something, in text order.
 *
 * @param locale BCP 47 tag; Chinese (`zh-*`) and English (`en-*`) are supported, others give `[]`.
 */
export function suggestForText(text: string, locale: string): SentenceSuggestion[] {
  const language = suggestionLanguage(locale);
  if (!language) return [];
  const found = language === 'zh' ? chineseSentences(text).map(chineseSentence) : suggestEnglishSentences(englishSentences(text));
  return found.filter((s): s is SentenceSuggestion => s !== undefined);
}

/** The union of the kinds `suggestForText` finds in a text, with all cues. */
export function suggestKinds(text: string, locale: string): { kinds: HighlightKind[]; cue: string } {
  const found = suggestForText(text, locale);
  const cues = [...new Set(found.map((f) => f.cue))];
  return { kinds: sortKinds(found.flatMap((f) => f.kinds)), cue: cues.join(' … ') };
}

function inlineText(runs: readonly Inline[] | undefined): string {
  return (runs ?? []).map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

function bodyText(blocks: readonly Block[] | undefined): string {
  return (blocks ?? [])
    .map((block) => (block.type === 'paragraph' ? inlineText(block.text) : block.items.map(inlineText).join('\n')))
    .join('\n');
}

/**
 * The kinds a list item takes from the clause that introduces it: the powers that clause grants
 * (sharing data, ending or changing the service, removing content, restricting rights), when the
 * item leaves their use to the provider's own judgement. The other items of such a list (what a law
 * or a court requires) name no discretion and take nothing.
 */
const INHERITED_KINDS: readonly HighlightKind[] = ['data-sharing', 'unilateral-termination', 'unilateral-change', 'content-removal', 'restricts-rights'];

function inheritedFrom(intro: readonly HighlightKind[], text: string, locale: string): { kinds: HighlightKind[]; cue: string } | undefined {
  const kinds = intro.filter((kind) => INHERITED_KINDS.includes(kind));
  if (!kinds.length) return undefined;
  const chinese = suggestionLanguage(locale) === 'zh';
  const discretion = (chinese ? ZH_DISCRETION : EN_DISCRETION).exec(chinese ? asSimplified(text) : text);
  return discretion ? { kinds, cue: text.slice(discretion.index, discretion.index + discretion[0].length).trim() } : undefined;
}

function suggestInClauses(clauses: readonly Clause[], locale: string, document: string, found: ClauseSuggestion[], intro: readonly HighlightKind[] = []): Clause[] {
  return clauses.map((clause) => {
    // The clause's own body: headings name sections ("免责声明"), they are not clauses. A section or
    // clause whose whole body is one short line without sentence punctuation (a table of contents
    // read as numbered clauses: "五、我们如何共享您的个人信息") is such a name too; a list item is not.
    const text = bodyText(clause.body);
    const own = clause.kind !== 'item' && isTitleLike(text) ? { kinds: [], cue: '' } : suggestKinds(text, locale);
    const inherited = clause.kind === 'item' ? inheritedFrom(intro, text, locale) : undefined;
    const kinds = sortKinds([...own.kinds, ...(inherited?.kinds ?? [])]);
    const cue = [own.cue, inherited?.cue].filter(Boolean).join(' … ');
    let next: Clause = clause;
    const existing = clause.highlight;
    if (kinds.length && existing?.source !== 'author') {
      const merged = sortKinds([...(existing?.kinds ?? []), ...kinds]);
      const cues = [...new Set([existing?.cue, cue].filter((c): c is string => !!c))].join(' … ');
      next = { ...clause, highlight: { ...existing, kinds: merged, source: 'suggested', cue: cues } };
      found.push({ document, clause: clause.id, kinds, cue, text });
    }
    // What this clause grants, as its list items see it: the author's kinds where the author marked it.
    const granted = existing?.source === 'author' ? existing.kinds : kinds;
    if (clause.clauses) next = { ...next, clauses: suggestInClauses(clause.clauses, locale, document, found, granted) };
    return next;
  });
}

/**
 * Suggests highlights for every clause of every document's controlling text.
 *
 * @returns A new bundle (the input is not changed) in which each clause that suggests something and
 *   carries no author highlight has a `source: "suggested"` highlight (an earlier suggestion's kinds
 *   are merged), and the list of suggestions in document order.
 */
export function suggestHighlights(bundle: TermsBundle): { bundle: TermsBundle; suggestions: ClauseSuggestion[] } {
  const suggestions: ClauseSuggestion[] = [];
  const documents = bundle.documents.map((document) => ({
    ...document,
    clauses: suggestInClauses(document.clauses, document.locale, document.id, suggestions),
  }));
  return { bundle: { ...bundle, documents }, suggestions };
}
