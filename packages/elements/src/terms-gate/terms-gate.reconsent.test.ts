import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Receipt, TermsBundle } from '@terms-gate/bundle';
import { verifyReceipt } from '@terms-gate/bundle/evidence';
import type { TermsGate } from './terms-gate.ts';
import { deepActiveElement, deepQuery, deepQueryAll, expectEventually, openDialog, recordEvents, sampleBundle, waitForReady } from '../test-support/gate-fixtures.ts';

const KEY = 'terms-gate:receipt:sample-gate';
const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);

/** Mounts a gate in a form, with its earlier acceptance (if any) given before the bundle, as a host page would. */
async function mount(options: { bundle?: TermsBundle; previousReceipt?: Receipt; previousBundle?: TermsBundle; remember?: boolean; lang?: string } = {}) {
  document.body.replaceChildren();
  const form = document.createElement('form');
  form.setAttribute('lang', options.lang ?? 'en');
  const gate = document.createElement('terms-gate') as TermsGate;
  gate.setAttribute('name', 'terms');
  gate.setAttribute('required', '');
  if (options.remember) gate.setAttribute('remember', '');
  form.append(gate);
  document.body.append(form);
  if (options.previousReceipt) gate.previousReceipt = options.previousReceipt;
  if (options.previousBundle) gate.previousBundle = options.previousBundle;
  gate.bundle = options.bundle ?? sampleBundle();
  await waitForReady(gate);
  return { gate, form };
}

async function acceptThroughTheDialog(gate: TermsGate): Promise<Receipt> {
  await gate.show();
  (part(gate, 'assent') as HTMLInputElement).click();
  part(gate, 'accept').click();
  await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed after accepting');
  return gate.acceptanceReceipt!;
}

/** The receipt of an acceptance of version 1.0, shown in `lang`, as if given on 10 August 2025. */
async function earlierAcceptance(lang = 'en'): Promise<Receipt> {
  const { gate } = await mount({ lang });
  const receipt = await acceptThroughTheDialog(gate);
  return { ...receipt, openedAt: '2025-08-10T07:55:00.000Z', decidedAt: '2025-08-10T08:00:00.000Z' };
}

/** Version 2.0: clause 1.2 reworded, 2.2 removed, a new marked clause 2.3. */
function nextMajor(): TermsBundle {
  const bundle = sampleBundle({ version: '2.0', consents: [] });
  const [terms] = bundle.documents;
  const english = terms!.translations![0]!;
  for (const text of [terms!, english]) {
    const section1 = text.clauses[0]!.clauses!;
    section1[1] = { ...section1[1]!, body: [{ type: 'paragraph', text: [text === terms ? '本平台不保证服务不会中断，也不保证数据不会丢失。' : 'The Platform promises neither that the service will not stop nor that data will not be lost.'] }] };
    const section2 = text.clauses[1]!.clauses!;
    section2.splice(1, 1, {
      id: '2.3',
      number: '2.3',
      body: [{ type: 'paragraph', text: [text === terms ? '争议提交平台所在地法院管辖。' : 'Disputes go to the courts where the Platform is based.'] }],
      ...(text === terms ? { highlight: { kinds: ['jurisdiction'], source: 'author', explanation: { 'zh-CN': { summary: '在平台所在地打官司。' }, en: { summary: 'You would sue where the Platform is.' } } } } : {}),
    } as never);
  }
  return bundle;
}

let recorder: ReturnType<typeof recordEvents>;
beforeEach(() => localStorage.removeItem(KEY));
afterEach(() => {
  recorder?.stop();
  localStorage.removeItem(KEY);
});

