import type { TermsHighlight } from '@terms-gate/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { expectEventually } from './support/elements.ts';
import { part, recordEvents } from './support/gate.ts';

/**
 * `<terms-highlight>` marks one clause that limits the provider's liability, adds to the user's,
 * restricts the user's rights or is critical (PRC Civil Code art. 496), and explains it on request.
 * The mark never relies on colour alone: border, tint, icon, bold text and a text badge per kind.
 */
const meta = {
  title: 'Elements/terms-highlight',
  component: 'terms-highlight',
} satisfies Meta;
export default meta;
type Story = StoryObj;

const explanation = {
  summary: 'If the service stops or loses data, we do not pay for your losses.',
  consequence: 'Keep your own backups; you cannot claim compensation for an outage.',
};

async function readyHighlight(canvasElement: HTMLElement): Promise<TermsHighlight> {
  await expectEventually(() => !!canvasElement.querySelector('terms-highlight')?.shadowRoot?.querySelector('[part~="base"]'), 'the mark is rendered');
  return canvasElement.querySelector<TermsHighlight>('terms-highlight')!;
}

/**
 * The mark with its explanation open: "What does this mean?" opens a non-modal popover with the
 * plain-language meaning, the consequence and a contact link (R6). It stays open until dismissed
 * (WCAG 1.4.13) and opening it fires `terms-explain`, which the gate records in the receipt (R7).
 */
export const ExplanationOpen: Story = {
  render: () => html`<div lang="en" style="max-inline-size:40rem;min-block-size:22rem">
    <terms-highlight document="terms" clause="4.4" .kinds=${['limits-liability']} .explanation=${explanation} contact="mailto:legal@example.com">
      <p>4.4 We are not liable for any interruption of the service or loss of data, whatever the cause.</p>
    </terms-highlight>
  </div>`,
  play: async ({ canvasElement }) => {
    const highlight = await readyHighlight(canvasElement);
    const events = recordEvents(highlight, ['terms-explain']);
    expect(part(highlight, 'badge')).toHaveTextContent('Limits our liability');
    const explain = part(highlight, 'explain');
    expect(explain.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(explain);
    const popover = part(highlight, 'popover');
    await waitFor(() => expect(popover).toBeVisible());
    expect(explain.getAttribute('aria-expanded')).toBe('true');
    expect(popover.getAttribute('role')).toBe('dialog');
    expect(popover).toHaveTextContent(explanation.summary);
    expect(popover).toHaveTextContent(explanation.consequence);
    expect(events.seen).toEqual([{ type: 'terms-explain', detail: { document: 'terms', clause: '4.4' } }]);
    // Persistent: still open a moment later, with nothing else happening.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(popover).toBeVisible();
  },
};

/**
 * Escape closes the explanation and puts focus back on its button (WCAG 1.4.13 dismissible); in the
 * gate's dialog the same Escape does not also close the dialog.
 */
export const ExplanationKeyboard: Story = {
  render: ExplanationOpen.render,
  play: async ({ canvasElement }) => {
    const highlight = await readyHighlight(canvasElement);
    part(highlight, 'explain').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(part(highlight, 'popover')).toBeVisible());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(part(highlight, 'popover')).not.toBeVisible());
    expect(highlight.shadowRoot!.activeElement).toBe(part(highlight, 'explain'));
  },
};

/**
 * A critical clause ("此为至关重要条款") with several kinds: one badge per kind plus "Critical",
 * read first by screen readers because the group is named by them, and a checkbox to acknowledge
 * this clause on its own (R10), reported as `terms-acknowledge`.
 */
export const CriticalAcknowledgement: Story = {
  render: () => html`<div lang="en" style="max-inline-size:40rem">
    <terms-highlight document="terms" clause="6.4.1" critical acknowledgeable .kinds=${['shifts-burden', 'limits-liability']} .explanation=${explanation}>
      <p>6.4.1 This is a critical clause. You are responsible for backing up your own data.</p>
    </terms-highlight>
  </div>`,
  play: async ({ canvasElement }) => {
    const highlight = await readyHighlight(canvasElement);
    const events = recordEvents(highlight, ['terms-acknowledge']);
    const badges = [...highlight.shadowRoot!.querySelectorAll('[part~="badge"]')].map((badge) => badge.textContent?.trim());
    expect(badges).toEqual(['Adds to your liability', 'Limits our liability', 'Critical']);
    expect(part(highlight, 'base').getAttribute('role')).toBe('group');
    const box = part(highlight, 'acknowledge').querySelector('input')!;
    expect(box.checked).toBe(false);
    await userEvent.click(box);
    await waitFor(() => expect(highlight.acknowledged).toBe(true));
    expect(events.last('terms-acknowledge')).toEqual({ document: 'terms', clause: '6.4.1', acknowledged: true });
  },
};

/**
 * A warranty disclaimer ("as is"): a kind of its own, since a disclaimer of merchantability must be
 * conspicuous (UCC § 2-316) whether or not the terms also limit liability elsewhere.
 */
export const WarrantyDisclaimer: Story = {
  render: () => html`<div lang="en" style="max-inline-size:40rem">
    <terms-highlight document="terms" clause="9.1" .kinds=${['disclaims-warranty']} .explanation=${{ summary: 'We make no promise that the service works as you expect or suits your purpose.' }}>
      <p>9.1 THE SERVICE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, INCLUDING MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE.</p>
    </terms-highlight>
  </div>`,
  play: async ({ canvasElement }) => {
    const highlight = await readyHighlight(canvasElement);
    const badges = [...highlight.shadowRoot!.querySelectorAll('[part~="badge"]')].map((badge) => badge.textContent?.trim());
    expect(badges).toEqual(['Disclaims our warranties']);
  },
};

/**
 * The mark in Chinese: badges and the explain button speak the reader's language (from the closest
 * `lang`), and the clause text stays at body size and contrast or more (R3).
 */
export const Chinese: Story = {
  render: () => html`<div lang="zh-CN" style="max-inline-size:40rem">
    <terms-highlight document="terms" clause="1.2" .kinds=${['limits-liability']} .explanation=${{ summary: '服务中断时平台不赔偿。' }}>
      <p>1.2 本平台不保证服务不会中断，对此不承担任何责任。</p>
    </terms-highlight>
  </div>`,
  play: async ({ canvasElement }) => {
    const highlight = await readyHighlight(canvasElement);
    expect(part(highlight, 'badge')).toHaveTextContent('免除或限制我方责任');
    expect(part(highlight, 'explain')).toHaveTextContent('这是什么意思？');
    const text = highlight.querySelector('p')!;
    expect(Number(getComputedStyle(text).fontWeight)).toBeGreaterThanOrEqual(700);
    expect(parseFloat(getComputedStyle(text).fontSize)).toBeGreaterThanOrEqual(parseFloat(getComputedStyle(canvasElement).fontSize));
  },
};
