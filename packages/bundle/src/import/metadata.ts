/**
 * Finds what a document says about itself rather than as terms: its title, effective date and
 * language. The title heading and the effective-date line are taken out of the outline, since the
 * bundle carries them as `title` and `effectiveDate`.
 */
import { dateLine, findDate } from './dates.ts';
import { firstField } from './front-matter.ts';
import { plainText } from './inline.ts';
import { recogniseNumbering } from './numbering.ts';
import type { OutlineEntry } from './outline.ts';

export interface DocumentMetadata {
  /** From the title heading, else front matter; undefined if the document names none. */
  title: string | undefined;
  effectiveDate: string | undefined;
  locale: string | undefined;
  /** The outline without the title heading and the effective-date line. */
  entries: OutlineEntry[];
}

const DATE_FIELDS = ['effectiveDate', 'effective_date', 'effective-date', 'effective', 'date', 'last_updated', 'last-updated', 'updated'];
const LOCALE_FIELDS = ['locale', 'lang', 'language'];

/** Reads title, effective date and locale from the outline and the front-matter fields. */
export function extractMetadata(entries: readonly OutlineEntry[], frontMatter: ReadonlyMap<string, string>): DocumentMetadata {
  const rest = [...entries];
  const frontTitle = firstField(frontMatter, ['title']);
  const titleAt = findTitleHeading(rest, frontTitle !== undefined);
  const titleEntry = titleAt === -1 ? undefined : rest.splice(titleAt, 1)[0];
  const title = (titleEntry?.type === 'heading' && plainText(titleEntry.text).trim()) || frontTitle;

  const frontDate = firstField(frontMatter, DATE_FIELDS);
  let effectiveDate = frontDate === undefined ? undefined : findDate(frontDate)?.iso;
  const dateAt = findDateLine(rest);
  if (dateAt) {
    rest.splice(dateAt.index, 1);
    effectiveDate ??= dateAt.iso;
  }
  return { title, effectiveDate, locale: firstField(frontMatter, LOCALE_FIELDS), entries: rest };
}

function isNumbered(entry: OutlineEntry): boolean {
  if (entry.type === 'item-open') return true;
  if (entry.type !== 'heading' && entry.type !== 'paragraph') return false;
  return recogniseNumbering(plainText(entry.text), { letters: entry.type === 'heading' }) !== null;
}

/**
 * The index of the title heading: the document's first block if it is an unnumbered heading (a
 * level-1 one even when front matter also names a title), else the first unnumbered level-1 heading
 * before the first numbered block. -1 if there is none.
 */
function findTitleHeading(entries: readonly OutlineEntry[], hasFrontTitle: boolean): number {
  const first = entries.findIndex((entry) => entry.type !== 'break');
  const firstEntry = entries[first];
  if (firstEntry?.type === 'heading' && !isNumbered(firstEntry) && (firstEntry.depth === 1 || !hasFrontTitle)) return first;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (isNumbered(entry)) break;
    if (entry.type === 'heading' && entry.depth === 1) return i;
  }
  return -1;
}

/**
 * The first line before the first numbered block or list item that only states a date
 * ("生效日期：2025 年 8 月 10 日", "*Last updated: January 6, 2023*"), with its ISO date. A kramdown
 * `{: datetime="…" }` on that line wins over the written date.
 */
function findDateLine(entries: readonly OutlineEntry[]): { index: number; iso: string } | undefined {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.type === 'item-open') return undefined;
    if (entry.type !== 'paragraph' && entry.type !== 'heading') continue;
    if (isNumbered(entry)) return undefined;
    const written = dateLine(plainText(entry.text));
    if (written) return { index: i, iso: (entry.attributes.datetime && findDate(entry.attributes.datetime)?.iso) || written };
  }
  return undefined;
}