describe('an earlier acceptance of the same major version', () => {
  test('the gate is accepted already: ticked, form valid with that receipt, no dialog, no event', async () => {
    const previous = await earlierAcceptance();
    recorder = recordEvents();
    const { gate, form } = await mount({ previousReceipt: previous });
    expect((part(gate, 'checkbox') as HTMLInputElement).checked).toBe(true);
    expect(gate.matches(':state(accepted)')).toBe(true);
    expect(form.checkValidity()).toBe(true);
    expect(JSON.parse(new FormData(form).get('terms') as string)).toEqual(previous);
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
    expect(recorder.events).toEqual([]);
  });

  test('a minor version (even with reworded text) does not ask again', async () => {
    const previous = await earlierAcceptance();
    const minor = nextMajor();
    minor.version = '1.4';
    recorder = recordEvents();
    const { gate, form } = await mount({ bundle: minor, previousReceipt: previous });
    expect(gate.accepted).toBe(true);
    expect(form.checkValidity()).toBe(true);
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
    expect(recorder.events).toEqual([]);
  });

  test('a receipt given after the bundle loaded (e.g. fetched from the account) still counts', async () => {
    const previous = await earlierAcceptance();
    recorder = recordEvents();
    const { gate, form } = await mount();
    expect(gate.accepted).toBe(false);
    gate.previousReceipt = previous;
    await expectEventually(() => (gate.shadowRoot!.querySelector('[part~="checkbox"]') as HTMLInputElement).checked, 'ticked');
    expect(form.checkValidity()).toBe(true);
    expect(recorder.events).toEqual([]);
  });

  test('unticking takes the earlier acceptance back', async () => {
    const previous = await earlierAcceptance();
    const { gate, form } = await mount({ previousReceipt: previous });
    part(gate, 'checkbox').click();
    await gate.updateComplete;
    expect(gate.accepted).toBe(false);
    expect(form.checkValidity()).toBe(false);
    expect(new FormData(form).get('terms')).toBeNull();
  });
});

describe('a new major version', () => {
  test('asks again: the terms open with what changed, each changed clause marked, and the receipt records it', async () => {
    const previous = await earlierAcceptance();
    const bundle = nextMajor();
    recorder = recordEvents();
    const { gate, form } = await mount({ bundle, previousReceipt: previous, previousBundle: sampleBundle() });
    expect(gate.accepted).toBe(false);
    expect((part(gate, 'checkbox') as HTMLInputElement).checked).toBe(false);
    expect(form.checkValidity()).toBe(false);

    part(gate, 'checkbox').click();
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'terms open');
    const notice = part(gate, 'changes');
    expect(part(gate, 'body').firstElementChild).toBe(notice);
    expect(notice.querySelector('p')!.textContent).toBe('3 clauses changed since you accepted on August 10, 2025');
    const items = [...notice.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([expect.stringMatching(/^Changed 1\.2 /), expect.stringMatching(/^Added 2\.3 /), expect.stringMatching(/^Removed 2\.2 /)]);
    expect(notice.querySelectorAll('li[data-change="removed"] a')).toHaveLength(0);

    const badges = deepQueryAll<HTMLElement>(gate.shadowRoot!, '[part~="change"]');
    expect(badges.map((badge) => [badge.closest('[id^="clause-"]')!.id, badge.textContent])).toEqual([
      ['clause-1.2', 'Changed'],
      ['clause-2.3', 'Added'],
    ]);
    expect(badges[0]!.checkVisibility()).toBe(true);

    notice.querySelector<HTMLAnchorElement>('li[data-change="added"] a')!.click();
    await expectEventually(() => deepActiveElement()?.id === 'clause-2.3', 'the added clause is focused');

    const receipt = await (async () => {
      (part(gate, 'assent') as HTMLInputElement).click();
      part(gate, 'accept').click();
      await expectEventually(() => recorder.of('terms-accept').length === 1, 'accepted');
      return recorder.of('terms-accept')[0]!.detail.receipt as Receipt;
    })();
    expect(receipt.bundle.version).toBe('2.0');
    expect(receipt.changesShown).toEqual({ sinceVersion: '1.0', clauses: [{ document: 'terms', clause: '1.2' }, { document: 'terms', clause: '2.3' }] });
    expect(await verifyReceipt(bundle, receipt)).toEqual({ ok: true, problems: [] });
    expect(form.checkValidity()).toBe(true);
  });

  test('previous-src fetches the earlier bundle, so clauses that were not marked are compared too', async () => {
    const previous = await earlierAcceptance();
    const url = URL.createObjectURL(new Blob([JSON.stringify(sampleBundle())], { type: 'application/json' }));
    document.body.replaceChildren();
    const gate = document.createElement('terms-gate') as TermsGate;
    gate.setAttribute('lang', 'en');
    gate.setAttribute('previous-src', url);
    document.body.append(gate);
    gate.previousReceipt = previous;
    gate.bundle = nextMajor();
    await waitForReady(gate);
    await gate.show();
    const notice = part(gate, 'changes');
    expect(notice.querySelector('p')!.textContent).toBe('3 clauses changed since you accepted on August 10, 2025');
    expect(notice.querySelector('li[data-change="removed"]')!.textContent!.replace(/\s+/g, ' ').trim()).toMatch(/^Removed 2\.2 We may share information/);
    URL.revokeObjectURL(url);
  });

  test('with only the receipt, the marked clauses it recorded are compared (zh-CN badge 已更改)', async () => {
    const previous = await earlierAcceptance('zh-CN');
    const { gate } = await mount({ bundle: nextMajor(), previousReceipt: previous, lang: 'zh-CN' });
    await gate.show();
    expect(part(gate, 'changes').querySelector('p')!.textContent).toBe('自您于2025年8月10日同意以来，有2项条款发生变更');
    const badges = deepQueryAll<HTMLElement>(gate.shadowRoot!, '[part~="change"]');
    expect(badges.map((badge) => [badge.closest('[id^="clause-"]')!.id, badge.textContent])).toEqual([
      ['clause-1.2', '已更改'],
      ['clause-2.3', '新增'],
    ]);
  });

  test('a receipt of another bundle is ignored: the gate simply asks, without a changes notice', async () => {
    const previous = await earlierAcceptance();
    const foreign = { ...previous, bundle: { ...previous.bundle, id: 'another-site' } };
    const { gate } = await mount({ bundle: nextMajor(), previousReceipt: foreign });
    expect(gate.accepted).toBe(false);
    await gate.show();
    expect(deepQueryAll(gate.shadowRoot!, '[part~="changes"]')).toHaveLength(0);
  });
});

