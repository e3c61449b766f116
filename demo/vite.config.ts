import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from '../vite.config.ts';

/** The signup demo: the gate on the seed terms, served from source. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias },
  server: { host: '127.0.0.1', port: 5173 },
  // Only the pages this server shows: the framework examples under frameworks/ are built and tested
  // on their own (the React 18 one needs @terms-gate/react built first).
  optimizeDeps: { entries: ['index.html', 'receipts.html'] },
});
