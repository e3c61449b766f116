import { execFileSync } from 'node:child_process';
import { repoRoot } from '../support/paths.ts';

/**
 * What a benchmark measured: the commit, and the packages' uncommitted changes (the build the bench
 * runs first includes them), so a table from a shared working tree says what it timed.
 */
export function measuredCode(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trimEnd();
  const changed = git('status', '--short', '--untracked-files=all', '--', 'packages')
    .split('\n')
    .filter((line) => /^packages\/[^/]+\/src\//.test(line.slice(3)))
    .map((line) => line.slice(3));
  return `commit ${git('rev-parse', '--short', 'HEAD')}, ${changed.length ? `with uncommitted changes in ${changed.join(', ')}` : 'packages/*/src as committed'}`;
}
