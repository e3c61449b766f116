import { afterEach, describe, expect, test } from 'vitest';
import { digestOf, type ConsentReceipt, type Receipt, type TermsBundle } from '@terms-gate/bundle';
import { verifyConsentReceipt } from '@terms-gate/bundle/evidence';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import type { TermsConsents } from './terms-consents.ts';
import type { TermsConsentChangeEvent } from '../events/terms-consent-change.ts';
import { expectEventually, mountGate, openDialog, sampleBundle } from '../test-support/gate-fixtures.ts';

/** The sample bundle with a second, required consent. */
function bundleWithTwoConsents(): TermsBundle {
  const bundle = sampleBundle();
  bundle.consents!.push({
    id: 'cross-border',
    required: true,
    label: { 'zh-CN': '我同意个人信息出境', en: 'I consent to my personal information leaving the country' },
    notice: { 'zh-CN': '接收方：境外服务器提供商。目的：数据存储。', en: 'Recipient: a server provider abroad. Purpose: storage.' },
  });
  return bundle;
}

/** An acceptance through the gate, giving the consents named. */
async function acceptance(bundle: TermsBundle, give: string[]): Promise<Receipt> {
  const { gate } = await mountGate({ bundle, lang: 'en' });
  await gate.show();
  const part = (selector: string) => gate.shadowRoot!.querySelector('terms-modal')!.shadowRoot!.querySelector<HTMLElement>(selector)!;
  for (const id of give) part(`[data-consent="${id}"]`).click();
  part('[part~="assent"]').click();
  part('[part~="accept"]').click();
  await expectEventually(() => !openDialog(gate.shadowRoot!), 'accepted');
  return gate.acceptanceReceipt!;
}

async function mountConsents(bundle: TermsBundle, receipt: Receipt, lang = 'en') {
  document.body.replaceChildren();
  const container = document.createElement('div');
  container.lang = lang;
  const element = document.createElement('terms-consents') as TermsConsents;
  element.bundle = bundle;
  element.receipt = receipt;
  container.append(element);
  document.body.append(container);
  await element.updateComplete;
  const changes: ConsentReceipt[] = [];
  element.addEventListener('terms-consent-change', (event: TermsConsentChangeEvent) => changes.push(event.detail.receipt));
  const item = (id: string) => element.shadowRoot!.querySelector<HTMLElement>(`[data-consent="${id}"]`)!;
  const text = (id: string, part: string) => item(id).querySelector(`[part~="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
  return { element, changes, item, text, button: (id: string) => item(id).querySelector<HTMLButtonElement>('[part~="toggle"]')! };
}

afterEach(() => document.body.replaceChildren());

describe('<terms-consents>', () => {
  test('lists each separate consent with its notice, its state from the receipt and one control', async () => {
    const bundle = bundleWithTwoConsents();
    const receipt = await acceptance(bundle, ['cross-border']);
    const { element, item, text, button } = await mountConsents(bundle, receipt);
    expect(element.shadowRoot!.querySelectorAll('[part~="consent"]')).toHaveLength(2);
    expect(item('sharing').querySelector('.label')!.textContent).toContain('I separately consent to sharing my personal information');
    expect(text('sharing', 'notice')).toBe('Recipients: infrastructure providers; purpose: the service; data: phone number.');
    expect(text('sharing', 'state')).toBe('Not given');
    expect(text('cross-border', 'state')).toMatch(/^Given · \w+ \d+, \d{4}$/);
    expect(button('sharing').textContent!.trim()).toBe('Give consent');
    expect(button('cross-border').textContent!.trim()).toBe('Withdraw consent');
    for (const id of ['sharing', 'cross-border']) expect(item(id).querySelectorAll('button, input')).toHaveLength(1);
    const results = await axe.run(element.shadowRoot!.querySelector('ul')!);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('one press withdraws; the change carries a consent receipt that follows the acceptance and verifies', async () => {
    const bundle = bundleWithTwoConsents();
    const receipt = await acceptance(bundle, ['cross-border', 'sharing']);
    const { changes, text, button } = await mountConsents(bundle, receipt);
    let bubbled: Event | undefined;
    document.addEventListener('terms-consent-change', (event) => (bubbled = event), { once: true });
    button('sharing').click();
    await expectEventually(() => changes.length === 1, 'one change');
    expect(bubbled).toMatchObject({ bubbles: true, composed: true });
    expect(changes[0]).toMatchObject({ format: 'terms-gate-consent-receipt/1', consent: 'sharing', granted: false, locale: 'en', follows: await digestOf(receipt) });
    expect(await verifyConsentReceipt(bundle, changes[0], { follows: receipt })).toEqual({ ok: true, problems: [] });
    await expectEventually(() => text('sharing', 'state').startsWith('Not given'), 'state shows the withdrawal');
    expect(button('sharing').textContent!.trim()).toBe('Give consent');
    expect(text('cross-border', 'state')).toMatch(/^Given/);
  });

  test('giving it again with the keyboard is one key press, and chains to the withdrawal', async () => {
    const bundle = bundleWithTwoConsents();
    const receipt = await acceptance(bundle, ['cross-border']);
    const { changes, button, text } = await mountConsents(bundle, receipt, 'zh-CN');
    expect(button('cross-border').textContent!.trim()).toBe('撤回同意');
    button('cross-border').focus();
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => changes.length === 1, 'withdrawn');
    await expectEventually(() => !button('cross-border').disabled && button('cross-border').textContent!.trim() === '同意', 'can give again');
    button('cross-border').focus();
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => changes.length === 2, 'given again');
    expect(changes.map((c) => [c.consent, c.granted, c.locale])).toEqual([
      ['cross-border', false, 'zh-CN'],
      ['cross-border', true, 'zh-CN'],
    ]);
    expect(await verifyConsentReceipt(bundle, changes[1], { follows: changes[0] })).toEqual({ ok: true, problems: [] });
    expect(text('cross-border', 'state')).toMatch(/^已同意/);
  });

  test('later consent receipts given back (a new page load) are the state shown', async () => {
    const bundle = bundleWithTwoConsents();
    const receipt = await acceptance(bundle, ['cross-border', 'sharing']);
    const first = await mountConsents(bundle, receipt);
    first.button('sharing').click();
    await expectEventually(() => first.changes.length === 1, 'withdrawn');
    const again = await mountConsents(bundle, receipt);
    again.element.consentReceipts = first.changes;
    await again.element.updateComplete;
    expect(again.text('sharing', 'state')).toMatch(/^Not given/);
    again.button('sharing').click();
    await expectEventually(() => again.changes.length === 1, 'given again');
    expect(again.changes[0]!.follows).toBe(await digestOf(first.changes[0]));
  });
});
