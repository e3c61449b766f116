/**
 * Flattens an mdast tree into the outline the clause tree is built from: headings, paragraphs,
 * unnumbered bullet lists (kept as list blocks), and numbered list items (bracketed by
 * `item-open` / `item-close`, so an item's own paragraphs and sub-items stay inside it).
 */
import type { BlockContent, DefinitionContent, List, ListItem, Root, RootContent, Table } from 'mdast';
import type { Inline } from '../types.ts';
import { dropLeading, plainText, toInlines, trimRuns, type BlockAttributes, type Definitions } from './inline.ts';
import { recogniseNumbering } from './numbering.ts';

export type OutlineEntry =
  | { type: 'heading'; depth: number; text: Inline[]; line: number; attributes: BlockAttributes }
  | { type: 'paragraph'; text: Inline[]; line: number; attributes: BlockAttributes }
  /** An unnumbered list that stays a list block in the body of the clause it sits in. */
  | { type: 'list'; ordered: boolean; items: Inline[][]; line: number }
  /**
   * A list item that becomes a clause. `value` is the Markdown list number of an ordered list
   * (`1.`, `2.`); null for a bullet item whose text carries its own number (`- 6.5.1 …`).
   */
  | { type: 'item-open'; value: number | null; line: number }
  | { type: 'item-close'; line: number }
  | { type: 'break'; line: number };

export interface Outline {
  entries: OutlineEntry[];
  /** The text of the YAML front matter, if the document starts with one. */
  frontMatter: string | undefined;
}

type Flow = RootContent | BlockContent | DefinitionContent;

// Deeper nesting than this is flattened to text: real terms never nest so deep, and a bounded
// recursion cannot overflow the stack on hostile input.
const MAX_NESTING = 24;

// Bullet characters left at the start of an item's text, e.g. the seed's `- \*` items.
const BULLET = /^(?:[*+\-–—‣⁃◦▪](?=\s)|[•·●○■□◆◇])\s*/u;

/** Flattens the tree; link reference definitions must be collected beforehand. */
export function buildOutline(root: Root, definitions: Definitions): Outline {
  const entries: OutlineEntry[] = [];
  let frontMatter: string | undefined;

  const line = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 0;

  const walk = (nodes: readonly Flow[], nesting: number): void => {
    for (const node of nodes) {
      if (nesting > MAX_NESTING) {
        const text = trimRuns([flatText(node)]);
        if (text.length) entries.push({ type: 'paragraph', text, line: line(node), attributes: {} });
        continue;
      }
      switch (node.type) {
        case 'yaml':
          if (frontMatter === undefined && nesting === 0) frontMatter = node.value;
          break;
        case 'heading': {
          const { text, attributes } = toInlines(node.children, definitions);
          if (text.length) entries.push({ type: 'heading', depth: node.depth, text, line: line(node), attributes });
          break;
        }
        case 'paragraph': {
          const { text, attributes } = toInlines(node.children, definitions);
          if (text.length) entries.push({ type: 'paragraph', text, line: line(node), attributes });
          else if (attributes.datetime || attributes.anchor) attachAttributes(attributes);
          break;
        }
        case 'blockquote': {
          const first = entries.length;
          walk(node.children, nesting + 1);
          dropAlertMarker(entries[first]);
          break;
        }
        case 'list':
          walkList(node, nesting);
          break;
        case 'table':
          entries.push({ type: 'list', ordered: false, items: tableRows(node), line: line(node) });
          break;
        case 'code':
          if (node.value.trim()) entries.push({ type: 'paragraph', text: [node.value.trim()], line: line(node), attributes: {} });
          break;
        case 'html': {
          const text = htmlText(node.value);
          if (text) entries.push({ type: 'paragraph', text: [text], line: line(node), attributes: {} });
          break;
        }
        case 'thematicBreak':
          entries.push({ type: 'break', line: line(node) });
          break;
        case 'footnoteDefinition':
          walk(node.children, nesting + 1);
          break;
        default:
          // definitions are resolved into links; other node types carry no terms text.
          break;
      }
    }
  };

  // A `{: datetime="…" }` on a line of its own belongs to the paragraph before it.
  const attachAttributes = (attributes: BlockAttributes) => {
    const previous = entries.at(-1);
    if (previous && (previous.type === 'paragraph' || previous.type === 'heading')) {
      previous.attributes = { ...attributes, ...previous.attributes };
    }
  };

  const walkList = (list: List, nesting: number) => {
    let bullets: Inline[][] = [];
    const flushBullets = () => {
      if (bullets.length) entries.push({ type: 'list', ordered: false, items: bullets, line: line(list) });
      bullets = [];
    };
    list.children.forEach((item, index) => {
      if (list.ordered || carriesNumber(item)) {
        flushBullets();
        entries.push({ type: 'item-open', value: list.ordered ? (list.start ?? 1) + index : null, line: line(item) });
        walk(item.children, nesting + 1);
        entries.push({ type: 'item-close', line: item.position?.end.line ?? line(item) });
      } else {
        bullets.push(...bulletItems(item, nesting));
      }
    });
    flushBullets();
  };

  const carriesNumber = (item: ListItem): boolean => {
    const first = item.children[0];
    if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return false;
    return recogniseNumbering(plainText(toInlines(first.children, definitions).text)) !== null;
  };

  /** A bullet item's text, then the items of lists nested in it (flattened: list blocks do not nest). */
  const bulletItems = (item: ListItem, nesting: number): Inline[][] => {
    const own: Inline[] = [];
    const nested: Inline[][] = [];
    for (const child of item.children) {
      if (child.type === 'list' && nesting < MAX_NESTING) {
        for (const sub of child.children) nested.push(...bulletItems(sub, nesting + 1));
        continue;
      }
      const text = child.type === 'paragraph' || child.type === 'heading' ? toInlines(child.children, definitions).text : trimRuns([flatText(child)]);
      if (!text.length) continue;
      if (own.length) own.push('\n');
      own.push(...text);
    }
    const text = stripBullet(own);
    return text.length ? [text, ...nested] : nested;
  };

  const tableRows = (table: Table): Inline[][] =>
    table.children
      .map((row) => {
        const cells = row.children.map((cell) => toInlines(cell.children, definitions).text).filter((cell) => cell.length);
        return cells.flatMap((cell, i) => (i ? [' | ', ...cell] : cell));
      })
      .filter((row) => row.length);

  walk(root.children, 0);
  return { entries, frontMatter };
}

/** Removes a leftover bullet character ("* ", "• ") from the start of a list item's text. */
export function stripBullet(runs: Inline[]): Inline[] {
  const match = BULLET.exec(plainText(runs));
  return match ? dropLeading(runs, match[0].length) : runs;
}

/** GitHub's `> [!NOTE]` alert marker, at the start of a quote's first paragraph, is syntax, not text. */
function dropAlertMarker(entry: OutlineEntry | undefined): void {
  if (entry?.type !== 'paragraph') return;
  const match = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(plainText(entry.text));
  if (match) entry.text = dropLeading(entry.text, match[0].length);
}

/** The text of raw HTML without its tags and comments. */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** All text under a node, without recursion (so any depth of nesting is safe). */
function flatText(node: Flow): string {
  const parts: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length) {
    const current = stack.pop() as { type?: string; value?: unknown; alt?: unknown; children?: unknown[] };
    if (current.type === 'html') parts.push(htmlText(String(current.value ?? '')));
    else if (typeof current.value === 'string') parts.push(current.value);
    else if (typeof current.alt === 'string') parts.push(current.alt);
    if (Array.isArray(current.children)) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
