import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Debian's Chromium; the registry's browser downloads are not reachable from CI. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const alias = {
  '@terms-gate/bundle/import': here('packages/bundle/src/import/index.ts'),
  '@terms-gate/bundle/evidence': here('packages/bundle/src/evidence.ts'),
  '@terms-gate/bundle': here('packages/bundle/src/index.ts'),
  '@terms-gate/elements/define': here('packages/elements/src/define.ts'),
  '@terms-gate/elements': here('packages/elements/src/index.ts'),
};

// Each browser project gets its own config object: a shared one mislabels projects (Vitest 4).
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/bundle/src/**/*.test.ts', 'packages/elements/src/**/*.unit.test.ts', 'packages/elements/build/**/*.unit.test.ts', 'test/node/**/*.test.ts', 'demo/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/**/src/**/*.browser.test.ts', 'packages/elements/src/**/*.test.ts', 'test/browser/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.unit.test.ts'],
          browser: chromium(),
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // Pages driven from Node through Playwright: the built CDN file, the demo, strict CSP.
          // One file at a time, so there is never more than one Chromium beside the browser project.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
