/**
 * axe (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) finds nothing in any state of any element, and every
 * task can be done with the keyboard alone: accept, decline, explain, acknowledge a critical clause,
 * give and withdraw a separate consent.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { deepActiveElement, deepQuery, deepQueryAll, expectEventually, mountGate, openDialog, recordEvents, sampleBundle } from '../../packages/elements/src/test-support/gate-fixtures.ts';
import type { TermsGate } from '../../packages/elements/src/terms-gate/terms-gate.ts';
import type { TermsViewer } from '../../packages/elements/src/terms-viewer/terms-viewer.ts';
import type { TermsHighlight } from '../../packages/elements/src/terms-highlight/terms-highlight.ts';

let recorder: ReturnType<typeof recordEvents> | undefined;
const realFetch = window.fetch;
afterEach(() => {
  recorder?.stop();
  window.fetch = realFetch;
  document.documentElement.removeAttribute('dir');
});

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);

async function violations(): Promise<string[]> {
  const results = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`);
}

/** A gate with `src` only, so the loading and error states can be seen. */
async function mountWithSrc(src: string): Promise<TermsGate> {
  document.body.replaceChildren();
  const main = document.createElement('main');
  main.lang = 'en';
  const gate = document.createElement('terms-gate') as TermsGate;
  gate.src = src;
  main.append(gate);
  document.body.append(main);
  await gate.updateComplete;
  return gate;
}

async function tabTo(target: Element, limit = 80): Promise<void> {
  for (let i = 0; i < limit && deepActiveElement() !== target; i++) await userEvent.tab();
  expect(deepActiveElement()).toBe(target);
}

describe('axe: zero violations in every state', () => {
  test('the agreement line', async () => {
    await mountGate();
    expect(await violations()).toEqual([]);
  });

  test('loading', async () => {
    window.fetch = () => new Promise(() => {});
    const gate = await mountWithSrc('/terms.json');
    expect(gate.shadowRoot!.querySelector('[role="status"]')!.textContent).toMatch(/Loading/);
    expect(await violations()).toEqual([]);
  });

  test('load error, with its retry', async () => {
    const gate = await mountWithSrc(URL.createObjectURL(new Blob(['{}'], { type: 'text/html' })));
    await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="retry"]'), 'error');
    expect(await violations()).toEqual([]);
  });

  test('invalid bundle, with its retry', async () => {
    const gate = await mountWithSrc(URL.createObjectURL(new Blob(['{"format":1}'], { type: 'application/json' })));
    await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="retry"]'), 'error');
    expect(gate.shadowRoot!.textContent).toMatch(/not valid/);
    expect(await violations()).toEqual([]);
  });

  for (const [lang, accept] of [
    ['zh-CN', '同意'],
    ['en', 'Accept'],
    ['ar', 'موافق'],
  ] as const) {
    test(`the terms open, in ${lang}${lang === 'ar' ? ' (right to left)' : ''}`, async () => {
      if (lang === 'ar') document.documentElement.dir = 'rtl';
      const { gate } = await mountGate({ lang });
      await gate.show();
      await expectEventually(() => part(gate, 'accept').textContent!.trim() === accept, `${lang} strings`);
      expect(await violations()).toEqual([]);
    });
  }

  test('the missing-requirements status, with acknowledgement checkboxes and consents', async () => {
    const bundle = sampleBundle();
    bundle.consents!.push({ id: 'export', required: true, label: { 'zh-CN': '我单独同意将个人信息传输至境外', en: 'I consent to transfer abroad' }, notice: { 'zh-CN': '接收方：境外服务商；目的：存储；信息：账号。', en: 'Recipient: a provider abroad; purpose: storage; data: account.' } });
    const { gate } = await mountGate({ bundle, attributes: { 'require-acknowledge': '', 'require-read': '', 'min-read-seconds': '30' } });
    await gate.show();
    part(gate, 'accept').click();
    await expectEventually(() => part(gate, 'status').querySelectorAll('li').length >= 4, 'every missing thing listed');
    expect(deepQueryAll(gate.shadowRoot!, '[part~="consent"]')).toHaveLength(2);
    expect(deepQueryAll(gate.shadowRoot!, '[part~="acknowledge"]').length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  test('the second-chance question', async () => {
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => !!gate.shadowRoot!.querySelector('terms-modal')!.shadowRoot!.querySelector<HTMLDialogElement>('[part~="second-chance"]')?.open, 'second chance');
    expect(await violations()).toEqual([]);
  });

  test('the accepted line', async () => {
    const { gate } = await mountGate();
    await gate.show();
    (part(gate, 'assent') as HTMLInputElement).click();
    part(gate, 'accept').click();
    await expectEventually(() => gate.accepted, 'accepted');
    expect(await violations()).toEqual([]);
  });

  test('<terms-viewer> on its own, acknowledgeable', async () => {
    document.body.replaceChildren();
    const main = document.createElement('main');
    main.lang = 'zh-CN';
    const viewer = document.createElement('terms-viewer') as TermsViewer;
    viewer.bundle = sampleBundle();
    viewer.acknowledgeable = true;
    main.append(viewer);
    document.body.append(main);
    await viewer.updateComplete;
    expect(await violations()).toEqual([]);
  });

  test('<terms-highlight> with its explanation open', async () => {
    document.body.replaceChildren();
    const main = document.createElement('main');
    main.lang = 'en';
    const highlight = document.createElement('terms-highlight') as TermsHighlight;
    Object.assign(highlight, { document: 'terms', clause: '1.2', kinds: ['limits-liability', 'arbitration'], critical: true, acknowledgeable: true, contact: 'mailto:legal@sample.example', explanation: { summary: 'No compensation when the service stops.', consequence: 'You cannot claim damages.' } });
    highlight.append(Object.assign(document.createElement('p'), { textContent: 'The Platform does not promise the service will not stop.' }));
    main.append(highlight);
    document.body.append(main);
    await highlight.updateComplete;
    await highlight.showExplanation();
    expect(highlight.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!.hidden).toBe(false);
    expect(await violations()).toEqual([]);
  });
});

