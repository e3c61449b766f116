/**
 * Turns mdast phrasing content into the bundle's inline runs: plain strings, or `{ text }` objects
 * carrying the author's bold, italics and links. Raw HTML never gets through: inline tags are dropped
 * and the text between them stays as plain text.
 */
import type { Definition, PhrasingContent, RootContent } from 'mdast';
import type { Inline } from '../types.ts';
import { joinerBetween } from './text-shape.ts';

/** Bold, italic and link state inherited from enclosing mdast nodes. */
interface Marks {
  strong?: boolean;
  emphasis?: boolean;
  href?: string;
}

/** Attributes written in kramdown's `{: #anchor datetime="…" }` syntax after a heading or paragraph. */
export interface BlockAttributes {
  anchor?: string;
  datetime?: string;
}

/** Link reference definitions by normalised label, so `[text][ref]` links keep their target. */
export type Definitions = ReadonlyMap<string, string>;

/** Collects `[ref]: url` definitions from the whole tree. */
export function collectDefinitions(nodes: readonly RootContent[]): Definitions {
  const definitions = new Map<string, string>();
  const visit = (list: readonly RootContent[]) => {
    for (const node of list) {
      if (node.type === 'definition') definitions.set(normaliseLabel((node as Definition).identifier), node.url);
      else if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(nodes);
  return definitions;
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

// kramdown inline attribute lists, e.g. `{: #service }` or `{: datetime="2024-02-15" }`.
const IAL = /\{:?\s*([^{}]*)\}/g;

/** The inline runs of some phrasing content, plus any kramdown attributes found in its text. */
export function toInlines(nodes: readonly PhrasingContent[], definitions: Definitions): { text: Inline[]; attributes: BlockAttributes } {
  const runs: Inline[] = [];
  const attributes: BlockAttributes = {};
  const push = (text: string, marks: Marks) => {
    if (!text) return;
    runs.push(marks.strong || marks.emphasis || marks.href ? { text, ...marks } : text);
  };
  const visit = (list: readonly PhrasingContent[], marks: Marks) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          push(stripAttributes(node.value, attributes), marks);
          break;
        case 'inlineCode':
          push(node.value, marks);
          break;
        case 'break':
          push('\n', marks);
          break;
        case 'strong':
          visit(node.children, { ...marks, strong: true });
          break;
        case 'emphasis':
          visit(node.children, { ...marks, emphasis: true });
          break;
        case 'delete':
          visit(node.children, marks);
          break;
        case 'link': {
          const href = safeHref(node.url);
          visit(node.children, href === undefined ? marks : { ...marks, href });
          break;
        }
        case 'linkReference': {
          const href = safeHref(definitions.get(normaliseLabel(node.identifier)));
          visit(node.children, href === undefined ? marks : { ...marks, href });
          break;
        }
        case 'image':
        case 'imageReference':
          push(node.alt ?? '', marks);
          break;
        case 'footnoteReference':
          push(`[${node.label ?? node.identifier}]`, marks);
          break;
        // Inline HTML (`<u>`, `<br>`, comments) is markup only; its text neighbours are separate nodes.
        case 'html':
        default:
          break;
      }
    }
  };
  visit(nodes, {});
  return { text: normaliseRuns(runs), attributes };
}

/**
 * The link target if a renderer may use it: http, https, mailto, tel or relative, without spaces or
 * control characters. Other links (javascript:, or a URL GFM's autolinking cut badly) keep their
 * text and lose the link.
 */