describe('remember', () => {
  test('an acceptance is kept and a second gate (a later visit) is accepted already', async () => {
    const first = await mount({ remember: true });
    expect(first.gate.accepted).toBe(false);
    const receipt = await acceptThroughTheDialog(first.gate);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(receipt);

    recorder = recordEvents();
    const second = await mount({ remember: true });
    expect((part(second.gate, 'checkbox') as HTMLInputElement).checked).toBe(true);
    expect(second.form.checkValidity()).toBe(true);
    expect(JSON.parse(new FormData(second.form).get('terms') as string)).toEqual(receipt);
    expect(recorder.events).toEqual([]);

    const third = await mount({ remember: true, bundle: nextMajor() });
    expect(third.gate.accepted).toBe(false);
    await third.gate.show();
    expect(part(third.gate, 'changes').querySelector('p')!.textContent).toMatch(/^2 clauses changed since you accepted on /);
  });

  test('without remember nothing is stored or read', async () => {
    const { gate } = await mount();
    await acceptThroughTheDialog(gate);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  test.each([
    ['not JSON', '{"format":"terms-gate-receipt/1",'],
    ['not a receipt', JSON.stringify({ hello: 'world' })],
    ['an array', '[1,2,3]'],
  ])('a corrupt entry (%s) is ignored and replaced by the next acceptance', async (_, stored) => {
    localStorage.setItem(KEY, stored);
    const { gate, form } = await mount({ remember: true });
    expect(gate.accepted).toBe(false);
    expect(form.checkValidity()).toBe(false);
    const receipt = await acceptThroughTheDialog(gate);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(receipt);
  });

  test('a stored receipt of another bundle, or of a decline, is not trusted', async () => {
    const { gate } = await mount({ remember: true });
    const receipt = await acceptThroughTheDialog(gate);
    for (const entry of [{ ...receipt, bundle: { ...receipt.bundle, id: 'another-site' } }, { ...receipt, outcome: 'decline' }, { ...receipt, bundle: { ...receipt.bundle, version: 'latest' } }]) {
      localStorage.setItem(KEY, JSON.stringify(entry));
      const { gate: next, form } = await mount({ remember: true });
      expect(next.accepted).toBe(false);
      expect(form.checkValidity()).toBe(false);
    }
  });
});
