import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const seed = fileURLToPath(new URL('../terms/xiaoyi.json', import.meta.url));

/**
 * Every example loads the demo's seed terms from `/terms/xiaoyi.json`: served by `vite` while
 * developing, and written into the built app so `dist/` works from any static server.
 */
export function seedTerms(): Plugin {
  return {
    name: 'terms-gate-example:seed-terms',
    configureServer(server) {
      server.middlewares.use('/terms/xiaoyi.json', (_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(readFileSync(seed));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'terms/xiaoyi.json', source: readFileSync(seed) });
    },
  };
}
