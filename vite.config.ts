import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

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
  '@terms-gate/bundle/suggest': here('packages/bundle/src/suggest/index.ts'),
  '@terms-gate/bundle/evidence': here('packages/bundle/src/evidence.ts'),
  '@terms-gate/bundle': here('packages/bundle/src/index.ts'),
  '@terms-gate/elements/define': here('packages/elements/src/define.ts'),
  ...Object.fromEntries(
    ['terms-gate', 'terms-modal', 'terms-viewer', 'terms-highlight', 'terms-consents'].flatMap((tag) => [
      [`@terms-gate/elements/${tag}/define`, here(`packages/elements/src/${tag}/define.ts`)],
      [`@terms-gate/elements/${tag}`, here(`packages/elements/src/${tag}/${tag}.ts`)],
    ]),
  ),
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
      {
        // Every story in stories/ is a test: it renders, its play function passes, and axe finds
        // no WCAG 2.2 AA violation (parameters.a11y.test = 'error' in .storybook/preview.ts).
        extends: true,
        plugins: [storybookTest({ configDir: here('.storybook') })],
        // Pre-bundle the elements' dependencies before the first story runs: discovering them
        // mid-run makes Vite reload the page under a running test.
        optimizeDeps: { entries: ['packages/elements/src/**/*.ts', '!**/*.test.ts'], include: ['lit', 'axe-core'] },
        test: {
          name: 'stories',
          browser: chromium(),
          // One story file at a time: media emulation (forced colors, colour scheme) applies to the
          // whole browser page, so a story file emulating it must not run beside another.
          fileParallelism: false,
          // Gives stories that show forced-colors mode the browser's media emulation.
          setupFiles: 'stories/support/vitest-setup.ts',
          testTimeout: 30_000,
        },
      },
    ],
  },
});
