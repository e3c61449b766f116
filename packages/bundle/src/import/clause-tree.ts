/**
 * Builds the clause tree from the outline. Where a clause goes is decided by its number, not by
 * Markdown heading levels (converted documents mix `##` and `###` for the same rank):
 *
 * 1. a dotted number goes under the open clause its prefix names ("6.1.1" under "6.1", "1.1" under "一、");
 * 2. otherwise a number of a style already open is a sibling of that clause ("三、" after "二、",
 *    "第二条" after "第一条", "(b)" after "(a)");
 * 3. otherwise a heading closes deeper or equal headings and any numbered paragraphs, and a numbered
 *    paragraph goes under the innermost open clause ("（一）" under "第十九条").
 *
 * Unnumbered paragraphs and lists become body blocks of the innermost open clause; text that comes
 * after a clause's children becomes an unnumbered child (`4.p1`) so reading order is kept, and such
 * text after the last section is the document's closing.
 */
import type { Block, Clause, Inline } from '../types.ts';
import { ClauseIds, headingId, numberedId } from './clause-ids.ts';
import { dropLeading, plainText } from './inline.ts';
import { recogniseNumbering, type Numbering } from './numbering.ts';
import type { OutlineEntry } from './outline.ts';
import { isCapsHeading, isTitleLike } from './text-shape.ts';

/** The clause structure of one document text. */
export interface ClauseTree {
  preamble: Block[];
  clauses: Clause[];
  closing: Block[];
}

interface Draft {
  id: string;
  kind: NonNullable<Clause['kind']>;
  number?: string;
  heading?: Inline[];
  body: Block[];
  clauses: Draft[];
  /** Text that followed its parent's children: an unnumbered clause that exists to keep reading order. */
  trailing?: boolean;
}

interface Frame {
  draft: Draft;
  /** Numbering style, for finding siblings; null for unnumbered headings and list-numbered items. */
  style: string | null;
  /** Markdown heading depth (7 for an ALL-CAPS line); null for clauses that came from paragraphs or list items. */
  headingDepth: number | null;
  /** The decimal path ("6.1") that dotted children name as their prefix. */
  pathKey: string | undefined;
  /** Whether the clause has a number of its own that children's ids can be qualified with. */
  numbered: boolean;
  numbering?: Numbering;
}

/** What a clause's first block gives it: a heading, or the first paragraph of its body. */
interface LeadContent {
  heading?: Inline[];
  body?: Block[];
}

type TextEntry = Extract<OutlineEntry, { type: 'heading' | 'paragraph' }>;

// Bundles are validated with a nesting limit; deeper structure is kept as body text instead.
const MAX_CLAUSE_DEPTH = 16;
// An ALL-CAPS line is a heading below any Markdown heading level.
const CAPS_HEADING_DEPTH = 7;

/** Builds preamble, clause tree and closing from an outline whose broken paragraphs are joined. */
export function buildClauseTree(entries: readonly OutlineEntry[]): ClauseTree {
  return new TreeBuilder().build(entries);
}

class TreeBuilder {
  private readonly ids = new ClauseIds();
  private readonly root: Draft = { id: '', kind: 'section', body: [], clauses: [] };
  private stack: Frame[] = [{ draft: this.root, style: null, headingDepth: 0, pathKey: undefined, numbered: false }];
  /** Frames below this index belong to an enclosing list item and stay open until it closes. */
  private floor = 1;
  private readonly items: { floor: number; length: number }[] = [];
  /** An `item-open` whose first block (its number and text) has not been seen yet. */
  private pendingItem: { value: number | null } | null = null;

  build(entries: readonly OutlineEntry[]): ClauseTree {
    for (const entry of entries) this.take(entry);
    if (this.pendingItem) this.openItem(undefined);
    return this.finish();
  }

  private take(entry: OutlineEntry): void {
    if (this.pendingItem) {
      if (entry.type === 'heading' || entry.type === 'paragraph') return this.openItem(entry);
      this.openItem(undefined);
    }
    switch (entry.type) {
      case 'heading':
        return this.takeHeading(entry);
      case 'paragraph':
        return this.takeParagraph(entry);
      case 'list':
        return this.addBlock({ type: 'list', ...(entry.ordered ? { ordered: true } : {}), items: entry.items });
      case 'item-open':
        this.pendingItem = { value: entry.value };
        return;
      case 'item-close':
        return this.closeItem();
      case 'break':
        return;
    }
  }

  private takeHeading(entry: TextEntry & { type: 'heading' }): void {
    const numbering = recogniseNumbering(plainText(entry.text), { letters: true });
    if (numbering && this.placeNumbered(numbering, entry, 'heading', entry.depth)) return;
    this.placeHeading(entry.depth, entry.text, entry.attributes.anchor);
  }

