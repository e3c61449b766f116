/**
 * The seed terms through the built file in conditions only a real browser page can set up: narrow
 * and zoomed viewports (WCAG 1.4.10 reflow, 2.4.11 focus not obscured), text-spacing overrides
 * (1.4.12), forced colors, reduced motion, and what assistive technology reads (the accessibility
 * tree through Playwright's aria snapshots).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { elementsDist, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign up</title></head><body><main>
<form id="signup" aria-label="Sign up"><terms-gate name="terms" required src="/terms/xiaoyi.json"></terms-gate><button>Sign up</button></form></main>
<script type="module" src="/dist/terms-gate.js"></script></body></html>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic({
    routes: { '/zh': { body: page('zh-CN'), type: 'text/html' }, '/en': { body: page('en'), type: 'text/html' }, '/terms/xiaoyi.json': { file: seedBundle }, '/favicon.ico': { status: 204 } },
    dirs: { '/dist/': elementsDist },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTerms(options: { lang?: 'zh' | 'en'; width?: number; height?: number; forcedColors?: boolean; reducedMotion?: boolean } = {}): Promise<Page> {
  const tab = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
  if (options.forcedColors) await tab.emulateMedia({ forcedColors: 'active' });
  if (options.reducedMotion) await tab.emulateMedia({ reducedMotion: 'reduce' });
  await tab.goto(`${server.base}/${options.lang ?? 'zh'}`);
  await tab.locator('terms-gate [part~="checkbox"]:not([disabled])').waitFor();
  await tab.locator('terms-gate [part~="checkbox"]').click();
  await tab.locator('terms-gate dialog[open]').first().waitFor();
  return tab;
}

/** In the page: the focused element (through shadow roots), its rect, and the action bar's rect. */
const focusReport = () => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const modal = document.querySelector('terms-gate')!.shadowRoot!.querySelector('terms-modal')!.shadowRoot!;
  const footer = modal.querySelector('footer')!;
  const rect = active!.getBoundingClientRect();
  const bar = footer.getBoundingClientRect();
  const part = active!.getAttribute('part') ?? '';
  const highlight = (active!.getRootNode() as ShadowRoot).host as HTMLElement & { clause?: string };
  return {
    label: `<${active!.localName}${part ? ` part="${part}"` : ''}> "${(active!.textContent ?? '').trim().slice(0, 30)}"`,
    part,
    clause: part === 'explain' ? highlight.clause : undefined,
    inFooter: footer.contains(active),
    rect: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, height: rect.height },
    bar: { top: bar.top, bottom: bar.bottom },
    viewport: { width: innerWidth, height: innerHeight },
  };
};

describe('zoom and reflow: everything reachable, focus never hidden under the action bar (WCAG 1.4.10, 2.4.11)', () => {
  const sizes: Array<[string, number, number]> = [
    ['320 px wide', 320, 640],
    ['200% zoom of 1280×800', 640, 400],
    ['400% zoom of 1280×800', 320, 200],
  ];
  for (const [what, width, height] of sizes) {
    test(what, async () => {
      const tab = await openTerms({ width, height });
      const marked = await tab.locator('terms-highlight').evaluateAll((nodes) => nodes.filter((n) => n.shadowRoot!.querySelector('[part~="explain"]')).map((n) => (n as HTMLElement & { clause: string }).clause));
      expect(marked.length).toBeGreaterThan(0);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow, 'no horizontal scrolling of the page').toBeLessThanOrEqual(1);

      const reached = new Set<string>();
      const problems: string[] = [];
      let sawAccept = false;
      let sawDecline = false;
      for (let stop = 0; stop < 400 && !(sawAccept && sawDecline && marked.every((c) => reached.has(c))); stop++) {
        await tab.keyboard.press('Tab');
        const focus = await tab.evaluate(focusReport);
        if (focus.clause) reached.add(focus.clause);
        if (focus.part.split(' ').includes('accept')) sawAccept = true;
        if (focus.part.split(' ').includes('decline')) sawDecline = true;
        const { rect, bar, viewport } = focus;
        if (rect.height === 0) continue;
        // Partly visible is the 2.4.11 minimum: some of the focused element is above the bar and on screen.
        if (!focus.inFooter && rect.top >= bar.top - 1) problems.push(`${focus.label} is hidden under the action bar (top ${rect.top} ≥ bar ${bar.top})`);
        if (rect.bottom <= 0 || rect.top >= viewport.height || rect.right <= 0 || rect.left >= viewport.width) problems.push(`${focus.label} is off screen`);
      }
      expect(problems).toEqual([]);
      expect(sawAccept, 'accept reached by Tab').toBe(true);
      expect(sawDecline, 'decline reached by Tab').toBe(true);
      expect(marked.filter((clause) => !reached.has(clause)), 'marked clauses not reached by Tab').toEqual([]);
      await tab.close();
    });
  }
});

