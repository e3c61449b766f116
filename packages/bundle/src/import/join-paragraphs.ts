/**
 * Re-joins paragraphs that a page break cut in two when a PDF was converted to Markdown, e.g. the
 * seed's 2.3 "…本平台无法完全保证能阻止" / "此类未经授权的行为…".
 *
 * The rule: a paragraph that does not end a sentence (no 。！？；.!?:： at its end) and does not read
 * like a heading continues into the next paragraph, unless that next one starts something of its
 * own (a number, an ALL-CAPS heading). CJK pieces are joined without a space, Latin ones with one.
 */
import type { Inline } from '../types.ts';
import { joinPieces, plainText } from './inline.ts';
import { recogniseNumbering } from './numbering.ts';
import type { OutlineEntry } from './outline.ts';
import { endsSentence, isCapsHeading, isTitleLike } from './text-shape.ts';

/** Returns the entries with broken paragraphs joined; linear in the number and length of entries. */
export function joinBrokenParagraphs(entries: readonly OutlineEntry[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  // The pieces of the last output paragraph, joined when the next entry shows it is complete.
  let pieces: Inline[][] = [];
  // The start and end of that paragraph: enough to judge it without re-reading a long chain of
  // pieces (which would make joining quadratic).
  let last: TextEnds = { head: '', tail: '', length: 0 };
  const finish = () => {
    const paragraph = out.at(-1);
    if (pieces.length > 1 && paragraph?.type === 'paragraph') paragraph.text = joinPieces(pieces);
    pieces = [];
  };
  for (const entry of entries) {
    const previous = out.at(-1);
    const text = entry.type === 'paragraph' ? plainText(entry.text) : '';
    if (entry.type === 'paragraph' && previous?.type === 'paragraph' && continues(last) && !startsSomething(text)) {
      pieces.push(entry.text);
      last = { head: last.head, tail: (last.tail + text).slice(-EDGE), length: last.length + text.length + 1 };
      continue;
    }
    finish();
    if (entry.type === 'paragraph') {
      out.push({ ...entry });
      pieces = [entry.text];
      last = { head: text.slice(0, EDGE), tail: text.slice(-EDGE), length: text.length };
    } else out.push(entry);
  }
  finish();
  return out;
}

// Longer than any heading-like text the checks below look at in full.
const EDGE = 200;

interface TextEnds {
  head: string;
  tail: string;
  length: number;
}

/** True if a paragraph with this text stops mid-sentence. */
function continues({ head, tail, length }: TextEnds): boolean {
  if (endsSentence(tail) || tail.endsWith('\n')) return false;
  // Heading-like text is short, so `head` holds all of it whenever these checks can succeed.
  if (length > EDGE) return true;
  if (isCapsHeading(head)) return false;
  const numbering = recogniseNumbering(head);
  return !isTitleLike(numbering ? head.slice(numbering.length) : head);
}

/** True if a paragraph with this text begins a unit of its own rather than continuing a sentence. */
function startsSomething(text: string): boolean {
  return recogniseNumbering(text) !== null || isCapsHeading(text);
}
