/**
 * The gate in each framework's own idiom: every app in demo/frameworks/ is built with Vite against the
 * built packages (as an npm user gets them), served, and driven in Chromium. The receipt reaches the
 * app only through that framework's event syntax, and the app renders its digest:
 * React 19 `onterms-accept`, React 18 `@terms-gate/react`'s `onTermsAccept`, Vue `@terms-accept`,
 * Svelte 5 `onterms-accept`, Angular `(terms-accept)`. Plain HTML with the CDN file is cdn-gate.test.ts.
 * Needs `pnpm build` first.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { computeDigests, parseBundle } from '@terms-gate/bundle';
import { launchChromium } from '../support/chromium.ts';
import { repoRoot, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const frameworks = {
  react19: 'React 19: onterms-accept',
  react18: 'React 18: @terms-gate/react onTermsAccept',
  vue: 'Vue 3: @terms-accept',
  svelte: 'Svelte 5: onterms-accept',
  angular: 'Angular: (terms-accept)',
} as const;
type Framework = keyof typeof frameworks;

let browser: Browser;
let digest: string;
const servers = new Map<Framework, Awaited<ReturnType<typeof serveStatic>>>();

beforeAll(async () => {
  const parsed = parseBundle(JSON.parse(await readFile(seedBundle, 'utf8')));
  if (!parsed.ok) throw new Error('the seed bundle must be valid');
  digest = (await computeDigests(parsed.bundle)).bundle;
  // Production builds, as users ship them: Vitest sets NODE_ENV=test, which would give React's and
  // Lit's development builds. One build at a time: the machine has two cores and Chromium needs one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const name of Object.keys(frameworks) as Framework[]) {
      const root = resolve(repoRoot, 'demo/frameworks', name);
      await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { chunkSizeWarningLimit: 2048 } });
      const dist = join(root, 'dist');
      servers.set(name, await serveStatic({ routes: { '/': { file: join(dist, 'index.html') } }, dirs: { '/': dist } }));
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

describe.each(Object.entries(frameworks) as Array<[Framework, string]>)('%s', (name, label) => {
  test(`${label}: the form is invalid until the terms are accepted; the app receives and renders the receipt`, async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(servers.get(name)!.base + '/');
    await tab.locator('terms-gate [part~="document-link"]').waitFor();
    const formValid = () => tab.evaluate(() => document.querySelector('form')!.checkValidity());
    expect(await formValid()).toBe(false);
    expect((await tab.locator('terms-gate #agree-text').innerText()).replace(/\s+/g, ' ')).toBe('I have read and agree to “Xiaoyi Hulian Platform Terms of Service”');

    await tab.locator('terms-gate [part~="document-link"]').click();
    await tab.locator('terms-gate dialog[open]').first().waitFor();
    await tab.locator('terms-gate [part~="assent"]').check();
    await tab.locator('terms-gate [part~="accept"]').click();

    await expect.poll(() => tab.locator('#receipt').count()).toBe(1);
    expect(await tab.locator('#receipt').innerText()).toBe(digest);
    expect(await formValid()).toBe(true);
    const submitted = await tab.evaluate(() => new FormData(document.querySelector('form')!).get('terms'));
    expect(JSON.parse(String(submitted)).bundle.digest).toBe(digest);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
