import i18next, { type i18n, type TFunction } from 'i18next';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { resolveLanguage } from './resolve-language.ts';

/** The UI strings every locale must provide (plural forms vary by language). */
export type UiStrings = typeof en;

/** Locales inside the main file; others can be added with `addUiStrings`. */
const bundledStrings: Record<string, Partial<Record<string, string>>> = { en, 'zh-CN': zhCN };

/**
 * Languages loaded on first use, so they cost the main file nothing: each is its own small chunk
 * that the CDN build puts beside `terms-gate.js`.
 */
const onDemandStrings: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  'zh-TW': () => import('./locales/zh-TW.ts'),
  ja: () => import('./locales/ja.ts'),
  ko: () => import('./locales/ko.ts'),
  de: () => import('./locales/de.ts'),
  fr: () => import('./locales/fr.ts'),
  es: () => import('./locales/es.ts'),
  ar: () => import('./locales/ar.ts'),
};
const loading = new Map<string, Promise<void>>();

/** Loads the UI strings of an on-demand language (no-op for bundled or unknown ones); resolves when usable. */
export function loadUiStrings(locale: string): Promise<void> {
  const load = onDemandStrings[locale];
  if (!load || bundledStrings[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = load().then(
      (module) => addUiStrings(locale, module.default),
      (error: unknown) => {
        // A missing chunk (offline, blocked) leaves the fallback language in place; try again next time.
        loading.delete(locale);
        console.warn(`terms-gate: could not load the ${locale} strings`, error);
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

let instance: i18n | undefined;

/**
 * The library's own i18next instance, created on first use (nothing runs at import time, so
 * server rendering stays safe). A host may pass its own instance with `useI18next`.
 */
export function getI18n(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: Object.fromEntries(Object.entries(bundledStrings).map(([lng, strings]) => [lng, { 'terms-gate': strings }])),
      ns: ['terms-gate'],
      defaultNS: 'terms-gate',
      fallbackLng: 'en',
      initAsync: false,
      // Lit escapes everything it renders; i18next's HTML escaping would show entities as text.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return instance;
}

/** Use the host application's i18next instance; the library adds its `terms-gate` namespace to it. */
export function useI18next(host: i18n): void {
  for (const [lng, strings] of Object.entries(bundledStrings)) {
    if (!host.hasResourceBundle(lng, 'terms-gate')) host.addResourceBundle(lng, 'terms-gate', strings, true, false);
  }
  instance = host;
  notifyLanguageChange();
}

/** Add or override UI strings for a locale (e.g. a brand's wording, or a language we do not ship). */
export function addUiStrings(locale: string, strings: Partial<UiStrings> & Record<string, string>): void {
  bundledStrings[locale] = { ...bundledStrings[locale], ...strings };
  getI18n().addResourceBundle(locale, 'terms-gate', strings, true, true);
  notifyLanguageChange();
}

/** Locales whose UI strings are available now. */
export function uiLocales(): string[] {
  return Object.keys(bundledStrings);
}

/** Every UI locale the elements speak, loaded or not. */
export function supportedUiLocales(): string[] {
  return [...new Set([...Object.keys(bundledStrings), ...Object.keys(onDemandStrings)])];
}

/**
 * A translate function fixed to the best UI locale for `lang`. When that locale is loaded on
 * demand and not here yet, the best loaded one serves meanwhile and the elements re-render once it
 * arrives.
 */
export function translatorFor(lang: string | null | undefined): { locale: string; t: TFunction<'terms-gate'> } {
  const wanted = resolveLanguage(lang, supportedUiLocales());
  const locale = bundledStrings[wanted] ? wanted : resolveLanguage(lang, uiLocales());
  if (locale !== wanted) void loadUiStrings(wanted);
  return { locale, t: rememberingTranslator(locale) };
}

/** Per locale, the translations already made: key and values → text. Emptied whenever strings change. */
const translators = new Map<string, TFunction<'terms-gate'>>();
let watchedStore: object | undefined;

/**
 * i18next's `t` resolves, interpolates and checks for nesting on every call: a few dozen
 * microseconds, paid hundreds of times when a long text with many marked clauses renders. The same
 * key with the same values always gives the same text until the strings change, so each is made once.
 */
function rememberingTranslator(locale: string): TFunction<'terms-gate'> {
  const i18n = getI18n();
  // A host's own instance can gain or lose strings behind our back: its store says so, and the
  // elements re-render with them.
  if (watchedStore !== i18n.store) {
    watchedStore = i18n.store;
    i18n.store.on('added', notifyLanguageChange);
    i18n.store.on('removed', notifyLanguageChange);
  }
  let t = translators.get(locale);
  if (!t) {
    const fixed = i18n.getFixedT(locale, 'terms-gate');
    const made = new Map<string, string>();
    t = ((key: string, values?: Record<string, unknown>) => {
      const id = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`;
      let text = made.get(id);
      if (text === undefined) {
        // Values like counts and times vary without end; keep the memory bounded.
        if (made.size >= 1000) made.clear();
        made.set(id, (text = fixed(key, values as never) as unknown as string));
      }
      return text;
    }) as unknown as TFunction<'terms-gate'>;
    translators.set(locale, t);
  }
  return t;
}

const listeners = new Set<() => void>();
/** Called by elements so a runtime change of strings or instance re-renders them. */
export function onUiStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notifyLanguageChange() {
  translators.clear();
  for (const listener of listeners) listener();
}
