/**
 * The packages as npm would ship them: every built module loads in plain Node (no DOM, no bundler),
 * every export target exists, only define modules are marked as having side effects, and the
 * `terms-bundle` bin runs from a symlink the way npm links it. Needs `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/paths.ts';

const run = promisify(execFile);
const packages = ['bundle', 'elements'] as const;
const packageDir = (name: string) => resolve(repoRoot, 'packages', name);

async function builtModules(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/** Flattens `exports` to [subpath, condition, target] rows. */
function exportTargets(exports: Record<string, string | Record<string, string>>) {
  return Object.entries(exports).flatMap(([subpath, target]) =>
    typeof target === 'string' ? [[subpath, 'default', target]] : Object.entries(target).map(([condition, file]) => [subpath, condition, file]),
  );
}

/** The CDN file is built for browsers (lit's browser build is inside it), not for Node. */
const cdnFile = resolve(packageDir('elements'), 'dist/terms-gate.js');

describe.each(packages)('@terms-gate/%s as published', (name) => {
  const dir = packageDir(name);

  test('every built module imports in plain Node without a DOM, and defines no window or document', async () => {
    const modules = (await builtModules(join(dir, 'dist'))).filter((file) => file !== cdnFile);
    expect(modules.length, 'run `pnpm build` first').toBeGreaterThan(5);
    // The CLI runs when executed, not when imported; importing it must still be harmless.
    const script = `
      const failures = [];
      for (const file of ${JSON.stringify(modules)}) {
        try { await import(file); } catch (error) { failures.push(file + ': ' + error.message); }
      }
      console.log(JSON.stringify({ failures, window: typeof window, document: typeof document }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result).toEqual({ failures: [], window: 'undefined', document: 'undefined' });
  });

  test('exports point at built files with types first; files and sideEffects say what ships', async () => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    for (const [subpath, condition, target] of exportTargets(pkg.exports)) {
      expect(existsSync(join(dir, target!)), `${subpath} ${condition} → ${target}`).toBe(true);
      if (subpath !== './package.json') expect(target, subpath).toMatch(/^\.\/(dist\/|types\/[\w-]+\.d\.ts$|custom-elements\.json$)/);
    }
    for (const target of Object.values(pkg.exports) as Array<string | Record<string, string>>) {
      // Types first; type-only entries (the framework JSX and Vue types) have nothing else.
      if (typeof target === 'object') expect(Object.keys(target)).toEqual(target.default ? ['types', 'default'] : ['types']);
    }
    expect(pkg.files).toContain('dist');
    expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
    if (name === 'elements') {
      // Every element has its class and define entry points.
      for (const entry of await readdir(join(dir, 'src'), { withFileTypes: true })) {
        if (!entry.isDirectory() || !existsSync(join(dir, 'src', entry.name, 'define.ts'))) continue;
        expect(Object.keys(pkg.exports), `package.json exports for src/${entry.name}/`).toEqual(expect.arrayContaining([`./${entry.name}`, `./${entry.name}/define`]));
      }
    }
    if (name === 'bundle') expect(pkg.sideEffects).toBe(false);
    else {
      // The src entries matter inside the workspace, where bundlers read this package.json for the sources too.
      expect(pkg.sideEffects).toEqual(expect.arrayContaining(['./dist/define.js', './dist/*/define.js', './dist/terms-gate.js']));
      for (const pattern of pkg.sideEffects) expect(pattern).toMatch(/^\.\/(src|dist)\/(\*\/)?define\.(ts|js)$|^\.\/dist\/terms-gate\.js$/);
    }
  });
});

test('only define modules register elements', async () => {
  const dist = join(packageDir('elements'), 'dist');
  for (const file of await builtModules(dist)) {
    const text = await readFile(file, 'utf8');
    const isDefine = /(^|\/)define\.js$/.test(relative(dist, file)) || relative(dist, file) === 'terms-gate.js';
    if (!isDefine) expect(text, relative(dist, file)).not.toMatch(/customElements\.define\(/);
  }
});

test('the terms-bundle bin runs dist/cli.js through a symlink, as npm installs it', async () => {
  const pkg = JSON.parse(await readFile(join(packageDir('bundle'), 'package.json'), 'utf8'));
  expect(pkg.bin).toEqual({ 'terms-bundle': './dist/cli.js' });
  const bin = join(packageDir('bundle'), pkg.bin['terms-bundle']);
  expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  const temp = await mkdtemp(join(tmpdir(), 'terms-bundle-bin-'));
  try {
    await symlink(bin, join(temp, 'terms-bundle'));
    const sample = resolve(repoRoot, 'packages/bundle/src/fixtures/sample.bundle.json');
    const digests = JSON.parse(await readFile(resolve(repoRoot, 'packages/bundle/src/fixtures/sample.digests.json'), 'utf8'));
    const { stdout } = await run(join(temp, 'terms-bundle'), ['digest', sample]);
    expect(stdout).toBe(digests.bundle + '\n');
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
});
