/**
 * Builds the long English bundle the stories show: GitHub's Terms of Service (CC0-1.0), imported from
 * the shared terms documents with the Markdown importer, plus a few author marks so the long
 * document also shows marked clauses far down the text. The importer needs Node, so this runs here
 * and the result is committed:
 *
 *   pnpm tsx stories/data/build-story-bundles.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBundle, type Clause, type Highlight, type TermsBundle } from '@terms-gate/bundle';
import { importMarkdown } from '@terms-gate/bundle/import';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shared = process.env.TERMS_GATE_SHARED ?? resolve(repoRoot, '../shared');
const source = resolve(shared, 'data/terms-documents/en/github-terms-of-service.md');
const target = fileURLToPath(new URL('./github-terms.json', import.meta.url));

/** Marks on the clauses a reader most needs to notice; ids are the document's own section letters. */
const marks: Record<string, Highlight> = {
  'L.3': {
    kinds: ['unilateral-termination'],
    source: 'author',
    explanation: { en: { summary: 'GitHub may suspend or end your access at any time, with or without a reason or notice.', consequence: 'You could lose access to your account and content without warning.' } },
  },
  N: {
    kinds: ['disclaims-warranty'],
    source: 'author',
    explanation: { en: { summary: 'The service is provided "as is": GitHub promises nothing about it working, being available or being fit for your purpose.', consequence: 'If the service fails you, this clause limits what you can claim.' } },
  },
  O: {
    kinds: ['limits-liability'],
    critical: true,
    source: 'author',
    explanation: { en: { summary: 'GitHub is not liable for indirect losses such as lost profits or data, however they arise.', consequence: 'Most losses you suffer from using the service stay with you.' } },
  },
  P: {
    kinds: ['shifts-burden'],
    source: 'author',
    explanation: { en: { summary: 'You release GitHub from claims in disputes with other users, and you cover GitHub’s costs if your use of the service leads to claims against it.', consequence: 'You may have to pay GitHub’s legal costs.' } },
  },
  Q: {
    kinds: ['unilateral-change'],
    source: 'author',
    explanation: { en: { summary: 'GitHub may change these terms; continuing to use the service means you accept the changes.' } },
  },
  'R.1': {
    kinds: ['choice-of-law', 'jurisdiction'],
    source: 'author',
    explanation: { en: { summary: 'California law applies, and disputes go to courts in San Francisco, California.', consequence: 'You may have to bring or defend a claim far from home.' } },
  },
};

function applyMarks(clauses: Clause[] | undefined, pending: Map<string, Highlight>): void {
  for (const clause of clauses ?? []) {
    const mark = pending.get(clause.id);
    if (mark) {
      clause.highlight = mark;
      pending.delete(clause.id);
    }
    applyMarks(clause.clauses, pending);
  }
}

const bundle: TermsBundle = importMarkdown(readFileSync(source, 'utf8'), { locale: 'en', bundleId: 'github-terms-of-service', documentId: 'terms-of-service' });
bundle.publisher = { name: { en: 'GitHub' }, contact: 'https://support.github.com/contact' };
const pending = new Map(Object.entries(marks));
for (const document of bundle.documents) applyMarks(document.clauses, pending);
if (pending.size) throw new Error(`clauses not found in the imported document: ${[...pending.keys()].join(', ')}`);

const result = parseBundle(bundle);
if (!result.ok) throw new Error(`the story bundle is not valid:\n${JSON.stringify(result, null, 2)}`);
writeFileSync(target, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`wrote ${target}`);
