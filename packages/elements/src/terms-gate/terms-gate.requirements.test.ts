import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TermsBundle } from '@terms-gate/bundle';
import { deepQuery, deepQueryAll, expectEventually, mountGate, openDialog, recordEvents, sampleBundle } from '../test-support/gate-fixtures.ts';

let recorder: ReturnType<typeof recordEvents>;
afterEach(() => {
  recorder?.stop();
  vi.useRealTimers();
});

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);
const clauseElement = (gate: HTMLElement, id: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[id="clause-${id}"]`);

/** A bundle long enough to scroll, with the marked clause far down. */
function longBundle(): TermsBundle {
  const bundle = sampleBundle({ consents: [] });
  const filler = Array.from({ length: 40 }, (_, index) => ({ id: `0.${index + 1}`, number: `0.${index + 1}`, body: [{ type: 'paragraph' as const, text: ['这是一段普通的条款文字，用来让条款足够长，需要滚动才能读到后面的内容。'.repeat(3)] }] }));
  bundle.documents[0]!.clauses.unshift({ id: '0', number: '〇、', heading: ['前言'], clauses: filler });
  bundle.documents[0]!.translations![0]!.clauses.unshift({ id: '0', number: '0.', heading: ['Foreword'], clauses: filler.map((c) => ({ ...c, body: [{ type: 'paragraph' as const, text: ['Ordinary words. '.repeat(12)] }] })) });
  return bundle;
}

describe('require-read (R11)', () => {
  test('blocks accept until every marked clause has been on screen, and takes the reader to the first unread one', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ bundle: longBundle(), attributes: { 'require-read': '' } });
    await gate.show();
    (part(gate, 'assent') as HTMLInputElement).click();
    part(gate, 'accept').click();
    await expectEventually(() => /尚未看到的 2 项/.test(part(gate, 'status').textContent!), 'says two marked clauses are unread');
    expect(recorder.types()).toEqual([]);
    // Moved to the first unread marked clause (R28): it is now within the scroll area.
    const body = part(gate, 'body');
    await expectEventually(() => {
      const clause = clauseElement(gate, '1.2').getBoundingClientRect();
      const area = body.getBoundingClientRect();
      return clause.top < area.bottom && clause.bottom > area.top;
    }, 'first unread clause scrolled into view');
    body.scrollTop = body.scrollHeight;
    await expectEventually(() => {
      part(gate, 'accept').click();
      return recorder.types().includes('terms-accept');
    }, 'accepted once both were seen');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    expect(receipt.requirements).toMatchObject({ requireRead: true, met: true });
    for (const marked of receipt.marked) {
      expect(marked.seen).toBe(true);
      expect(marked.firstSeenAt).toEqual(expect.any(String));
    }
  });

  test('never traps a user whose text fits without scrolling', async () => {
    recorder = recordEvents();
    const bundle = sampleBundle({ consents: [] });
    const document = bundle.documents[0]!;
    document.preamble = [];
    document.closing = [];
    document.translations = [];
    document.clauses = [document.clauses[1]!];
    document.clauses[0]!.clauses = [document.clauses[0]!.clauses![0]!];
    const { gate } = await mountGate({ bundle, attributes: { 'require-read': '' } });
    await gate.show();
    const body = part(gate, 'body');
    expect(body.scrollHeight).toBeLessThanOrEqual(body.clientHeight + 1);
    (part(gate, 'assent') as HTMLInputElement).click();
    await expectEventually(() => {
      part(gate, 'accept').click();
      return recorder.types().includes('terms-accept');
    }, 'accepted without scrolling');
  });

  test('never blocks declining', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ bundle: longBundle(), attributes: { 'require-read': '', 'min-read-seconds': '60', 'require-acknowledge': '' } });
    await gate.show();
    part(gate, 'decline').click();
    await expectEventually(() => recorder.types().includes('terms-decline'), 'declined');
  });
});

describe('min-read-seconds', () => {
  test('says how long is left, and accepts once the time has passed', async () => {
    recorder = recordEvents();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const { gate } = await mountGate({ attributes: { 'min-read-seconds': '30' } });
    await gate.show();
    (part(gate, 'assent') as HTMLInputElement).click();
    vi.setSystemTime(new Date('2026-01-01T00:00:10Z'));
    part(gate, 'accept').click();
    await expectEventually(() => /继续阅读 20 秒/.test(part(gate, 'status').textContent!), 'twenty seconds left');
    vi.setSystemTime(new Date('2026-01-01T00:00:31Z'));
    part(gate, 'accept').click();
    await expectEventually(() => recorder.types().includes('terms-accept'), 'accepted after the time');
    expect(recorder.of('terms-accept')[0]!.detail.receipt.requirements).toMatchObject({ minReadSeconds: 30, met: true });
  });
});

describe('require-acknowledge (R10)', () => {
  test('critical clauses get an acknowledgement checkbox that accept waits for', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate({ attributes: { 'require-acknowledge': '' } });
    await gate.show();
    (part(gate, 'assent') as HTMLInputElement).click();
    part(gate, 'accept').click();
    await expectEventually(() => /确认 1 项至关重要条款/.test(part(gate, 'status').textContent!), 'asks for the acknowledgement');
    const acknowledgements = deepQueryAll<HTMLInputElement>(gate.shadowRoot!, '[part~="acknowledge"]');
    expect(acknowledgements).toHaveLength(1);
    acknowledgements[0]!.click();
    await expectEventually(() => {
      part(gate, 'accept').click();
      return recorder.types().includes('terms-accept');
    }, 'accepted after acknowledging');
    const { receipt } = recorder.of('terms-accept')[0]!.detail;
    expect(receipt.marked.find((m: { clause: string }) => m.clause === '2.1').acknowledgedAt).toEqual(expect.any(String));
    await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed after accepting');
  });
});

describe('requirements set after the bundle', () => {
  test('still apply when set before the terms are first shown (a framework may set properties first)', async () => {
    recorder = recordEvents();
    const { gate } = await mountGate();
    gate.setAttribute('min-read-seconds', '600');
    await gate.updateComplete;
    await gate.show();
    (part(gate, 'assent') as HTMLInputElement).click();
    part(gate, 'accept').click();
    await expectEventually(() => /继续阅读 \d+ 秒/.test(part(gate, 'status').textContent!), 'the reading time is required');
    expect(recorder.types()).toEqual([]);
  });
});
