import { describe, expect, test } from 'vitest';
import type { TermsBundle } from '@terms-gate/bundle';
import { GateSession } from './gate-session.ts';

const bundle: TermsBundle = {
  format: 1,
  id: 'session-test',
  version: '1.0',
  documents: [
    {
      id: 'terms',
      locale: 'zh-CN',
      title: '条款',
      effectiveDate: '2025-08-10',
      clauses: [
        {
          id: '4',
          clauses: [
            { id: '4.1', body: [{ type: 'paragraph', text: ['本平台不保证服务不会中断。'] }], highlight: { kinds: ['limits-liability'], source: 'author' } },
            { id: '4.2', body: [{ type: 'paragraph', text: ['普通条款。'] }] },
            { id: '4.4', body: [{ type: 'paragraph', text: ['赔偿总额不超过已付费用。'] }], highlight: { kinds: ['limits-liability'], critical: true, source: 'author' } },
          ],
        },
      ],
    },
  ],
  consents: [
    { id: 'sharing', required: false, label: { 'zh-CN': '共享' }, notice: { 'zh-CN': '向第三方提供' } },
    { id: 'transfer', required: true, label: { 'zh-CN': '出境' }, notice: { 'zh-CN': '跨境提供' } },
  ],
};

const none = { requireRead: false, minReadSeconds: 0, requireAcknowledge: false };
const ref41 = { document: 'terms', clause: '4.1' };
const ref44 = { document: 'terms', clause: '4.4' };

describe('GateSession', () => {
  test('tracks exactly the marked clauses of the controlling text', () => {
    const session = new GateSession(bundle, none);
    expect(session.marked.map((m) => [m.clause, m.critical])).toEqual([
      ['4.1', false],
      ['4.4', true],
    ]);
  });

  test('without requirements, accept needs the assent checkbox and required consents only', () => {
    const session = new GateSession(bundle, none);
    session.open(0);
    expect(session.missing(0).map((m) => m.kind)).toEqual(['consent', 'assent']);
    expect(session.decide('accept', 'zh-CN', 1)).toBeUndefined();
    session.setConsent('transfer', true, 2);
    session.setAssent(true, 3);
    expect(session.missing(4)).toEqual([]);
    // The optional consent was never given and does not block (R16).
    const facts = session.decide('accept', 'zh-CN', 5);
    expect(facts?.consents).toEqual([
      { id: 'sharing', granted: false },
      { id: 'transfer', granted: true, at: new Date(2).toISOString() },
    ]);
  });

  test('a second accept of the same acceptance is refused, so a double click yields one acceptance', () => {
    const session = new GateSession(bundle, none);
    session.open(0);
    session.setConsent('transfer', true, 1);
    session.setAssent(true, 1);
    expect(session.decide('accept', 'zh-CN', 2)).toBeDefined();
    expect(session.decide('accept', 'zh-CN', 3)).toBeUndefined();
    expect(session.accepted).toBe(true);
    session.resetAcceptance(4);
    expect(session.accepted).toBe(false);
    expect(session.missing(5).map((m) => m.kind)).toContain('assent');
  });

  test('require-read lists unseen marked clauses until each has been on screen, and records time on screen', () => {
    const session = new GateSession(bundle, { ...none, requireRead: true });
    session.open(1000);
    session.setAssent(true, 1000);
    session.setConsent('transfer', true, 1000);
    expect(session.missing(1000)).toEqual([{ kind: 'read', clauses: [ref41, ref44] }]);
    session.setVisible(ref41, true, 1100);
    session.setVisible(ref41, false, 1600);
    session.setVisible(ref44, true, 2000);
    expect(session.missing(2000)).toEqual([]);
    const facts = session.decide('accept', 'zh-CN', 2500)!;
    expect(facts.visibility).toEqual([
      { ...ref41, visibleMs: 500, firstSeenAt: new Date(1100).toISOString() },
      // Still on screen when accepted: counted up to the decision.
      { ...ref44, visibleMs: 500, firstSeenAt: new Date(2000).toISOString() },
    ]);
  });

  test('visibility while the terms are closed does not count as seen', () => {
    const session = new GateSession(bundle, { ...none, requireRead: true });
    session.setVisible(ref41, true, 10);
    expect(session.isSeen(ref41)).toBe(false);
  });

  test('minimum reading time counts only the time the terms were open, across openings', () => {
    const session = new GateSession(bundle, { ...none, minReadSeconds: 10 });
    session.setAssent(true, 0);
    session.setConsent('transfer', true, 0);
    session.open(0);
    expect(session.missing(4000)).toEqual([{ kind: 'time', seconds: 6 }]);
    session.close(4000);
    expect(session.missing(60_000)).toEqual([{ kind: 'time', seconds: 6 }]);
    session.open(60_000);
    expect(session.missing(66_000)).toEqual([]);
  });

  test('require-acknowledge asks for every critical clause and records when each was acknowledged', () => {
    const session = new GateSession(bundle, { ...none, requireAcknowledge: true });
    session.open(0);
    session.setAssent(true, 0);
    session.setConsent('transfer', true, 0);
    expect(session.missing(1)).toEqual([{ kind: 'acknowledge', clauses: [ref44] }]);
    session.acknowledge(ref44, true, 7);
    const facts = session.decide('accept', 'en', 8)!;
    expect(facts.acknowledgements).toEqual([{ ...ref44, at: new Date(7).toISOString() }]);
    expect(facts.locale).toBe('en');
  });

  test('decline and dismiss are recorded as themselves and never lock the session', () => {
    const session = new GateSession(bundle, none);
    session.open(0);
    expect(session.decide('dismiss', 'zh-CN', 1)?.outcome).toBe('dismiss');
    expect(session.decide('decline', 'zh-CN', 2)?.outcome).toBe('decline');
    expect(session.accepted).toBe(false);
  });

  test('records explanations opened and every checkbox change with its time', () => {
    const session = new GateSession(bundle, none);
    session.open(0);
    session.explain(ref44, 'zh-CN', 5);
    session.setAssent(true, 6);
    session.setAssent(false, 7);
    const facts = session.decide('dismiss', 'zh-CN', 8)!;
    expect(facts.explanations).toEqual([{ ...ref44, locale: 'zh-CN', at: new Date(5).toISOString() }]);
    expect(facts.checkbox).toEqual([
      { checked: true, at: new Date(6).toISOString() },
      { checked: false, at: new Date(7).toISOString() },
    ]);
  });
});