  private takeParagraph(entry: TextEntry): void {
    const text = plainText(entry.text);
    const numbering = recogniseNumbering(text);
    if (numbering && this.placeNumbered(numbering, entry, 'paragraph', null)) return;
    if (!numbering && isCapsHeading(text)) return this.placeHeading(CAPS_HEADING_DEPTH, entry.text, entry.attributes.anchor);
    this.addBlock({ type: 'paragraph', text: entry.text });
  }

  /** Starts a list item's clause from its first block (or none, for an item that starts with a sub-list). */
  private openItem(lead: TextEntry | undefined): void {
    const { value } = this.pendingItem!;
    this.pendingItem = null;
    const mark = { floor: this.floor, length: this.stack.length };
    const numbering = lead && recogniseNumbering(plainText(lead.text), { letters: true });
    let placed = false;
    if (numbering) placed = this.placeNumbered(numbering, lead, 'item', lead.type === 'heading' ? lead.depth : null);
    else if (value !== null && this.stack.length <= MAX_CLAUSE_DEPTH) {
      placed = true;
      const parent = this.top();
      const key = String(value);
      const lines = lead ? this.leadContent(lead, lead.type === 'heading', lead.text) : {};
      // List numbers restart in every list, so they are qualified by the parent whether it is numbered or not.
      const id = parent === this.root ? key : `${parent.id}.${key}`;
      const draft = this.addClause(parent, id, `${value}.`, parent === this.root ? 'section' : 'item', lines);
      this.stack.push({ draft, style: null, headingDepth: null, pathKey: undefined, numbered: true });
    }
    if (!placed && lead) this.addBlock({ type: 'paragraph', text: lead.text });
    // The item's own frame (if any) is at mark.length after any pops; its contents cannot close it.
    mark.length = Math.min(mark.length, this.stack.length - (placed ? 1 : 0));
    this.items.push(mark);
    this.floor = this.stack.length;
  }

  private closeItem(): void {
    if (this.pendingItem) this.openItem(undefined);
    const mark = this.items.pop();
    if (!mark) return;
    this.stack.length = Math.max(1, Math.min(this.stack.length, mark.length));
    this.floor = mark.floor;
  }

  /**
   * Places a numbered heading, paragraph or list item; returns false if it cannot be a clause (too
   * deep), in which case the caller keeps its text as a paragraph.
   */
  private placeNumbered(numbering: Numbering, entry: TextEntry, source: 'heading' | 'paragraph' | 'item', depth: number | null): boolean {
    const style = this.resolveStyle(numbering);
    const parentIndex = this.parentIndexFor({ ...numbering, style }, source === 'heading' ? depth : null);
    if (parentIndex + 1 > MAX_CLAUSE_DEPTH) return false;
    this.stack.length = parentIndex + 1;
    const parent = this.stack[parentIndex]!.draft;
    const rest = dropLeading(entry.text, numbering.length);
    const restText = plainText(rest);
    const asHeading =
      source === 'heading' ||
      (source === 'paragraph' && !numbering.enumerates && (isTitleLike(restText) || isCapsHeading(restText)));
    const kind = parentIndex === 0 ? 'section' : source === 'item' || numbering.enumerates ? 'item' : 'clause';
    const id = numberedId(numbering, this.numberedAncestorId(parentIndex));
    const draft = this.addClause(parent, id, numbering.printed, kind, this.leadContent(entry, asHeading, rest));
    this.stack.push({
      draft,
      style,
      headingDepth: asHeading ? (depth ?? CAPS_HEADING_DEPTH) : null,
      pathKey: numbering.path?.join('.'),
      numbered: true,
      numbering: { ...numbering, style },
    });
    return true;
  }

  /** "(i)" after "(h)" is a letter; "(i)" inside "(a)" is a roman numeral. */
  private resolveStyle(numbering: Numbering): string {
    const letter = /^\(([ivx])\)$/.exec(numbering.key)?.[1];
    if (numbering.style !== 'paren-lower' || !letter) return numbering.style;
    const open = this.findOpen((frame) => frame.style === 'paren-lower');
    const before = { i: '(h)', v: '(u)', x: '(w)' }[letter];
    if (open !== -1 && this.stack[open]!.numbering?.key === before) return 'paren-lower';
    if (open !== -1 || letter === 'i' || this.findOpen((frame) => frame.style === 'paren-roman') !== -1) return 'paren-roman';
    return 'paren-lower';
  }

