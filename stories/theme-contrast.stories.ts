import type { TermsHighlight } from '@terms-gate/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { contrastRatio, effectiveBackground, parseColor, textContrast } from './support/contrast.ts';
import { expectEventually } from './support/elements.ts';
import { part } from './support/gate.ts';
import { emulateMedia } from './support/media.ts';

/**
 * Theme contrast: the marked-clause colours of both built-in themes keep WCAG 2.2 AA contrast, and
 * marked text is never fainter than body text (R3, WCAG 1.4.3 and 1.4.11). Each story renders a
 * `<terms-highlight>` next to plain body text, measures the computed colours and shows the ratios
 * in a table; its test fails below 4.5:1 for text and 3:1 for the mark's border and icon.
 */
const meta = {
  title: 'Theming/Contrast',
  component: 'terms-highlight',
  tags: ['!autodocs'],
} satisfies Meta;
export default meta;
type Story = StoryObj;

const explanation = { summary: 'We do not pay for losses caused by outages.' };

const sample = (surface: string) => html`<div lang="en" style="background:${surface};padding:1rem;max-inline-size:40rem">
  <p class="body-text">Ordinary clause text, for comparison.</p>
  <terms-highlight document="terms" clause="4.4" critical .kinds=${['limits-liability']} .explanation=${explanation}>
    <p>4.4 We are not liable for any interruption of the service.</p>
  </terms-highlight>
  <table class="ratios"><caption>Measured contrast</caption><tbody></tbody></table>
</div>`;

interface Measured {
  what: string;
  ratio: number;
  minimum: number;
}

function measure(canvasElement: HTMLElement): Measured[] {
  const highlight = canvasElement.querySelector<TermsHighlight>('terms-highlight')!;
  const base = part(highlight, 'base');
  const markedSurface = effectiveBackground(base);
  const badge = part(highlight, 'badge');
  const critical = part(highlight, 'critical');
  return [
    // Body text is the highlight's own text colour on the theme's surface, as the viewer shows it.
    { what: 'body text on surface', ratio: contrastRatio(parseColor(getComputedStyle(highlight).color), effectiveBackground(badge)), minimum: 4.5 },
    { what: 'marked text on marked surface', ratio: textContrast(highlight.querySelector('p')!), minimum: 4.5 },
    { what: 'badge text', ratio: textContrast(badge), minimum: 4.5 },
    { what: 'critical badge text', ratio: textContrast(critical), minimum: 4.5 },
    { what: '"explain" button text', ratio: textContrast(part(highlight, 'explain')), minimum: 4.5 },
    { what: 'mark border on marked surface', ratio: contrastRatio(parseColor(getComputedStyle(base).borderInlineStartColor), markedSurface), minimum: 3 },
    { what: 'badge border on marked surface', ratio: contrastRatio(parseColor(getComputedStyle(badge).borderTopColor), markedSurface), minimum: 3 },
    { what: 'warning icon on marked surface', ratio: contrastRatio(parseColor(getComputedStyle(part(highlight, 'icon')).fill), markedSurface), minimum: 3 },
  ];
}

async function checkContrast(canvasElement: HTMLElement) {
  await expectEventually(() => !!canvasElement.querySelector('terms-highlight')?.shadowRoot?.querySelector('[part~="badge"]'), 'the mark is rendered');
  const results = measure(canvasElement);
  const body = canvasElement.querySelector('.ratios tbody')!;
  body.replaceChildren(
    ...results.map(({ what, ratio, minimum }) => {
      const row = document.createElement('tr');
      row.innerHTML = '<th scope="row"></th><td></td>';
      row.cells[0]!.textContent = what;
      row.cells[1]!.textContent = `${ratio.toFixed(2)}:1 (AA ≥ ${minimum}:1)`;
      return row;
    }),
  );
  for (const { what, ratio, minimum } of results) expect({ what, ratio: Number(ratio.toFixed(2)), meetsAA: ratio >= minimum }).toMatchObject({ what, meetsAA: true });
  // Marked text is never fainter than body text (R3): same text colour, at least the same weight.
  const markedText = canvasElement.querySelector('terms-highlight p')!;
  expect(getComputedStyle(markedText).color).toBe(getComputedStyle(canvasElement.querySelector('terms-highlight')!).color);
  expect(Number(getComputedStyle(markedText).fontWeight)).toBeGreaterThanOrEqual(700);
}

/** The light theme's defaults on a white page. */
export const Light: Story = {
  render: () => html`<div style="color-scheme:light">${sample('#ffffff')}</div>`,
  beforeEach: async () => {
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    return async () => {
      await emulateMedia([]);
    };
  },
  play: async ({ canvasElement }) => {
    if (await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }])) expect(matchMedia('(prefers-color-scheme: light)').matches).toBe(true);
    await checkContrast(canvasElement);
  },
};

/**
 * The dark theme's defaults (what `theme="auto"` gives a system that prefers dark) on the dark
 * surface. The test run emulates `prefers-color-scheme: dark`; in Storybook, switch the system or
 * DevTools → Rendering to dark to see it.
 */
export const Dark: Story = {
  render: () => html`<div style="color:#e6edf3">${sample('#0d1117')}</div>`,
  beforeEach: async () => {
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    return async () => {
      await emulateMedia([]);
    };
  },
  play: async ({ canvasElement }) => {
    if (await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }])) {
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      expect(getComputedStyle(canvasElement.querySelector('terms-highlight')!).color).toBe('rgb(230, 237, 243)');
    }
    await checkContrast(canvasElement);
  },
};
