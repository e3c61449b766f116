/**
 * Server rendering: @lit-labs/ssr renders <terms-viewer> with the seed terms to HTML with declarative
 * shadow DOM in Node (demo/ssr/render.ts), and the page hydrates in Chromium (demo/ssr/client.ts).
 * The terms are in the first response, readable with JavaScript off; with JavaScript on the element
 * adopts the server's DOM without changing the text or fetching anything, and then works.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '@terms-gate/elements/terms-gate/define';
import { alias } from '../../vite.config.ts';
import { renderSignupPage, renderTermsPage } from '../../demo/ssr/render.ts';
import { launchChromium } from '../support/chromium.ts';
import { repoRoot, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const seedSentence = '本平台对您承担的赔偿责任';
// The last clause and the closing: the server renders the whole text, not only a first screen.
const lastSentences = ['本协议任一条款被认定为无效或不可执行', '再次提醒您'];
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let page: string;
let signupPage: string;
let clientDir: string;

beforeAll(async () => {
  const bundle = JSON.parse(await readFile(seedBundle, 'utf8'));
  page = await renderTermsPage({ bundle, locale: 'zh-CN', lang: 'zh-CN', clientScript: '/client.js' });
  signupPage = await renderSignupPage({ bundle, lang: 'zh-CN', clientScript: '/client.js' });
  clientDir = await mkdtemp(join(tmpdir(), 'terms-gate-ssr-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: repoRoot,
      mode: 'production',
      logLevel: 'warn',
      resolve: { alias },
      build: { outDir: clientDir, emptyOutDir: true, target: 'es2022', lib: { entry: resolve(repoRoot, 'demo/ssr/client.ts'), formats: ['es'], fileName: () => 'client.js' } },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await serveStatic({
    routes: { '/': { body: page, type: 'text/html; charset=utf-8' }, '/signup': { body: signupPage, type: 'text/html; charset=utf-8' } },
    dirs: { '/': clientDir },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (clientDir) await rm(clientDir, { recursive: true, force: true });
});

/**
 * Opens `path` with the hydrating client held back until `release()`, so a test can read the
 * server's DOM first (what a reader sees first), and records page errors and requested paths.
 */
async function openWithClientHeld(path: string) {
  const tab = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await tab.route('**/client.js', async (route) => {
    await held;
    await route.continue();
  });
  // A module script holds back DOMContentLoaded, not parsing: the caller waits for the parsed content.
  await tab.goto(server.base + path, { waitUntil: 'commit' });
  return { tab, problems, requests, release };
}

