/**
 * `src` over a network that fails: a local server whose every route we control (status, content
 * type, delay, a body that never ends) and requests the browser refuses. Whatever goes wrong, the
 * gate shows the same error state with a retry, fires `terms-error`, offers no way to accept, and
 * never shows one bundle's text under another's receipt. A late answer to an old `src` is ignored.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { computeDigests, parseBundle, type TermsBundle } from '@terms-gate/bundle';
import { launchChromium } from '../support/chromium.ts';
import { elementsDist } from '../support/paths.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

function bundleTitled(id: string, title: string): TermsBundle {
  return {
    format: 1,
    id,
    version: '1.0',
    documents: [
      {
        id: 'terms',
        locale: 'en',
        title,
        effectiveDate: '2025-08-10',
        clauses: [
          { id: '1', number: '1.', heading: ['Service'], body: [{ type: 'paragraph', text: [`${title}: the service is provided as is.`] }], highlight: { kinds: ['limits-liability'], source: 'author', explanation: { en: { summary: 'No promises.' } } } },
          { id: '2', number: '2.', heading: ['Law'], body: [{ type: 'paragraph', text: [`${title}: the law of the place applies.`] }] },
        ],
      },
    ],
  };
}
const bundleA = bundleTitled('bundle-a', 'Terms A');
const bundleB = bundleTitled('bundle-b', 'Terms B');

type Handler = (response: ServerResponse) => unknown;
const json = (bundle: unknown, delayMs = 0): Handler => async (response) => {
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (response.destroyed) return;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(bundle));
};
const hanging: ServerResponse[] = [];
/** Counts per path, and a switch per path so a route can start failing or recover. */
const hits = new Map<string, number>();
const failing = new Set<string>(['/flaky.json']);

