import type { Clause, DocumentText, Inline, TermsDocument } from '@terms-gate/bundle';
import { resolveLanguage } from '../i18n/resolve-language.ts';

const inlineText = (runs: readonly Inline[] | undefined) => (runs ?? []).map((run) => (typeof run === 'string' ? run : run.text)).join('');

/** The text of a document in the best locale for `lang` (its controlling text when there is no better match). */
export function textFor(document: TermsDocument, lang: string): DocumentText {
  const texts: DocumentText[] = [document, ...(document.translations ?? [])];
  const locale = resolveLanguage(lang, texts.map((text) => text.locale), document.locale);
  return texts.find((text) => text.locale === locale) ?? document;
}

/** Finds a clause by id anywhere in a tree. */
export function findClause(clauses: readonly Clause[] | undefined, id: string): Clause | undefined {
  for (const clause of clauses ?? []) {
    if (clause.id === id) return clause;
    const found = findClause(clause.clauses, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * A short label for a marked clause in the summary next to the buttons (R4): its number, then its
 * heading, or else the start of its text.
 */
export function clauseLabel(clause: Clause, maxLength = 40): string {
  const number = clause.number ?? clause.id;
  let words = inlineText(clause.heading);
  if (!words) {
    const first = clause.body?.find((block) => block.type === 'paragraph');
    words = first?.type === 'paragraph' ? inlineText(first.text) : '';
  }
  words = words.replace(/\s+/g, ' ').trim();
  if (words.length > maxLength) words = `${words.slice(0, maxLength - 1)}…`;
  return words.startsWith(number) ? words : `${number} ${words}`.trim();
}
