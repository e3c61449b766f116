import { allClauses, type Clause, type DocumentText, type TermsDocument } from '@terms-gate/bundle';
import { inlineText } from '../terms-viewer/document-model.ts';

/** Clause id → clause, per document text, made once: the summary looks up every marked clause. */
const indexes = new WeakMap<DocumentText, Map<string, Clause>>();
function clauseById(text: DocumentText, id: string): Clause | undefined {
  let index = indexes.get(text);
  if (!index) {
    index = new Map();
    // The first of a repeated id wins, as a search from the top would find it.
    for (const clause of allClauses(text.clauses)) if (!index.has(clause.id)) index.set(clause.id, clause);
    indexes.set(text, index);
  }
  return index.get(id);
}

/**
 * A short label for a marked clause in the summary next to the buttons (R4): its number, then its
 * heading, or else the start of its text, in the text shown (the controlling text if the shown one
 * lacks the clause).
 */
export function summaryLabel(text: DocumentText, document: TermsDocument, clauseId: string, maxLength = 40): string {
  const clause = clauseById(text, clauseId) ?? clauseById(document, clauseId);
  if (!clause) return clauseId;
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
