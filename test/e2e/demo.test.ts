/**
 * The demo end to end, as a developer meets it after the README's first command: sign up on the
 * seed terms, see the receipt in words, and find it stored and verified by the demo server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDemoServer } from '../../demo/server.ts';
import { launchChromium } from '../support/chromium.ts';

let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('signup demo', () => {
  test('a full signup stores a receipt that the server verified against the terms', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(demo.url);
    await page.fill('input[name=email]', 'reader@example.com');
    await page.fill('input[name=password]', 'correct horse battery');

    // Submitting before accepting is blocked, with the reason next to the checkbox.
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('terms-gate [part~="error"]').textContent()).toBe('请先阅读并同意条款。');
    expect(await page.locator('#result').isHidden()).toBe(true);

    // The checkbox opens the terms; the second chance is on in the seed bundle, so decline asks again.
    await page.locator('terms-gate [part~="checkbox"]').click();
    await page.locator('terms-gate dialog[open]').first().waitFor();
    await page.locator('terms-highlight [part~="explain"]').first().click();
    await page.keyboard.press('Escape');
    await page.locator('terms-gate [part~="assent"]').check();
    await page.locator('terms-gate [part~="accept"]').click();
    await expect.poll(() => page.locator('terms-gate [part~="checkbox"]').isChecked()).toBe(true);

    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('#verification').getAttribute('data-verified')).toBe('true');
    expect(await page.locator('#verification').textContent()).toMatch(/服务器已根据条款验证此凭证，并保存为第 \d+ 号/);
    expect(await page.locator('#summary').textContent()).toContain('xiaoyi-platform-terms 1.0');

    const list = await browser.newPage();
    await list.goto(`${demo.url}receipts.html`);
    await list.locator('#rows tr').first().waitFor();
    const row = await list.locator('#rows tr').first().locator('td').allTextContents();
    expect(row[1]).toBe('reader@example.com');
    expect(row[3]).toBe('accept');
    expect(row[5]).toBe('yes');
    expect(errors).toEqual([]);
  });

  test('switching to English switches the page and the gate', async () => {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page.locator('terms-gate [part~="checkbox"]').waitFor();
    await page.selectOption('#language', 'en');
    await expect.poll(() => page.locator('terms-gate #agree-text').textContent()).toContain('I have read and agree to');
    expect(await page.locator('h1').textContent()).toBe('Create your Xiaoyi Hulian account');
  });

  test('the server refuses a receipt that does not match the terms, and stores it as unverified', async () => {
    const response = await fetch(`${demo.url}api/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'forger@example.com', receipt: { format: 'terms-gate-receipt/1', outcome: 'accept', bundle: { id: 'xiaoyi-platform-terms', version: '1.0', digest: 'sha256:00' } } }),
    });
    expect(response.status).toBe(422);
    const stored = (await response.json()) as { verified: boolean; problems: string[] };
    expect(stored.verified).toBe(false);
    expect(stored.problems.join('\n')).toMatch(/digest/);
  });
});
