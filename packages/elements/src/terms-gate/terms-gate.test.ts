import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { computeDigests } from '@terms-gate/bundle';
import { TermsGate } from './terms-gate.ts';
import {
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectEventually,
  mountGate,
  openDialog,
  recordEvents,
  sampleBundle,
  twoDocumentBundle,
} from '../test-support/gate-fixtures.ts';

let recorder: ReturnType<typeof recordEvents>;
afterEach(() => recorder?.stop());

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);
const tickAssent = (gate: HTMLElement) => (part(gate, 'assent') as HTMLInputElement).click();

describe('agreement line', () => {
  test('reads "我已阅读并同意《title》" with an unchecked checkbox named by the whole line', async () => {
    const { gate } = await mountGate();
    const checkbox = part(gate, 'checkbox') as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    expect(gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, '')).toBe('我已阅读并同意《示例平台服务条款》');
    expect(checkbox.getAttribute('aria-labelledby')).toBe('agree-text');
  });

  test('a bundle set before the element is defined (a lazily loaded script) is taken over and shown', async () => {
    const container = document.createElement('div');
    container.lang = 'zh-CN';
    document.body.replaceChildren(container);
    const early = document.createElement('terms-gate-defined-late') as HTMLElement & { bundle?: unknown };
    early.bundle = sampleBundle();
    container.append(early);
    customElements.define('terms-gate-defined-late', class extends TermsGate {});
    const gate = early as unknown as TermsGate;
    await gate.updateComplete;
    expect(gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, '')).toBe('我已阅读并同意《示例平台服务条款》');
    expect(gate.bundle?.id).toBe(sampleBundle().id);
    expect(Object.hasOwn(gate, 'bundle')).toBe(false);
  });

  test('is in English, with the English title, under lang="en"', async () => {
    const { gate } = await mountGate({ lang: 'en' });
    expect(gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('I have read and agree to “Sample Platform Terms of Service”');
  });

  test('switches language when the closest lang changes at run time', async () => {
    const { gate, container } = await mountGate();
    container.setAttribute('lang', 'en');
    await expectEventually(() => /I have read/.test(gate.shadowRoot!.textContent!), 'English line');
  });

  test('names every document of the bundle, each opening its own document', async () => {
    const { gate } = await mountGate({ bundle: twoDocumentBundle() });
    expect(gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, '')).toBe('我已阅读并同意《示例平台服务条款》和《隐私政策》');
    const links = deepQueryAll<HTMLAnchorElement>(gate.shadowRoot!, '[part~="document-link"]');
    links[1]!.click();
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'dialog open');
    expect(part(gate, 'title').textContent).toBe('隐私政策');
  });

  test('ticking the checkbox opens the terms instead of ticking it (R8)', async () => {
    const { gate } = await mountGate();
    const checkbox = part(gate, 'checkbox') as HTMLInputElement;
    checkbox.click();
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'dialog open');
    expect(checkbox.checked).toBe(false);
    expect(gate.accepted).toBe(false);
  });
});

describe('opening and closing', () => {
  test('show() opens a native modal dialog labelled by its visible title, and resolves when open', async () => {
    const { gate } = await mountGate();
    await gate.show();
    const dialog = openDialog(gate.shadowRoot!)!;
    expect(dialog.matches(':modal')).toBe(true);
    const labelledBy = dialog.getAttribute('aria-labelledby')!;
    expect((dialog.getRootNode() as ShadowRoot).getElementById(labelledBy)!.textContent).toBe('示例平台服务条款');
    await gate.hide();
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
  });

  test('focus moves into the dialog on open and back to the opener on close', async () => {
    const { gate } = await mountGate();
    const link = part(gate, 'document-link');
    link.focus();
    link.click();
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'dialog open');
    await expectEventually(() => openDialog(gate.shadowRoot!)!.contains(deepActiveElement()), 'focus inside the dialog');
    await userEvent.keyboard('{Escape}');
    await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed');
    expect(deepActiveElement()).toBe(link);
  });

  test('Escape dismisses: terms-dismiss with a receipt, never accept or decline (R12)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    await userEvent.keyboard('{Escape}');
    await expectEventually(() => recorder.types().includes('terms-dismiss'), 'terms-dismiss');
    expect(recorder.types()).toEqual(['terms-dismiss']);
    expect(recorder.of('terms-dismiss')[0]!.detail.receipt.outcome).toBe('dismiss');
    expect(gate.accepted).toBe(false);
  });

  test('the close button dismisses too', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    part(gate, 'close').click();
    await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed');
    expect(recorder.types()).toEqual(['terms-dismiss']);
  });
});

