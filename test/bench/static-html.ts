import type { Block, Clause, Inline, TermsBundle } from '@terms-gate/bundle';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const inline = (runs: readonly Inline[]) => runs.map((run) => (typeof run === 'string' ? escape(run) : run.strong ? `<strong>${escape(run.text)}</strong>` : escape(run.text))).join('');
const blocks = (list: readonly Block[] | undefined) =>
  (list ?? []).map((block) => (block.type === 'paragraph' ? `<p>${inline(block.text)}</p>` : `<ul>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`)).join('');

function clauses(list: readonly Clause[] | undefined, level: number): string {
  return (list ?? [])
    .map((clause) => {
      const heading = clause.heading ? `<h${level}>${escape(clause.number ?? '')} ${inline(clause.heading)}</h${level}>` : '';
      const number = !clause.heading && clause.number ? `<strong>${escape(clause.number)}</strong> ` : '';
      return `<section id="clause-${escape(clause.id)}">${heading}${number}${blocks(clause.body)}${clauses(clause.clauses, Math.min(level + 1, 6))}</section>`;
    })
    .join('');
}

/**
 * The floor the gate is measured against: the same text as plain static HTML, headings and
 * paragraphs only, with no marks, no viewer and no script.
 */
export function bundleAsStaticHtml(bundle: TermsBundle): string {
  const document = bundle.documents[0]!;
  return `<h2>${escape(document.title)}</h2>${blocks(document.preamble)}${clauses(document.clauses, 3)}${blocks(document.closing)}`;
}
