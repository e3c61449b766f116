import { expect, test } from 'vitest';
import { deepQuery, expectEventually, mountGate, openDialog } from '../test-support/gate-fixtures.ts';

// The warm-up runs once per page; each test file is a page of its own, so this file holds one test.

const idle = () => new Promise<void>((done) => requestIdleCallback(() => done()));

test('the first gate of a page warms up in idle time and leaves no trace: nothing shown, moved, focused or dispatched', async () => {
  const seen: string[] = [];
  for (const type of ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-explain', 'terms-error', 'terms-visibility', 'terms-acknowledge', 'terms-action'])
    document.addEventListener(type, () => seen.push(type), true);
  const focusBefore = document.activeElement;
  const added: Node[] = [];
  const removed: Node[] = [];
  const visibleWhenAdded: boolean[] = [];
  const watcher = new MutationObserver((records) =>
    records.forEach((record) => {
      added.push(...record.addedNodes);
      removed.push(...record.removedNodes);
      for (const node of record.addedNodes) if (node instanceof HTMLDivElement && node.shadowRoot && node.isConnected) visibleWhenAdded.push(node.checkVisibility({ visibilityProperty: true }));
    }),
  );
  const shifts: PerformanceEntry[] = [];
  const layoutShifts = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
  layoutShifts.observe({ type: 'layout-shift' });
  const { gate } = await mountGate({ onConnected: (gate) => watcher.observe(gate.shadowRoot!, { childList: true }) });
  const warmUpBox = () => added.find((node): node is HTMLElement => node instanceof HTMLDivElement && !!node.shadowRoot);
  await expectEventually(() => !!warmUpBox() && removed.includes(warmUpBox()!), 'the warm-up came and went');
  await idle();
  watcher.disconnect();
  layoutShifts.disconnect();

  const box = warmUpBox()!;
  expect(box.isConnected).toBe(false);
  // It ran the real modal, viewer and mark on its sample.
  const modal = box.shadowRoot!.querySelector('terms-modal')!;
  expect(modal.shadowRoot!.querySelector('terms-viewer')!.shadowRoot!.querySelectorAll('terms-highlight')).toHaveLength(1);
  // Its dialog was laid out in place, invisible, never modal; nothing on the page moved.
  expect(modal.shadowRoot!.querySelector('dialog')!.matches(':modal')).toBe(false);
  expect(visibleWhenAdded).toEqual([false]);
  expect(shifts).toEqual([]);
  expect(seen).toEqual([]);
  expect(document.activeElement).toBe(focusBefore);

  // The page's own gate is untouched and opens as usual.
  expect(gate.shadowRoot!.querySelectorAll('terms-modal')).toHaveLength(1);
  await gate.show();
  expect(openDialog(gate.shadowRoot!)).toBeTruthy();
  expect(deepQuery(gate.shadowRoot!, '[part~="title"]').textContent).toBe('示例平台服务条款');
});
