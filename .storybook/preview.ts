import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import { deepQueryAll } from '../stories/support/elements.ts';
import { emulateMedia } from '../stories/support/media.ts';

// Generated from the element classes' JSDoc by `pnpm cem` (the storybook scripts run it first). In a
// fresh clone before that, the stories still render and test; only the docs pages lack API tables.
const manifests = import.meta.glob<unknown>('../packages/elements/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

// Rendering a 24-clause document and computing its digests can take a few seconds on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const openDialogs = () => deepQueryAll<HTMLDialogElement>(document, 'dialog').filter((dialog) => dialog.open);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Any axe violation fails the story's test, in the Vitest run and in Storybook's test widget.
      test: 'error',
      options: { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    },
  },
  // Each story starts from a clean page: no media emulation left from an earlier story (emulation
  // outlives a story, even across files), and no modal dialog left open, which would make the page
  // inert. Each story closes whatever dialog it opened.
  beforeEach: async () => {
    await emulateMedia([]);
    const leftOpen = openDialogs();
    if (leftOpen.length) throw new Error(`${leftOpen.length} dialog(s) from an earlier story are still open`);
    return () => {
      for (const dialog of openDialogs()) dialog.close();
    };
  },
};

export default preview;
