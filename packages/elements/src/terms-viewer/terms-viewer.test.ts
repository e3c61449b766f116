import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import type { TermsVisibilityDetail } from '../events/terms-visibility.ts';
import './define.ts';
import type { TermsHighlight } from '../terms-highlight/terms-highlight.ts';
import type { TermsViewer } from './terms-viewer.ts';
import { HOSTILE, viewerBundle } from './fixtures.ts';

interface MountOptions {
  lang?: string;
  /** Put the viewer in a scroll box this many pixels tall. */
  scrollHeight?: number;
  attributes?: Record<string, string>;
  props?: Partial<TermsViewer>;
}

async function mount({ lang = 'zh-CN', scrollHeight, attributes = {}, props = {} }: MountOptions = {}): Promise<TermsViewer> {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  if (scrollHeight) Object.assign(wrapper.style, { height: `${scrollHeight}px`, overflow: 'auto' });
  const viewer = document.createElement('terms-viewer');
  for (const [name, value] of Object.entries(attributes)) viewer.setAttribute(name, value);
  Object.assign(viewer, { bundle: viewerBundle() }, props);
  wrapper.append(viewer);
  document.body.append(wrapper);
  await viewer.updateComplete;
  return viewer;
}

const $ = <T extends Element = HTMLElement>(viewer: TermsViewer, selector: string) => viewer.shadowRoot!.querySelector<T>(selector);
const $$ = (viewer: TermsViewer, selector: string) => [...viewer.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function expectNoAxeViolations(context: Element) {
  const results = await axe.run(context, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

const stopListening: Array<() => void> = [];

/** Every `terms-visibility` detail that reaches the document during the test. */
function recordVisibility(): TermsVisibilityDetail[] {
  const seen: TermsVisibilityDetail[] = [];
  const listener = ({ detail }: { detail: TermsVisibilityDetail }) => seen.push(detail);
  document.addEventListener('terms-visibility', listener);
  stopListening.push(() => document.removeEventListener('terms-visibility', listener));
  return seen;
}

afterEach(() => {
  stopListening.splice(0).forEach((stop) => stop());
  document.body.replaceChildren();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

describe('terms-viewer: accessibility', () => {
  it('has no axe violations in the controlling text, a translation, and with acknowledgements', async () => {
    await mount({ props: { acknowledgeable: true } });
    await mount({ lang: 'en' });
    await expectNoAxeViolations(document.body);
  });

  it('carries the clause structure in headings and lists (R26)', async () => {
    const viewer = await mount();
    expect(text($(viewer, 'h2[part=title]'))).toBe('示例服务条款');
    expect($$(viewer, '[part=content] h3').map(text)).toEqual(['一、 服务说明', '二、 数据与责任']);
    expect(text($(viewer, '#clause-2\\.1 h4'))).toBe('2.1 数据备份');
    const items = $$(viewer, '#clause-1\\.3 > ol > li');
    expect(items.map((item) => item.id)).toEqual(['clause-1.3.1', 'clause-1.3.2']);
    expect(text(items[0])).toBe('（一） 破坏系统安全；');
    expect($$(viewer, '#clause-2\\.1 ul > li').map(text)).toEqual(['定期导出；', '异地保存。']);
    expect(text($(viewer, '#clause-1\\.1 p'))).toBe('1.1 本平台提供在线服务，详见帮助中心。');
  });

  it('follows heading-level and caps headings at 6', async () => {
    const viewer = await mount({ attributes: { 'heading-level': '1' } });
    expect(text($(viewer, 'h1[part=title]'))).toBe('示例服务条款');
    expect($$(viewer, '[part=content] h2')).toHaveLength(2);
    viewer.headingLevel = 6;
    await viewer.updateComplete;
    expect($$(viewer, 'h1, h2, h3, h4, h5')).toHaveLength(0);
    expect($$(viewer, 'h6')).toHaveLength(4);
  });

  it('sets lang on the content and keeps the controls in the page language', async () => {
    const viewer = await mount({ lang: 'en', props: { locale: 'zh-CN' } });
    expect($(viewer, '[part=content]')!.lang).toBe('zh-CN');
    expect($(viewer, '[part=toolbar]')!.lang).toBe('en');
    expect(text($(viewer, '[part=print]'))).toBe('Print');
  });

  it('marks clauses with visible badges in the content language, and bold text no fainter than body', async () => {
    const viewer = await mount();
    const highlights = $$(viewer, 'terms-highlight');
    expect(highlights.map((highlight) => highlight.parentElement!.id)).toEqual(['clause-1.2', 'clause-2.1']);
    const badges = (element: Element) => [...element.shadowRoot!.querySelectorAll('[part~=badge]')].map(text);
    expect(badges(highlights[1]!)).toEqual(['加重您的责任', '免除或限制我方责任', '至关重要']);
    const marked = getComputedStyle(highlights[0]!.querySelector('p')!);
    const plain = getComputedStyle($(viewer, '#clause-1\\.1 p')!);
    expect(Number(marked.fontWeight)).toBeGreaterThanOrEqual(700);
    expect(marked.color).toBe(plain.color);
    expect(parseFloat(marked.fontSize)).toBeGreaterThanOrEqual(parseFloat(plain.fontSize));

    const english = await mount({ lang: 'en' });
    expect(badges($$(english, 'terms-highlight')[0]!)).toEqual(['Limits our liability']);
  });
});

describe('terms-viewer: properties', () => {
  it('shows the translation matching the page language, with a notice naming the controlling language', async () => {
    const viewer = await mount({ lang: 'en-GB' });
    expect(text($(viewer, '[part=title]'))).toBe('Sample Terms of Service');
    expect(text($(viewer, '[part=notice]'))).toBe('This translation is for reference; the Chinese (China) text controls.');
    expect(text($(viewer, '[part=effective]'))).toBe('Effective August 10, 2025 · Version 2.1');
    // Marks of the controlling text apply to the translation by id, with the English explanation.
    const highlight = $(viewer, '#clause-1\\.2 terms-highlight') as HTMLElement & { explanation?: { summary: string } };
    expect(highlight.explanation?.summary).toBe('No compensation when the service stops.');
  });

  it('shows the controlling text without a notice, and its date in its own locale', async () => {
    const viewer = await mount({ lang: 'zh-CN' });
    expect($(viewer, '[part=notice]')).toBeNull();
    expect(text($(viewer, '[part=effective]'))).toBe('生效日期：2025年8月10日 · 版本 2.1');
  });

  it('lets locale override the page language and follows later changes', async () => {
    const viewer = await mount({ lang: 'zh-CN', props: { locale: 'en' } });
    expect(text($(viewer, '[part=title]'))).toBe('Sample Terms of Service');
    expect(text($(viewer, '[part=notice]'))).toBe('本译文仅供参考，以中文（中国）文本为准。');
    viewer.locale = undefined;
    await viewer.updateComplete;
    expect(text($(viewer, '[part=title]'))).toBe('示例服务条款');
  });

  it('shows another document, and hides the title on request', async () => {
    const viewer = await mount({ lang: 'en', attributes: { document: 'privacy', 'hide-title': '' } });
    expect($(viewer, '[part=title]')).toBeNull();
    expect(text($(viewer, '#clause-p1'))).toContain('Your email address.');
  });

  it('renders inline emphasis and links, and bundle text only as text', async () => {
    const viewer = await mount();
    expect(text($(viewer, '[part=content] > p strong'))).toBe('加粗的条款');
    expect(text($(viewer, '#clause-1\\.2 em'))).toBe('对此不承担任何责任');
    const link = $<HTMLAnchorElement>(viewer, '#clause-1\\.1 a')!;
    expect([link.href, link.target, link.rel]).toEqual(['https://example.com/help', '_blank', 'noopener noreferrer']);
    expect(viewer.shadowRoot!.querySelector('img')).toBeNull();
    expect(text($(viewer, '#clause-1\\.3\\.2'))).toBe(`（二） ${HOSTILE}`);
  });

  it('lists top-level sections and their headed children in the table of contents', async () => {
    const viewer = await mount();
    const toc = $(viewer, 'nav[part=toc]')!;
    expect(toc.getAttribute('aria-label')).toBe('目录');
    expect([...toc.querySelectorAll('a')].map((a) => [text(a), a.getAttribute('href')])).toEqual([
      ['一、 服务说明', '#clause-1'],
      ['二、 数据与责任', '#clause-2'],
      ['2.1 数据备份', '#clause-2.1'],
    ]);
  });

  it('offers acknowledgement on critical clauses only, checked for acknowledged ids', async () => {
    const viewer = await mount({ props: { acknowledgeable: true, acknowledged: ['2.1'] } });
    const [plain, critical] = $$(viewer, 'terms-highlight') as TermsHighlight[];
    expect(plain!.shadowRoot!.querySelector('[part=acknowledge]')).toBeNull();
    expect(critical!.shadowRoot!.querySelector<HTMLInputElement>('[part=acknowledge] input')!.checked).toBe(true);
    viewer.acknowledged = [];
    await viewer.updateComplete;
    await critical!.updateComplete;
    expect(critical!.shadowRoot!.querySelector<HTMLInputElement>('[part=acknowledge] input')!.checked).toBe(false);
  });
});

describe('terms-viewer: a text longer than a screen', () => {
  /** `count` sections of one clause each; the last clause is marked. */
  function longBundle(count: number) {
    const bundle = viewerBundle();
    const document = bundle.documents[0]!;
    document.translations = [];
    document.clauses = Array.from({ length: count }, (_, index) => ({
      id: String(index + 1),
      number: `${index + 1}.`,
      heading: [`第${index + 1}条`],
      clauses: [
        {
          id: `${index + 1}.1`,
          body: [{ type: 'paragraph' as const, text: ['条款正文。'.repeat(60)] }],
          ...(index === count - 1 ? { highlight: { kinds: ['limits-liability' as const], source: 'author' as const } } : {}),
        },
      ],
    }));
    return bundle;
  }

  it('shows the contents and the first section at once, and every other section in the frames after', async () => {
    const viewer = await mount({ scrollHeight: 400, props: { bundle: longBundle(20) } });
    expect($$(viewer, '[part~="toc"] a')).toHaveLength(20);
    expect($(viewer, '#clause-1\\.1')).not.toBeNull();
    // What the first screen has no room for is left for the frames after it.
    expect($(viewer, '#clause-2\\.1')).toBeNull();
    await expect.poll(() => $(viewer, '#clause-20\\.1')).not.toBeNull();
    expect($$(viewer, 'terms-highlight')).toHaveLength(1);
  });

  it('shows as much of a long table of contents as fills the first screen at once, and the rest with the clauses', async () => {
    const viewer = await mount({ scrollHeight: 400, props: { bundle: longBundle(60) } });
    const first = $$(viewer, '[part~="toc"] a').length;
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(60);
    expect($(viewer, '#clause-1\\.1')).toBeNull();
    await expect.poll(() => $(viewer, '#clause-60\\.1')).not.toBeNull();
    expect($$(viewer, '[part~="toc"] a')).toHaveLength(60);
    expect($$(viewer, 'terms-highlight')).toHaveLength(1);
  });

  it('renders up to a clause of a later section when the reader follows its link', async () => {
    const viewer = await mount({ scrollHeight: 400, props: { bundle: longBundle(60) } });
    expect(viewer.scrollToClause('60.1')).toBe(true);
    expect(deepActive()).toBe($(viewer, '#clause-60\\.1'));
    expect($$(viewer, '[part~="toc"] a')).toHaveLength(60);
    expect($$(viewer, 'terms-highlight')).toHaveLength(1);
  });
});

describe('terms-viewer: deep links', () => {
  it('scrollToClause scrolls the clause into its scroll box and focuses it', async () => {
    const viewer = await mount({ scrollHeight: 150 });
    const box = viewer.parentElement!;
    expect(viewer.scrollToClause('2.2')).toBe(true);
    const clause = $(viewer, '#clause-2\\.2')!;
    expect(deepActive()).toBe(clause);
    const inBox = clause.getBoundingClientRect().top - box.getBoundingClientRect().top;
    expect(inBox).toBeGreaterThanOrEqual(0);
    expect(inBox).toBeLessThan(150);
    expect(viewer.scrollToClause('9.9')).toBe(false);
  });

  it('follows a #clause- hash on connect and on hashchange', async () => {
    history.replaceState(null, '', '#clause-2.2');
    const viewer = await mount({ scrollHeight: 150 });
    await expect.poll(() => deepActive()?.id).toBe('clause-2.2');
    location.hash = `#clause-${encodeURIComponent('1.3.1')}`;
    await expect.poll(() => deepActive()?.id).toBe('clause-1.3.1');
    expect(viewer.shadowRoot!.activeElement).toBe($(viewer, '#clause-1\\.3\\.1'));
  });

  it('moves to a section from the table of contents without changing the page URL', async () => {
    const viewer = await mount({ scrollHeight: 150 });
    const before = location.href;
    await userEvent.click($(viewer, 'nav a[href="#clause-2.1"]')!);
    expect(deepActive()?.id).toBe('clause-2.1');
    expect(location.href).toBe(before);
  });
});

describe('terms-viewer: events', () => {
  it('reports marked clauses coming into view and leaving it, inside a scroll box', async () => {
    const seen = recordVisibility();
    const viewer = await mount({ scrollHeight: 120, attributes: { 'track-visibility': '' } });
    const box = viewer.parentElement!;
    const last = (clause: string) => seen.filter((detail) => detail.clause === clause).at(-1)?.visible;
    // At the top, neither marked clause is in the 120 px box.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(last('2.1')).toBeUndefined();
    viewer.scrollToClause('2.1');
    await expect.poll(() => last('2.1')).toBe(true);
    expect(seen.find((detail) => detail.clause === '2.1')).toEqual({ document: 'terms', clause: '2.1', visible: true });
    box.scrollTop = 0;
    await expect.poll(() => last('2.1')).toBe(false);
    // Only changes are reported.
    const reports = seen.filter((detail) => detail.clause === '2.1');
    expect(reports.map((detail) => detail.visible)).toEqual([true, false]);
  });

  it('counts a clause taller than its scroll box while it fills the box', async () => {
    const seen = recordVisibility();
    const viewer = await mount({ scrollHeight: 60, attributes: { 'track-visibility': '' } });
    const clause = $(viewer, '#clause-2\\.1')!;
    expect(clause.getBoundingClientRect().height).toBeGreaterThan(2 * 60);
    clause.scrollIntoView({ block: 'center' });
    await expect.poll(() => seen.filter((detail) => detail.clause === '2.1').at(-1)?.visible).toBe(true);
  });

  it('reports visible clauses as gone when the document changes, and observes the new one', async () => {
    const seen = recordVisibility();
    const viewer = await mount({ scrollHeight: 400, attributes: { 'track-visibility': '' } });
    viewer.scrollToClause('1.2');
    await expect.poll(() => seen.some((detail) => detail.clause === '1.2' && detail.visible)).toBe(true);
    viewer.document = 'privacy';
    await viewer.updateComplete;
    expect(seen.at(-1)).toMatchObject({ document: 'terms', clause: '1.2', visible: false });
  });

  it('lets terms-explain and terms-acknowledge bubble out, and keeps acknowledged in step', async () => {
    const viewer = await mount({ props: { acknowledgeable: true } });
    const explained = vi.fn();
    viewer.addEventListener('terms-explain', (event) => explained(event.detail));
    const critical = $(viewer, '#clause-2\\.1 terms-highlight')!;
    await userEvent.click(critical.shadowRoot!.querySelector('[part=explain]')!);
    expect(explained).toHaveBeenCalledWith({ document: 'terms', clause: '2.1' });
    await userEvent.keyboard('{Escape}');
    await userEvent.click(critical.shadowRoot!.querySelector('[part=acknowledge]')!);
    expect(viewer.acknowledged).toEqual(['2.1']);
  });

  it('saves a standalone copy named after bundle, document, version and locale', async () => {
    const viewer = await mount({ lang: 'en' });
    const created = vi.spyOn(URL, 'createObjectURL');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {});
    await userEvent.click($(viewer, '[part=save]')!);
    const anchor = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('viewer-sample-terms-2.1-en.html');
    const page = await (created.mock.calls[0]![0] as Blob).text();
    expect(page).toContain('<h1>Sample Terms of Service</h1>');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    created.mockRestore();
    clicked.mockRestore();
  });

  it('prints the document text from a frame of its own', async () => {
    const viewer = await mount();
    viewer.print();
    const frame = $<HTMLIFrameElement>(viewer, 'iframe')!;
    expect(frame.srcdoc).toContain('<h1>示例服务条款</h1>');
    expect(frame.getBoundingClientRect().width).toBe(0);
    await expect.poll(() => frame.contentDocument?.querySelector('h1')?.textContent).toBe('示例服务条款');
  });
});

describe('terms-viewer: keyboard', () => {
  it('reaches the explain button of a marked clause with Tab and opens it with Enter', async () => {
    const viewer = await mount();
    const highlight = $(viewer, '#clause-1\\.2 terms-highlight')!;
    const explain = highlight.shadowRoot!.querySelector<HTMLElement>('[part=explain]')!;
    $<HTMLElement>(viewer, 'nav a[href="#clause-2.1"]')!.focus();
    viewer.scrollToClause('1.1');
    // From clause 1.1, the next stop is the help link, then the explain button of 1.2.
    await userEvent.tab();
    expect(text(deepActive())).toBe('帮助中心');
    await userEvent.tab();
    expect(deepActive()).toBe(explain);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => highlight.shadowRoot!.querySelector<HTMLElement>('[part=popover]')!.hidden).toBe(false);
  });
});

describe('terms-viewer: parts', () => {
  it('exposes title, effective, notice, toolbar, print, save, content, toc and heading', async () => {
    const viewer = await mount({ lang: 'en' });
    for (const name of ['title', 'effective', 'notice', 'toolbar', 'print', 'save', 'content', 'toc', 'heading']) expect($(viewer, `[part=${name}]`), name).not.toBeNull();
  });
});
