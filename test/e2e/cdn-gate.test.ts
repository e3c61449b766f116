/**
 * The whole flow end to end, the way a host page meets it: a plain HTML page that loads the
 * self-contained `dist/terms-gate.js` with a <script type="module">, the gate in a signup form,
 * the seed bundle from `src`, driven in Chromium in both languages.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { computeDigests, markedClauses, parseBundle } from '@terms-gate/bundle';
import { launchChromium } from '../support/chromium.ts';
import { elementsDist, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Sign up</title></head><body><main>
<form id="signup" aria-label="Sign up">
  <label>Email <input name="email" value="user@example.com"></label>
  <terms-gate name="terms" required src="/terms/xiaoyi.json"></terms-gate>
  <button id="submit">Sign up</button>
</form></main>
<script type="module" src="/dist/terms-gate.js"></script>
<script type="module" src="/record.js"></script></body></html>`;

const recorder = `window.events = [];
for (const type of ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-explain', 'terms-error'])
  document.addEventListener(type, (event) => window.events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));
window.submitted = 0;
document.getElementById('signup').addEventListener('submit', (event) => { event.preventDefault(); window.submitted++; });`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic({
    routes: { '/zh': { body: page('zh-CN'), type: 'text/html' }, '/en': { body: page('en'), type: 'text/html' }, '/record.js': { body: recorder, type: 'text/javascript' }, '/terms/xiaoyi.json': { file: seedBundle } },
    dirs: { '/dist/': elementsDist },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSignup(lang: 'zh' | 'en'): Promise<Page> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${server.base}/${lang}`);
  await tab.locator('terms-gate [part~="checkbox"]').waitFor();
  expect(errors).toEqual([]);
  return tab;
}

const events = (tab: Page) => tab.evaluate(() => (window as unknown as { events: Array<{ type: string; detail: any }> }).events);

describe('dist/terms-gate.js on a plain page', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`the seed terms: blocked submit, marked clauses, explain, accept with a receipt, valid form (${lang})`, async () => {
      const bundle = JSON.parse(await readFile(seedBundle, 'utf8'));
      const parsed = parseBundle(bundle);
      if (!parsed.ok) throw new Error('the seed bundle must be valid');
      const digests = await computeDigests(parsed.bundle);
      const marked = markedClauses(parsed.bundle).map((m) => m.clause.id);
      const tab = await openSignup(lang);

      const line = await tab.locator('terms-gate #agree-text').innerText();
      expect(line.replace(/\s+/g, ' ')).toBe(lang === 'zh' ? '我已阅读并同意《小忆互联平台服务条款》' : 'I have read and agree to “Xiaoyi Hulian Platform Terms of Service”');

      await tab.click('#submit');
      expect(await tab.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);
      expect(await tab.locator('terms-gate [part~="error"]').innerText()).toBe(lang === 'zh' ? '请先阅读并同意条款。' : 'Read and accept the terms to continue.');

      await tab.locator('terms-gate [part~="document-link"]').click();
      const dialog = tab.locator('terms-gate dialog[open]').first();
      await dialog.waitFor();
      // A long text renders its first screen at once and the rest in the next frames.
      await expect.poll(() => tab.locator('terms-highlight').count()).toBe(marked.length);
      const badges = await tab.locator('terms-highlight [part~="badge"]').allInnerTexts();
      expect(badges).toContain(lang === 'zh' ? '免除或限制我方责任' : 'Limits our liability');
      expect(badges).toContain(lang === 'zh' ? '至关重要' : 'Critical');

      await tab.locator('terms-highlight [part~="explain"]').first().click();
      await tab.locator('terms-highlight [part~="popover"]').first().waitFor();
      await tab.keyboard.press('Escape');

      await tab.locator('terms-gate [part~="assent"]').check();
      await tab.locator('terms-gate [part~="accept"]').dblclick();
      await tab.locator('terms-gate dialog[open]').first().waitFor({ state: 'detached' }).catch(() => {});
      await expect.poll(async () => (await events(tab)).filter((e) => e.type === 'terms-accept').length).toBe(1);
      const { receipt } = (await events(tab)).find((e) => e.type === 'terms-accept')!.detail;
      expect(receipt.bundle.digest).toBe(digests.bundle);
      expect(receipt.locale).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(receipt.marked.map((m: { clause: string }) => m.clause)).toEqual(marked);
      expect(receipt.explanations).toHaveLength(1);

      expect(await tab.evaluate(() => (document.getElementById('signup') as HTMLFormElement).checkValidity())).toBe(true);
      await tab.click('#submit');
      expect(await tab.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(1);
      const submitted = await tab.evaluate(() => new FormData(document.getElementById('signup') as HTMLFormElement).get('terms'));
      expect(JSON.parse(String(submitted)).bundle.digest).toBe(digests.bundle);
      await tab.close();
    });
  }
});
