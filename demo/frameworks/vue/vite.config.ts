import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { seedTerms } from '../seed-terms.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('terms-') } } }), seedTerms()],
  build: { outDir: 'dist', emptyOutDir: true },
});