describe('keyboard only', () => {
  test('acknowledges each critical clause and gives a required consent, then accepts', async () => {
    recorder = recordEvents();
    const bundle = sampleBundle();
    bundle.consents![0]!.required = true;
    const { gate } = await mountGate({ bundle, attributes: { 'require-acknowledge': '' } });
    part(gate, 'checkbox').focus();
    await userEvent.keyboard(' ');
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'opened');
    // Accepting too early says what is missing and takes focus to it.
    await tabTo(part(gate, 'accept'));
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => part(gate, 'status').querySelectorAll('li').length === 3, 'acknowledgement, consent and assent missing');
    const acknowledgements = deepQueryAll<HTMLInputElement>(gate.shadowRoot!, '[part~="acknowledge"] input');
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const box of acknowledgements) {
      await tabTo(box);
      await userEvent.keyboard(' ');
      expect(box.checked).toBe(true);
    }
    const consent = part(gate, 'consent') as HTMLInputElement;
    await tabTo(consent);
    await userEvent.keyboard(' ');
    expect(consent.checked).toBe(true);
    await tabTo(part(gate, 'assent'));
    await userEvent.keyboard(' ');
    await tabTo(part(gate, 'accept'));
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => recorder!.types().includes('terms-accept'), 'accepted');
    const { receipt } = recorder!.of('terms-accept')[0]!.detail;
    expect(receipt.marked.filter((m: { acknowledgedAt?: string }) => m.acknowledgedAt).length).toBe(acknowledgements.length);
    expect(receipt.consents.find((c: { id: string }) => c.id === 'sharing').granted).toBe(true);
  });

  test('an optional consent is given and withdrawn with Space; declining works from the keyboard', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    part(gate, 'checkbox').focus();
    await userEvent.keyboard(' ');
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'opened');
    const consent = part(gate, 'consent') as HTMLInputElement;
    await tabTo(consent);
    await userEvent.keyboard(' ');
    expect(consent.checked).toBe(true);
    await userEvent.keyboard(' ');
    expect(consent.checked).toBe(false);
    await tabTo(part(gate, 'decline'));
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => recorder!.types().includes('terms-decline'), 'declined');
    const { receipt } = recorder!.of('terms-decline')[0]!.detail;
    expect(receipt.consents.find((c: { id: string }) => c.id === 'sharing').granted).toBe(false);
    expect(deepActiveElement()).toBe(part(gate, 'checkbox'));
  });
});
