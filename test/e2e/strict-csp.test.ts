/**
 * The built `dist/terms-gate.js` under the strictest Content-Security-Policy a host is likely to
 * send: scripts and styles only from the page's own origin, no inline anything, and Trusted Types
 * required for every script-capable DOM sink. The whole flow (open, explain, print, tick, accept)
 * must work with zero `securitypolicyviolation` events and no console errors, in Chinese and in a
 * language whose UI strings are a separate chunk (Arabic).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { elementsDist, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Sign up</title>
<script src="/record.js"></script></head><body><main>
<form id="signup" aria-label="Sign up">
  <label>Email <input name="email" value="user@example.com"></label>
  <terms-gate name="terms" required src="/terms/xiaoyi.json"></terms-gate>
  <button id="submit">Sign up</button>
</form></main>
<script type="module" src="/dist/terms-gate.js"></script></body></html>`;

// A classic script in <head>, so it listens before the library loads.
const recorder = `window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber, column: event.columnNumber, sample: event.sample }));
window.events = [];
for (const type of ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-explain', 'terms-error'])
  document.addEventListener(type, (event) => window.events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic({
    routes: {
      '/zh': { body: page('zh-CN'), type: 'text/html' },
      '/ar': { body: page('ar'), type: 'text/html' },
      '/record.js': { body: recorder, type: 'text/javascript' },
      '/terms/xiaoyi.json': { file: seedBundle },
      '/favicon.ico': { status: 204 },
    },
    dirs: { '/dist/': elementsDist },
    headers: { 'content-security-policy': CSP },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
  sample: string;
}

async function open(lang: 'zh' | 'ar'): Promise<{ tab: Page; problems: () => Promise<string[]> }> {
  const tab = await browser.newPage();
  const console: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.push(`console ${message.type()}: ${message.text()}`);
  });
  tab.on('pageerror', (error) => console.push(`page error: ${error.message}`));
  const response = await tab.goto(`${server.base}/${lang}`);
  expect(response!.headers()['content-security-policy']).toBe(CSP);
  await tab.locator('terms-gate [part~="checkbox"]:not([disabled])').waitFor();
  const problems = async () => {
    const violations = await tab.evaluate(() => (window as unknown as { violations: Violation[] }).violations);
    // Frames (the print copy) report their own violations; collect them too.
    const frames = await Promise.all(tab.frames().slice(1).map((frame) => frame.evaluate(() => (window as unknown as { violations?: Violation[] }).violations ?? []).catch(() => [])));
    return [...violations, ...frames.flat()].map((v) => `CSP ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line}:${v.column} ${v.sample}`).concat(console);
  };
  return { tab, problems };
}

describe('under a strict CSP with Trusted Types', () => {
  for (const lang of ['zh', 'ar'] as const) {
    test(`open, explain, print, tick, accept: a receipt and no violation (${lang})`, async () => {
      const { tab, problems } = await open(lang);
      expect(await tab.evaluate(() => typeof (window as unknown as { trustedTypes?: unknown }).trustedTypes)).toBe('object');

      await tab.locator('terms-gate [part~="checkbox"]').click();
      await tab.locator('terms-gate dialog[open]').first().waitFor();
      if (lang === 'ar') {
        await expect.poll(() => tab.locator('terms-gate [part~="accept"]').innerText()).toBe('موافق');
      }
      await tab.locator('terms-highlight [part~="explain"]').first().click();
      await tab.locator('terms-highlight [part~="popover"]:not([hidden])').first().waitFor();
      await tab.keyboard.press('Escape');
      // Print builds its copy in a frame: a TrustedHTML srcdoc and adopted styles, nothing inline.
      const frameAttached = tab.waitForEvent('frameattached');
      await tab.locator('terms-gate [part~="print"]').click();
      await frameAttached;
      await tab.waitForTimeout(300);

      await tab.locator('terms-gate [part~="assent"]').check();
      await tab.locator('terms-gate [part~="accept"]').click();
      await expect.poll(() => tab.evaluate(() => (window as unknown as { events: Array<{ type: string }> }).events.filter((e) => e.type === 'terms-accept').length)).toBe(1);
      const accepted = await tab.evaluate(() => (window as unknown as { events: Array<{ type: string; detail: any }> }).events.find((e) => e.type === 'terms-accept')!.detail);
      expect(accepted.receipt.outcome).toBe('accept');
      expect(accepted.receipt.bundle.digest).toMatch(/^sha256:/);
      expect(accepted.receipt.explanations).toHaveLength(1);
      expect(await tab.evaluate(() => (document.getElementById('signup') as HTMLFormElement).checkValidity())).toBe(true);
      expect(await problems()).toEqual([]);
      await tab.close();
    });
  }
});
