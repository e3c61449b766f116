/** Helpers for reading a bundle's clause trees, shared by digests, receipts and the elements. */
import type { Clause, DocumentText, Locale, Localized, TermsBundle, TermsDocument } from './types.ts';

/** Every clause of a tree, parents before children, in document order. */
export function allClauses(clauses: readonly Clause[] | undefined, into: Clause[] = []): Clause[] {
  for (const clause of clauses ?? []) {
    into.push(clause);
    allClauses(clause.clauses, into);
  }
  return into;
}

/** A document's controlling text followed by its translations. */
export function textsOf(document: TermsDocument): DocumentText[] {
  return [document, ...(document.translations ?? [])];
}

/**
 * The text of `document` to show in `locale`: the translation in exactly that locale, or else the
 * controlling text (which is also what a `TermsDocument` is).
 */
export function textFor(document: TermsDocument, locale: Locale): DocumentText {
  return document.translations?.find((text) => text.locale === locale && locale !== document.locale) ?? document;
}

/**
 * The locale a per-locale value (a consent's label or notice) is shown in: `locale` when the value
 * has it, else its first locale. The gate, receipts and `verifyReceipt` all use this one rule, so a
 * receipt's notice digest always names the text the user was shown.
 */
export function shownLocale(values: Localized<unknown>, locale: Locale): Locale {
  return Object.hasOwn(values, locale) ? locale : Object.keys(values)[0]!;
}

/** The clause with `id` in a document text, at any depth. */
export function findClause(text: DocumentText, id: string): Clause | undefined {
  return allClauses(text.clauses).find((clause) => clause.id === id);
}

/**
 * Every marked clause of the bundle (a clause of a controlling text that carries a `highlight`),
 * document by document in document order, each with the id of its document.
 */
export function markedClauses(bundle: TermsBundle): Array<{ document: string; clause: Clause }> {
  return bundle.documents.flatMap((document) =>
    allClauses(document.clauses)
      .filter((clause) => clause.highlight)
      .map((clause) => ({ document: document.id, clause })),
  );
}