describe('accepting', () => {
  test('accept before ticking the assent box announces what is missing and accepts nothing (R28)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    part(gate, 'accept').click();
    await expectEventually(() => part(gate, 'status').textContent!.includes('勾选'), 'status message');
    expect(part(gate, 'status').getAttribute('role')).toBe('status');
    expect(recorder.types()).toEqual([]);
    expect(openDialog(gate.shadowRoot!)).toBeDefined();
    expect(deepActiveElement()).toBe(part(gate, 'assent'));
  });

  test('one terms-accept per acceptance, however fast accept is pressed', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    tickAssent(gate);
    const accept = part(gate, 'accept');
    accept.click();
    accept.click();
    accept.click();
    await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed');
    await gate.show();
    part(gate, 'accept').click();
    await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed again');
    expect(recorder.of('terms-accept')).toHaveLength(1);
    expect(gate.accepted).toBe(true);
    expect((part(gate, 'checkbox') as HTMLInputElement).checked).toBe(true);
  });

  test('the receipt names the bundle by the digest terms-bundle computes, and every marked clause', async () => {
    recorder = recordEvents();
    const bundle = sampleBundle();
    const { gate } = await mountGate({ bundle });
    await gate.show();
    tickAssent(gate);
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'terms-accept');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    const digests = await computeDigests(bundle);
    expect(receipt.outcome).toBe('accept');
    expect(receipt.bundle).toEqual({ id: 'sample-gate', version: '1.0', digest: digests.bundle });
    expect(receipt.documents.map((d: { id: string; digest: string }) => [d.id, d.digest])).toEqual([['terms', digests.documents.terms]]);
    expect(receipt.locale).toBe('zh-CN');
    expect(receipt.marked.map((m: { clause: string; critical: boolean }) => [m.clause, m.critical])).toEqual([
      ['1.2', false],
      ['2.1', true],
    ]);
    expect(receipt.checkbox).toEqual([{ checked: true, at: expect.any(String) }]);
    expect(receipt.library.name).toBe('@terms-gate/elements');
    expect(Date.parse(receipt.decidedAt)).toBeGreaterThanOrEqual(Date.parse(receipt.openedAt));
  });

  test('an explanation opened is a terms-explain event and is in the receipt (R7)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    const explain = deepQueryAll<HTMLButtonElement>(gate.shadowRoot!, '[part~="explain"]')[1]!;
    explain.click();
    await expectEventually(() => recorder.types().includes('terms-explain'), 'terms-explain');
    expect(recorder.of('terms-explain')[0]!.detail).toEqual({ document: 'terms', clause: '2.1' });
    tickAssent(gate);
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'terms-accept');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    expect(receipt.explanations).toEqual([{ document: 'terms', clause: '2.1', locale: 'zh-CN', at: expect.any(String) }]);
    expect(receipt.marked.find((m: { clause: string }) => m.clause === '2.1').explained).toBe(true);
  });

  test('the receipt covers each document of a multi-document bundle', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ bundle: twoDocumentBundle() });
    await gate.show('privacy');
    tickAssent(gate);
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'terms-accept');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    expect(receipt.documents.map((d: { id: string }) => d.id)).toEqual(['terms', 'privacy']);
    expect(receipt.documents.find((d: { id: string }) => d.id === 'privacy').opened).toBe(true);
  });
});

describe('declining', () => {
  test('decline fires terms-decline with a receipt and leaves the terms unaccepted', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => recorder.types().includes('terms-decline'), 'terms-decline');
    expect(recorder.of('terms-decline')[0]!.detail.receipt.outcome).toBe('decline');
    expect(gate.accepted).toBe(false);
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
  });

  test('the second chance asks once, lets the user go back, and still lets them leave (R13)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => deepQueryAll<HTMLDialogElement>(gate.shadowRoot!, '[part~="second-chance"]')[0]?.open === true, 'second-chance dialog');
    const secondChance = part(gate, 'second-chance') as HTMLDialogElement;
    expect(secondChance.textContent).toContain('确定不同意吗');
    expect(recorder.types()).toEqual([]);
    // Back to the terms.
    await userEvent.keyboard('{Escape}');
    await expectEventually(() => !secondChance.isConnected || !secondChance.open, 'back to the terms');
    expect(openDialog(gate.shadowRoot!)).toBeDefined();
    // Asked only once: the next decline goes through.
    part(gate, 'decline').click();
    await expectEventually(() => recorder.types().includes('terms-decline'), 'terms-decline');
    expect(deepQueryAll(gate.shadowRoot!, '[part~="second-chance"]')).toEqual([]);
  });

  test('declining from the second-chance dialog fires terms-decline', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => deepQueryAll<HTMLDialogElement>(gate.shadowRoot!, '[part~="second-chance"]')[0]?.open === true, 'second chance');
    const leave = deepQueryAll<HTMLButtonElement>(gate.shadowRoot!, '[part~="decline"]').at(-1)!;
    expect(leave.getAttribute('part')).toContain('second-chance-decline');
    leave.click();
    await expectEventually(() => recorder.types().includes('terms-decline'), 'terms-decline');
    expect(recorder.types()).toEqual(['terms-decline']);
  });
});

describe('separate consents (R15, R16)', () => {
  test('are unchecked controls with their notices; optional ones never block, and the receipt records them', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    const consent = part(gate, 'consent') as HTMLInputElement;
    expect(consent.checked).toBe(false);
    expect(part(gate, 'consents').textContent).toContain('接收方：基础设施提供商');
    tickAssent(gate);
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'accept without the optional consent');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    expect(receipt.consents).toEqual([expect.objectContaining({ id: 'sharing', required: false, granted: false, noticeDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })]);
  });

  test('a required consent blocks acceptance until given', async () => {
    recorder = recordEvents();
    const bundle = sampleBundle();
    bundle.consents![0]!.required = true;
    const { gate } = await mountGate({ bundle });
    await gate.show();
    tickAssent(gate);
    part(gate, 'accept').click();
    await expectEventually(() => part(gate, 'status').textContent!.includes('单独同意'), 'consent is missing');
    expect(recorder.types()).toEqual([]);
    (part(gate, 'consent') as HTMLInputElement).click();
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'terms-accept');
    expect(recorder.of('terms-accept')[0]!.detail.receipt.consents[0].granted).toBe(true);
  });
});
