import { describe, expect, test } from 'vitest';
import { buildReceipt, computeDigests, sealReceipt, type RecordedFacts, type TermsBundle } from '@terms-gate/bundle';
import { changesSince, needsReconsent } from './reconsent.ts';

const bundle = (version: string, edit: (b: TermsBundle) => void = () => {}): TermsBundle => {
  const value: TermsBundle = {
    format: 1,
    id: 'reconsent',
    version,
    documents: [
      {
        id: 'terms',
        locale: 'zh-CN',
        title: '条款',
        effectiveDate: '2025-08-10',
        clauses: [
          {
            id: '4',
            heading: ['免责'],
            clauses: [
              { id: '4.1', body: [{ type: 'paragraph', text: ['不保证服务不中断。'] }], highlight: { kinds: ['limits-liability'], source: 'author' } },
              { id: '4.2', body: [{ type: 'paragraph', text: ['普通条款。'] }] },
              { id: '4.4', body: [{ type: 'paragraph', text: ['赔偿不超过已付费用。'] }], highlight: { kinds: ['limits-liability'], critical: true, source: 'author' } },
            ],
          },
        ],
      },
    ],
  };
  edit(value);
  return value;
};

async function acceptedReceipt(accepted: TermsBundle) {
  const digests = await computeDigests(accepted);
  const facts: RecordedFacts = {
    outcome: 'accept',
    locale: 'zh-CN',
    openedAt: '2025-08-10T08:00:00.000Z',
    decidedAt: '2025-08-10T08:05:00.000Z',
    requirements: { requireRead: false, minReadSeconds: 0, requireAcknowledge: false },
    visibility: [],
    explanations: [],
    acknowledgements: [],
    checkbox: [{ checked: true, at: '2025-08-10T08:04:00.000Z' }],
    consents: [],
    documentsOpened: ['terms'],
    library: { name: 'test', version: '0' },
  };
  return sealReceipt(buildReceipt(accepted, digests, facts));
}

const clauses = (bundleValue: TermsBundle) => bundleValue.documents[0]!.clauses[0]!.clauses!;

describe('needsReconsent', () => {
  test.each([
    ['1.0', '1.3', false],
    ['1.3', '1.0', false],
    ['1.9', '2.0', true],
    ['2.0', '10.0', true],
  ])('accepted %s, now %s → %s', (accepted, current, expected) => {
    expect(needsReconsent(accepted, current)).toBe(expected);
  });
});

describe('changesSince', () => {
  test('with the earlier bundle: each added, changed and removed clause, by its own text', async () => {
    const old = bundle('1.0');
    const next = bundle('2.0', (b) => {
      const list = clauses(b);
      list[1]!.body = [{ type: 'paragraph', text: ['普通条款（已修订）。'] }];
      list.splice(2, 1);
      list.push({ id: '4.5', body: [{ type: 'paragraph', text: ['新增的仲裁条款。'] }], highlight: { kinds: ['arbitration'], source: 'author' } });
    });
    const result = await changesSince({ bundle: next, digests: await computeDigests(next) }, { receipt: await acceptedReceipt(old), bundle: old });
    expect(result.sinceVersion).toBe('1.0');
    expect(result.acceptedAt).toBe('2025-08-10T08:05:00.000Z');
    // The section "4" holds them but its own heading did not change, so it is not listed.
    expect(result.clauses).toEqual([
      { document: 'terms', clause: '4.2', change: 'changed' },
      { document: 'terms', clause: '4.5', change: 'added' },
      { document: 'terms', clause: '4.4', change: 'removed' },
    ]);
  });

  test('lists changes in document order when a long clause is hashed later than the short ones after it', async () => {
    const old = bundle('1.0');
    const next = bundle('2.0', (b) => {
      const list = clauses(b);
      // Long texts go to WebCrypto and come back after short ones hashed in JavaScript.
      list[1]!.body = [{ type: 'paragraph', text: ['普通条款（已修订）。'.repeat(800)] }];
      list.push({ id: '4.5', body: [{ type: 'paragraph', text: ['新增的仲裁条款。'] }], highlight: { kinds: ['arbitration'], source: 'author' } });
    });
    const result = await changesSince({ bundle: next, digests: await computeDigests(next) }, { receipt: await acceptedReceipt(old), bundle: old });
    expect(result.clauses).toEqual([
      { document: 'terms', clause: '4.2', change: 'changed' },
      { document: 'terms', clause: '4.5', change: 'added' },
    ]);
  });

  test('with only the receipt: the marked clauses, by the digests the receipt recorded', async () => {
    const old = bundle('1.0');
    const next = bundle('2.0', (b) => {
      clauses(b)[0]!.body = [{ type: 'paragraph', text: ['不保证服务不中断，也不赔偿。'] }];
      clauses(b)[1]!.body = [{ type: 'paragraph', text: ['普通条款改了，但未标注。'] }];
    });
    const result = await changesSince({ bundle: next, digests: await computeDigests(next) }, { receipt: await acceptedReceipt(old) });
    expect(result.clauses).toEqual([{ document: 'terms', clause: '4.1', change: 'changed' }]);
  });

  test('nothing changed, nothing listed', async () => {
    const old = bundle('1.0');
    const same = bundle('2.0');
    const result = await changesSince({ bundle: same, digests: await computeDigests(same) }, { receipt: await acceptedReceipt(old), bundle: old });
    expect(result.clauses).toEqual([]);
  });
});
