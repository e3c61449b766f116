/**
 * `pnpm bench:import`: how the time to bring terms in grows with their size.
 *
 * 1. `terms-bundle import` in Node: the steps the CLI runs (`importMarkdown`, then `parseBundle` on
 *    its output, then `JSON.stringify(…, null, 2)`), in process, on the seed Markdown and on generated
 *    Markdown of about 0.25, 0.5 and 1 MB (generate-markdown.ts), with the importer's own steps timed
 *    one by one; and the real CLI process (`node packages/bundle/dist/cli.js import`) on the seed.
 * 2. Opening a bundle: `parseBundle` on the JSON text (parse and validate) and `computeDigests`, on
 *    generated bundles of about 0.25, 0.5 and 1 MB (generate-bundle.ts, the same generator as the
 *    other benches), in Chromium (the built `@terms-gate/bundle` dist served to a fresh page a run)
 *    and in Node (the same dist files).
 *
 * In Node, all sizes are measured in rounds (the first round only warms up). In Chromium each run is
 * a fresh page that first parses and digests the seed bundle once, then the measured bundle: about
 * what a page that opens its terms does. Prints medians of BENCH_RUNS runs (default 5), ms per MB
 * (MB = 10^6 bytes of UTF-8) and the ratio of times per doubling of the size (linear ≈ 2.0).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importMarkdown } from '@terms-gate/bundle/import';
import { buildClauseTree } from '@terms-gate/bundle/import/clause-tree.ts';
import { readFrontMatter } from '@terms-gate/bundle/import/front-matter.ts';
import { collectDefinitions } from '@terms-gate/bundle/import/inline.ts';
import { joinBrokenParagraphs } from '@terms-gate/bundle/import/join-paragraphs.ts';
import { parseMarkdown } from '@terms-gate/bundle/import/markdown.ts';
import { extractMetadata } from '@terms-gate/bundle/import/metadata.ts';
import { buildOutline } from '@terms-gate/bundle/import/outline.ts';
import { parseBundle } from '@terms-gate/bundle';
import { launchChromium } from '../support/chromium.ts';
import { repoRoot, seedBundle, seedMarkdown } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';
import { generateBundle } from './generate-bundle.ts';
import { generateMarkdown } from './generate-markdown.ts';
import { measuredCode } from './measured-code.ts';

type BundleModule = typeof import('@terms-gate/bundle');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [250_000, 500_000, 1_000_000];
// BUNDLE_DIST: measure opening with another build of @terms-gate/bundle (a folder whose index.js is its entry).
const bundleDist = resolve(process.env.BUNDLE_DIST ?? resolve(repoRoot, 'packages/bundle/dist'));
const cliDist = resolve(repoRoot, 'packages/bundle/dist/cli.js');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const kb = (size: number) => `${(size / 1024).toFixed(0)} KB`;

/** Times `steps` in order, each given the previous one's result; returns ms per step. */
function timeSteps<T extends Record<string, (input: any) => unknown>>(input: unknown, steps: T): Record<keyof T, number> {
  const times = {} as Record<keyof T, number>;
  let value = input;
  for (const [name, step] of Object.entries(steps)) {
    const start = performance.now();
    value = step(value);
    times[name as keyof T] = performance.now() - start;
  }
  return times;
}

/** The CLI's `import` path, as `runImport` in packages/bundle/src/cli.ts runs it, step by step. */
function cliImport(source: string) {
  return timeSteps(source, {
    importMarkdown: (text: string) => importMarkdown(text),
    parseBundle: (bundle) => {
      const result = parseBundle(bundle);
      if (!result.ok) throw new Error(`the imported bundle is invalid: ${result.errors[0]?.message}`);
      return result.bundle;
    },
    'JSON.stringify': (bundle) => JSON.stringify(bundle, null, 2) + '\n',
  });
}

/** `importMarkdown`'s own steps (packages/bundle/src/import/index.ts, readDocument), one by one. */
function importerSteps(source: string) {
  let root: ReturnType<typeof parseMarkdown>;
  let frontMatter: ReturnType<typeof readFrontMatter>;
  return timeSteps(source, {
    'markdown (mdast)': (text: string) => (root = parseMarkdown(text)),
    outline: () => buildOutline(root, collectDefinitions(root.children)),
    metadata: (outline: ReturnType<typeof buildOutline>) => extractMetadata(outline.entries, (frontMatter = readFrontMatter(outline.frontMatter ?? ''))),
    'join paragraphs': (metadata: ReturnType<typeof extractMetadata>) => joinBrokenParagraphs(metadata.entries),
    'clause tree': (entries: ReturnType<typeof joinBrokenParagraphs>) => buildClauseTree(entries),
  });
}

