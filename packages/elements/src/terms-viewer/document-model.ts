/**
 * What the viewer shows of a document, decided without a DOM: which text, which clauses are marked,
 * which explanation, which links are safe. Shared by `<terms-viewer>` and the printable copy.
 */
import { allClauses, textFor, type Clause, type DocumentText, type Explanation, type Highlight, type Inline, type TermsDocument } from '@terms-gate/bundle';
import { resolveLanguage } from '../i18n/resolve-language.ts';

/** Locales a document can be shown in: the controlling one first, then its translations. */
export function contentLocales(document: TermsDocument): string[] {
  return [document.locale, ...(document.translations ?? []).map((text) => text.locale)];
}

/** The text to show for `requested` (any BCP 47 tag): the best matching translation, else the controlling text. */
export function pickText(document: TermsDocument, requested: string | null | undefined): DocumentText {
  return textFor(document, resolveLanguage(requested, contentLocales(document), document.locale));
}

const marksOf = new WeakMap<TermsDocument, Map<string, Highlight>>();

/**
 * The marks of a document by clause id. Only the controlling text carries marks; a translation
 * shows the same marks on the clauses with the same ids.
 */
export function highlightsById(document: TermsDocument): ReadonlyMap<string, Highlight> {
  // Made once per document: the viewer asks on every render, and a long text renders in many frames.
  let marks = marksOf.get(document);
  if (!marks) {
    marks = new Map();
    for (const clause of allClauses(document.clauses)) if (clause.highlight) marks.set(clause.id, clause.highlight);
    marksOf.set(document, marks);
  }
  return marks;
}

/** Ids of the marked clauses of a document, in document order. */
export function markedClauseIds(document: TermsDocument): string[] {
  return [...highlightsById(document).keys()];
}

/** The explanation for the content locale, else for the controlling locale, else any. */
export function pickExplanation(highlight: Highlight, locale: string, controlling: string): Explanation | undefined {
  const byLocale = highlight.explanation ?? {};
  const keys = Object.keys(byLocale);
  return keys.length ? byLocale[resolveLanguage(locale, keys, controlling)] : undefined;
}

/** The plain text of inline runs, as a reader sees it. */
export function inlineText(runs: readonly Inline[] | undefined): string {
  return (runs ?? []).map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

/** A clause's label: its printed number and heading, e.g. `一、 服务说明` or `4.4`. */
export function clauseLabel(clause: Clause): string {
  return [clause.number, inlineText(clause.heading)].filter(Boolean).join(' ') || clause.id;
}

/**
 * `href` if it is a link a reader may follow (http, https, mailto, tel or relative), else undefined.
 * `parseBundle` already rejects other schemes; a host can still hand the viewer an unparsed bundle,
 * and Lit does not sanitize URLs. Browsers ignore tabs, newlines and leading spaces in a scheme, so
 * those are removed before looking at it.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const squeezed = href.replace(/[\u0000-\u0020]/g, '');
  return /^[a-z][a-z\d+.-]*:/i.test(squeezed) && !/^(https?|mailto|tel):/i.test(squeezed) ? undefined : href;
}

/** Whether a link leaves the page (and so opens in a new browsing context). */
export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

/**
 * An ISO date (`YYYY-MM-DD`, or a timestamp, taken in UTC) in the words of `t`'s language, e.g.
 * `2025年8月10日` or `August 10, 2025`; text that is no date is shown as it is. Spelled out from the
 * language's own strings rather than by Intl.DateTimeFormat, whose first use in a page loads ICU's
 * date data: tens of milliseconds, up to a hundred, on the way to showing the terms.
 */
export function formatDate(isoDate: string, t: Translate): string {
  const time = Date.parse(isoDate);
  if (Number.isNaN(time)) return isoDate;
  const date = new Date(time);
  const month = t('months').split('|')[date.getUTCMonth()] ?? String(date.getUTCMonth() + 1);
  return t('date', { year: String(date.getUTCFullYear()), month, day: String(date.getUTCDate()) });
}

/**
 * Items joined as `t`'s language joins a list ("A, B, and C", "A、B和C"), with the words between
 * them as strings, so each item can stay an element (a link). Made from the strings `listPair`,
 * `listSeparator` and `listMore` rather than by Intl.ListFormat, whose first use in a page loads
 * ICU's list data: tens of milliseconds on the way to showing the agreement line.
 */
export function joinList<T>(items: readonly T[], t: Translate): Array<T | string> {
  if (items.length < 2) return [...items];
  const separator = t('listSeparator');
  const rest = items.slice(0, -1).flatMap((item, index) => (index ? [separator, item] : [item]));
  // Control characters stand in for the items (no UI string contains them), wherever the language puts them.
  const template = rest.length === 1 ? t('listPair', { first: '\u0000', last: '\u0001' }) : t('listMore', { rest: '\u0000', last: '\u0001' });
  return template.split(/([\u0000\u0001])/).flatMap((piece) => (piece === '\u0000' ? rest : piece === '\u0001' ? [items.at(-1)!] : piece ? [piece] : []));
}

/**
 * The name of a language in `t`'s language (whose locale is `inLocale`), e.g. `中文（中国）` for
 * `zh-CN` read in `zh-CN`. The languages the elements speak are named by their own strings
 * (`languageNames`); others by Intl.DisplayNames, whose first use loads ICU data, which is why it is
 * not the first choice on the way to showing the terms.
 */
export function languageName(tag: string, inLocale: string, t: Translate): string {
  for (const pair of t('languageNames').split('|')) {
    const [named, name] = pair.split('=');
    if (named?.toLowerCase() === tag.toLowerCase() && name) return name;
  }
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A clause's children as rendered: consecutive `item` clauses form one list, the rest stand alone. */
export type ClauseGroup = Clause | { items: Clause[]; ordered: boolean };

export function groupChildren(clauses: readonly Clause[] | undefined): ClauseGroup[] {
  const groups: ClauseGroup[] = [];
  for (const clause of clauses ?? []) {
    const last = groups.at(-1);
    if (clause.kind !== 'item') groups.push(clause);
    else if (last && 'items' in last) last.items.push(clause);
    // Items that carry their own printed number ("6.5.1", "(a)") form an ordered list.
    else groups.push({ items: [clause], ordered: !!clause.number });
  }
  return groups;
}

/** A section of the table of contents: a top-level clause and those of its sub-clauses that have a heading. */
export interface ContentsEntry {
  section: Clause;
  children: Clause[];
}

/** The table of contents of a text: its top-level sections (not list items), each with its headed sub-clauses. */
export function contentsOf(clauses: readonly Clause[] | undefined): ContentsEntry[] {
  return (clauses ?? []).filter((clause) => clause.kind !== 'item').map((section) => ({ section, children: (section.clauses ?? []).filter((child) => child.heading) }));
}

/** Whether a clause's number goes in front of its first paragraph (no heading, starts with a paragraph). */
export function numberLeadsBody(clause: Clause): boolean {
  return !clause.heading && clause.body?.[0]?.type === 'paragraph';
}

/** Looks up a UI string, as i18next's `t` does; keys are those of `i18n/locales/en.ts`. */
export type Translate = (key: string, values?: Record<string, string>) => string;

/** The visible badges of a mark, e.g. `["Limits our liability", "Critical"]` (R2). */
export function badgeLabels(highlight: Pick<Highlight, 'kinds' | 'critical'>, t: Translate): string[] {
  return [...highlight.kinds.map((kind) => t(`kind.${kind}`)), ...(highlight.critical ? [t('critical')] : [])];
}
