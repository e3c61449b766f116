import { allClauses, digestOf, textFor, type BundleDigests, type ClauseRef, type Clause, type Receipt, type TermsBundle } from '@terms-gate/bundle';

/** Whether a new version needs a new acceptance: only a new MAJOR does (minor fixes never re-prompt). */
export function needsReconsent(acceptedVersion: string, currentVersion: string): boolean {
  const major = (version: string) => Number.parseInt(version.split('.')[0] ?? '', 10);
  return !(major(acceptedVersion) === major(currentVersion));
}

/** A clause that differs from the version the user accepted. */
export interface ChangedClause extends ClauseRef {
  change: 'added' | 'changed' | 'removed';
}

/** What changed since an earlier acceptance, for the gate's "what changed" mode (R19). */
export interface ChangesSince {
  sinceVersion: string;
  /** When the earlier acceptance was decided (ISO timestamp). */
  acceptedAt: string;
  clauses: ChangedClause[];
}

/** A clause's own text (heading, body, mark), without its sub-clauses: what a reader sees change. */
const ownContent = ({ clauses: _children, ...own }: Clause) => own;

async function ownDigests(bundle: TermsBundle, locale: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  // One at a time, in document order: the map's order is the order the changes are listed in.
  for (const document of bundle.documents) {
    for (const clause of allClauses(textFor(document, locale).clauses)) {
      digests.set(`${document.id}\u0000${clause.id}`, await digestOf(ownContent(clause)));
    }
  }
  return digests;
}

/**
 * The clauses that changed since `previous.receipt` was given. With the earlier bundle at hand,
 * every clause is compared by its own text (so a change in 6.5.3 marks 6.5.3, not 6.5); with only
 * the receipt, the marked clauses are compared by the digests the receipt recorded, which is all it
 * can prove. Pure apart from hashing, so it runs the same in a browser and on a server.
 */
export async function changesSince(
  current: { bundle: TermsBundle; digests: BundleDigests },
  previous: { receipt: Receipt; bundle?: TermsBundle },
): Promise<ChangesSince> {
  const { receipt } = previous;
  const locale = receipt.locale;
  const key = (ref: ClauseRef) => `${ref.document}\u0000${ref.clause}`;
  const split = (value: string): ClauseRef => {
    const [document = '', clause = ''] = value.split('\u0000');
    return { document, clause };
  };
  const changes: ChangedClause[] = [];
  if (previous.bundle) {
    const [before, after] = await Promise.all([ownDigests(previous.bundle, locale), ownDigests(current.bundle, locale)]);
    for (const [id, digest] of after) {
      if (!before.has(id)) changes.push({ ...split(id), change: 'added' });
      else if (before.get(id) !== digest) changes.push({ ...split(id), change: 'changed' });
    }
    for (const id of before.keys()) if (!after.has(id)) changes.push({ ...split(id), change: 'removed' });
  } else {
    const recorded = new Map(receipt.marked.map((m) => [key(m), m.digest]));
    const marked = new Set<string>();
    for (const document of current.bundle.documents) {
      const byLocale = current.digests.clauses[document.id] ?? {};
      const digestsHere = byLocale[locale] ?? byLocale[document.locale] ?? {};
      const visit = (clauses: readonly Clause[] | undefined) => {
        for (const clause of clauses ?? []) {
          if (clause.highlight) {
            const ref = { document: document.id, clause: clause.id };
            marked.add(key(ref));
            const before = recorded.get(key(ref));
            if (before === undefined) changes.push({ ...ref, change: 'added' });
            else if (before !== digestsHere[clause.id]) changes.push({ ...ref, change: 'changed' });
          }
          visit(clause.clauses);
        }
      };
      visit(document.clauses);
    }
    for (const id of recorded.keys()) if (!marked.has(id)) changes.push({ ...split(id), change: 'removed' });
  }
  return { sinceVersion: receipt.bundle.version, acceptedAt: receipt.decidedAt, clauses: changes };
}