/** Medians per step over several runs of `measure`. */
function medians(runs: Array<Record<string, number>>): Record<string, number> {
  const names = Object.keys(runs[0]!);
  return Object.fromEntries(names.map((name) => [name, median(runs.map((run) => run[name]!))]));
}

/** One table: a row per step, the seed's ms (if any), ms per size, ms per MB per size, ratios per doubling. */
function table(title: string, sizes: Array<{ label: string; bytes: number }>, times: Array<Record<string, number>>, seed?: { bytes: number; times: Record<string, number> }) {
  const header = [
    'step',
    ...(seed ? [`seed ${kb(seed.bytes)} ms`] : []),
    ...sizes.map((s) => `${s.label} (${kb(s.bytes)}) ms`),
    ...sizes.map((s) => `${s.label} ms/MB`),
    `${sizes[1]!.label} ÷ ${sizes[0]!.label}`,
    `${sizes[2]!.label} ÷ ${sizes[1]!.label}`,
  ];
  const rows = Object.keys(times[0]!).map((step) => {
    const ms = times.map((t) => t[step]!);
    return [
      step,
      ...(seed ? [seed.times[step]!.toFixed(1)] : []),
      ...ms.map((v) => v.toFixed(1)),
      ...ms.map((v, i) => (v / (sizes[i]!.bytes / 1e6)).toFixed(0)),
      (ms[1]! / ms[0]!).toFixed(2),
      (ms[2]! / ms[1]!).toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function benchImport() {
  const seed = await readFile(seedMarkdown, 'utf8');
  const documents = SIZES.map((size) => generateMarkdown(size));
  for (const { markdown, clauses } of documents) {
    const bundle = importMarkdown(markdown);
    const found = JSON.stringify(bundle).match(/"kind":"clause"/g)?.length ?? 0;
    if (found !== clauses) throw new Error(`the generated Markdown imported as ${found} numbered clauses instead of ${clauses}`);
  }
  // Rounds over every size, so drift in a busy machine's load touches all sizes alike; the first
  // round only warms up.
  const sources = [seed, ...documents.map((d) => d.markdown)];
  const runs: Array<Array<Record<string, number>>> = sources.map(() => []);
  for (let round = 0; round <= RUNS; round++) {
    for (const [i, source] of sources.entries()) {
      const times = { ...cliImport(source), ...importerSteps(source) };
      if (round > 0) runs[i]!.push(times);
    }
  }
  const [seedRuns, ...sizeRuns] = runs as [Array<Record<string, number>>, ...Array<Array<Record<string, number>>>];

  // The real command, as an author runs it: a fresh Node process on the built CLI.
  const out = await mkdtemp(join(tmpdir(), 'terms-gate-bench-'));
  const processMs: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      execFileSync(process.execPath, [cliDist, 'import', seedMarkdown, '-o', join(out, 'seed.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
      processMs.push(performance.now() - start);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }

  const order = (t: Record<string, number>) => {
    const { importMarkdown: imported, parseBundle: parsed, 'JSON.stringify': written, ...steps } = t;
    return { 'CLI path: total': imported! + parsed! + written!, importMarkdown: imported!, parseBundle: parsed!, 'JSON.stringify': written!, ...Object.fromEntries(Object.entries(steps).map(([k, v]) => [`  importer: ${k}`, v])) };
  };
  const sizes = documents.map(({ markdown }, i) => ({ label: `${SIZES[i]! / 1e6} MB`, bytes: bytes(markdown) }));
  table(
    `terms-bundle import in Node ${process.version} (in process, the CLI's calls), median of ${RUNS} runs; generated Markdown: ${documents.map((d) => `${d.clauses} clauses`).join(', ')}`,
    sizes,
    sizeRuns.map((runs) => order(medians(runs))),
    { bytes: bytes(seed), times: order(medians(seedRuns)) },
  );
  console.log(`\nterms-bundle import on the seed as its own process (node dist/cli.js import seed -o file): ${median(processMs).toFixed(0)} ms, median of ${RUNS}`);
}

/** The page's part: parse and validate the JSON text, then compute the digests, timed separately. */
async function parseAndDigest(api: BundleModule, text: string) {
  let start = performance.now();
  const result = api.parseBundle(text);
  const parseMs = performance.now() - start;
  if (!result.ok) throw new Error(`invalid bundle: ${result.errors[0]?.message}`);
  start = performance.now();
  await api.computeDigests(result.bundle);
  const digestMs = performance.now() - start;
  // Diagnostics: the two halves of computeDigests' work on the whole bundle.
  start = performance.now();
  const canonical = api.canonicalJson(result.bundle);
  const canonicalMs = performance.now() - start;
  start = performance.now();
  await api.sha256Hex(canonical);
  const hashMs = performance.now() - start;
  return { parseMs, digestMs, canonicalMs, hashMs };
}

const openingSteps = (t: { parseMs: number; digestMs: number; canonicalMs: number; hashMs: number }) => ({
  'parse + digests': t.parseMs + t.digestMs,
  'parseBundle (JSON text)': t.parseMs,
  computeDigests: t.digestMs,
  '  canonicalJson (whole bundle, alone)': t.canonicalMs,
  '  sha256Hex (whole bundle, alone)': t.hashMs,
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">import * as api from '/bundle/index.js'; window.termsBundle = api;</script></body></html>`;

async function benchOpening() {
  const seedText = await readFile(seedBundle, 'utf8');
  const texts = SIZES.map((size) => JSON.stringify(generateBundle(size)));
  const sizes = texts.map((text, i) => ({ label: `${SIZES[i]! / 1e6} MB`, bytes: bytes(text) }));

  // Node, on the same built files the browser gets.
  const api = (await import(pathToFileURL(join(bundleDist, 'index.js')).href)) as BundleModule;
  await parseAndDigest(api, seedText);
  const nodeRuns: Array<Array<ReturnType<typeof openingSteps>>> = texts.map(() => []);
  for (let round = 0; round <= RUNS; round++) {
    for (const [i, text] of texts.entries()) {
      const times = openingSteps(await parseAndDigest(api, text));
      if (round > 0) nodeRuns[i]!.push(times);
    }
  }

  const routes: Record<string, { body: string; type: string }> = { '/': { body: page, type: 'text/html' }, '/seed.json': { body: seedText, type: 'application/json' } };
  texts.forEach((text, i) => (routes[`/bundle-${i}.json`] = { body: text, type: 'application/json' }));
  const server = await serveStatic({ routes, dirs: { '/bundle/': bundleDist } });
  const browser = await launchChromium();
  const browserVersion = browser.version();
  const chromiumRuns: Array<Array<ReturnType<typeof openingSteps>>> = texts.map(() => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const i of texts.keys()) {
        const tab = await browser.newPage();
        await tab.goto(`${server.base}/`);
        await tab.waitForFunction(() => 'termsBundle' in window);
        const times = await tab.evaluate(
          async ([name, source]) => {
            // tsx names functions it compiles with a helper the page does not have.
            (window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
            const api = (window as unknown as { termsBundle: BundleModule }).termsBundle;
            const measure = new Function('api', 'text', `return (${source})(api, text)`) as typeof parseAndDigest;
            const [seed, text] = await Promise.all([fetch('/seed.json').then((r) => r.text()), fetch(name).then((r) => r.text())]);
            await measure(api, seed); // warm-up
            return measure(api, text);
          },
          [`/bundle-${i}.json`, parseAndDigest.toString()] as const,
        );
        chromiumRuns[i]!.push(openingSteps(times));
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  table(
    `Opening a bundle in Chromium ${browserVersion} (dist, fresh page a run), median of ${RUNS} runs; generated bundles (JSON size in brackets)`,
    sizes,
    chromiumRuns.map((runs) => medians(runs)),
  );
  table(`The same in Node ${process.version}`, sizes, nodeRuns.map((runs) => medians(runs)));
}

async function main() {
  const only = process.argv[2];
  console.log(`Measuring ${measuredCode()}${process.env.BUNDLE_DIST ? `; opening measured with the build in ${bundleDist} (BUNDLE_DIST)` : ''}`);
  if (only !== 'opening') await benchImport();
  if (only !== 'import') await benchOpening();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
