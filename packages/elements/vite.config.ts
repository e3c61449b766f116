import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from './build/minify-template-literals.ts';

/**
 * The self-contained CDN build: one ES module that registers every element, with lit,
 * @floating-ui/dom, i18next, the zh-CN and en strings and the default styles inside.
 */
export default defineConfig({
  plugins: [minifyTemplateLiterals()],
  resolve: {
    alias: { '@terms-gate/bundle': fileURLToPath(new URL('../bundle/src/index.ts', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // tsc writes the package modules into the same folder first (scripts/build-package.mjs).
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: fileURLToPath(new URL('src/define.ts', import.meta.url)), formats: ['es'], fileName: () => 'terms-gate.js' },
    rolldownOptions: {
      output: {
        // Vite 8 library mode leaves whitespace in ES output unless the output itself is minified too.
        minify: true,
        // `@__PURE__` hints only help a later bundler drop unused code; this file is the final product.
        comments: { annotation: false },
      },
    },
  },
});
