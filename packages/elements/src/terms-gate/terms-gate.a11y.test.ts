import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { deepActiveElement, deepQuery, deepQueryAll, expectEventually, mountGate, openDialog, recordEvents } from '../test-support/gate-fixtures.ts';

let recorder: ReturnType<typeof recordEvents>;
afterEach(() => recorder?.stop());

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);

async function violations(): Promise<string[]> {
  const results = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until focus is on `target` (at most `limit` times), as a keyboard user would. */
async function tabTo(target: Element, limit = 60): Promise<void> {
  for (let i = 0; i < limit && deepActiveElement() !== target; i++) await userEvent.tab();
  expect(deepActiveElement()).toBe(target);
}

describe('axe finds no WCAG 2.2 AA violation', () => {
  test('in the agreement line', async () => {
    await mountGate();
    expect(await violations()).toEqual([]);
  });

  test('with the terms open, in Chinese and in English', async () => {
    const { gate, container } = await mountGate();
    await gate.show();
    expect(await violations()).toEqual([]);
    container.setAttribute('lang', 'en');
    await expectEventually(() => part(gate, 'accept').textContent === 'Accept', 'English buttons');
    expect(await violations()).toEqual([]);
  });

  test('with the missing-requirements status and acknowledgement checkboxes', async () => {
    const { gate } = await mountGate({ attributes: { 'require-acknowledge': '', 'require-read': '' } });
    await gate.show();
    part(gate, 'accept').click();
    await expectEventually(() => !!part(gate, 'status').textContent, 'status shown');
    expect(await violations()).toEqual([]);
  });

  test('in the second-chance dialog', async () => {
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => deepQueryAll<HTMLDialogElement>(gate.shadowRoot!, '[part~="second-chance"]')[0]?.open === true, 'second chance');
    expect(await violations()).toEqual([]);
  });

  test('in the error state and the validation message', async () => {
    const { gate, container } = await mountGate({ inForm: true, attributes: { required: '', name: 'terms' } });
    (container as HTMLFormElement).requestSubmit();
    await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="error"]'), 'validation message');
    expect(await violations()).toEqual([]);
    gate.bundle = { nonsense: true } as never;
    await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="retry"]'), 'error state');
    expect(await violations()).toEqual([]);
  });
});

describe('keyboard only', () => {
  test('opens the terms, explains a clause, ticks the assent and accepts without a pointer', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    document.body.prepend(Object.assign(document.createElement('button'), { textContent: 'before' }));
    (document.body.firstElementChild as HTMLElement).focus();
    await tabTo(part(gate, 'checkbox'));
    await userEvent.keyboard(' ');
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'opened from the keyboard');
    const explain = deepQuery<HTMLElement>(gate.shadowRoot!, '[part~="explain"]');
    await tabTo(explain);
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => recorder.types().includes('terms-explain'), 'explanation opened');
    await userEvent.keyboard('{Escape}');
    await expectEventually(() => deepActiveElement() === explain, 'focus back on explain after closing the popover');
    expect(openDialog(gate.shadowRoot!)).toBeDefined();
    await tabTo(part(gate, 'assent'));
    await userEvent.keyboard(' ');
    await tabTo(part(gate, 'accept'));
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => recorder.types().includes('terms-accept'), 'accepted');
    expect(recorder.of('terms-accept')).toHaveLength(1);
    expect(deepActiveElement()).toBe(part(gate, 'checkbox'));
  });

  test('declines and dismisses without a pointer', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    part(gate, 'checkbox').focus();
    await userEvent.keyboard(' ');
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'opened');
    await userEvent.keyboard('{Escape}');
    await expectEventually(() => recorder.types().includes('terms-dismiss'), 'dismissed');
    await userEvent.keyboard(' ');
    await expectEventually(() => !!openDialog(gate.shadowRoot!), 'opened again');
    await tabTo(part(gate, 'decline'));
    await userEvent.keyboard('{Enter}');
    await expectEventually(() => recorder.types().includes('terms-decline'), 'declined');
    expect(recorder.types()).toEqual(['terms-dismiss', 'terms-decline']);
  });
});
