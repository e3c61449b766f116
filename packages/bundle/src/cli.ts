/**
 * `terms-bundle`: the author's command line.
 *
 *   terms-bundle import <file.md> [-o out.json] [--locale L] [--id ID] [--document-id ID] [--version X.Y]
 *                       [--title T] [--effective-date YYYY-MM-DD]
 *   terms-bundle validate <bundle.json>
 *   terms-bundle digest <bundle.json>
 *   terms-bundle verify | diff | lint …   (cli-evidence.ts)
 *
 * Exit codes: 0 done, 1 the input is invalid or unreadable, 2 the command line is wrong.
 */
import { realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EVIDENCE_USAGE, runEvidenceCommand } from './cli-evidence.ts';
import { runSuggest, suggestInto, SUGGEST_USAGE } from './cli-suggest.ts';
import { UsageError } from './cli-streams.ts';
import { digestOf } from './digest.ts';
import { formatIssue } from './issues.ts';
import { parseBundle } from './parse.ts';
import type { TermsBundle } from './types.ts';

/** Where the CLI writes; tests and embedding tools may pass their own. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The text `terms-bundle help` prints. */
export const USAGE = `Usage: terms-bundle <command> [options]

Commands:
  import <file.md> [-o out.json] [--locale L] [--id ID] [--document-id ID] [--version X.Y]
                [--title T] [--effective-date YYYY-MM-DD] [--suggest]
                           turn a Markdown terms document into a bundle (stdout unless -o);
                           --id names the bundle, --document-id the document in it;
                           --title and --effective-date for a document that states none;
                           --suggest adds suggested highlights (see suggest)
  validate <bundle.json>   check a bundle; prints "valid", or every error (one a line) and exits 1
  digest <bundle.json>     print the bundle's digest (sha256:…), as receipts name it
${EVIDENCE_USAGE}${SUGGEST_USAGE}  help                     show this help

Exit codes: 0 done, 1 invalid or unreadable input, 2 wrong command line.
`;

/** Reads and validates a bundle file, printing warnings; returns the bundle or undefined after printing errors. */
async function readBundle(path: string, out: CliOutput): Promise<TermsBundle | undefined> {
  const result = parseBundle(await readFile(path, 'utf8'));
  if (!result.ok) for (const issue of result.errors) out.stderr(formatIssue(issue) + '\n');
  for (const issue of result.warnings) out.stderr(`warning: ${formatIssue(issue)}\n`);
  return result.ok ? result.bundle : undefined;
}

/** The one positional argument a command takes. */
function onePath(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one file`);
  return positionals[0]!;
}

async function runImport(args: string[], out: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      locale: { type: 'string' },
      id: { type: 'string' },
      'document-id': { type: 'string' },
      'effective-date': { type: 'string' },
      title: { type: 'string' },
      version: { type: 'string' },
      suggest: { type: 'boolean' },
    },
  });
  const source = await readFile(onePath(positionals, 'import'), 'utf8');
  // Loaded on demand: validate and digest need none of the Markdown machinery.
  const { importMarkdown } = await import('./import/index.ts');
  const imported = importMarkdown(source, {
    ...(values.locale !== undefined && { locale: values.locale }),
    ...(values.id !== undefined && { bundleId: values.id }),
    ...(values['document-id'] !== undefined && { documentId: values['document-id'] }),
    ...(values['effective-date'] !== undefined && { effectiveDate: values['effective-date'] }),
    ...(values.title !== undefined && { title: values.title }),
    ...(values.version !== undefined && { version: values.version }),
  });
  const bundle = values.suggest ? await suggestInto(imported, out) : imported;
  // The importer's output goes through the same checks as any published bundle.
  const result = parseBundle(bundle);
  if (!result.ok) {
    for (const issue of result.errors) out.stderr(formatIssue(issue) + '\n');
    return 1;
  }
  for (const issue of result.warnings) out.stderr(`warning: ${formatIssue(issue)}\n`);
  const json = JSON.stringify(result.bundle, null, 2) + '\n';
  if (values.output === undefined) out.stdout(json);
  else await writeFile(values.output, json);
  return 0;
}

/**
 * Runs one `terms-bundle` command line.
 *
 * @param args The arguments after the program name, e.g. `['validate', 'bundle.json']`.
 * @returns The exit code: 0 done, 1 invalid or unreadable input, 2 wrong command line.
 */
export async function runCli(args: readonly string[], out: CliOutput = defaultOutput): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'help':
      case '--help':
      case '-h':
        out.stdout(USAGE);
        return 0;
      case 'import':
        return await runImport(rest, out);
      case 'suggest':
        return await runSuggest(rest, out);
      case 'validate':
      case 'digest': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        const bundle = await readBundle(onePath(positionals, command), out);
        if (!bundle) return 1;
        out.stdout(command === 'validate' ? 'valid\n' : (await digestOf(bundle)) + '\n');
        return 0;
      }
      case 'verify':
      case 'diff':
      case 'lint':
        return await runEvidenceCommand(command, rest, out);
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    // parseArgs signals a wrong command line with ERR_PARSE_ARGS_* codes.
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`terms-bundle: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    out.stderr(`terms-bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const defaultOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

// Run when executed directly (`tsx cli.ts …`, or the package bin), not when imported by tests. npm
// links a bin into node_modules/.bin as a symlink: argv[1] is the link, import.meta.url the real file.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(resolve(process.argv[1]))).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
