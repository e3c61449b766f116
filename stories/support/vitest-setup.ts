/**
 * Setup of the Vitest `stories` project: hands the stories Chromium's CSS media emulation, which
 * a page cannot switch on by itself. Storybook's own UI has no such hook; there a story that needs it
 * says how to turn it on in DevTools (see ./media.ts).
 */
import { cdp } from 'vitest/browser';
import { provideMediaEmulation } from './media.ts';

provideMediaEmulation(async (features) => {
  await cdp().send('Emulation.setEmulatedMedia', { media: '', features });
});
