/**
 * The terms bundle format, version 1.
 *
 * A bundle is what an author publishes and what a receipt points to by digest: one or more documents
 * (terms of service, privacy policy…), each a tree of clauses with stable ids, the marks that make
 * liability-limiting clauses conspicuous (PRC Civil Code art. 496), the separate consents a gate must
 * ask for apart from the terms (PIPL art. 23/29/39), and the gate's default reading requirements.
 *
 * The JSON Schema in `schema/terms-bundle.schema.json` describes the same shape for other tools;
 * `parseBundle()` is the authority and reports every problem with its JSON path.
 */

/** The only bundle format this package reads and writes. */
export const BUNDLE_FORMAT = 1 as const;

/** A BCP 47 language tag such as `zh-CN` or `en`. */
export type Locale = string;

/** A value given once per locale, e.g. `{ "zh-CN": "…", "en": "…" }`. */
export type Localized<T> = Record<Locale, T>;

/**
 * A run of inline text. A plain string is unformatted text; the object form carries author
 * emphasis (`strong` for the bold a PDF or Markdown author used, `emphasis` for italics) and links.
 * Never raw HTML: renderers show `text` as text.
 */
export type Inline =
  | string
  | {
      text: string;
      strong?: boolean;
      emphasis?: boolean;
      /** http, https, mailto, tel or a relative URL; anything else is rejected by `parseBundle`. */
      href?: string;
    };

/** A paragraph: a sequence of inline runs. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: Inline[];
}

/** An unnumbered (or author-numbered but id-less) list, e.g. the `- \*` items of the seed's 3.2. */
export interface ListBlock {
  type: 'list';
  ordered?: boolean;
  items: Inline[][];
}

/** A block of body text. */
export type Block = ParagraphBlock | ListBlock;

/**
 * What a marked clause does to the user. One clause may do several things.
 * - `limits-liability`: exempts, excludes or caps the provider's liability (免除或限制责任)
 * - `disclaims-warranty`: provides the service "as is", disclaiming warranties of quality or fitness
 *   (UCC § 2-316 wants such a disclaimer conspicuous; PRC law counts it as 免除责任, so a Chinese clause
 *   that disclaims warranties usually carries `limits-liability` too)
 * - `shifts-burden`: increases the user's liability or shifts a risk or cost onto the user (加重责任)
 * - `restricts-rights`: restricts the user's main rights (限制主要权利)
 * - `unilateral-change`: the provider may change the contract or the service alone
 * - `unilateral-termination`: the provider may suspend or end the contract alone
 * - `content-removal`: the provider may remove the user's content
 * - `jurisdiction`: picks the court or forum
 * - `choice-of-law`: picks the governing law
 * - `arbitration`: sends disputes to arbitration
 * - `data-sharing`: shares personal information with others
 * - `auto-renewal`: renews or charges automatically
 * - `contract-by-using`: binds the user by mere use of the service
 */
export const HIGHLIGHT_KINDS = [
  'limits-liability',
  'disclaims-warranty',
  'shifts-burden',
  'restricts-rights',
  'unilateral-change',
  'unilateral-termination',
  'content-removal',
  'jurisdiction',
  'choice-of-law',
  'arbitration',
  'data-sharing',
  'auto-renewal',
  'contract-by-using',
] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** A plain-language explanation of a marked clause (R6): what it means and what follows for the user. */
export interface Explanation {
  /** What the clause means, in plain words. */
  summary: string;
  /** What follows for the user in practice (optional). */
  consequence?: string;
}

/**
 * The mark on a clause that must be drawn to the user's attention (R2, R5).
 * Only clauses of a document's controlling text carry highlights; translations share them by id.
 */
export interface Highlight {
  /** At least one kind. */
  kinds: HighlightKind[];
  /** The author calls this clause critical (the seed's 6.4.1 "此为至关重要条款"); gates may ask for acknowledgement. */
  critical?: boolean;
  /** Per-locale plain-language explanation; tooling warns when a marked clause has none. */
  explanation?: Localized<Explanation>;
  /** `author` for a decision the author made; `suggested` for a tool's proposal not yet reviewed. */
  source: 'author' | 'suggested';
  /** For suggestions: the words that triggered the suggestion, so the author can judge it. */
  cue?: string;
}

/**
 * A node of a document's clause tree: a section (一、), a clause (4.4), a sub-clause (6.1.1) or a
 * numbered list item (6.5.1).
 */
export interface Clause {
  /**
   * Stable within its document: the document's own numbering where it has one ("4.4", "6.2.2",
   * "第十九条", "一"), otherwise a generated one. Translations use the same ids.
   */
  id: string;
  /** What the node is; defaults to `section` at the top level and `clause` below. */
  kind?: 'section' | 'clause' | 'item';
  /** The number as printed ("一、", "4.4", "（一）", "(a)"), shown before the heading or text. */
  number?: string;
  heading?: Inline[];
  body?: Block[];
  clauses?: Clause[];
  highlight?: Highlight;
}

/** The text of a document in one locale. */
export interface DocumentText {
  locale: Locale;
  title: string;
  /** Notice paragraphs before the first section (the seed's 重要提示). */
  preamble?: Block[];
  clauses: Clause[];
  /** Paragraphs after the last section (the seed's 再次提醒您). */
  closing?: Block[];
}

/**
 * One document of the bundle. Its own `locale` text is the one that controls legally;
 * `translations` repeat the same clause ids in other locales for reading only.
 */
export interface TermsDocument extends DocumentText {
  /** Unique in the bundle, e.g. `terms-of-service`, `privacy-policy`. */
  id: string;
  /** ISO date `YYYY-MM-DD`. */
  effectiveDate: string;
  translations?: DocumentText[];
}

/**
 * A purpose that needs its own consent apart from accepting the terms (R15): sharing with third
 * parties, sensitive data, cross-border transfer. Shown as its own unchecked control.
 */
export interface SeparateConsent {
  /** Unique in the bundle. */
  id: string;
  /** A required consent blocks acceptance until given; an optional one never does (R16). */
  required: boolean;
  /** The control's label. */
  label: Localized<string>;
  /** What the user consents to: recipients, purpose, data categories. */
  notice: Localized<string>;
  /** The document the related clauses belong to; defaults to the first document. */
  document?: string;
  /** Ids of the clauses this consent relates to (the seed's 6.2.2). */
  clauses?: string[];
}

/** The gate's reading requirements; all are off unless the author or the host turns them on (R11). */
export interface GateDefaults {
  /** Every marked clause must have been on screen before accepting. */
  requireRead?: boolean;
  /** Seconds the terms must have been open before accepting. */
  minReadSeconds?: number;
  /** Every critical clause must be acknowledged one by one (R10). */
  requireAcknowledge?: boolean;
  /** After a decline, ask once more and still let the user leave (R13). */
  secondChance?: boolean;
}

/** The provider, for explanations' "ask us" link (R6). */
export interface Publisher {
  name: Localized<string>;
  /** http, https or mailto URL. */
  contact?: string;
}

/** A terms bundle, format 1: validate one with `parseBundle()`; digest it with `computeDigests()`. */
export interface TermsBundle {
  $schema?: string;
  format: typeof BUNDLE_FORMAT;
  /** Stable across versions, e.g. `xiaoyi-platform`. Receipts and `remember` key on it. */
  id: string;
  /** `MAJOR.MINOR`: a new MAJOR re-prompts users who accepted before; a MINOR does not. */
  version: string;
  publisher?: Publisher;
  documents: TermsDocument[];
  consents?: SeparateConsent[];
  gate?: GateDefaults;
}
