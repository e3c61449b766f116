/**
 * `terms-bundle suggest` and `terms-bundle import --suggest`: propose highlights for the clauses that
 * limit the provider's liability, shift burden onto the user, restrict the user's rights or share
 * data, each marked `source: "suggested"` with the words that triggered it, and print a review table.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError } from './cli-streams.ts';
import { formatIssue } from './issues.ts';
import { parseBundle } from './parse.ts';
import type { ClauseSuggestion } from './suggest/index.ts';
import type { TermsBundle } from './types.ts';

interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const SUGGEST_USAGE = `  suggest <bundle.json> [-o out.json]
                           propose highlights (source "suggested", with their cue) for clauses that
                           limit liability, shift burden, restrict rights or share data; prints a
                           review table on stderr, the bundle on stdout unless -o
  suggest --lines <file> --locale zh-CN|en
                           print the suggested kinds of each line (tab-separated, empty when none)
`;

const TEXT_WIDTH = 36;

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > width ? [...flat].slice(0, width - 1).join('') + '…' : flat;
}

/** The review table: one row per suggestion, clause id, kinds, cue, start of text. */
export function reviewTable(suggestions: readonly ClauseSuggestion[]): string {
  if (!suggestions.length) return 'suggestions: none\n';
  const rows = suggestions.map((s) => [`${s.document}#${s.clause}`, s.kinds.join(','), shorten(s.cue, 40), shorten(s.text, TEXT_WIDTH)]);
  const header = ['clause', 'kinds', 'cue', 'text'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(widths[i]! - [...c].length) : c)).join('  ').trimEnd() + '\n';
  return (
    `suggestions: ${suggestions.length} clause(s) to review (source "suggested"; an author highlight is never changed)\n` +
    line(header) +
    rows.map(line).join('')
  );
}

/** Adds suggested highlights to a bundle and prints the review table on stderr. */
export async function suggestInto(bundle: TermsBundle, out: Output): Promise<TermsBundle> {
  const { suggestHighlights } = await import('./suggest/index.ts');
  const result = suggestHighlights(bundle);
  out.stderr(reviewTable(result.suggestions));
  return result.bundle;
}

/** `terms-bundle suggest …`. */
export async function runSuggest(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, lines: { type: 'string' }, locale: { type: 'string' } },
  });
  if (values.lines !== undefined) {
    if (positionals.length) throw new UsageError('suggest --lines takes no other file');
    if (values.locale === undefined) throw new UsageError('suggest --lines needs --locale, e.g. --locale zh-CN');
    const { suggestKinds, suggestionLanguage } = await import('./suggest/index.ts');
    if (!suggestionLanguage(values.locale)) throw new UsageError(`no suggestions for locale "${values.locale}": use zh-CN or en`);
    const text = (await readFile(values.lines, 'utf8')).replace(/\r\n?/g, '\n');
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    out.stdout(lines.map((line) => suggestKinds(line, values.locale!).kinds.join('\t') + '\n').join(''));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('suggest takes exactly one bundle file (or --lines <file>)');
  const parsed = parseBundle(await readFile(positionals[0]!, 'utf8'));
  if (!parsed.ok) {
    for (const issue of parsed.errors) out.stderr(formatIssue(issue) + '\n');
    return 1;
  }
  const bundle = await suggestInto(parsed.bundle, out);
  const json = JSON.stringify(bundle, null, 2) + '\n';
  if (values.output === undefined) out.stdout(json);
  else await writeFile(values.output, json);
  return 0;
}
