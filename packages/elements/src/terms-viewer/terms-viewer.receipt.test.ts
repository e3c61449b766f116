import { afterEach, describe, expect, test } from 'vitest';
import type { Receipt, TermsBundle } from '@terms-gate/bundle';
import type { TermsViewer } from './terms-viewer.ts';
import { expectEventually, mountGate, openDialog, sampleBundle } from '../test-support/gate-fixtures.ts';

/** A real acceptance of the sample bundle, as if given on 10 August 2025. */
async function acceptedReceipt(): Promise<Receipt> {
  const { gate } = await mountGate({ lang: 'en' });
  await gate.show();
  const modal = gate.shadowRoot!.querySelector('terms-modal')!.shadowRoot!;
  modal.querySelector<HTMLInputElement>('[part~="assent"]')!.click();
  modal.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
  await expectEventually(() => !openDialog(gate.shadowRoot!), 'accepted');
  return { ...gate.acceptanceReceipt!, openedAt: '2025-08-10T07:55:00.000Z', decidedAt: '2025-08-10T08:00:00.000Z' };
}

async function mountViewer(bundle: TermsBundle, receipt: Receipt, options: { currentVersion?: string; lang?: string } = {}) {
  document.body.replaceChildren();
  const container = document.createElement('div');
  container.lang = options.lang ?? 'en';
  const viewer = document.createElement('terms-viewer') as TermsViewer;
  if (options.currentVersion) viewer.setAttribute('current-version', options.currentVersion);
  viewer.bundle = bundle;
  viewer.receipt = receipt;
  container.append(viewer);
  document.body.append(container);
  await expectEventually(() => !!viewer.shadowRoot?.querySelector('[part~="receipt"]'), 'receipt notice');
  const notice = viewer.shadowRoot!.querySelector<HTMLElement>('[part~="receipt"]')!;
  return { viewer, notice };
}

afterEach(() => document.body.replaceChildren());

describe('<terms-viewer> re-reading an accepted version', () => {
  test('says this is the version the user accepted, and when, above the text', async () => {
    const receipt = await acceptedReceipt();
    const { viewer, notice } = await mountViewer(sampleBundle(), receipt);
    expect(notice.textContent).toBe('This is version 1.0, which you accepted on August 10, 2025.');
    const content = viewer.shadowRoot!.querySelector('[part~="content"]')!;
    expect(notice.compareDocumentPosition(content) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(notice.checkVisibility()).toBe(true);
  });

  test('says when it is not the current version', async () => {
    const receipt = await acceptedReceipt();
    const { notice } = await mountViewer(sampleBundle(), receipt, { currentVersion: '2.0', lang: 'zh-CN' });
    expect(notice.textContent).toBe('这是您于2025年8月10日同意的版本（1.0）。 这不是当前版本（当前版本：2.0）。');
  });

  test('a text that is not the one the receipt names says so instead', async () => {
    const receipt = await acceptedReceipt();
    const altered = sampleBundle();
    altered.documents[0]!.clauses[0]!.clauses![1]!.body = [{ type: 'paragraph', text: ['本平台对服务中断承担全部责任。'] }];
    const { notice } = await mountViewer(altered, receipt, { currentVersion: '2.0' });
    expect(notice.textContent).toBe('This text does not match your receipt: it is not the version you accepted.');
    expect(notice.textContent).not.toContain('accepted on');
  });

  test('without a receipt there is no notice', async () => {
    document.body.replaceChildren();
    const viewer = document.createElement('terms-viewer') as TermsViewer;
    viewer.bundle = sampleBundle();
    document.body.append(viewer);
    await viewer.updateComplete;
    expect(viewer.shadowRoot!.querySelector('[part~="receipt"]')).toBeNull();
  });
});
