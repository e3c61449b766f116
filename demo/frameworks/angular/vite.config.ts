import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { seedTerms } from '../seed-terms.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [seedTerms()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
