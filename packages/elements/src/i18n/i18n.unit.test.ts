import { describe, expect, test } from 'vitest';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import zhTW from './locales/zh-TW.ts';
import ja from './locales/ja.ts';
import ko from './locales/ko.ts';
import de from './locales/de.ts';
import fr from './locales/fr.ts';
import es from './locales/es.ts';
import ar from './locales/ar.ts';
import { HIGHLIGHT_KINDS } from '@terms-gate/bundle';
import { resolveLanguage } from './resolve-language.ts';
import { formatDate, joinList, languageName } from '../terms-viewer/document-model.ts';

const locales: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja, ko, de, fr, es, ar };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = [...new Set(Object.keys(en).map((key) => key.replace(pluralSuffix, '')))];
const pluralKeys = new Set(Object.keys(en).filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));
// i18next picks `key_zero` for a count of 0 in any language when it exists: a sentence that reads
// differently with nothing to count ("I agree to these terms." instead of "…including the 0 clauses…").
const zeroKeys = new Set(Object.keys(en).filter((key) => key.endsWith('_zero')).map((key) => key.replace(pluralSuffix, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  test('every kind of marked clause has its badge text', () => {
    for (const kind of HIGHLIGHT_KINDS) expect(en[`kind.${kind}` as keyof typeof en], kind).toBeTruthy();
  });

  for (const [locale, strings] of Object.entries(locales)) {
    test(`${locale} has every key, every plural form its language needs, the zero sentences, and nothing else`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const formsOf = (key: string) => [...new Set([...categories, ...(zeroKeys.has(key) ? ['zero'] : [])])];
      const expected = baseKeys.flatMap((key) => (pluralKeys.has(key) ? formsOf(key).map((category) => `${key}_${category}`) : [key]));
      expect(Object.keys(strings).sort()).toEqual(expected.sort());
    });

    test(`${locale} keeps the placeholders of the English strings`, () => {
      for (const key of Object.keys(strings)) {
        const base = key.replace(pluralSuffix, '');
        const english = pluralKeys.has(base) ? en[`${base}_other` as keyof typeof en] : en[key as keyof typeof en];
        // A plural form may spell the number out ("one clause"), so {{count}} is optional there.
        const want = placeholders(english).filter((name) => !(pluralKeys.has(base) && name === 'count'));
        const have = placeholders(strings[key]!).filter((name) => !(pluralKeys.has(base) && name === 'count'));
        expect(have, `${locale}.${key}`).toEqual(want);
      }
    });

    test(`${locale} strings are not empty, except the optional agreement prefix and suffix`, () => {
      for (const [key, value] of Object.entries(strings)) if (!/^agree(Prefix|Suffix)$/.test(key)) expect(value.trim(), `${locale}.${key}`).not.toBe('');
      expect(`${strings.agreePrefix}${strings.agreeSuffix}`.trim()).not.toBe('');
    });
  }
});

describe('resolveLanguage', () => {
  const available = Object.keys(locales);
  test.each([
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['en-GB', 'en'],
    ['ar-EG', 'ar'],
    ['fr-CA', 'fr'],
    ['pt-BR', 'en'],
    ['', 'en'],
  ])('%s → %s', (requested, expected) => {
    expect(resolveLanguage(requested, available)).toBe(expected);
  });
});

describe('dates', () => {
  // The gate spells dates out from these strings instead of calling Intl.DateTimeFormat on the way
  // to showing the terms; they must read exactly as the platform's own long date format does.
  const interpolate = (text: string, values: Record<string, string> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  const dates = ['2025-01-03', '2025-08-10', '2026-12-31', '2024-02-29T23:59:59.000Z'];
  for (const [locale, strings] of Object.entries(locales)) {
    test(`${locale} writes dates as Intl.DateTimeFormat's long style does`, () => {
      const t = (key: string, values?: Record<string, string>) => interpolate(strings[key]!, values);
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC', numberingSystem: 'latn' });
      expect(strings.months!.split('|')).toHaveLength(12);
      for (const date of dates) expect(formatDate(date, t), `${locale} ${date}`).toBe(intl.format(Date.parse(date)));
    });
  }
});

describe('language names', () => {
  for (const [locale, strings] of Object.entries(locales)) {
    test(`${locale} names every language the elements speak as Intl.DisplayNames does, and others through it`, () => {
      const t = (key: string) => strings[key]!;
      const names = new Intl.DisplayNames([locale], { type: 'language' });
      for (const tag of Object.keys(locales)) expect(languageName(tag, locale, t), `${tag} in ${locale}`).toBe(names.of(tag));
      expect(languageName('pt-BR', locale, t)).toBe(names.of('pt-BR'));
    });
  }
});

describe('lists', () => {
  // The agreement line joins the titles of several documents from these strings instead of calling
  // Intl.ListFormat on the way to showing it; they must read as its conjunction does.
  const interpolate = (text: string, values: Record<string, string> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  for (const [locale, strings] of Object.entries(locales)) {
    test(`${locale} joins two, three and four titles as Intl.ListFormat does`, () => {
      const t = (key: string, values?: Record<string, string>) => interpolate(strings[key]!, values);
      const intl = new Intl.ListFormat(locale, { type: 'conjunction' });
      for (const items of [['A'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D']]) expect(joinList(items, t).join(''), `${locale} ${items.length}`).toBe(intl.format(items));
    });
  }

  test('the items stay themselves between the words, in order', () => {
    const t = (key: string, values?: Record<string, string>) => interpolate((en as Record<string, string>)[key]!, values);
    const links = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(joinList(links, t)).toEqual([links[0], ', ', links[1], ', and ', links[2]]);
    expect(joinList([], t)).toEqual([]);
  });
});
