/**
 * Questions about the shape of a piece of plain text that the importer asks to tell headings,
 * broken paragraphs and sentences apart. They look at one paragraph's text, never at the document.
 */

/** Han, kana, hangul and full-width punctuation: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** True if the character belongs to a script that puts no space between words. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/**
 * What to put between two pieces of text that were one line before a page break cut them:
 * nothing between CJK characters, a space between words of Latin-like scripts.
 */
export function joinerBetween(before: string, after: string): string {
  const last = before.at(-1);
  const first = after[0];
  if (last === undefined || first === undefined) return '';
  if (/\s/.test(last) || /\s/.test(first)) return '';
  return isCjk(last) || isCjk(first) ? '' : ' ';
}

// Closing quotes and brackets may follow the full stop: “…。” or (…).
const TRAILING_CLOSERS = /[\s"'”’»)）\]】」』》〉*_]+$/u;
const SENTENCE_END = /[。！？；.!?;:：…]$/u;

/** True if the text ends a sentence (or introduces what follows with a colon). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(TRAILING_CLOSERS, ''));
}

/** True if the text holds at least two Latin letters and no lower-case ones: "LIMITATION OF LIABILITY". */
export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /[A-Za-z]/.test(c));
  return latin.length >= 2 && latin.length === letters.length && !/[a-z]/.test(text);
}

/**
 * True if the text reads like a heading rather than a sentence: short and without sentence
 * punctuation. "9. Limitation of liability" is a heading written as a paragraph; "本平台无法完全保证能阻止"
 * is half a sentence (it is long, or carries commas).
 */
export function isTitleLike(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const weight = [...trimmed].reduce((sum, c) => sum + (isCjk(c) ? 2 : 1), 0);
  return weight <= 60 && !/[。！？；.!?;:：,，、]/u.test(trimmed);
}

/** An ALL-CAPS line short enough to be a heading ("DISCLAIMER OF WARRANTIES"), not an ALL-CAPS disclaimer paragraph. */
export function isCapsHeading(text: string): boolean {
  const trimmed = text.trim();
  return isAllCaps(trimmed) && trimmed.split(/\s+/).length <= 12 && trimmed.length <= 100 && !/[.;,]$/.test(trimmed);
}

/**
 * A URL-friendly id from heading text: lower case, letters and digits of any script kept, everything
 * else collapsed to hyphens, at most 60 characters. May return "" (text of only punctuation).
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 60);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut;
}
