/**
 * Word-level text diff for clause text in any language. Chinese and Japanese have no spaces between
 * words, so words come from `Intl.Segmenter` (ICU's dictionary segmentation) where the platform has
 * it, and otherwise every CJK character counts as a word of its own.
 */

/** One run of a word diff: text both versions share, or text only the old (`delete`) or new (`insert`) one has. */
export interface WordDiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

// Beyond this many token pairs the table gets too big for an interactive tool; such a text is shown as replaced whole.
const MAX_CELLS = 4_000_000;
const FALLBACK = /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}\p{N}_'’-]+|./gsu;

/** Splits `text` into words, spaces and punctuation; joined, the tokens give `text` back. */
export function wordsOf(text: string, locale?: string): string[] {
  const Segmenter = (globalThis.Intl as { Segmenter?: typeof Intl.Segmenter } | undefined)?.Segmenter;
  if (Segmenter) {
    try {
      return Array.from(new Segmenter(locale, { granularity: 'word' }).segment(text), (segment) => segment.segment);
    } catch {
      // An unknown locale tag throws; the fallback below still gives a usable diff.
    }
  }
  return text.match(FALLBACK) ?? [];
}

/**
 * The word diff from `before` to `after`: a shortest edit script over words (longest common
 * subsequence), with adjacent runs of the same kind merged.
 *
 * @param locale The language of both texts, for word segmentation, e.g. `zh-CN`.
 */
export function diffWords(before: string, after: string, locale?: string): WordDiffPart[] {
  const a = wordsOf(before, locale);
  const b = wordsOf(after, locale);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);
  const parts: WordDiffPart[] = [];
  const push = (op: WordDiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length * middleB.length > MAX_CELLS) {
    push('delete', middleA.join(''));
    push('insert', middleB.join(''));
  } else {
    for (const [op, token] of editScript(middleA, middleB)) push(op, token);
  }
  push('equal', a.slice(endA).join(''));
  return absorbSpaces(parts);
}

/**
 * Folds a space shared between two changes into them, so "at any time" → "with notice" reads as one
 * replacement rather than three that happen to keep the spaces.
 */
function absorbSpaces(parts: WordDiffPart[]): WordDiffPart[] {
  const result: WordDiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) result.push({ op: 'delete', text: deleted });
    if (inserted) result.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1 && (deleted || inserted);
    if (part.op == 'delete') deleted += part.text;
    else if (part.op == 'insert') inserted += part.text;
    else if (between && /^\s+$/.test(part.text)) (deleted += part.text), (inserted += part.text);
    else (flush(), result.push(part));
  });
  flush();
  return result;
}

/** Longest-common-subsequence edit script; deletions before insertions at each change. */
function editScript(a: string[], b: string[]): Array<[WordDiffPart['op'], string]> {
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const script: Array<[WordDiffPart['op'], string]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) script.push(['equal', a[i++]!]), j++;
    else if (j >= b.length || (i < a.length && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) script.push(['delete', a[i++]!]);
    else script.push(['insert', b[j++]!]);
  }
  return script;
}

/**
 * The diff as one line of text: deletions as `[-old-]`, insertions as `{+new+}`, as `git diff
 * --word-diff` prints them. Shared runs longer than `context * 2` characters keep `context`
 * characters at each end around an ellipsis.
 */
export function formatWordDiff(parts: readonly WordDiffPart[], context = Infinity): string {
  return parts
    .map((part, index) => {
      if (part.op == 'delete') return `[-${part.text}-]`;
      if (part.op == 'insert') return `{+${part.text}+}`;
      const chars = Array.from(part.text);
      if (chars.length <= context * 2) return part.text;
      const head = index == 0 ? '' : chars.slice(0, context).join('');
      const tail = index == parts.length - 1 ? '' : chars.slice(-context).join('');
      return `${head}…${tail}`;
    })
    .join('');
}
