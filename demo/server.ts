/**
 * The signup demo: the gate on the seed terms, served by Vite from source, with a small back end
 * that verifies each receipt and stores it in SQLite. `pnpm start` runs it.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer as createVite } from 'vite';
import { parseBundle, type TermsBundle } from '@terms-gate/bundle';
import { receiptApi } from './api.ts';
import { MemoryReceiptStore, ReceiptStore, type ReceiptStorage } from './receipt-store.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export function loadDemoBundles(): Map<string, TermsBundle> {
  const result = parseBundle(readFileSync(here('terms/xiaoyi.json'), 'utf8'));
  if (!result.ok) throw new Error(`demo/terms/xiaoyi.json is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  return new Map([[result.bundle.id, result.bundle]]);
}

export async function startDemoServer(options: { port?: number; host?: string; database?: string } = {}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  let store: ReceiptStorage;
  try {
    store = new ReceiptStore(options.database ?? ':memory:');
  } catch (error) {
    console.warn(`terms-gate demo: ${error instanceof Error ? error.message : String(error)} Receipts are kept in memory until the server stops.`);
    store = new MemoryReceiptStore();
  }
  const api = receiptApi(store, loadDemoBundles());
  const vite = await createVite({ configFile: here('vite.config.ts'), server: { middlewareMode: true, hmr: false }, appType: 'mpa', logLevel: 'warn' });
  const server = createServer((request, response) => {
    void api(request, response).then((handled) => {
      if (!handled) vite.middlewares(request, response);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 5173, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
      store.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(here('.data'), { recursive: true });
  const { url } = await startDemoServer({ port: Number(process.env.PORT ?? 5173), database: here('.data/receipts.sqlite') });
  console.log(`terms-gate demo: ${url}  (stored receipts: ${url}receipts.html)`);
}
