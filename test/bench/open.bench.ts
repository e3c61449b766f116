/**
 * `pnpm bench`: how long the gate takes from holding a bundle object to the dialog painted with
 * its first screen of content (validation, digests, rendering), against the floor of the same text
 * as static HTML inside a native <dialog>, in Chromium, for the seed, GitHub's terms and a
 * generated bundle of about 1 MB. "Painted" is the end of the first frame Chromium's trace shows
 * painted after the dialog is shown (paint-time.ts), for the gate and the floor alike. The gate is in
 * the page's HTML and the page has been idle a moment (as when a reader clicks the terms link); a
 * second column creates the gate in the same task as it gets the bundle, on a page that has not run
 * the library yet. Prints medians and ratios computed within the same run, and the heap the open
 * gate holds as a multiple of the bundle's JSON size (JSON.stringify length): the
 * JavaScript heap at the first screen, and once every chunk of the text is rendered, the JavaScript
 * heap and that plus Blink's garbage-collected heap (the DOM), after a garbage collection each time.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importMarkdown } from '@terms-gate/bundle/import';
import type { TermsBundle } from '@terms-gate/bundle';
import { launchChromium } from '../support/chromium.ts';
import { elementsDist, seedBundle, sharedDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';
import { generateBundle } from './generate-bundle.ts';
import { measuredCode } from './measured-code.ts';
import { SHOWN_MARK, START_MARK, timeToPaint } from './paint-time.ts';
import { bundleAsStaticHtml } from './static-html.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// As a signup page has it: the gate is in the HTML, and the page has been idle a moment before the
// reader clicks. The second page creates the gate in the same task as it gets the bundle, so the
// element's first render and the page's first use of the library fall inside the measured time too.
// Each page is in the language of the bundle's document, so the gate shows the same text as the floor.
const gatePage = (lang: string, withGate: boolean) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title></head><body>
${withGate ? '<terms-gate></terms-gate>' : ''}<script type="module" src="/dist/terms-gate.js"></script></body></html>`;
const staticPage = (html: string, lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>floor</title>
<style>dialog{inline-size:min(48rem,100vw - 2rem);max-block-size:calc(100dvh - 2rem);overflow:auto}</style></head>
<body><dialog id="floor" aria-label="terms">${html}</dialog></body></html>`;

/**
 * Runs in the page: hands the bundle (its JSON) to the page's `<terms-gate>`, or to one created in the
 * same task, shows it, and waits two frames. The clock runs from `START_MARK` to the first frame
 * painted after `SHOWN_MARK` (see paint-time.ts).
 */
