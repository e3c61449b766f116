/** A CSS media feature to emulate, as Chromium's DevTools protocol names it. */
export interface MediaFeature {
  name: 'forced-colors' | 'prefers-color-scheme' | 'prefers-reduced-motion' | 'prefers-contrast';
  value: string;
}

type Emulate = (features: MediaFeature[]) => Promise<void>;

const KEY = Symbol.for('terms-gate.stories.emulate-media');
type WithEmulation = typeof globalThis & { [KEY]?: Emulate };

/** Called by the Vitest setup file, where the browser's DevTools protocol is reachable. */
export function provideMediaEmulation(emulate: Emulate): void {
  (globalThis as WithEmulation)[KEY] = emulate;
}

/**
 * Emulates media features for the page (an empty list clears them). Resolves `false` where no
 * emulation is available, as in Storybook's own UI: there use DevTools → Rendering → "Emulate CSS
 * media feature forced-colors".
 */
export async function emulateMedia(features: MediaFeature[]): Promise<boolean> {
  const emulate = (globalThis as WithEmulation)[KEY];
  if (!emulate) return false;
  await emulate(features);
  return true;
}