describe('text spacing overrides (WCAG 1.4.12)', () => {
  test('nothing is clipped and nothing runs under the action bar', async () => {
    const tab = await openTerms({ width: 1280, height: 800 });
    // The WCAG text-spacing bookmarklet's rules, in every shadow root and the page.
    const problems = await tab.evaluate(async () => {
      const css = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
      const roots: Array<Document | ShadowRoot> = [document];
      const visit = (root: Document | ShadowRoot) => root.querySelectorAll('*').forEach((element) => element.shadowRoot && (roots.push(element.shadowRoot), visit(element.shadowRoot)));
      visit(document);
      for (const root of roots) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const found: string[] = [];
      for (const root of roots) {
        for (const element of root.querySelectorAll<HTMLElement>('button, label, summary, legend, [part~="badge"], a')) {
          if (!element.getClientRects().length) continue;
          const style = getComputedStyle(element);
          if (style.overflow === 'visible' && style.overflowX === 'visible') {
            // Not clipped by itself; check its text still fits its box's width.
            if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && element.localName !== 'a') found.push(`<${element.localName}> "${element.textContent!.trim().slice(0, 30)}" overflows (${element.scrollWidth} > ${element.clientWidth})`);
          } else if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
            found.push(`<${element.localName}> "${element.textContent!.trim().slice(0, 30)}" is clipped`);
          }
        }
      }
      const modal = document.querySelector('terms-gate')!.shadowRoot!.querySelector('terms-modal')!.shadowRoot!;
      const body = modal.querySelector('[part~="body"]')!.getBoundingClientRect();
      const footer = modal.querySelector('footer')!.getBoundingClientRect();
      if (body.bottom > footer.top + 1) found.push(`the text area (bottom ${body.bottom}) runs under the action bar (top ${footer.top})`);
      const dialog = modal.querySelector('dialog')!.getBoundingClientRect();
      if (footer.bottom > dialog.bottom + 1) found.push('the action bar sticks out of the dialog');
      return found;
    });
    expect(problems).toEqual([]);
    await tab.close();
  });
});

describe('forced colors and reduced motion', () => {
  test('forced colors: every mark keeps its border, and its badges a border and their text', async () => {
    const tab = await openTerms({ forcedColors: true });
    expect(await tab.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const marks = await tab.locator('terms-highlight').evaluateAll((nodes) =>
      nodes.map((node) => {
        const base = getComputedStyle(node.shadowRoot!.querySelector('[part~="base"]')!);
        const badges = [...node.shadowRoot!.querySelectorAll<HTMLElement>('[part~="badge"]')].map((badge) => {
          const style = getComputedStyle(badge);
          return { text: badge.textContent!.trim(), border: parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none', visible: badge.getBoundingClientRect().width > 0 };
        });
        return { clause: (node as HTMLElement & { clause: string }).clause, border: parseFloat(base.borderInlineStartWidth) >= 2 && base.borderInlineStartStyle !== 'none', badges };
      }),
    );
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.border, `clause ${mark.clause}: a visible border`).toBe(true);
      expect(mark.badges.length, `clause ${mark.clause}: badges`).toBeGreaterThan(0);
      for (const badge of mark.badges) expect(badge, `clause ${mark.clause}`).toMatchObject({ border: true, visible: true });
    }
    await tab.close();
  });

  test('reduced motion: no transition or animation longer than 0s anywhere in the elements', async () => {
    const tab = await openTerms({ reducedMotion: true });
    await tab.locator('terms-highlight [part~="explain"]').first().click();
    const moving = await tab.evaluate(() => {
      const found: string[] = [];
      const seconds = (list: string) => Math.max(...list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1)));
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          const style = getComputedStyle(element);
          if (seconds(style.transitionDuration) > 0 && style.transitionProperty !== 'none') found.push(`<${element.localName} part="${element.getAttribute('part') ?? ''}"> transition ${style.transitionDuration}`);
          if (style.animationName !== 'none' && seconds(style.animationDuration) > 0) found.push(`<${element.localName}> animation ${style.animationName} ${style.animationDuration}`);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found;
    });
    expect(moving).toEqual([]);
    await tab.close();
  });
});

describe('what a screen reader gets (accessibility tree)', () => {
  test('a modal dialog named by its title, marks that say what they are, a status that says what is missing', async () => {
    const tab = await openTerms({ lang: 'en' });
    const title = await tab.locator('terms-gate [part~="title"]').innerText();
    const dialog = tab.locator('terms-gate dialog[open]').first();
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    const snapshot = await dialog.ariaSnapshot();
    expect(snapshot.split('\n')[0]).toBe(`- dialog "${title}":`);
    // Each marked clause is a group named by its badges.
    const groups = await tab.locator('terms-highlight [part~="base"]').evaluateAll((nodes) => nodes.length);
    const named = [...snapshot.matchAll(/- group "([^"]+)"/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThanOrEqual(groups);
    expect(named).toContain('Limits our liability');
    expect(named.some((name) => name.includes('Critical'))).toBe(true);

    // Through CDP as well: the dialog node is modal in the accessibility tree.
    const cdp = await tab.context().newCDPSession(tab);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }> };
    const dialogNode = nodes.find((node) => node.role?.value === 'dialog' && node.name?.value === title);
    expect(dialogNode, 'a dialog node named by the title').toBeDefined();
    expect(dialogNode!.properties?.find((p) => p.name === 'modal')?.value.value).toBe(true);

    await tab.locator('terms-gate [part~="accept"]').click();
    const status = tab.locator('terms-gate [part~="status"]');
    await expect.poll(() => status.innerText()).toMatch(/Before you can accept/);
    const statusSnapshot = await status.ariaSnapshot();
    expect(statusSnapshot).toMatch(/^- status:/);
    expect(statusSnapshot).toContain('I have read and agree');
    await tab.close();
  });
});