async function openGate([text, createGate, marks]: readonly [string, boolean, readonly [string, string]]): Promise<void> {
  const bundle = JSON.parse(text);
  if (createGate) document.body.append(document.createElement('terms-gate'));
  const gate = document.querySelector('terms-gate') as HTMLElement & { bundle: unknown; show(): Promise<void> };
  performance.mark(marks[0]);
  gate.bundle = bundle;
  await gate.show();
  performance.mark(marks[1]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/** The floor: the same text as static HTML in a native `<dialog>`, shown the same way. */
async function openFloor(marks: readonly [string, string]): Promise<void> {
  const dialog = document.getElementById('floor') as HTMLDialogElement;
  performance.mark(marks[0]);
  dialog.showModal();
  performance.mark(marks[1]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

const marks = [START_MARK, SHOWN_MARK] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const github = importMarkdown(await readFile(resolve(sharedDir, 'data/terms-documents/en/github-terms-of-service.md'), 'utf8'), { locale: 'en', bundleId: 'github-terms' });
  const cases: Array<{ name: string; bundle: TermsBundle; target: number }> = [
    { name: 'seed (小忆互联)', bundle: JSON.parse(await readFile(seedBundle, 'utf8')), target: 1.3 },
    { name: "GitHub's terms", bundle: github, target: 1.3 },
    { name: 'generated 1 MB', bundle: generateBundle(1_000_000), target: 0.5 },
  ];
  const routes: Record<string, { body: string; type: string }> = {};
  cases.forEach((c, index) => {
    const lang = c.bundle.documents[0]!.locale;
    routes[`/gate-${index}`] = { body: gatePage(lang, true), type: 'text/html' };
    routes[`/bare-gate-${index}`] = { body: gatePage(lang, false), type: 'text/html' };
    routes[`/floor-${index}`] = { body: staticPage(bundleAsStaticHtml(c.bundle), lang), type: 'text/html' };
  });
  const server = await serveStatic({ routes, dirs: { '/dist/': elementsDist } });
  const browser = await launchChromium();
  const browserVersion = browser.version();
  const rows: string[][] = [];
  try {
    for (const [index, benchCase] of cases.entries()) {
      const json = JSON.stringify(benchCase.bundle);
      const gateTimes: number[] = [];
      const bareTimes: number[] = [];
      const floorTimes: number[] = [];
      let heapRatio = 0;
      let renderedRatio = 0;
      let withDomRatio = 0;
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${server.base}/gate-${index}`);
        await page.waitForFunction(() => customElements.get('terms-gate'));
        await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(() => requestIdleCallback(idle), 300))));
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const start = await cdp.send('Runtime.getHeapUsage');
        const before = start.usedSize;
        gateTimes.push(await timeToPaint(page, () => page.evaluate(openGate, [json, false, marks] as const)));
        await cdp.send('HeapProfiler.collectGarbage');
        const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        heapRatio = Math.max(heapRatio, (after - before) / json.length);
        // Once the chunks are all rendered (the scroll height stops growing for 10 frames).
        await page.evaluate(async () => {
          const modal = document.querySelector('terms-gate')!.shadowRoot!.querySelector('terms-modal')!;
          const body = modal.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!;
          for (let quiet = 0, height = 0; quiet < 10; ) {
            await new Promise((done) => requestAnimationFrame(done));
            quiet = body.scrollHeight === height ? quiet + 1 : 0;
            height = body.scrollHeight;
          }
        });
        await cdp.send('HeapProfiler.collectGarbage');
        const rendered = await cdp.send('Runtime.getHeapUsage');
        renderedRatio = Math.max(renderedRatio, (rendered.usedSize - before) / json.length);
        withDomRatio = Math.max(withDomRatio, (rendered.usedSize + rendered.embedderHeapUsedSize - start.usedSize - start.embedderHeapUsedSize) / json.length);
        await page.close();

        const bare = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await bare.goto(`${server.base}/bare-gate-${index}`);
        await bare.waitForFunction(() => customElements.get('terms-gate'));
        bareTimes.push(await timeToPaint(bare, () => bare.evaluate(openGate, [json, true, marks] as const)));
        await bare.close();

        const floor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await floor.goto(`${server.base}/floor-${index}`);
        floorTimes.push(await timeToPaint(floor, () => floor.evaluate(openFloor, marks)));
        await floor.close();
      }
      const gate = median(gateTimes);
      const bareGate = median(bareTimes);
      const floor = median(floorTimes);
      rows.push([
        benchCase.name,
        `${(json.length / 1024).toFixed(0)} KB`,
        gate.toFixed(1),
        floor.toFixed(1),
        (gate / floor).toFixed(2),
        `≤ ${benchCase.target}`,
        gate / floor <= benchCase.target ? 'met' : 'not met',
        `${bareGate.toFixed(1)} (${(bareGate / floor).toFixed(2)})`,
        heapRatio.toFixed(1),
        renderedRatio.toFixed(1),
        withDomRatio.toFixed(1),
      ]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const header = ['bundle', 'JSON', 'gate ms', 'static ms', 'ratio', 'target', '', 'gate created with the bundle, ms (ratio)', 'heap ÷ JSON, first screen', 'all rendered', 'all rendered, with DOM'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`Measuring ${measuredCode()}`);
  if (!hasChineseFont())
    console.log('No font on this machine covers Chinese (fc-list :lang=zh): the seed is laid out with fallback boxes, which costs the gate and the floor more than real glyphs would (Debian: apt-get install fonts-wqy-microhei).');
  console.log(`Opening the gate, median of ${RUNS} runs, Chromium ${browserVersion}, viewport 1280×800, from holding the bundle to the end of the first frame painted with the dialog (heap: the largest of the runs)`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

/** Whether fontconfig knows a font for Chinese text; true where fontconfig is missing (not Linux), as there a system font usually does. */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return true;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
