/**
 * Builds one publishable package to its dist/: `tsc -p tsconfig.build.json` (ES modules and
 * declarations), then the few things tsc leaves undone:
 * - declaration files keep the sources' `./x.ts` specifiers; published ones must say `./x.js`;
 * - JSON files the package exports (the bundle's JSON Schemas) are copied beside the code;
 * - the CLI entry gets its shebang and execute bit, so `bin` can point straight at it.
 *
 * Usage: node scripts/build-package.mjs packages/<name>
 */
import { execFileSync } from 'node:child_process';
import { chmod, cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const dist = join(dir, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

// A clean dist/ each time, so a renamed module leaves nothing stale behind; the elements' CDN file is
// built into the same folder afterwards (packages/elements/vite.config.ts does not empty it).
await rm(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });

for await (const file of files(dist)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = await readFile(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  if (fixed !== text) await writeFile(file, fixed);
}

const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
for (const target of Object.values(pkg.exports ?? {})) {
  if (typeof target === 'string' && target.startsWith('./dist/') && target.endsWith('.json')) {
    await cp(join(dir, target.replace('./dist/', './src/')), join(dir, target));
  }
}
for (const bin of Object.values(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {}))) {
  const file = join(dir, bin);
  const text = await readFile(file, 'utf8');
  if (!text.startsWith('#!')) await writeFile(file, `#!/usr/bin/env node\n${text}`);
  await chmod(file, 0o755);
}
