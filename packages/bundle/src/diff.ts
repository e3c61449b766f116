/**
 * `diffBundles()`: what changed between two versions of a bundle, clause by clause, with a word diff
 * of changed text, and whether the version change says so: a new MAJOR asks users who accepted
 * before to accept again (R19), so a marked clause whose text changed under a MINOR is worth a warning.
 */
import { canonicalJson } from './canonical.ts';
import type { ClauseRef } from './receipt-types.ts';
import type { Block, Clause, DocumentText, Inline, TermsBundle, TermsDocument } from './types.ts';
import { allClauses, textsOf } from './walk.ts';
import { diffWords, type WordDiffPart } from './word-diff.ts';

/** Where a clause sits: the id of its parent clause (`null` at the top level) and its index among its siblings. */
export interface ClausePlace {
  parent: string | null;
  index: number;
}

/** One clause that differs between two versions of a document text. */
export interface ClauseChange {
  /**
   * - `added` / `removed`: the id exists in one version only (and its text was not simply renumbered);
   * - `moved`: the same id under another parent or in another order among its siblings, or the same
   *   text under another id (`from.clause` is the old id); its text may have changed too;
   * - `changed`: same place, different text or mark.
   */
  status: 'added' | 'removed' | 'changed' | 'moved';
  /** The clause id: the new one, or the old one for `removed`. */
  clause: string;
  /** Where it was, for `removed` and `moved`. */
  from?: ClausePlace & { clause: string };
  /** Where it is, for `added` and `moved`. */
  to?: ClausePlace;
  /** The clause's own text (number, heading, body; not its sub-clauses) differs. */
  textChanged: boolean;
  /** The word diff of the clause's own text, when there is text on either side and it changed. */
  words?: WordDiffPart[];
  /** Marked in the old or the new version (marks live in the controlling text; translations share them by id). */
  marked: boolean;
  /** How the mark changed: became marked, unmarked, or its kinds, critical flag or explanation changed. */
  mark?: 'added' | 'removed' | 'changed';
}

/** The differences of one locale's text of a document. */
export interface TextChanges {
  locale: string;
  /** `controlling` for the text that controls legally; `translation` otherwise. */
  role: 'controlling' | 'translation';
  /** The locale's text exists in one version only. */
  status?: 'added' | 'removed';
  title?: WordDiffPart[];
  preambleChanged?: boolean;
  closingChanged?: boolean;
  clauses: ClauseChange[];
}

/** The differences of one document. */
export interface DocumentChanges {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  effectiveDate?: { from: string; to: string };
  /** The controlling locale changed (the old controlling text is compared with the new one). */
  controllingLocale?: { from: string; to: string };
  texts: TextChanges[];
}

/** A change the version number does not tell, with the path of the clause or field concerned. */
export interface DiffWarning {
  path: string;
  message: string;
}

/** What `diffBundles()` returns. */
export interface BundleDiff {
  id: { from: string; to: string };
  version: { from: string; to: string };
  /** The MAJOR version increased: users who accepted the old version must accept again. */
  major: boolean;
  documents: DocumentChanges[];
  /** Separate consents added, removed or with a changed label, notice or required flag. */
  consents: Array<{ id: string; status: 'added' | 'removed' | 'changed' }>;
  warnings: DiffWarning[];
}

