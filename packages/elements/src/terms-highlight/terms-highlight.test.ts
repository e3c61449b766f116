import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import axe from 'axe-core';
import './define.ts';
import type { TermsHighlight } from './terms-highlight.ts';

const explanation = { summary: 'We pay nothing when the service stops.', consequence: 'You bear your own losses.' };

async function mount(props: Partial<TermsHighlight> = {}, lang = 'en'): Promise<TermsHighlight> {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.innerHTML = '<button type="button" id="before">before</button><terms-highlight><p>We are not liable for interruptions.</p></terms-highlight><button type="button" id="after">after</button>';
  document.body.append(wrapper);
  const element = wrapper.querySelector('terms-highlight')!;
  Object.assign(element, { document: 'terms', clause: '4.4', kinds: ['limits-liability'], explanation, contact: 'https://example.com/ask' }, props);
  await element.updateComplete;
  return element;
}

const part = <T extends Element = HTMLElement>(element: TermsHighlight, name: string) => element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const deepActive = () => document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;

async function expectNoAxeViolations(context: Element) {
  const results = await axe.run(context, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('terms-highlight: accessibility', () => {
  it('has no axe violations, closed and open, with the acknowledgement', async () => {
    const element = await mount({ critical: true, acknowledgeable: true });
    await expectNoAxeViolations(element.parentElement!);
    await element.showExplanation();
    await expectNoAxeViolations(element.parentElement!);
  });

  it('is a group named by its visible badges, in English', async () => {
    const element = await mount({ kinds: ['limits-liability', 'jurisdiction'], critical: true });
    const base = part(element, 'base')!;
    expect(base.getAttribute('role')).toBe('group');
    const badges = [...element.shadowRoot!.querySelectorAll('[part~="badge"]')];
    expect(badges.map((badge) => badge.textContent)).toEqual(['Limits our liability', 'Chooses the court', 'Critical']);
    expect(badges.every((badge) => badge.localName === 'strong' && badge.getBoundingClientRect().width > 0)).toBe(true);
    expect(element.shadowRoot!.getElementById(base.getAttribute('aria-labelledby')!)!.textContent!.replace(/\s+/g, ' ').trim()).toBe('Limits our liability Chooses the court Critical');
  });

  it('speaks Chinese inside a zh-CN page', async () => {
    const element = await mount({ kinds: ['limits-liability'], critical: true }, 'zh-CN');
    expect([...element.shadowRoot!.querySelectorAll('[part~="badge"]')].map((badge) => badge.textContent)).toEqual(['免除或限制我方责任', '至关重要']);
    expect(part(element, 'explain')!.textContent!.trim()).toBe('这是什么意思？');
  });

  it('marks by more than colour: border, bold text and a decorative icon', async () => {
    const element = await mount();
    const base = part(element, 'base')!;
    expect(parseFloat(getComputedStyle(base).borderInlineStartWidth)).toBeGreaterThanOrEqual(3);
    expect(Number(getComputedStyle(element.querySelector('p')!).fontWeight)).toBeGreaterThanOrEqual(700);
    expect(part(element, 'icon')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives the explain button and the checkbox targets of at least 24×24 px', async () => {
    const element = await mount({ acknowledgeable: true });
    for (const target of [part(element, 'explain')!, element.shadowRoot!.querySelector('input')!]) {
      const { width, height } = target.getBoundingClientRect();
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
    }
  });
});

describe('terms-highlight: forced colors and print', () => {
  async function emulate(features: Array<{ name: string; value: string }>, media = '') {
    await cdp().send('Emulation.setEmulatedMedia', { media, features });
  }
  afterEach(() => emulate([]));

  it('keeps the border, icon and badges visible in forced-colors mode', async () => {
    const element = await mount({ critical: true });
    await emulate([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const base = getComputedStyle(part(element, 'base')!);
    expect(parseFloat(base.borderInlineStartWidth)).toBeGreaterThanOrEqual(3);
    expect(base.borderInlineStartStyle).toBe('solid');
    const badge = getComputedStyle(part(element, 'badge')!);
    expect(badge.forcedColorAdjust).toBe('none');
    expect(badge.backgroundColor).not.toBe(getComputedStyle(part(element, 'base')!).backgroundColor);
  });

  it('prints the mark and badges but not the explain button', async () => {
    const element = await mount();
    await element.showExplanation();
    await emulate([], 'print');
    expect(getComputedStyle(part(element, 'explain')!).display).toBe('none');
    expect(getComputedStyle(part(element, 'popover')!).display).toBe('none');
    expect(getComputedStyle(part(element, 'badge')!).display).not.toBe('none');
    expect(parseFloat(getComputedStyle(part(element, 'base')!).borderInlineStartWidth)).toBeGreaterThanOrEqual(3);
  });
});

describe('terms-highlight: properties', () => {
  it('offers no explanation without one, and no checkbox unless acknowledgeable', async () => {
    const element = await mount({ explanation: undefined });
    expect(part(element, 'explain')).toBeNull();
    expect(part(element, 'acknowledge')).toBeNull();
  });

  it('reflects critical', async () => {
    const element = await mount({ critical: true });
    expect(element.hasAttribute('critical')).toBe(true);
    expect(part(element, 'critical')!.textContent).toBe('Critical');
  });

  it('shows the explanation with its consequence and an outside contact link', async () => {
    const element = await mount();
    await element.showExplanation();
    const popover = part(element, 'popover')!;
    expect(popover.textContent).toContain(explanation.summary);
    expect(popover.textContent).toContain('What it means for you');
    expect(popover.textContent).toContain(explanation.consequence);
    const link = popover.querySelector('a')!;
    expect(link.textContent).toBe('Ask us about this clause');
    expect(link.href).toBe('https://example.com/ask');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('drops a contact link with a script URL', async () => {
    const element = await mount({ contact: 'javascript:alert(1)' });
    await element.showExplanation();
    expect(part(element, 'popover')!.querySelector('a')).toBeNull();
  });

  it('shows acknowledged as the checkbox state', async () => {
    const element = await mount({ acknowledgeable: true, acknowledged: true });
    expect(element.shadowRoot!.querySelector('input')!.checked).toBe(true);
    element.acknowledged = false;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('input')!.checked).toBe(false);
  });
});

describe('terms-highlight: events', () => {
  it('fires terms-explain once per opening', async () => {
    const element = await mount();
    const explained = vi.fn();
    document.addEventListener('terms-explain', explained);
    const button = part(element, 'explain')!;
    await userEvent.click(button);
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(false);
    await userEvent.click(button);
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(true);
    await userEvent.click(button);
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(false);
    document.removeEventListener('terms-explain', explained);
    expect(explained).toHaveBeenCalledTimes(2);
    expect(explained.mock.calls[0]![0].detail).toEqual({ document: 'terms', clause: '4.4' });
  });

  it('fires terms-acknowledge when the checkbox is ticked and unticked', async () => {
    const element = await mount({ acknowledgeable: true });
    const acknowledged = vi.fn();
    element.addEventListener('terms-acknowledge', (event) => acknowledged(event.detail));
    const label = part(element, 'acknowledge')!;
    expect(label.textContent).toContain('I have read and understood this clause');
    await userEvent.click(label);
    await userEvent.click(label);
    expect(acknowledged.mock.calls.map(([detail]) => detail)).toEqual([
      { document: 'terms', clause: '4.4', acknowledged: true },
      { document: 'terms', clause: '4.4', acknowledged: false },
    ]);
    expect(element.acknowledged).toBe(false);
  });
});

describe('terms-highlight: keyboard and pointer', () => {
  it('reaches explain with Tab, opens with Enter, closes with Escape and returns focus', async () => {
    const element = await mount();
    document.getElementById('before')!.focus();
    await userEvent.tab();
    const button = part(element, 'explain')!;
    expect(deepActive()).toBe(button);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(part(element, 'popover')!.hidden).toBe(false);
    await userEvent.tab();
    expect(deepActive()).toBe(part(element, 'popover')!.querySelector('a'));
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(deepActive()).toBe(button);
  });

  it('opens with Space', async () => {
    const element = await mount();
    part(element, 'explain')!.focus();
    await userEvent.keyboard(' ');
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(false);
  });

  it('keeps Escape from closing a surrounding dialog', async () => {
    const element = await mount();
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    dialog.append(element.parentElement!);
    dialog.showModal();
    await userEvent.click(part(element, 'explain')!);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(true);
    expect(dialog.open).toBe(true);
    dialog.close();
  });

  it('places the popover next to the button and stays open while hovered', async () => {
    const element = await mount();
    const button = part(element, 'explain')!;
    await userEvent.click(button);
    const popover = part(element, 'popover')!;
    await expect.poll(() => Math.abs(popover.getBoundingClientRect().top - button.getBoundingClientRect().bottom)).toBeLessThanOrEqual(12);
    expect(Math.abs(popover.getBoundingClientRect().left - button.getBoundingClientRect().left)).toBeLessThanOrEqual(12);
    await userEvent.hover(popover);
    await userEvent.click(popover.querySelector('p')!);
    expect(popover.hidden).toBe(false);
  });

  it('closes when focus or a click goes elsewhere', async () => {
    const element = await mount();
    await userEvent.click(part(element, 'explain')!);
    await userEvent.click(document.getElementById('before')!);
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(true);
    await userEvent.click(part(element, 'explain')!);
    await userEvent.tab();
    await userEvent.tab();
    await expect.poll(() => part(element, 'popover')!.hidden).toBe(true);
  });
});

describe('terms-highlight: parts', () => {
  it('exposes base, icon, badge, explain, popover and acknowledge', async () => {
    const element = await mount({ acknowledgeable: true });
    for (const name of ['base', 'icon', 'badge', 'explain', 'popover', 'acknowledge']) expect(part(element, name), name).not.toBeNull();
  });
});
