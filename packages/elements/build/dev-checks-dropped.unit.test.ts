/**
 * The CDN build is a production build: the development warnings of `terms-gate/dev-checks.ts` and
 * their strings must not ship in it. Reads the built file, so it runs after `pnpm build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const built = fileURLToPath(new URL('../dist/terms-gate.js', import.meta.url));

test('dist/terms-gate.js carries none of the development warnings', () => {
  expect(existsSync(built), 'run pnpm build first').toBe(true);
  const code = readFileSync(built, 'utf8');
  for (const text of ['docs/dev-warnings.md', 'calls it optional', 'the decline button is', 'below 4.5:1', 'has no explanation in']) expect(code).not.toContain(text);
});
