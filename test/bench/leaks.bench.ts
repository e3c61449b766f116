/**
 * Leak check, not a test: opens and closes the gate's terms 200 times in Chromium (through the built
 * `dist/terms-gate.js` and the seed terms) and prints heap used, DOM nodes, JS event listeners and
 * documents after forced garbage collection at 0, 50, 100 and 200 iterations. Flat figures mean
 * nothing is retained per opening. Run with `pnpm bench:leaks` (after `pnpm build`).
 */
import { launchChromium } from '../support/chromium.ts';
import { elementsDist, seedBundle } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Leaks</title></head><body>
<form><terms-gate name="terms" src="/terms/xiaoyi.json"></terms-gate></form>
<script type="module" src="/dist/terms-gate.js"></script></body></html>`;

const server = await serveStatic({ routes: { '/': { body: page, type: 'text/html' }, '/terms/xiaoyi.json': { file: seedBundle }, '/favicon.ico': { status: 204 } }, dirs: { '/dist/': elementsDist } });
const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(server.base);
  await tab.locator('terms-gate [part~="checkbox"]:not([disabled])').waitFor();
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Performance.enable');

  const measure = async (iterations: number) => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
    return { iterations, 'heap used (KB)': Math.round(heap.usedSize / 1024), 'DOM nodes': counters.nodes, 'JS event listeners': counters.jsEventListeners, documents: counters.documents };
  };

  /** One opening: show the terms, open an explanation, close it, dismiss with Escape. */
  const cycle = () =>
    tab.evaluate(async () => {
      const gate = document.querySelector('terms-gate') as HTMLElement & { show(): Promise<void>; hide(): Promise<void> };
      await gate.show();
      const highlight = gate.shadowRoot!.querySelector('terms-modal')!.shadowRoot!.querySelector('terms-viewer')!.shadowRoot!.querySelector('terms-highlight') as HTMLElement & { showExplanation(): Promise<void>; closeExplanation(): void };
      await highlight.showExplanation();
      highlight.closeExplanation();
      await gate.hide();
    });

  const rows = [await measure(0)];
  for (let i = 1; i <= 200; i++) {
    await cycle();
    if (i === 50 || i === 100 || i === 200) rows.push(await measure(i));
  }
  console.table(rows);
} finally {
  await browser.close();
  await server.close();
}