function safeHref(url: string | undefined): string | undefined {
  if (!url || /[\0-\x20\x7f-\x9f\u2028\u2029]/.test(url)) return undefined;
  try {
    return /^(https?|mailto|tel):$/.test(new URL(url, 'https://base.invalid/').protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

function stripAttributes(value: string, attributes: BlockAttributes): string {
  if (!value.includes('{')) return value;
  return value.replace(IAL, (whole, body: string) => {
    const anchor = /(?:^|\s)#([\w-]+)/.exec(body)?.[1];
    const datetime = /datetime\s*=\s*["']?([\d-]+)/.exec(body)?.[1];
    if (anchor === undefined && datetime === undefined) return whole;
    if (anchor !== undefined) attributes.anchor ??= anchor;
    if (datetime !== undefined) attributes.datetime ??= datetime;
    return '';
  });
}

/** The text of inline runs without formatting. */
export function plainText(runs: readonly Inline[]): string {
  let text = '';
  for (const run of runs) text += typeof run === 'string' ? run : run.text;
  return text;
}

function textOf(run: Inline): string {
  return typeof run === 'string' ? run : run.text;
}

function withText(run: Inline, text: string): Inline {
  return typeof run === 'string' ? text : { ...run, text };
}

function sameMarks(a: Inline, b: Inline): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b;
  return a.strong === b.strong && a.emphasis === b.emphasis && a.href === b.href;
}

/**
 * Tidies runs the way a Markdown renderer would show them: soft line breaks inside a text node become
 * a space (or nothing between CJK characters) while hard breaks (their own "\n" run) stay, runs of
 * spaces collapse, neighbours with the same marks merge,
 * and the whole is trimmed. Empty runs are dropped.
 */
export function normaliseRuns(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const text = textOf(run)
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .replace(/([^\n])\n(?=([^\n]))/g, (_m, before: string, after: string) => before + joinerBetween(before, after))
      .replace(/[ \t\u00a0]{2,}/g, ' ');
    if (!text) continue;
    const last = out.at(-1);
    if (last !== undefined && sameMarks(last, run)) out[out.length - 1] = withText(last, textOf(last) + text);
    else out.push(withText(run, text));
  }
  return trimRuns(out);
}

/** Removes leading and trailing whitespace from a run list, dropping runs left empty. */
export function trimRuns(runs: readonly Inline[]): Inline[] {
  const out = [...runs];
  while (out.length) {
    const trimmed = textOf(out[0]!).replace(/^\s+/, '');
    if (trimmed) {
      out[0] = withText(out[0]!, trimmed);
      break;
    }
    out.shift();
  }
  while (out.length) {
    const trimmed = textOf(out.at(-1)!).replace(/\s+$/, '');
    if (trimmed) {
      out[out.length - 1] = withText(out.at(-1)!, trimmed);
      break;
    }
    out.pop();
  }
  return out;
}

/** Drops the first `count` characters of the runs (the printed number a clause's text starts with). */
export function dropLeading(runs: readonly Inline[], count: number): Inline[] {
  const out: Inline[] = [];
  let left = count;
  for (const run of runs) {
    const text = textOf(run);
    if (left >= text.length) {
      left -= text.length;
      continue;
    }
    out.push(left > 0 ? withText(run, text.slice(left)) : run);
    left = 0;
  }
  return trimRuns(out);
}

/**
 * Joins pieces of one sentence that a page break cut apart: nothing between CJK characters, one
 * space between Latin words. Neighbouring runs with the same marks merge. Linear in the total length
 * (strings are joined once at the end, never re-read while growing).
 */
export function joinPieces(pieces: readonly (readonly Inline[])[]): Inline[] {
  const out: Inline[] = [];
  let parts: string[] = [];
  let current: Inline | undefined;
  let lastChar = '';
  const flush = () => {
    if (current !== undefined) out.push(withText(current, parts.join('')));
    parts = [];
  };
  const add = (run: Inline) => {
    const text = textOf(run);
    if (!text) return;
    if (current === undefined || !sameMarks(current, run)) {
      flush();
      current = run;
    }
    parts.push(text);
    lastChar = text.at(-1)!;
  };
  pieces.forEach((piece, index) => {
    const first = piece.length ? textOf(piece[0]!) : '';
    if (index > 0) add(joinerBetween(lastChar, first));
    piece.forEach(add);
  });
  flush();
  return out;
}
