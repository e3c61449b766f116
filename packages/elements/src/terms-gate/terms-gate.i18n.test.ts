import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import { addUiStrings, useI18next } from '../i18n/i18n.ts';
import { allClauses } from '@terms-gate/bundle';
import { deepQuery, expectEventually, mountGate, sampleBundle } from '../test-support/gate-fixtures.ts';

const line = (gate: HTMLElement) => gate.shadowRoot!.querySelector('#agree-text')!.textContent!.replace(/\s+/g, ' ').trim();

describe('languages', () => {
  test.each([
    ['ja', 'を読み、内容に同意します', '同意する'],
    ['ko', '의 내용을 읽었으며 동의합니다', '동의'],
    ['de', 'Ich habe diese Bedingungen gelesen und stimme ihnen zu:', 'Zustimmen'],
    ['fr', "J'ai lu et j'accepte", 'Accepter'],
    ['es', 'He leído y acepto', 'Aceptar'],
    ['zh-TW', '我已閱讀並同意', '同意'],
    ['ar', 'لقد قرأت ووافقت على', 'موافق'],
  ])('%s strings load on demand and replace the fallback', async (lang, words, accept) => {
    const { gate } = await mountGate({ lang });
    await expectEventually(() => line(gate).includes(words), `${lang} agreement line`);
    await gate.show();
    expect(deepQuery(gate.shadowRoot!, '[part~="accept"]').textContent).toBe(accept);
    await gate.hide();
  });

  test.each([
    ['en', 'I have read and agree to these terms, including the 1 clause marked for your attention.', 'I have read and agree to these terms.'],
    ['zh-CN', '我已阅读并同意以上条款，包括特别提示的 1 项条款。', '我已阅读并同意以上条款。'],
  ])('%s: the assent in the dialog counts the marked clauses, and names none when there are none', async (lang, withOne, withNone) => {
    const assent = (gate: HTMLElement) => deepQuery(gate.shadowRoot!, '[part~="assent"]').closest('label')!.textContent!.replace(/\s+/g, ' ').trim();
    const oneMarked = sampleBundle();
    const marked = allClauses(oneMarked.documents[0]!.clauses).filter((clause) => clause.highlight);
    marked.slice(1).forEach((clause) => delete clause.highlight);
    const { gate } = await mountGate({ lang, bundle: oneMarked });
    await gate.show();
    expect(assent(gate)).toBe(withOne);
    await gate.hide();
    const noneMarked = sampleBundle();
    allClauses(noneMarked.documents[0]!.clauses).forEach((clause) => delete clause.highlight);
    const { gate: plain } = await mountGate({ lang, bundle: noneMarked });
    await plain.show();
    expect(assent(plain)).toBe(withNone);
    await plain.hide();
  });

  test('right to left: the line and the dialog follow dir="rtl"', async () => {
    const { gate, container } = await mountGate({ lang: 'ar' });
    container.setAttribute('dir', 'rtl');
    await gate.show();
    const accept = deepQuery(gate.shadowRoot!, '[part~="accept"]').getBoundingClientRect();
    const decline = deepQuery(gate.shadowRoot!, '[part~="decline"]').getBoundingClientRect();
    // Logical properties put the first action on the right in right-to-left layouts.
    expect(accept.left).toBeGreaterThan(decline.left);
    await gate.hide();
  });

  test('a host can override strings for a language', async () => {
    addUiStrings('en', { accept: 'I agree' });
    try {
      const { gate } = await mountGate({ lang: 'en' });
      await gate.show();
      await expectEventually(() => deepQuery(gate.shadowRoot!, '[part~="accept"]').textContent === 'I agree', 'overridden label');
      await gate.hide();
    } finally {
      addUiStrings('en', { accept: 'Accept' });
    }
  });

  test("a host can hand over its own i18next instance, keeping its own resources", async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'en', resources: { en: { app: { hello: 'Hello' } } }, initAsync: false });
    useI18next(host);
    const { gate } = await mountGate({ lang: 'en' });
    expect(host.hasResourceBundle('en', 'terms-gate')).toBe(true);
    expect(host.t('hello', { ns: 'app' })).toBe('Hello');
    expect(line(gate)).toContain('I have read and agree to');
  });
});
