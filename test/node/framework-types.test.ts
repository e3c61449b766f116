/**
 * The framework types and the React components are generated from custom-elements.json
 * (scripts/generate-framework-types.mjs): the committed files must match a fresh generation, must
 * name every element and event of the manifest, and must typecheck in the example apps that use them.
 * Needs `pnpm build` first (it writes the manifest and the packages' declarations).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/paths.ts';

const run = promisify(execFile);
const at = (path: string) => resolve(repoRoot, path);
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

interface ManifestElement {
  tagName?: string;
  name: string;
  customElement?: boolean;
  events?: Array<{ name: string }>;
}

async function manifestElements(): Promise<ManifestElement[]> {
  const manifest = JSON.parse(await readFile(at('packages/elements/custom-elements.json'), 'utf8'));
  return manifest.modules.flatMap((module: { declarations?: ManifestElement[] }) => (module.declarations ?? []).filter((declaration) => declaration.customElement));
}

describe('generated framework types', () => {
  test('are up to date with custom-elements.json', async () => {
    const result = await run(process.execPath, [at('scripts/generate-framework-types.mjs'), '--check']).catch((error: { stderr: string }) => error);
    expect('stderr' in result ? result.stderr : '').toBe('');
  });

  test('name every element and every event', async () => {
    const react = await readFile(at('packages/elements/types/react.d.ts'), 'utf8');
    const vue = await readFile(at('packages/elements/types/vue.d.ts'), 'utf8');
    const svelte = await readFile(at('packages/elements/types/svelte.d.ts'), 'utf8');
    const wrappers = await readFile(at('packages/react/src/index.ts'), 'utf8');
    const elements = await manifestElements();
    expect(elements.map((element) => element.tagName)).toEqual(expect.arrayContaining(['terms-gate', 'terms-highlight', 'terms-modal', 'terms-viewer']));
    for (const element of elements) {
      expect(react).toContain(`'${element.tagName}': BaseProps<${element.name}, ${element.name}Props>`);
      expect(vue).toContain(`'${element.tagName}': DefineComponent<${element.name}VueProps>`);
      expect(svelte).toContain(`'${element.tagName}': Omit<HTMLAttributes<${element.name}>, keyof ${element.name}SvelteProps> & ${element.name}SvelteProps`);
      expect(wrappers).toContain(`tagName: '${element.tagName}'`);
      for (const event of element.events ?? []) {
        expect(react).toContain(`'on${event.name}'?: (event: `);
        expect(vue).toContain(`on${pascal(event.name)}?: (event: `);
        expect(svelte).toContain(`'on${event.name}'?: (event: `);
        expect(wrappers).toContain(`on${pascal(event.name)}: '${event.name}' as EventName<`);
      }
    }
  });

  // The apps resolve the packages as npm installs them: through node_modules, to the built declarations.
  test.each(['react19', 'react18', 'angular', 'svelte'])('the %s example typechecks against them', async (name) => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', at(`demo/frameworks/${name}/tsconfig.json`)]).catch((error: { stdout: string }) => error);
    expect('stdout' in result ? result.stdout : '').toBe('');
  }, 120_000);
});
