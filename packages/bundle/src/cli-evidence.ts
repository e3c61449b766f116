/**
 * The evidence commands of `terms-bundle`: `verify`, `diff` and `lint`.
 *
 *   terms-bundle verify <bundle.json> <receipt.json>
 *   terms-bundle diff <old.json> <new.json> [--json]
 *   terms-bundle lint <bundle.json> [--strict] [--tokens tokens.json]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError, type CliStreams } from './cli-streams.ts';
import { diffBundles, type BundleDiff, type ClauseChange } from './diff.ts';
import { formatIssue } from './issues.ts';
import { lintBundle, type LintIssue } from './lint.ts';
import { parseBundle } from './parse.ts';
import type { TermsBundle } from './types.ts';
import { verifyReceipt } from './verify.ts';
import { formatWordDiff } from './word-diff.ts';

/** The lines `terms-bundle help` shows for these commands. */
export const EVIDENCE_USAGE = `  verify <bundle.json> <receipt.json>
                           check a receipt against the bundle it names; prints "valid",
                           or every problem (one a line) and exits 1
  diff <old.json> <new.json> [--json]
                           clause changes between two versions, with word diffs; warns when
                           marked clauses changed but the MAJOR version did not
  lint <bundle.json> [--strict] [--tokens tokens.json]
                           warnings about explanations, consents, dates and theme contrast;
                           exits 1 on errors, or on warnings with --strict
`;

/** The evidence commands `runEvidenceCommand` runs. */
export const EVIDENCE_COMMANDS = ['verify', 'diff', 'lint'] as const;

function paths(positionals: string[], count: number, command: string): string[] {
  if (positionals.length !== count) throw new UsageError(`${command} takes exactly ${count == 1 ? 'one file' : `${count} files`}`);
  return positionals;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
}

async function readBundle(path: string, out: CliStreams): Promise<TermsBundle | undefined> {
  const result = parseBundle(await readFile(path, 'utf8'));
  if (!result.ok) for (const issue of result.errors) out.stderr(`${path}: ${formatIssue(issue)}\n`);
  return result.ok ? result.bundle : undefined;
}

/**
 * Runs `verify`, `diff` or `lint` with the arguments after the command name.
 *
 * @returns The exit code: 0 done, 1 invalid input, problems found, or lint errors.
 * @throws UsageError for a wrong command line.
 */
export async function runEvidenceCommand(command: (typeof EVIDENCE_COMMANDS)[number], args: string[], out: CliStreams): Promise<number> {
  if (command == 'verify') {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [bundlePath, receiptPath] = paths(positionals, 2, command) as [string, string];
    const receipt = await readJson(receiptPath);
    const { ok, problems } = await verifyReceipt(await readFile(bundlePath, 'utf8'), receipt);
    if (ok) out.stdout('valid\n');
    for (const problem of problems) out.stderr(`${problem.path ? `${problem.path}: ` : ''}${problem.message}\n`);
    return ok ? 0 : 1;
  }
  if (command == 'diff') {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [oldPath, newPath] = paths(positionals, 2, command) as [string, string];
    const [before, after] = [await readBundle(oldPath, out), await readBundle(newPath, out)];
    if (!before || !after) return 1;
    const diff = diffBundles(before, after);
    if (values.json) out.stdout(JSON.stringify(diff, null, 2) + '\n');
    else {
      out.stdout(formatDiff(diff));
      for (const warning of diff.warnings) out.stderr(`warning: ${warning.path}: ${warning.message}\n`);
    }
    return 0;
  }
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { strict: { type: 'boolean' }, tokens: { type: 'string' } } });
  const [bundlePath] = paths(positionals, 1, command) as [string];
  const tokens = values.tokens === undefined ? undefined : await readJson(values.tokens);
  if (tokens !== undefined && (typeof tokens != 'object' || tokens === null || Array.isArray(tokens) || Object.values(tokens).some((v) => typeof v != 'string'))) {
    throw new Error(`${values.tokens} must be a JSON object of token names to CSS colours`);
  }
  const { errors, warnings } = lintBundle(await readFile(bundlePath, 'utf8'), tokens ? { tokens: tokens as Record<string, string> } : {});
  const line = (issue: LintIssue) => `${issue.path ? `${issue.path}: ` : ''}${issue.message} [${issue.code}]\n`;
  for (const issue of errors) out.stderr(line(issue));
  for (const issue of warnings) out.stderr(`warning: ${line(issue)}`);
  if (!errors.length) out.stdout(warnings.length ? `${warnings.length} warning${warnings.length == 1 ? '' : 's'}\n` : 'no warnings\n');
  return errors.length || (values.strict && warnings.length) ? 1 : 0;
}

const placeName = (place: { parent: string | null; index: number }) => `${place.parent === null ? 'top level' : `under ${place.parent}`}, position ${place.index + 1}`;

function formatChange(change: ClauseChange): string[] {
  const mark = change.mark ? ` (mark ${change.mark})` : change.marked ? ' (marked)' : '';
  const lines = [`  ${change.status} ${change.clause}${mark}`];
  if (change.status == 'moved' && change.from && change.to) {
    lines.push(change.from.clause !== change.clause ? `    was ${change.from.clause}, ${placeName(change.from)}; now ${placeName(change.to)}` : `    from ${placeName(change.from)} to ${placeName(change.to)}`);
  }
  if (change.words) lines.push(`    ${formatWordDiff(change.words, 30).replace(/\n/g, '\n    ')}`);
  return lines;
}

/** The human report of a diff: a version line, then per document and locale the changed clauses. */
export function formatDiff(diff: BundleDiff): string {
  const lines = [`${diff.id.to} ${diff.version.from} → ${diff.version.to} (${diff.major ? 'MAJOR: users are asked again' : 'MINOR: users are not asked again'})`];
  for (const document of diff.documents) {
    if (document.status == 'unchanged') continue;
    lines.push('', `${document.id}: ${document.status}`);
    if (document.effectiveDate) lines.push(`  effective date ${document.effectiveDate.from} → ${document.effectiveDate.to}`);
    if (document.controllingLocale) lines.push(`  controlling locale ${document.controllingLocale.from} → ${document.controllingLocale.to}`);
    for (const text of document.texts) {
      lines.push(` ${text.locale} (${text.role})${text.status ? `: ${text.status}` : ''}`);
      if (text.title) lines.push(`  title: ${formatWordDiff(text.title)}`);
      if (text.preambleChanged) lines.push('  preamble changed');
      if (text.closingChanged) lines.push('  closing changed');
      if (!text.status) for (const change of text.clauses) lines.push(...formatChange(change));
      else lines.push(`  ${text.clauses.length} clauses`);
    }
  }
  if (diff.consents.length) lines.push('', 'consents:', ...diff.consents.map((c) => `  ${c.status} ${c.id}`));
  if (diff.documents.every((d) => d.status == 'unchanged') && !diff.consents.length) lines.push('no changes');
  return lines.join('\n') + '\n';
}
