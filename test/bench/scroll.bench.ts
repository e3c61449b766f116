/**
 * `pnpm bench:scroll`: scrolls the generated 1 MB bundle from top to bottom inside the open gate,
 * with visibility tracking on (the gate always tracks), one screen per frame (the scroll box's visible
 * height: a longer step would skip text, and marked clauses lying across the skipped strip would
 * never be on screen), in Chromium.
 * Prints the long tasks (over 50 ms, PerformanceObserver 'longtask') while scrolling, the time spent
 * in IntersectionObserver callbacks, and what visibility tracking saw, median of several runs: the
 * `terms-visibility` events (heard on the viewer itself: the modal records them in the gate's
 * session and stops them there, so they never reach the gate element), the marked clauses they
 * reported in view, and the marked clauses the receipt lists as `seen` when the run
 * ends with Decline.
 */
import { launchChromium } from '../support/chromium.ts';
import { elementsDist } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';
import { markedClauses, type Receipt } from '@terms-gate/bundle';
import { generateBundle } from './generate-bundle.ts';
import { measuredCode } from './measured-code.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// Wraps IntersectionObserver before the library loads, so every callback's time is counted.
const gatePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
  window.ioMs = 0;
  // tsx names functions it compiles with a helper the page does not have.
  window.__name = (target) => target;
  const Native = IntersectionObserver;
  window.IntersectionObserver = class extends Native {
    constructor(callback, options) {
      super((entries, observer) => { const start = performance.now(); try { callback(entries, observer); } finally { window.ioMs += performance.now() - start; } }, options);
    }
  };
</script></head><body><script type="module" src="/dist/terms-gate.js"></script></body></html>`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const bundle = generateBundle(1_000_000);
  const json = JSON.stringify(bundle);
  const marked = markedClauses(bundle).length;
  const server = await serveStatic({ routes: { '/gate': { body: gatePage, type: 'text/html' } }, dirs: { '/dist/': elementsDist } });
  const browser = await launchChromium();
  const browserVersion = browser.version();
  const results: Array<{ scrollMs: number; longTasks: number; longestMs: number; longMs: number; ioMs: number; events: number; inView: number; inReceipt: number; steps: number; screen: number }> = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.base}/gate`);
      await page.waitForFunction(() => customElements.get('terms-gate'));
      results.push(
        await page.evaluate(async (text) => {
          const gate = document.createElement('terms-gate') as HTMLElement & { bundle: unknown; show(): Promise<void> };
          document.body.append(gate);
          gate.bundle = JSON.parse(text);
          await gate.show();
          const modal = gate.shadowRoot!.querySelector('terms-modal')!;
          const body = modal.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!;
          // Listened to on the viewer: the modal stops the event once the session has it.
          let events = 0;
          const inView = new Set<string>();
          modal.shadowRoot!.querySelector('terms-viewer')!.addEventListener('terms-visibility', (event) => {
            const { clause, visible } = (event as CustomEvent<{ clause: string; visible: boolean }>).detail;
            events++;
            if (visible) inView.add(clause);
          });
          const frame = () => new Promise((done) => requestAnimationFrame(done));
          // Let the chunks finish rendering, so the scroll measures scrolling.
          for (let quiet = 0, height = 0; quiet < 10; ) {
            await frame();
            quiet = body.scrollHeight === height ? quiet + 1 : 0;
            height = body.scrollHeight;
          }
          const tasks: number[] = [];
          const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
          observer.observe({ type: 'longtask' });
          (window as unknown as { ioMs: number }).ioMs = 0;
          const start = performance.now();
          let steps = 0;
          while (body.scrollTop + body.clientHeight < body.scrollHeight - 1) {
            body.scrollTop += body.clientHeight;
            steps++;
            await frame();
          }
          await frame();
          await frame();
          const scrollMs = performance.now() - start;
          const screen = body.clientHeight;
          observer.disconnect();
          // What the gate recorded: decline, and read the receipt's visibility.
          const declined = new Promise<Receipt>((done) => gate.addEventListener('terms-decline', (event) => done(event.detail.receipt), { once: true }));
          modal.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
          const receipt = await declined;
          return {
            scrollMs,
            longTasks: tasks.length,
            longestMs: Math.max(0, ...tasks),
            longMs: tasks.reduce((a, b) => a + b, 0),
            ioMs: (window as unknown as { ioMs: number }).ioMs,
            events,
            inView: inView.size,
            inReceipt: receipt.marked.filter((clause) => clause.seen).length,
            steps,
            screen,
          };
        }, json),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const m = (key: keyof (typeof results)[number]) => median(results.map((r) => r[key]));
  const screen = m('screen');
  console.log(`Measuring ${measuredCode()}`);
  console.log(`Scrolling the generated 1 MB bundle (${(json.length / 1024).toFixed(0)} KB) top to bottom, one screen (${screen} px) per frame, median of ${RUNS} runs, Chromium ${browserVersion}, viewport 1280×800`);
  console.log('| frames | scroll ms | ms per frame | long tasks | longest ms | long-task ms | IntersectionObserver ms | visibility events | marked clauses seen | seen in receipt |');
  console.log('| ------ | --------- | ------------ | ---------- | ---------- | ------------ | ----------------------- | ----------------- | ------------------- | --------------- |');
  console.log(
    `| ${m('steps')} | ${m('scrollMs').toFixed(0)} | ${(m('scrollMs') / m('steps')).toFixed(1)} | ${m('longTasks')} | ${m('longestMs').toFixed(0)} | ${m('longMs').toFixed(0)} | ${m('ioMs').toFixed(1)} | ${m('events')} | ${m('inView')} of ${marked} | ${m('inReceipt')} of ${marked} |`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