const parseVersion = (version: string): [number, number] => {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  if (!match) throw new RangeError(`expected a version MAJOR.MINOR, got ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2])];
};

/**
 * True when going from `oldVersion` to `newVersion` raises the MAJOR version, e.g. `1.4` → `2.0`:
 * the change gates must ask users to accept again.
 *
 * @throws RangeError when either is not `MAJOR.MINOR`.
 */
export function isMajorChange(oldVersion: string, newVersion: string): boolean {
  return parseVersion(newVersion)[0] > parseVersion(oldVersion)[0];
}

/** `a` comes before `b` as versions. */
function isEarlier(a: string, b: string): boolean {
  const [[aMajor, aMinor], [bMajor, bMinor]] = [parseVersion(a), parseVersion(b)];
  return aMajor < bMajor || (aMajor == bMajor && aMinor < bMinor);
}

const inlineText = (runs: readonly Inline[] | undefined) => (runs ?? []).map((run) => (typeof run == 'string' ? run : run.text)).join('');
const blockText = (block: Block) => (block.type == 'paragraph' ? inlineText(block.text) : block.items.map(inlineText).join('\n'));

/** The words of a clause as shown: number, heading and body, without its sub-clauses. */
export function ownText(clause: Clause): string {
  return [clause.number, inlineText(clause.heading), ...(clause.body ?? []).map(blockText)].filter(Boolean).join('\n');
}

/**
 * What `textChanged` compares: the clause's heading and body with formatting and links, without its
 * id, printed number, sub-clauses and mark, so a renumbered clause with the same words is unchanged.
 */
const ownContent = ({ id: _id, number: _number, clauses: _clauses, highlight: _highlight, ...rest }: Clause) => canonicalJson(rest);

interface Placed {
  clause: Clause;
  place: ClausePlace;
}

function placesOf(text: DocumentText): Map<string, Placed> {
  const places = new Map<string, Placed>();
  const visit = (clauses: readonly Clause[] | undefined, parent: string | null) =>
    clauses?.forEach((clause, index) => {
      places.set(clause.id, { clause, place: { parent, index } });
      visit(clause.clauses, clause.id);
    });
  visit(text.clauses, null);
  return places;
}

/** Ids, among those kept under the same parent, that left the longest common order: the ones that moved. */
function reordered(oldText: DocumentText, newText: DocumentText, kept: (id: string) => boolean): Set<string> {
  const moved = new Set<string>();
  const children = (text: DocumentText) => {
    const byParent = new Map<string | null, string[]>();
    for (const [id, { place }] of placesOf(text)) if (kept(id)) byParent.set(place.parent, [...(byParent.get(place.parent) ?? []), id]);
    return byParent;
  };
  const newChildren = children(newText);
  for (const [parent, before] of children(oldText)) {
    const after = newChildren.get(parent) ?? [];
    const common = new Set(diffWordsOf(before, after));
    for (const id of before) if (!common.has(id)) moved.add(id);
  }
  return moved;
}

/** The longest common subsequence of two id lists (ids are unique, so a plain LCS table is small). */
function diffWordsOf(a: string[], b: string[]): string[] {
  const table = a.map(() => new Array<number>(b.length + 1).fill(0));
  table.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const common: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (common.push(a[i]!), i++, j++);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return common;
}

const markOf = (id: string, marks: Map<string, Clause>) => marks.get(id)?.highlight;

function diffText(oldText: DocumentText, newText: DocumentText, oldMarks: Map<string, Clause>, newMarks: Map<string, Clause>): ClauseChange[] {
  const before = placesOf(oldText);
  const after = placesOf(newText);
  const changes: ClauseChange[] = [];
  const removedIds = [...before.keys()].filter((id) => !after.has(id));
  const addedIds = [...after.keys()].filter((id) => !before.has(id));
  // Renumbered: an added id whose own text is exactly that of a removed one.
  const renumbered = new Map<string, string>();
  const removedByText = new Map<string, string>();
  for (const id of removedIds) if (ownText(before.get(id)!.clause)) removedByText.set(ownContent(before.get(id)!.clause), id);
  for (const id of addedIds) {
    const key = ownContent(after.get(id)!.clause);
    const from = removedByText.get(key);
    if (from !== undefined) (renumbered.set(id, from), removedByText.delete(key));
  }
  const renumberedFrom = new Set(renumbered.values());
  const keptParent = (id: string) => before.has(id) && after.has(id) && before.get(id)!.place.parent === after.get(id)!.place.parent;
  const reorderedIds = reordered(oldText, newText, keptParent);
  const marked = (oldId: string | undefined, newId: string | undefined) =>
    (oldId !== undefined && !!markOf(oldId, oldMarks)) || (newId !== undefined && !!markOf(newId, newMarks));

  for (const [id, { clause, place }] of before) {
    if (after.has(id) || renumberedFrom.has(id)) continue;
    changes.push({ status: 'removed', clause: id, from: { clause: id, ...place }, textChanged: true, marked: marked(id, undefined), ...(markOf(id, oldMarks) && { mark: 'removed' as const }) });
    if (ownText(clause)) changes.at(-1)!.words = diffWords(ownText(clause), '', oldText.locale);
  }
  for (const [id, { clause, place }] of after) {
    const oldId = before.has(id) ? id : renumbered.get(id);
    if (oldId === undefined) {
      changes.push({ status: 'added', clause: id, to: place, textChanged: true, marked: marked(undefined, id), ...(markOf(id, newMarks) && { mark: 'added' as const }) });
      if (ownText(clause)) changes.at(-1)!.words = diffWords('', ownText(clause), newText.locale);
      continue;
    }
    const old = before.get(oldId)!;
    const textChanged = ownContent(old.clause) !== ownContent(clause);
    const [oldMark, newMark] = [markOf(oldId, oldMarks), markOf(id, newMarks)];
    const mark = oldMark && !newMark ? 'removed' : !oldMark && newMark ? 'added' : oldMark && newMark && canonicalJson(oldMark) !== canonicalJson(newMark) ? 'changed' : undefined;
    const moved = oldId !== id || old.place.parent !== place.parent || reorderedIds.has(id);
    if (!moved && !textChanged && !mark) continue;
    const change: ClauseChange = { status: moved ? 'moved' : 'changed', clause: id, textChanged, marked: marked(oldId, id) };
    if (moved) Object.assign(change, { from: { clause: oldId, ...old.place }, to: place });
    if (mark) change.mark = mark;
    const [oldWords, newWords] = [ownText(old.clause), ownText(clause)];
    if (textChanged && (oldWords || newWords) && oldWords !== newWords) change.words = diffWords(oldWords, newWords, newText.locale);
    changes.push(change);
  }
  return changes;
}

const marksOf = (document: TermsDocument | undefined) => new Map(allClauses(document?.clauses).filter((clause) => clause.highlight).map((clause) => [clause.id, clause]));
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function diffDocument(oldDocument: TermsDocument | undefined, newDocument: TermsDocument | undefined): DocumentChanges {
  const id = (newDocument ?? oldDocument)!.id;
  const [oldMarks, newMarks] = [marksOf(oldDocument), marksOf(newDocument)];
  const role = (locale: string) => (locale === (newDocument ?? oldDocument)!.locale ? 'controlling' : 'translation');
  const oldTexts = new Map(oldDocument ? textsOf(oldDocument).map((text) => [text.locale, text]) : []);
  const newTexts = new Map(newDocument ? textsOf(newDocument).map((text) => [text.locale, text]) : []);
  // A document whose controlling locale changed is compared controlling text to controlling text.
  if (oldDocument && newDocument && oldDocument.locale !== newDocument.locale) oldTexts.set(newDocument.locale, oldDocument);
  const texts: TextChanges[] = [];
  for (const locale of new Set([...newTexts.keys(), ...oldTexts.keys()])) {
    const [before, after] = [oldTexts.get(locale), newTexts.get(locale)];
    const empty: DocumentText = { locale, title: '', clauses: [] };
    const clauses = diffText(before ?? empty, after ?? empty, oldMarks, newMarks);
    const text: TextChanges = { locale, role: role(locale), clauses };
    if (!before || !after) text.status = before ? 'removed' : 'added';
    if ((before?.title ?? '') !== (after?.title ?? '')) text.title = diffWords(before?.title ?? '', after?.title ?? '', locale);
    if (!same(before?.preamble, after?.preamble)) text.preambleChanged = true;
    if (!same(before?.closing, after?.closing)) text.closingChanged = true;
    if (text.status || text.title || text.preambleChanged || text.closingChanged || clauses.length) texts.push(text);
  }
  const result: DocumentChanges = { id, status: !oldDocument ? 'added' : !newDocument ? 'removed' : texts.length ? 'changed' : 'unchanged', texts };
  if (oldDocument && newDocument && oldDocument.effectiveDate !== newDocument.effectiveDate) result.effectiveDate = { from: oldDocument.effectiveDate, to: newDocument.effectiveDate };
  if (oldDocument && newDocument && oldDocument.locale !== newDocument.locale) result.controllingLocale = { from: oldDocument.locale, to: newDocument.locale };
  if (result.status == 'unchanged' && (result.effectiveDate || result.controllingLocale)) result.status = 'changed';
  return result;
}

/**
 * Compares two versions of a bundle (both as `parseBundle()` returns them): per document and
 * locale, the clauses added, removed, changed and moved, with word diffs; consents added, removed or
 * changed; whether the MAJOR version moved; and warnings where the version does not tell users what
 * changed: a marked clause's controlling text changed, or a clause became marked or unmarked, under
 * the same MAJOR version; a document or a required consent was added or removed under the same MAJOR;
 * anything changed but the version did not increase.
 */
export function diffBundles(oldBundle: TermsBundle, newBundle: TermsBundle): BundleDiff {
  const ids = new Set([...oldBundle.documents.map((d) => d.id), ...newBundle.documents.map((d) => d.id)]);
  const documents = [...ids].map((id) => diffDocument(oldBundle.documents.find((d) => d.id === id), newBundle.documents.find((d) => d.id === id)));
  const consentIds = new Set([...(oldBundle.consents ?? []), ...(newBundle.consents ?? [])].map((c) => c.id));
  const consents = [...consentIds].flatMap((id) => {
    const [before, after] = [oldBundle.consents?.find((c) => c.id === id), newBundle.consents?.find((c) => c.id === id)];
    const status = !before ? 'added' : !after ? 'removed' : same(before, after) ? undefined : 'changed';
    return status ? [{ id, status } as const] : [];
  });
  const major = isMajorChange(oldBundle.version, newBundle.version);
  const diff: BundleDiff = { id: { from: oldBundle.id, to: newBundle.id }, version: { from: oldBundle.version, to: newBundle.version }, major, documents, consents, warnings: [] };
  diff.warnings = warningsFor(diff, oldBundle, newBundle);
  return diff;
}

function warningsFor(diff: BundleDiff, oldBundle: TermsBundle, newBundle: TermsBundle): DiffWarning[] {
  const warnings: DiffWarning[] = [];
  const { from, to } = diff.version;
  const versions = `${from} → ${to} keeps MAJOR ${from.split('.')[0]}, so users who accepted ${from} are not asked again (R19)`;
  const anyChange = diff.consents.length > 0 || diff.documents.some((d) => d.status != 'unchanged');
  if (diff.id.from !== diff.id.to) warnings.push({ path: 'id', message: `the bundle id changed from "${diff.id.from}" to "${diff.id.to}": receipts and remembered answers key on it` });
  if (anyChange && !isEarlier(from, to)) warnings.push({ path: 'version', message: `the bundles differ but the version went from ${from} to ${to}` });
  if (diff.major) return warnings;
  for (const document of diff.documents) {
    if (document.status == 'added' || document.status == 'removed') {
      warnings.push({ path: `documents.${document.id}`, message: `document "${document.id}" was ${document.status}, but ${versions}` });
      continue;
    }
    const controlling = document.texts.find((text) => text.role == 'controlling');
    for (const change of controlling?.clauses ?? []) {
      const where = `documents.${document.id}.clauses.${change.clause}`;
      if (change.mark == 'added' || change.mark == 'removed') {
        warnings.push({ path: where, message: `clause ${change.clause} became ${change.mark == 'added' ? 'marked' : 'unmarked'}, but ${versions}` });
      } else if (change.marked && (change.textChanged || change.status == 'added' || change.status == 'removed')) {
        warnings.push({ path: where, message: `the text of marked clause ${change.clause} changed, but ${versions}` });
      } else if (change.mark == 'changed') {
        warnings.push({ path: where, message: `the mark of clause ${change.clause} changed (kinds, critical or explanation), but ${versions}` });
      }
    }
  }
  for (const consent of diff.consents) {
    const required = [...(oldBundle.consents ?? []), ...(newBundle.consents ?? [])].some((c) => c.id === consent.id && c.required);
    if (required) warnings.push({ path: `consents.${consent.id}`, message: `required consent "${consent.id}" was ${consent.status}, but ${versions}` });
  }
  return warnings;
}

/**
 * The clauses of `newBundle` a gate shows in its "what changed" mode (R19): those added, or whose
 * text (in any locale) or mark changed since `oldBundle`, in document order. Clauses that only moved
 * or were renumbered with the same text are left out.
 */
export function changedClauses(oldBundle: TermsBundle, newBundle: TermsBundle): ClauseRef[] {
  const diff = diffBundles(oldBundle, newBundle);
  return newBundle.documents.flatMap((document) => {
    const changes = diff.documents.find((d) => d.id === document.id)?.texts.flatMap((text) => text.clauses) ?? [];
    const changed = new Set(changes.filter((c) => c.status == 'added' || c.textChanged || c.mark).map((c) => c.clause));
    return allClauses(document.clauses)
      .filter((clause) => changed.has(clause.id))
      .map((clause) => ({ document: document.id, clause: clause.id }));
  });
}
