import { defineConfig } from 'vite';
import { alias } from '../vite.config.ts';

/** The signup demo: the gate on the seed terms, served from source. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  resolve: { alias: { ...alias, '@terms-gate/elements/define': new URL('../packages/elements/src/define.ts', import.meta.url).pathname } },
  server: { host: '127.0.0.1', port: 5173 },
});
