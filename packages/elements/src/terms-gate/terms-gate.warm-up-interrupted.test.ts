import { expect, test } from 'vitest';
import { deepQueryAll, expectEventually, mountGate, openDialog } from '../test-support/gate-fixtures.ts';

// The warm-up runs once per page; each test file is a page of its own, so this file holds one test.

test('opening the terms while the warm-up is under way takes its sample out at once: only the real terms are found', async () => {
  // The gate is opened from the observer callback that sees the warm-up's box arrive, while the
  // warm-up still waits for its sample to render.
  let boxWhenOpened: HTMLElement | undefined;
  let opening: Promise<void> | undefined;
  const { gate } = await mountGate({
    onConnected: (gate) =>
      new MutationObserver((records, observer) => {
        const box = records.flatMap((record) => [...record.addedNodes]).find((node): node is HTMLElement => node instanceof HTMLDivElement && !!node.shadowRoot);
        if (!box) return;
        observer.disconnect();
        boxWhenOpened = box;
        opening = gate.show();
      }).observe(gate.shadowRoot!, { childList: true }),
  });
  await expectEventually(() => !!opening, 'the warm-up began');
  expect(boxWhenOpened!.isConnected).toBe(false);
  await opening;
  expect(openDialog(gate.shadowRoot!)).toBeTruthy();
  // Every mark found through the page's shadow roots is one of the real bundle's.
  const marks = deepQueryAll<HTMLElement & { clause: string }>(gate.shadowRoot!, 'terms-highlight').map((mark) => mark.clause);
  expect(marks.length).toBeGreaterThan(0);
  expect(marks).not.toContain('2');
});