const routes: Record<string, Handler> = {
  '/a.json': json(bundleA),
  '/b.json': json(bundleB),
  '/a-late.json': json(bundleA, 1500),
  '/404.json': (r) => (r.writeHead(404, { 'content-type': 'application/json' }), r.end('{"error":"not found"}')),
  '/500.json': (r) => (r.writeHead(500, { 'content-type': 'application/json' }), r.end('{"error":"boom"}')),
  '/slow.json': json(bundleA, 5000),
  // Headers and half the body, then nothing, ever.
  '/never-ends.json': (r) => {
    r.writeHead(200, { 'content-type': 'application/json' });
    r.write(JSON.stringify(bundleA).slice(0, 100));
    hanging.push(r);
  },
  '/html.json': (r) => (r.writeHead(200, { 'content-type': 'text/html' }), r.end(JSON.stringify(bundleA))),
  '/no-type.json': (r) => (r.writeHead(200), r.end(JSON.stringify(bundleA))),
  '/invalid.json': (r) => (r.writeHead(200, { 'content-type': 'application/json' }), r.end('{"format":1,"id":')),
  '/flaky.json': (r) => {
    if (failing.has('/flaky.json')) return void (r.writeHead(503, { 'content-type': 'application/json' }), r.end('{}'));
    return json(bundleB)(r);
  },
};

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Network</title></head><body><main>
<form id="signup" aria-label="Sign up"><terms-gate name="terms" required timeout="800"></terms-gate></form></main>
<script type="module" src="/dist/terms-gate.js"></script>
<script type="module">
window.events = [];
for (const type of ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-error'])
  document.addEventListener(type, (event) => window.events.push({ type, at: performance.now(), detail: JSON.parse(JSON.stringify(event.detail, (k, v) => v instanceof Error ? { name: v.name, kind: v.kind, message: v.message } : v)) }));
</script></body></html>`;

let browser: Browser;
let server: ReturnType<typeof createServer>;
let base: string;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/') return void (response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }), response.end(page));
    if (path.startsWith('/dist/')) {
      try {
        const body = await readFile(join(elementsDist, path.slice('/dist/'.length)));
        return void (response.writeHead(200, { 'content-type': 'text/javascript' }), response.end(body));
      } catch {
        return void (response.writeHead(404), response.end());
      }
    }
    const route = routes[path];
    if (route) return void (await route(response));
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  for (const response of hanging) response.destroy();
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

type Recorded = { type: string; at: number; detail: any };
const events = (tab: Page) => tab.evaluate(() => (window as unknown as { events: Recorded[] }).events);
const types = async (tab: Page) => (await events(tab)).map((e) => e.type);

async function openPage(): Promise<Page> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(base);
  await tab.waitForFunction(() => customElements.get('terms-gate'));
  expect(errors).toEqual([]);
  return tab;
}

const setSrc = (tab: Page, src: string) => tab.evaluate((value) => ((document.querySelector('terms-gate') as HTMLElement & { src: string }).src = value), src);
const ready = (tab: Page) => tab.locator('terms-gate [part~="checkbox"]:not([disabled])').waitFor();
const errorShown = (tab: Page) => tab.locator('terms-gate [part~="retry"]').waitFor();

/** The error state: message in role=alert, retry, one more terms-error, nothing to accept with. */
async function expectErrorState(tab: Page, what: string, errorsBefore = 0) {
  await errorShown(tab);
  expect(await tab.locator('terms-gate [role="alert"]').innerText(), what).toMatch(/could not be loaded|not valid/);
  const recorded = await events(tab);
  expect(recorded.filter((e) => e.type === 'terms-error'), `${what}: one terms-error`).toHaveLength(errorsBefore + 1);
  expect(await tab.locator('terms-gate input[type="checkbox"]:not([disabled])').count(), `${what}: no enabled checkbox`).toBe(0);
  expect(await tab.locator('terms-gate terms-modal, terms-gate [part~="accept"]').count(), `${what}: no dialog`).toBe(0);
  const shown = await tab.evaluate(() => (document.querySelector('terms-gate') as HTMLElement & { show(): Promise<void> }).show().then(() => 'shown', () => 'rejected'));
  expect(shown, `${what}: show() rejects`).toBe('rejected');
  expect(await tab.evaluate(() => (document.getElementById('signup') as HTMLFormElement).checkValidity()), `${what}: the form stays invalid`).toBe(false);
  expect(recorded.filter((e) => e.type === 'terms-accept'), `${what}: no accept`).toEqual([]);
  return recorded.at(-1)!.detail.error as { kind: string; message: string };
}

/** Opens the terms, ticks the assent and accepts; returns the receipt. */
async function accept(tab: Page) {
  await tab.locator('terms-gate [part~="checkbox"]').click();
  await tab.locator('terms-gate dialog[open]').first().waitFor();
  await tab.locator('terms-gate [part~="assent"]').check();
  await tab.locator('terms-gate [part~="accept"]').click();
  await expect.poll(async () => (await types(tab)).filter((t) => t === 'terms-accept').length).toBe(1);
  return (await events(tab)).find((e) => e.type === 'terms-accept')!.detail.receipt;
}

async function digestOf(bundle: TermsBundle) {
  const parsed = parseBundle(bundle);
  if (!parsed.ok) throw new Error('test bundle must be valid');
  return (await computeDigests(parsed.bundle)).bundle;
}

describe('src that fails', () => {
  const failures: Array<[string, string, string, RegExp]> = [
    ['HTTP 404', '/404.json', 'load', /HTTP 404/],
    ['HTTP 500', '/500.json', 'load', /HTTP 500/],
    ['no answer within the timeout', '/slow.json', 'load', /within 800 ms/],
    ['a response that never ends', '/never-ends.json', 'load', /within 800 ms/],
    ['a text/html content type', '/html.json', 'load', /expected JSON/],
    ['no content type', '/no-type.json', 'load', /expected JSON/],
    ['invalid JSON', '/invalid.json', 'invalid', /not valid JSON|problem/],
  ];
  for (const [what, path, kind, message] of failures) {
    test(`${what}: error state with a retry, terms-error, nothing to accept`, async () => {
      const tab = await openPage();
      await setSrc(tab, `${base}${path}`);
      const error = await expectErrorState(tab, what);
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      await tab.close();
    });
  }

  test('a refused connection and an offline browser: the same error state', async () => {
    const tab = await openPage();
    await tab.route('**/refused.json', (route) => route.abort('connectionrefused'));
    await setSrc(tab, `${base}/refused.json`);
    expect((await expectErrorState(tab, 'refused')).kind).toBe('load');
    await tab.context().setOffline(true);
    await tab.locator('terms-gate [part~="retry"]').click();
    await expect.poll(async () => (await types(tab)).filter((t) => t === 'terms-error').length).toBe(2);
    await tab.context().setOffline(false);
    expect(await types(tab)).toEqual(['terms-error', 'terms-error']);
    await tab.close();
  });
});

describe('recovering', () => {
  test('retry after a failure loads the bundle, and accepting then yields its receipt', async () => {
    failing.add('/flaky.json');
    const tab = await openPage();
    await setSrc(tab, `${base}/flaky.json`);
    await expectErrorState(tab, 'flaky');
    failing.delete('/flaky.json');
    await tab.locator('terms-gate [part~="retry"]').click();
    await ready(tab);
    const receipt = await accept(tab);
    expect(receipt.bundle.id).toBe('bundle-b');
    expect(receipt.bundle.digest).toBe(await digestOf(bundleB));
    expect(await types(tab)).toEqual(['terms-error', 'terms-accept']);
    await tab.close();
  });

  test('a late answer to an earlier src is never shown: the newer bundle stays, and its receipt is the newer one', async () => {
    const tab = await openPage();
    await setSrc(tab, `${base}/a-late.json`);
    await tab.waitForTimeout(100);
    await setSrc(tab, `${base}/b.json`);
    await ready(tab);
    // The late answer arrives (1.5 s) while B is shown.
    await tab.waitForTimeout(1700);
    expect(hits.get('/a-late.json')).toBeGreaterThan(0);
    await tab.locator('terms-gate [part~="checkbox"]').click();
    const title = await tab.locator('terms-gate [part~="title"]').innerText();
    expect(title).toBe('Terms B');
    const text = await tab.locator('terms-gate terms-viewer [part~="content"]').innerText();
    expect(text).toContain('Terms B: the service');
    expect(text).not.toContain('Terms A');
    await tab.keyboard.press('Escape');
    const receipt = await accept(tab);
    expect(receipt.bundle.id).toBe('bundle-b');
    expect(receipt.bundle.digest).toBe(await digestOf(bundleB));
    expect(receipt.bundle.digest).not.toBe(await digestOf(bundleA));
    await tab.close();
  });

  test('src changed to a failing URL while the terms are open with assent ticked: the old bundle disappears and nothing can accept', async () => {
    const tab = await openPage();
    await setSrc(tab, `${base}/a.json`);
    await ready(tab);
    await tab.locator('terms-gate [part~="checkbox"]').click();
    await tab.locator('terms-gate dialog[open]').first().waitFor();
    await tab.locator('terms-gate [part~="assent"]').check();
    await setSrc(tab, `${base}/500.json`);
    await expectErrorState(tab, 'after a good bundle');
    expect(await tab.locator('terms-gate dialog[open]').count()).toBe(0);
    expect(await tab.locator('terms-gate').innerText()).not.toContain('Terms A');
    // Keys and clicks anywhere do not bring an acceptance back.
    await tab.keyboard.press('Enter');
    await tab.keyboard.press('Space');
    await tab.locator('terms-gate [part~="retry"]').focus();
    await tab.mouse.click(5, 5);
    await tab.waitForTimeout(200);
    expect((await types(tab)).filter((t) => t !== 'terms-error')).toEqual([]);
    // A new good src starts from scratch: B, with no assent carried over from A.
    await setSrc(tab, `${base}/b.json`);
    await ready(tab);
    await tab.locator('terms-gate [part~="checkbox"]').click();
    await tab.locator('terms-gate dialog[open]').first().waitFor();
    expect(await tab.locator('terms-gate [part~="assent"]').isChecked()).toBe(false);
    expect(await tab.locator('terms-gate [part~="title"]').innerText()).toBe('Terms B');
    await tab.keyboard.press('Escape');
    const receipt = await accept(tab);
    expect(receipt.bundle.id).toBe('bundle-b');
    expect(receipt.checkbox.map((change: { checked: boolean }) => change.checked)).toEqual([true]);
    await tab.close();
  });
});
