/**
 * Splits long Markdown into pieces that parse independently, because micromark's list handling
 * grows quadratically with the length of the document around the lists (a 1 MB file with a few
 * hundred lists takes tens of seconds in one piece, well under a second in pieces).
 *
 * This finds no structure: it only finds lines where CommonMark guarantees a fresh start, so that
 * parsing the pieces gives the same tree as parsing the whole. Such a line starts at column 0 after a
 * blank line, outside any fenced code or multi-line HTML block, with a heading or plain text (never a
 * list item or quote, which could continue the list or quote before the blank line). Documents with link reference or
 * footnote definitions are never split, since a definition applies to the whole document.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]*\]:/;
// A piece may start with an ATX heading or with text; never with what could continue, underline or
// open something before it (list markers, quotes, `---`, `===`, fences, tables).
const FRESH_START = /^(#{1,6}(\s|$)|[\p{L}(（])/u;
const LIST_ITEM = /^\d{1,9}[.)](\s|$)/;
// HTML blocks that may span blank lines (CommonMark types 1-5), with what ends each.
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** A piece of the source and the 0-based line it starts on. */
export interface Chunk {
  text: string;
  firstLine: number;
}

/** Splits `source` into pieces of at least `minLength` characters at safe lines. */
export function splitIntoChunks(source: string, minLength = 16_000): Chunk[] {
  if (source.length < minLength * 2) return [{ text: source, firstLine: 0 }];
  const lines = source.split('\n');
  if (lines.some((line) => DEFINITION.test(line))) return [{ text: source, firstLine: 0 }];

  // Front matter runs to its closing `---`; without one, the parser's reading of the start differs
  // from a piece's, so such a document stays whole.
  let frontMatterEnd = -1;
  if (lines[0]?.trimEnd() === '---') {
    frontMatterEnd = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
    if (frontMatterEnd === -1) return [{ text: source, firstLine: 0 }];
  }
  const chunks: Chunk[] = [];
  let start = 0;
  let length = 0;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    if (i > frontMatterEnd && !fence && !htmlEnd && previousBlank && length >= minLength && FRESH_START.test(line) && !LIST_ITEM.test(line)) {
      chunks.push({ text: lines.slice(start, i).join('\n'), firstLine: start });
      start = i;
      length = 0;
    }
    length += line.length + 1;
    previousBlank = blank;
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    for (const [open, end] of HTML_BLOCKS) {
      const opened = open.exec(line);
      if (opened && !end.test(line.slice(opened[0].length))) htmlEnd = end;
      if (opened) break;
    }
  }
  chunks.push({ text: lines.slice(start).join('\n'), firstLine: start });
  return chunks;
}
