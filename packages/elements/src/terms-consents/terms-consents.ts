import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { buildConsentReceipt, computeDigests, type BundleDigests, type ConsentReceipt, type SeparateConsent, type Receipt, type TermsBundle } from '@terms-gate/bundle';
import { TermsConsentChangeEvent } from '../events/terms-consent-change.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import { formatDate } from '../terms-viewer/document-model.ts';
import { LIBRARY } from '../version.ts';
import { consentsStyles } from './terms-consents.styles.ts';

/** Where one consent stands, and the receipt that says so (the next change follows it). */
interface ConsentState {
  granted: boolean;
  at?: string;
  last?: Receipt | ConsentReceipt;
}

/**
 * @summary The separate consents a user gave or refused with the terms, each with its notice, its
 * state and one control to withdraw it or give it (R18: withdrawing is as easy as giving).
 *
 * @description Shows every separate consent of `bundle` in the state `receipt` (the acceptance
 * receipt) records, updated by any later `consentReceipts`. Each consent has exactly one button:
 * "Withdraw consent" when given, "Give consent" when not; one press changes it, with no
 * confirmation step that giving did not have either. Every change fires `terms-consent-change` with
 * a consent receipt (`buildConsentReceipt`) that names the receipt it follows by digest, so the
 * host's stored history is a verifiable chain (`verifyConsentReceipt`). The element decides
 * nothing else: what a withdrawal means for the service is the host's to handle.
 *
 * @event terms-consent-change - `{ consent, granted, receipt: ConsentReceipt }`. The user withdrew or gave a consent.
 *
 * @csspart list - The list of consents.
 * @csspart consent - Each consent's item.
 * @csspart notice - Each consent's notice (recipients, purpose, data).
 * @csspart state - Each consent's current state, announced when it changes.
 * @csspart toggle - Each consent's one button: withdraw or give.
 *
 * @cssproperty --terms-color-text - Text colour. Default `#1f2328` (dark: `#e6edf3`).
 * @cssproperty --terms-color-muted - Notices. Default `#4d5560` (dark: `#b1bac4`).
 * @cssproperty --terms-color-surface - Background. Default `#ffffff` (dark: `#0d1117`).
 * @cssproperty --terms-color-border - Item borders. Default `#8c959f` (dark: `#6e7681`).
 * @cssproperty --terms-color-accent - Buttons. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-radius - Corners. Default `8px`.
 * @cssproperty --terms-space - Base spacing. Default `1rem`.
 */
export class TermsConsents extends LitElement {
  static override styles = [tokens, buttons, consentsStyles];
  static override properties = {
    bundle: { attribute: false },
    receipt: { attribute: false },
    consentReceipts: { attribute: false },
    theme: { reflect: true },
    _states: { state: true, attribute: false },
    _pending: { state: true, attribute: false },
  };

  /** The bundle whose separate consents are shown. */
  bundle?: TermsBundle;

  /** The acceptance receipt: where each consent stood when the terms were accepted. */
  receipt?: Receipt;

  /** Later consent receipts of this bundle, oldest first (e.g. as stored from `terms-consent-change`). */
  consentReceipts: readonly ConsentReceipt[] = [];

  /** Theme: `auto` follows the system; `light` or `dark` force one. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  private _states = new Map<string, ConsentState>();
  private _pending = new Set<string>();

  readonly #l10n = new LocaleController(this);
  #digests?: { bundle: TermsBundle; digests: Promise<BundleDigests> };

  /** Whether the consent `id` is given now. */
  granted(id: string): boolean {
    return this._states.get(id)?.granted ?? false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('bundle') && !changed.has('receipt') && !changed.has('consentReceipts')) return;
    const bundle = this.bundle;
    const states = new Map<string, ConsentState>();
    const receipt = this.receipt?.bundle?.id === bundle?.id ? this.receipt : undefined;
    for (const { id } of bundle?.consents ?? []) {
      const recorded = receipt?.consents?.find((c) => c.id === id);
      states.set(id, { granted: recorded?.granted === true, at: recorded?.at, last: receipt });
    }
    for (const later of this.consentReceipts) {
      if (later.bundle?.id === bundle?.id && states.has(later.consent)) states.set(later.consent, { granted: later.granted, at: later.at, last: later });
    }
    this._states = states;
  }

  /** The notice's locale for this reader: their language, or its base language, else the notice's first. */
  #noticeLocale(consent: SeparateConsent): string {
    const lang = this.#l10n.lang || this.#l10n.locale;
    const locales = Object.keys(consent.notice);
    return locales.find((l) => l === lang) ?? locales.find((l) => l.split('-')[0] === lang.split('-')[0]) ?? locales[0]!;
  }

  async #change(consent: SeparateConsent): Promise<void> {
    const bundle = this.bundle;
    const state = this._states.get(consent.id);
    if (!bundle || !state || this._pending.has(consent.id)) return;
    this._pending = new Set(this._pending).add(consent.id);
    try {
      if (this.#digests?.bundle !== bundle) this.#digests = { bundle, digests: computeDigests(bundle) };
      const granted = !state.granted;
      const receipt = await buildConsentReceipt(bundle, await this.#digests.digests, {
        consent: consent.id,
        granted,
        locale: this.#noticeLocale(consent),
        at: new Date().toISOString(),
        follows: state.last,
        userAgent: navigator.userAgent,
        library: { ...LIBRARY },
      });
      if (this.bundle !== bundle) return;
      this._states = new Map(this._states).set(consent.id, { granted, at: receipt.at, last: receipt });
      this.dispatchEvent(new TermsConsentChangeEvent({ consent: consent.id, granted, receipt }));
    } finally {
      const pending = new Set(this._pending);
      pending.delete(consent.id);
      this._pending = pending;
    }
  }

  override render() {
    const consents = this.bundle?.consents ?? [];
    if (!consents.length) return nothing;
    const { t, locale: ui } = this.#l10n;
    return html`<ul part="list" role="list">
      ${consents.map((consent) => {
        const locale = this.#noticeLocale(consent);
        const state = this._states.get(consent.id);
        const label = consent.label[locale] ?? Object.values(consent.label)[0] ?? consent.id;
        const id = (what: string) => `${what}-${consent.id}`;
        return html`<li part="consent" data-consent=${consent.id}>
          <p class="label" id=${id('label')} lang=${locale}>${label} <span class="tag" lang=${ui}>(${consent.required ? t('required') : t('optional')})</span></p>
          <p part="notice" id=${id('notice')} lang=${locale}>${consent.notice[locale]}</p>
          <p part="state" id=${id('state')} aria-live="polite">
            ${state?.granted ? t('consentGiven') : t('consentNotGiven')}${state?.at ? html` · <time datetime=${state.at}>${formatDate(state.at, t)}</time>` : nothing}
          </p>
          <button type="button" part="toggle" aria-describedby=${`${id('label')} ${id('state')}`} ?disabled=${this._pending.has(consent.id)} @click=${() => void this.#change(consent)}>
            ${state?.granted ? t('consentWithdraw') : t('consentGive')}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
