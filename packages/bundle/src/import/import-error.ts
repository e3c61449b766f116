/**
 * The one error the Markdown importer throws. Its message says what went wrong and where
 * (a line number of the Markdown source when there is one), so an author can fix the file.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  /** 1-based line of the Markdown source the problem is on, when known. */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.line = line;
  }
}
