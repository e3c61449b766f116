import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TFunction } from 'i18next';
import { onUiStringsChange, translatorFor } from './i18n.ts';

/** The `lang` of the closest ancestor that has one, crossing shadow roots; the page's if none. */
export function closestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

const hosts = new Set<LocaleController>();
let langObserver: MutationObserver | undefined;

/**
 * Keeps an element's UI language equal to its closest `[lang]` and re-renders it when any `lang`
 * attribute in the page changes (one shared MutationObserver for all elements).
 */
export class LocaleController implements ReactiveController {
  lang = '';
  #locale = 'en';
  #t!: TFunction<'terms-gate'>;
  #stopListening?: () => void;
  #ready = false;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    this.refresh();
  }

  hostConnected(): void {
    hosts.add(this);
    this.#stopListening = onUiStringsChange(() => this.refresh(true));
    if (!langObserver) {
      langObserver = new MutationObserver(() => hosts.forEach((h) => h.refresh()));
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this);
    this.#stopListening?.();
    if (!hosts.size) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  }

  /** The UI locale the strings resolve to. */
  get locale(): string {
    this.#readOwnLangOnServer();
    return this.#locale;
  }

  /** Translates the host's UI strings. */
  get t(): TFunction<'terms-gate'> {
    this.#readOwnLangOnServer();
    return this.#t;
  }

  /**
   * Rendered on the server (@lit-labs/ssr) the host is never connected and its attributes arrive
   * after construction: its own `lang` attribute decides, so the browser's first render (which finds
   * the same attribute as the closest `lang`) matches and hydration changes no text.
   */
  #readOwnLangOnServer(): void {
    if (this.#host.isConnected) return;
    const lang = this.#host.getAttribute('lang') ?? '';
    if (lang === this.lang) return;
    this.lang = lang;
    ({ locale: this.#locale, t: this.#t } = translatorFor(lang));
  }

  /** Re-reads the language; re-renders the host when it changed (or when forced). */
  refresh(force = false): void {
    const lang = this.#host.isConnected ? closestLang(this.#host) : this.lang;
    if (!force && lang === this.lang && this.#ready) return;
    this.#ready = true;
    this.lang = lang;
    ({ locale: this.#locale, t: this.#t } = translatorFor(lang));
    this.#host.requestUpdate();
  }
}
