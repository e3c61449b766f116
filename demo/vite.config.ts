import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from '../vite.config.ts';

/** The signup demo: the gate on the seed terms, served from source. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias },
  server: { host: '127.0.0.1', port: 5173 },
});
