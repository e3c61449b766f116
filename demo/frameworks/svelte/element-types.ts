/**
 * What a Svelte 5 template may write on the elements, checked by the compiler against the generated
 * `@terms-gate/elements/types/svelte` (Svelte's own checker reads the same `SvelteHTMLElements`).
 */
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from '@terms-gate/elements/types/svelte';

type Gate = SvelteHTMLElements['terms-gate'];

export const signupGate: Gate = {
  src: '/terms/xiaoyi.json',
  name: 'terms',
  required: true,
  'onterms-accept': (event) => console.log(event.detail.receipt.bundle.digest),
  'onterms-error': (event) => console.error(event.detail.error.message),
};

// @ts-expect-error: a receipt has no `signature` field, so a typo in a handler is caught.
export const typo: Gate = { 'onterms-accept': (event) => event.detail.receipt.signature };

// @ts-expect-error: `required` is a boolean property.
export const wrongType: Gate = { required: 'yes' };
