/**
 * Outcomes cannot be doubled, lost or mistaken for one another: one `terms-accept` per acceptance
 * whatever the mouse and keyboard do, nothing reported when the gate is removed mid-flow, and a
 * dismissal never counted as a decline or an acceptance.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deepQuery, expectEventually, mountGate, openDialog, recordEvents } from '../../packages/elements/src/test-support/gate-fixtures.ts';
import type { TermsGate } from '../../packages/elements/src/terms-gate/terms-gate.ts';

let recorder: ReturnType<typeof recordEvents>;
afterEach(() => recorder?.stop());

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);
const secondChanceOpen = (gate: HTMLElement) => !!gate.shadowRoot!.querySelector('terms-modal')?.shadowRoot?.querySelector<HTMLDialogElement>('[part~="second-chance"]')?.open;
const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for `count` outcomes however slow sealing their receipts is, then a little longer for any extra one. */
const afterOutcomes = async (count = 1) => {
  await expectEventually(() => recorder.types().length >= count, `${count} outcome(s)`);
  await settle();
};

async function openAndAssent(gate: TermsGate) {
  await gate.show();
  (part(gate, 'assent') as HTMLInputElement).click();
  await gate.updateComplete;
}

describe('one acceptance, one terms-accept', () => {
  test('a double click on accept', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await openAndAssent(gate);
    await userEvent.dblClick(part(gate, 'accept'));
    await afterOutcomes();
    expect(recorder.types()).toEqual(['terms-accept']);
    expect(gate.accepted).toBe(true);
  });

  test('Enter held down on accept (repeated keydown)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await openAndAssent(gate);
    part(gate, 'accept').focus();
    await userEvent.keyboard('{Enter>8}');
    await userEvent.keyboard('{/Enter}');
    await afterOutcomes();
    expect(recorder.types()).toEqual(['terms-accept']);
  });

  test('five quick clicks, then reopening and accepting again: still one', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await openAndAssent(gate);
    const accept = part(gate, 'accept');
    for (let i = 0; i < 5; i++) accept.click();
    await afterOutcomes();
    await gate.show();
    part(gate, 'accept').click();
    await settle();
    expect(recorder.types()).toEqual(['terms-accept']);
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
  });

  test('rapid open and close, without waiting, then one acceptance', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) pending.push(gate.show(), gate.hide());
    await Promise.all(pending);
    expect(recorder.types(), 'show() and hide() record no outcome').toEqual([]);
    await openAndAssent(gate);
    part(gate, 'accept').click();
    await afterOutcomes();
    expect(recorder.types()).toEqual(['terms-accept']);
  });

  test('Escape pressed repeatedly: one dismissal per opening, never a decline or an acceptance', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    for (let round = 0; round < 3; round++) {
      await openAndAssent(gate);
      await userEvent.keyboard('{Escape}{Escape}{Escape}');
      await expectEventually(() => !openDialog(gate.shadowRoot!), 'closed');
    }
    await afterOutcomes(3);
    expect(recorder.types()).toEqual(['terms-dismiss', 'terms-dismiss', 'terms-dismiss']);
    for (const { detail } of recorder.of('terms-dismiss')) expect(detail.receipt.outcome).toBe('dismiss');
    expect(gate.accepted).toBe(false);
  });
});

describe('dismiss is its own outcome', () => {
  test('with the assent ticked, the close button dismisses: not accepted, the form stays invalid', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ inForm: true, attributes: { required: '', name: 'terms' } });
    await openAndAssent(gate);
    part(gate, 'close').click();
    await expectEventually(() => recorder.types().length === 1, 'one outcome');
    expect(recorder.types()).toEqual(['terms-dismiss']);
    expect(recorder.of('terms-dismiss')[0]!.detail.receipt.outcome).toBe('dismiss');
    expect(gate.accepted).toBe(false);
    expect(gate.checkValidity()).toBe(false);
    expect((part(gate, 'checkbox') as HTMLInputElement).checked).toBe(false);
  });

  test('Escape in the second-chance question goes back; only "decline" there declines, once', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => secondChanceOpen(gate), 'second chance');
    await userEvent.keyboard('{Escape}');
    await settle();
    expect(recorder.types(), 'Escape there is neither decline nor dismiss').toEqual([]);
    expect(openDialog(gate.shadowRoot!)).toBeDefined();
    part(gate, 'decline').click();
    await settle();
    // The second chance was used up (R13): this decline goes straight through.
    await expectEventually(() => recorder.types().length === 1, 'declined');
    expect(recorder.types()).toEqual(['terms-decline']);
    expect(recorder.of('terms-decline')[0]!.detail.receipt.outcome).toBe('decline');
  });

  test('double click on decline: one terms-decline', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    await gate.show();
    await userEvent.dblClick(part(gate, 'decline'));
    await afterOutcomes();
    expect(recorder.types()).toEqual(['terms-decline']);
  });
});

describe('removed mid-flow', () => {
  test('while the terms are open with the assent ticked: nothing is reported', async () => {
    recorder = recordEvents();
    const { gate, container } = await mountGate();
    await openAndAssent(gate);
    part(gate, 'accept').focus();
    container.remove();
    await settle(300);
    expect(recorder.types()).toEqual([]);
    expect(gate.receipt).toBeUndefined();
  });

  test('while loading: nothing is reported, not even an error', async () => {
    recorder = recordEvents();
    document.body.replaceChildren();
    const gate = document.createElement('terms-gate') as TermsGate;
    // A request that will not be answered before the gate goes away.
    gate.src = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
    document.body.append(gate);
    gate.remove();
    await settle(300);
    expect(recorder.types()).toEqual([]);
  });

  test('while the second-chance question is open: no decline is reported', async () => {
    recorder = recordEvents();
    const { gate, container } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => secondChanceOpen(gate), 'second chance');
    container.remove();
    await settle(300);
    expect(recorder.types()).toEqual([]);
  });
});
