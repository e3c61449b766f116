import type { TermsBundle } from '@terms-gate/bundle';
import type { TermsViewer } from '@terms-gate/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import xiaoyi from '../demo/terms/xiaoyi.json';
import { deepQueryAll, expectEventually } from './support/elements.ts';
import { markedClauses, part, recordEvents } from './support/gate.ts';

/**
 * `<terms-viewer>` shows one document of a bundle as real headings, paragraphs and lists, with its
 * marked clauses highlighted, a table of contents, deep links (`#clause-<id>`), print and save.
 * It works inside the gate's dialog or on its own, e.g. on a public "Terms" page.
 */
const meta = {
  title: 'Elements/terms-viewer',
  component: 'terms-viewer',
} satisfies Meta;
export default meta;
type Story = StoryObj;

const seed = xiaoyi as unknown as TermsBundle;

async function readyViewer(canvasElement: HTMLElement, selector = 'terms-viewer'): Promise<TermsViewer> {
  await expectEventually(() => !!canvasElement.querySelector<TermsViewer>(selector)?.shadowRoot?.querySelector('[part~="content"]'), 'the viewer shows its document');
  const viewer = canvasElement.querySelector<TermsViewer>(selector)!;
  await viewer.updateComplete;
  return viewer;
}

/**
 * The viewer alone, outside any dialog: the seed in its controlling Chinese text, with the title,
 * the effective date and version, print and save-a-copy (R1, R22), the contents and the 24 marked
 * clauses. Headings and lists carry the clause structure and `lang` is set on the content (R26).
 */
export const ViewerAlone: Story = {
  render: () => html`<div lang="zh-CN" style="max-inline-size:48rem"><terms-viewer .bundle=${seed} heading-level="1"></terms-viewer></div>`,
  play: async ({ canvasElement }) => {
    const viewer = await readyViewer(canvasElement);
    expect(part(viewer, 'title').localName).toBe('h1');
    expect(part(viewer, 'title')).toHaveTextContent('小忆互联平台服务条款');
    expect(part(viewer, 'effective')).toHaveTextContent('2025');
    expect(part(viewer, 'content').getAttribute('lang')).toBe('zh-CN');
    expect(part(viewer, 'print')).toBeVisible();
    expect(part(viewer, 'save')).toBeVisible();
    // Long texts render in chunks after the first screen: every mark is there a few frames later.
    await waitFor(() => expect(markedClauses(viewer)).toHaveLength(24));
    expect(deepQueryAll(viewer.shadowRoot!, 'h2, h3').length).toBeGreaterThan(5);
    // A contents link brings its clause into view without touching the page's URL.
    const url = location.href;
    const link = deepQueryAll<HTMLAnchorElement>(part(viewer, 'toc'), 'a').at(-1)!;
    await userEvent.click(link);
    const target = viewer.shadowRoot!.getElementById(link.hash.slice(1))!;
    await waitFor(() => expect(target.getBoundingClientRect().top).toBeLessThan(innerHeight));
    expect(location.href).toBe(url);
  },
};

/**
 * Both languages side by side: the controlling Chinese text and the English translation, as a
 * reviewer or translator compares them. Clause ids and marks are shared, so the same 24 clauses are
 * marked on both sides; the English side says which text controls.
 */
export const BothLanguages: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:1fr 1fr;gap:2rem">
    <section lang="zh-CN" aria-label="中文"><terms-viewer id="zh" .bundle=${seed}></terms-viewer></section>
    <section lang="en" aria-label="English"><terms-viewer id="en" .bundle=${seed}></terms-viewer></section>
  </div>`,
  play: async ({ canvasElement }) => {
    const zh = await readyViewer(canvasElement, '#zh');
    const en = await readyViewer(canvasElement, '#en');
    expect(part(zh, 'content').getAttribute('lang')).toBe('zh-CN');
    expect(part(en, 'content').getAttribute('lang')).toBe('en');
    expect(part(en, 'notice')).toBeVisible();
    expect(zh.shadowRoot!.querySelector('[part~="notice"]')).toBeNull();
    const ids = (viewer: TermsViewer) => markedClauses(viewer).map((mark) => mark.closest('[id^="clause-"]')?.id);
    await waitFor(() => expect(ids(zh)).toHaveLength(24));
    await waitFor(() => expect(ids(en)).toEqual(ids(zh)));
    // Side by side, not stacked.
    expect(en.getBoundingClientRect().top).toBe(zh.getBoundingClientRect().top);
  },
};

/**
 * A critical clause with acknowledgement: the viewer with `acknowledgeable` gives each critical
 * clause its own checkbox (R10) and reports each tick as `terms-acknowledge`.
 */
export const Acknowledgeable: Story = {
  render: () => html`<div lang="en" style="max-inline-size:48rem"><terms-viewer .bundle=${seed} acknowledgeable></terms-viewer></div>`,
  play: async ({ canvasElement }) => {
    const viewer = await readyViewer(canvasElement);
    const events = recordEvents(viewer, ['terms-acknowledge']);
    await waitFor(() => expect(deepQueryAll(viewer.shadowRoot!, '[part~="acknowledge"] input')).toHaveLength(3));
    const boxes = deepQueryAll<HTMLInputElement>(viewer.shadowRoot!, '[part~="acknowledge"] input');
    await userEvent.click(boxes[0]!);
    await waitFor(() => expect(events.types()).toEqual(['terms-acknowledge']));
    expect(events.last('terms-acknowledge')).toMatchObject({ document: 'terms-of-service', acknowledged: true });
    expect(viewer.acknowledged).toHaveLength(1);
  },
};
