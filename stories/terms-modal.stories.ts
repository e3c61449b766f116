import { GateSession, type TermsModal } from '@terms-gate/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { deepActiveElement, expectEventually, sampleBundle } from './support/elements.ts';
import { part, recordEvents } from './support/gate.ts';

/**
 * `<terms-modal>` is the dialog `<terms-gate>` opens: the clause viewer, the summary of marked
 * clauses, the separate consents and the assent checkbox next to equally prominent accept and
 * decline buttons. It decides nothing: its buttons and Escape are requests (`terms-action`) that its
 * owner grants or refuses. Hosts style it through the gate's forwarded parts.
 */
const meta = {
  title: 'Elements/terms-modal',
  component: 'terms-modal',
} satisfies Meta;
export default meta;
type Story = StoryObj;

const noRequirements = { requireRead: false, minReadSeconds: 0, requireAcknowledge: false };

const render = () => {
  const bundle = sampleBundle();
  const session = new GateSession(bundle, noRequirements);
  return html`<div lang="en">
    <button type="button" id="opener" @click=${(event: Event) => void ((event.target as HTMLElement).nextElementSibling as TermsModal).show()}>Show the terms</button>
    <terms-modal .bundle=${bundle} .session=${session}></terms-modal>
  </div>`;
};

async function openModal(canvasElement: HTMLElement): Promise<TermsModal> {
  const modal = canvasElement.querySelector<TermsModal>('terms-modal')!;
  await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('#opener')!);
  await expectEventually(() => part<HTMLDialogElement>(modal, 'dialog').open, 'the dialog is open');
  return modal;
}

/**
 * Open: a native modal dialog in the top layer (R24), named by its visible title, with focus moved
 * inside (R25). Accept and decline are the same size (R12) and every target is at least 24×24 px
 * (WCAG 2.5.8). The dialog stays open so the accessibility check covers it.
 */
export const Open: Story = {
  render,
  play: async ({ canvasElement }) => {
    const modal = await openModal(canvasElement);
    const dialog = part<HTMLDialogElement>(modal, 'dialog');
    expect(dialog.matches(':modal')).toBe(true);
    expect(modal.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)).toHaveTextContent('Sample Platform Terms of Service');
    expect(dialog.contains(deepActiveElement())).toBe(true);
    const accept = part(modal, 'accept').getBoundingClientRect();
    const decline = part(modal, 'decline').getBoundingClientRect();
    expect([decline.width >= accept.width * 0.8, decline.height]).toEqual([true, accept.height]);
    // The assent checkbox's target is its whole label, text included.
    for (const target of [part(modal, 'accept'), part(modal, 'decline'), part(modal, 'close'), part(modal, 'assent').closest('label')!]) {
      const { width, height } = target.getBoundingClientRect();
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
    }
  },
};

/**
 * Requests, not decisions: accept and decline only ask (`terms-action`, cancelable) and the dialog
 * stays open for its owner to decide; the close button (like Escape) asks to dismiss, which closes
 * it when nobody objects, and focus goes back to the button that opened it (R12, R25).
 */
export const RequestsNotDecisions: Story = {
  render,
  play: async ({ canvasElement }) => {
    const modal = await openModal(canvasElement);
    const actions: string[] = [];
    modal.addEventListener('terms-action', (event) => actions.push(event.detail.action));
    const events = recordEvents(modal);
    await userEvent.click(part(modal, 'accept'));
    await userEvent.click(part(modal, 'decline'));
    expect(actions).toEqual(['accept', 'decline']);
    expect(part<HTMLDialogElement>(modal, 'dialog').open).toBe(true);
    await userEvent.click(part(modal, 'close'));
    await waitFor(() => expect(part<HTMLDialogElement>(modal, 'dialog').open).toBe(false));
    expect(actions).toEqual(['accept', 'decline', 'dismiss']);
    expect(events.types()).toEqual([]);
    await waitFor(() => expect(deepActiveElement()).toBe(canvasElement.querySelector('#opener')));
  },
};
