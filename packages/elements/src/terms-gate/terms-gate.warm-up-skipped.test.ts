import { expect, test } from 'vitest';
import { mountGate } from '../test-support/gate-fixtures.ts';

// The warm-up runs once per page; each test file is a page of its own, so this file holds one test.

test('a page whose terms are opened before it is idle does no warm-up: the work is already done', async () => {
  const { gate } = await mountGate();
  const added: Node[] = [];
  new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes))).observe(gate.shadowRoot!, { childList: true, subtree: true });
  await gate.show();
  await new Promise<void>((done) => requestIdleCallback(() => setTimeout(() => requestIdleCallback(() => done()), 100)));
  expect(added.filter((node) => node instanceof HTMLElement && node.hidden && node.shadowRoot)).toEqual([]);
});
