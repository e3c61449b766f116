/** What every `terms-bundle` command shares: where it writes, and the error for a wrong command line. */

/** Where the CLI writes; tests and embedding tools may pass their own. */
export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A wrong command line: the CLI prints the message and its usage, and exits 2. */
export class UsageError extends Error {}
