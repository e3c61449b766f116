import { expect, test } from 'vitest';
import { mountGate, openDialog, sampleBundle } from '../test-support/gate-fixtures.ts';

// The warm-up runs once per page; each test file is a page of its own, so this file holds one test.

test('a page whose terms are opened before it is idle does no warm-up: the work is already done', async () => {
  const added: Node[] = [];
  const watcher = new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes)));
  let opening: Promise<void> | undefined;
  const bundle = sampleBundle();
  const { gate } = await mountGate({
    bundle,
    onConnected: (gate) => {
      watcher.observe(gate.shadowRoot!, { childList: true });
      gate.bundle = bundle;
      opening = gate.show();
    },
  });
  await opening;
  expect(openDialog(gate.shadowRoot!)).toBeTruthy();
  await new Promise<void>((done) => requestIdleCallback(() => setTimeout(() => requestIdleCallback(() => done()), 100)));
  expect(added.filter((node) => node instanceof HTMLDivElement && node.shadowRoot)).toEqual([]);
});