describe('<terms-viewer> rendered on the server', () => {
  test('the HTML holds the terms text in declarative shadow DOM', () => {
    expect(page).toContain('<template shadowroot="open" shadowrootmode="open">');
    expect(page).toContain(seedSentence);
    // The UI strings are in the page's language already, so hydration does not change them.
    expect(page).toMatch(/part="print"[^>]*>(<!--[^>]*-->)*打印/);
    // The marked clauses are rendered too, each as a <terms-highlight> with its own shadow root.
    expect(page).toMatch(/<terms-highlight[^>]*defer-hydration/);
  });

  test('<terms-gate> renders its agreement line on the server: the unchecked checkbox and the document title', async () => {
    const bundle = JSON.parse(await readFile(seedBundle, 'utf8'));
    const gate = await collectResult(render(html`<terms-gate name="terms" required lang="zh-CN" .bundle=${bundle}></terms-gate>`));
    expect(gate).toMatch(/<terms-gate[^>]*name="terms"[^>]*><template shadowroot="open" shadowrootmode="open"/);
    expect(gate).toMatch(/<input id="agree" type="checkbox" part="checkbox"/);
    expect(gate).not.toMatch(/<input id="agree"[^>]*checked/);
    const text = gate.replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, '');
    expect(text).toContain('我已阅读并同意《小忆互联平台服务条款》');
  });

  test('with JavaScript off, the terms are on the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(server.base + '/');
    const content = await tab.locator('terms-viewer [part~="content"]').innerText();
    expect(content).toContain(seedSentence);
    for (const sentence of lastSentences) expect(content).toContain(sentence);
    expect(await tab.locator('terms-viewer terms-highlight').count()).toBeGreaterThan(0);
    await context.close();
  });

  test('with JavaScript on, it hydrates without changing the text or fetching again, and then works', async () => {
    const { tab, problems, requests, release } = await openWithClientHeld('/');
    await tab.locator('terms-viewer [part~="content"]').waitFor();
    const before = await tab.locator('terms-viewer').evaluate((viewer) => viewer.shadowRoot!.textContent);
    expect(before).toContain(seedSentence);
    // Hydration adopts the server's nodes; a fresh render would replace them.
    await tab.evaluate(() => {
      (window as unknown as { serverContent: Element }).serverContent = document.querySelector('terms-viewer')!.shadowRoot!.querySelector('[part~="content"]')!;
    });
    release();

    await tab.waitForFunction(() => (document.querySelector('terms-viewer') as unknown as { hasUpdated?: boolean }).hasUpdated === true);
    await tab.waitForFunction(() => [...document.querySelectorAll('terms-highlight')].every((highlight) => !highlight.hasAttribute('defer-hydration')));
    const after = await tab.locator('terms-viewer').evaluate((viewer) => viewer.shadowRoot!.textContent);
    expect(after).toBe(before);
    expect(await tab.evaluate(() => document.querySelector('terms-viewer')!.shadowRoot!.querySelector('[part~="content"]') === (window as unknown as { serverContent: Element }).serverContent)).toBe(true);
    expect(problems).toEqual([]);
    // Only the page and its script chunks: the terms come from the page, never from a second fetch.
    expect(requests.filter((path) => path !== '/' && !path.endsWith('.js'))).toEqual([]);

    const explained = tab.evaluate(() => new Promise<string>((resolve) => document.addEventListener('terms-explain', (event) => resolve((event as CustomEvent<{ clause: string }>).detail.clause), { once: true })));
    await tab.locator('terms-highlight [part~="explain"]').first().click();
    await tab.locator('terms-highlight [part~="popover"]').first().waitFor();
    expect(await explained).toBeTruthy();
    await tab.close();
  });
});

describe('<terms-gate> rendered on the server', () => {
  test('hydrates its agreement line without changing it or fetching the terms, and then opens them', async () => {
    const { tab, problems, requests, release } = await openWithClientHeld('/signup');
    await tab.locator('terms-gate [part~="checkbox"]').waitFor();
    const lineOf = () => tab.locator('terms-gate').evaluate((gate) => gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, ''));
    const before = await lineOf();
    expect(before).toBe('我已阅读并同意《小忆互联平台服务条款》');
    expect(await tab.locator('terms-gate [part~="checkbox"]').isChecked()).toBe(false);
    await tab.evaluate(() => {
      (window as unknown as { serverCheckbox: Element }).serverCheckbox = document.querySelector('terms-gate')!.shadowRoot!.querySelector('#agree')!;
    });
    release();
    await tab.waitForFunction(() => (document.querySelector('terms-gate') as unknown as { hasUpdated?: boolean }).hasUpdated === true);
    expect(await lineOf()).toBe(before);
    expect(await tab.evaluate(() => document.querySelector('terms-gate')!.shadowRoot!.querySelector('#agree') === (window as unknown as { serverCheckbox: Element }).serverCheckbox)).toBe(true);
    // Hydrated, the gate takes part in the form: not accepted yet, so the form is invalid.
    expect(await tab.evaluate(() => document.querySelector('form')!.checkValidity())).toBe(false);
    expect(problems).toEqual([]);
    expect(requests.filter((path) => path !== '/signup' && !path.endsWith('.js'))).toEqual([]);

    await tab.locator('terms-gate [part~="document-link"]').click();
    const dialog = tab.locator('terms-gate [part~="dialog"]');
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
    expect(await tab.locator('terms-gate terms-viewer [part~="content"]').innerText()).toContain(seedSentence);
    expect(problems).toEqual([]);
    await tab.close();
  });
});
