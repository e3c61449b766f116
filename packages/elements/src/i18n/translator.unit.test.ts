import i18next from 'i18next';
import { expect, test } from 'vitest';
import { addUiStrings, onUiStringsChange, translatorFor, useI18next } from './i18n.ts';

test('a translation is made once, and made again once the strings change', () => {
  const { t } = translatorFor('en');
  expect(t('accepted')).toBe('Accepted');
  expect(t('changesNotice', { count: 2, date: 'today' })).toBe('2 clauses changed since you accepted on today');
  expect(t('changesNotice', { count: 1, date: 'today' })).toBe('1 clause changed since you accepted on today');
  addUiStrings('en', { accepted: 'Agreed' });
  expect(translatorFor('en').t('accepted')).toBe('Agreed');
});

test("strings added straight to a host's own i18next instance are used, and the elements are told", async () => {
  const host = i18next.createInstance();
  await host.init({ lng: 'en', resources: {} });
  useI18next(host);
  expect(translatorFor('en').t('decline')).toBe('Decline');
  let told = 0;
  const stop = onUiStringsChange(() => told++);
  host.addResource('en', 'terms-gate', 'decline', 'No thanks');
  stop();
  expect(told).toBeGreaterThan(0);
  expect(translatorFor('en').t('decline')).toBe('No thanks');
});
