import { describe, expect, test } from 'vitest';
import type { Receipt } from '@terms-gate/bundle';
import { MemoryReceiptStore, ReceiptStore, type ReceiptStorage } from './receipt-store.ts';

const receipt = {
  format: 'terms-gate-receipt/1',
  outcome: 'accept',
  bundle: { id: 'xiaoyi-platform-terms', version: '1.0', digest: 'sha256:ab' },
  decidedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Receipt;

describe.each([
  ['SQLite', () => new ReceiptStore(':memory:')],
  ['memory (when SQLite cannot be built)', () => new MemoryReceiptStore()],
])('%s receipt store', (_name, create: () => ReceiptStorage) => {
  test('keeps each receipt whole with its verification, newest first', () => {
    const store = create();
    store.add('a@example.com', receipt, { ok: true, problems: [] });
    store.add('b@example.com', { ...receipt, outcome: 'decline' }, { ok: false, problems: ['integrity: changed'] });
    const [newest, oldest] = store.list();
    expect(newest).toMatchObject({ id: 2, account: 'b@example.com', outcome: 'decline', verified: false, problems: ['integrity: changed'] });
    expect(oldest).toMatchObject({ id: 1, account: 'a@example.com', bundleId: 'xiaoyi-platform-terms', version: '1.0', verified: true });
    expect(oldest!.receipt).toEqual(receipt);
    store.close();
  });
});