  private parentIndexFor(numbering: Numbering, headingDepth: number | null): number {
    const path = numbering.path;
    if (path && path.length > 1) {
      for (let length = path.length - 1; length > 0; length--) {
        const prefix = path.slice(0, length).join('.');
        const at = this.findOpen((frame) => frame.pathKey === prefix, this.floor - 1);
        if (at !== -1) return at;
      }
    }
    const sibling = this.findOpen((frame) => frame.style === numbering.style);
    if (sibling !== -1) return sibling - 1;
    return headingDepth === null ? this.stack.length - 1 : this.headingParentIndex(headingDepth);
  }

  /** A heading closes numbered paragraphs and headings at its depth or deeper. */
  private headingParentIndex(depth: number): number {
    let index = this.stack.length - 1;
    while (index >= this.floor) {
      const open = this.stack[index]!.headingDepth;
      if (open !== null && open < depth) break;
      index--;
    }
    return index;
  }

  /** Index of the innermost open frame, not below `lowest`, that matches; -1 if none. */
  private findOpen(match: (frame: Frame) => boolean, lowest = this.floor): number {
    for (let i = this.stack.length - 1; i >= Math.max(lowest, 0); i--) if (match(this.stack[i]!)) return i;
    return -1;
  }

  private placeHeading(depth: number, text: Inline[], anchor: string | undefined): void {
    const parentIndex = this.headingParentIndex(depth);
    if (parentIndex + 1 > MAX_CLAUSE_DEPTH) return this.addBlock({ type: 'paragraph', text });
    this.stack.length = parentIndex + 1;
    const parent = this.stack[parentIndex]!.draft;
    const id = headingId(plainText(text), anchor, parent.clauses.length + 1);
    const draft = this.addClause(parent, id, undefined, parentIndex === 0 ? 'section' : 'clause', { heading: text });
    this.stack.push({ draft, style: null, headingDepth: depth, pathKey: undefined, numbered: false });
  }

  private leadContent(entry: TextEntry, asHeading: boolean, text: Inline[]): LeadContent {
    if (!text.length) return {};
    if (asHeading) return { heading: text };
    return { body: [{ type: 'paragraph', text }] };
  }

  private numberedAncestorId(index: number): string | undefined {
    for (let i = index; i > 0; i--) if (this.stack[i]!.numbered) return this.stack[i]!.draft.id;
    return undefined;
  }

  private top(): Draft {
    return this.stack.at(-1)!.draft;
  }

  private addClause(parent: Draft, wantedId: string, number: string | undefined, kind: Draft['kind'], content: LeadContent): Draft {
    const draft: Draft = {
      id: this.ids.claim(wantedId),
      kind,
      ...(number === undefined ? {} : { number }),
      ...(content.heading ? { heading: content.heading } : {}),
      body: content.body ?? [],
      clauses: [],
    };
    parent.clauses.push(draft);
    return draft;
  }

  /** Adds an unnumbered block to the innermost open clause, after its children if it has any. */
  private addBlock(block: Block): void {
    const target = this.top();
    if (!target.clauses.length) {
      target.body.push(block);
      return;
    }
    const last = target.clauses.at(-1)!;
    if (last.trailing) {
      last.body.push(block);
      return;
    }
    const ordinal = target.clauses.filter((clause) => clause.trailing).length + 1;
    const id = target === this.root ? `p${ordinal}` : `${target.id}.p${ordinal}`;
    const kind = target === this.root ? 'section' : 'clause';
    target.clauses.push({ id: this.ids.claim(id), kind, body: [block], clauses: [], trailing: true });
  }

  private finish(): ClauseTree {
    const preamble = this.root.body;
    const top = this.root.clauses;
    let closing: Block[] = [];
    const last = top.at(-1);
    if (last?.trailing) closing = top.pop()!.body;
    else if (last?.clauses.at(-1)?.trailing) closing = last.clauses.pop()!.body;
    if (!top.length) {
      // A document without any structure: each paragraph is a clause of its own, so it can be marked.
      const blocks = [...preamble, ...closing];
      return {
        preamble: [],
        clauses: blocks.map((block, i) => ({ id: this.ids.claim(`p${i + 1}`), kind: 'section', body: [block] })),
        closing: [],
      };
    }
    return { preamble, clauses: top.map(toClause), closing };
  }
}

function toClause(draft: Draft): Clause {
  return {
    id: draft.id,
    kind: draft.kind,
    ...(draft.number === undefined ? {} : { number: draft.number }),
    ...(draft.heading ? { heading: draft.heading } : {}),
    ...(draft.body.length ? { body: draft.body } : {}),
    ...(draft.clauses.length ? { clauses: draft.clauses.map(toClause) } : {}),
  };
}
