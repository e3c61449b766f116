/**
 * Hydrates server-rendered terms and gates (render.ts). Lit's hydration support must run before any
 * element class is defined, so the elements load after it; each viewer and gate gets the bundle from
 * the page's inline JSON before it upgrades, renders the same template the server did, and adopts
 * the server's DOM instead of replacing it. Nothing is fetched again.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

const bundle = JSON.parse(document.getElementById('terms-bundle')?.textContent ?? 'null');
for (const element of document.querySelectorAll<HTMLElement & { bundle?: unknown }>('terms-viewer, terms-gate')) element.bundle = bundle;
await import('@terms-gate/elements/terms-viewer/define');
if (document.querySelector('terms-gate')) await import('@terms-gate/elements/terms-gate/define');
