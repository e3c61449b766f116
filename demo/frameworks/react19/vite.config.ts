import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { seedTerms } from '../seed-terms.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), seedTerms()],
  build: { outDir: 'dist', emptyOutDir: true },
});
