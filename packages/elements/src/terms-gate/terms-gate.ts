import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { buildReceipt, parseBundle, sealReceipt, shownLocale, type Outcome, type Receipt, type RequirementsInForce, type TermsBundle } from '@terms-gate/bundle';
import { TermsAcceptEvent } from '../events/terms-accept.ts';
import { TermsDeclineEvent } from '../events/terms-decline.ts';
import { TermsDismissEvent } from '../events/terms-dismiss.ts';
import { TermsErrorEvent, TermsGateError } from '../events/terms-error.ts';
import type { TermsActionEvent } from '../events/terms-action.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { GateSession, type MissingRequirement } from '../session/gate-session.ts';
import { acceptanceOf, readRemembered, remember } from '../session/previous-acceptance.ts';
import { changesSince, needsReconsent, type ChangesSince } from '../session/reconsent.ts';
import { shadowQuery } from '../shadow-query.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import type { TermsModal } from '../terms-modal/terms-modal.ts';
import { joinList, pickText, type Translate } from '../terms-viewer/document-model.ts';
import { warnAboutGate } from './dev-checks.ts';
import { openingHappened, warmUpWhenIdle } from './warm-up.ts';
import { LazyDigests, fetchBundle, prepareBundle, type LoadedBundle } from './load-bundle.ts';
import { gateStyles } from './terms-gate.styles.ts';

/** The modal's parts, forwarded so a host can style them as `terms-gate::part(accept)`. */
const MODAL_PARTS = 'dialog,header,title,close,documents,body,viewer,footer,summary,consents,consent,assent,status,actions,accept,decline,second-chance,second-chance-back,second-chance-decline';

type LoadState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; loaded: LoadedBundle } | { status: 'error'; error: TermsGateError };

/**
 * @summary A terms-of-service consent gate for a signup form: an agreement line with an unchecked
 * checkbox, the terms in an accessible modal with every liability-limiting clause marked and
 * explainable, and an evidence receipt for every outcome.
 *
 * @description Loads a terms bundle from `src` (or the `bundle` property), validates it and
 * computes its digests. The checkbox can never be ticked directly: it opens the terms, and only
 * accepting there ticks it (R8). Reading requirements are opt-in (R11) and never block declining.
 * Form-associated: with `name` and `required` it blocks submission until accepted and submits the
 * receipt as JSON.
 *
 * Re-consent (R19): given the receipt of an earlier acceptance (`previousReceipt`, or the one kept in
 * localStorage with `remember`), a bundle of the same MAJOR version counts as accepted already (no
 * prompt, no event; the form value is that receipt), while a new MAJOR asks again: the terms open
 * with what changed since, each changed clause marked, and the new receipt records `changesShown`.
 *
 * Opening fast: the digests are computed in the browser's idle time, and once per page, when the
 * browser is idle after the first gate connects, a one-clause sample runs through the modal, viewer
 * and marks, laid out in an invisible box of the gate's shadow root (removed when done, or at once
 * when the terms open), so the reader's first opening does not pay for first running them.
 *
 * @event terms-accept - `{ receipt }`. The user accepted. Exactly once per acceptance.
 * @event terms-decline - `{ receipt }`. The user declined (after the second-chance dialog, when on).
 * @event terms-dismiss - `{ receipt }`. The user closed the terms with Escape or the close button: neither accept nor decline.
 * @event terms-explain - `{ document, clause }`. The user opened the explanation of a marked clause.
 * @event terms-error - `{ error: TermsGateError }`. The bundle failed to load or validate; the gate shows an error with a retry.
 *
 * @csspart base - The agreement line's wrapper.
 * @csspart checkbox - The agreement checkbox.
 * @csspart document-link - Each document title link that opens the terms.
 * @csspart error - The error or validation message.
 * @csspart retry - The retry button after a load error.
 * @csspart modal - The `<terms-modal>`. Its parts are forwarded under their own names: `dialog`, `header`,
 *   `title`, `close`, `documents`, `body`, `viewer`, `footer`, `summary`, `consents`, `consent`, `assent`,
 *   `status`, `actions`, `accept`, `decline`, `second-chance`, `second-chance-back`, `second-chance-decline`.
 *
 * @cssstate accepted - The user accepted and the acceptance has not been reset.
 * @cssstate error - The bundle could not be loaded or is invalid.
 *
 * @cssproperty --terms-color-text - Text colour. Default `#1f2328` (dark: `#e6edf3`).
 * @cssproperty --terms-color-accent - Links, buttons and the checkbox. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-color-danger - Error messages. Default `#b42318` (dark: `#ff9492`).
 * @cssproperty --terms-color-focus - Focus ring. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-font-family - Font stack. Default `system-ui, …, 'PingFang SC', 'Microsoft YaHei', sans-serif`.
 */
export class TermsGate extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, buttons, gateStyles];
  static override properties = {
    src: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    requireRead: { type: Boolean, attribute: 'require-read' },
    minReadSeconds: { type: Number, attribute: 'min-read-seconds' },
    requireAcknowledge: { type: Boolean, attribute: 'require-acknowledge' },
    secondChance: { type: Boolean, attribute: 'second-chance' },
    timeout: { type: Number },
    theme: { reflect: true },
    remember: { type: Boolean, reflect: true },
    previousReceipt: { attribute: false },
    previousBundle: { attribute: false },
    previousSrc: { attribute: 'previous-src' },
    _changes: { state: true, attribute: false },
    _load: { state: true, attribute: false },
    _showValidation: { state: true, attribute: false },
    _revision: { state: true, attribute: false },
  };

  /** URL of the terms bundle JSON. Changing it loads the new bundle and forgets the old one. */
  src = '';

  /** The form field name; the submitted value is the acceptance receipt as JSON. */
  name = '';

  /** When set, the form cannot be submitted until the terms are accepted. */
  required = false;

  /** Every marked clause must have been on screen before accepting. Defaults to the bundle's `gate.requireRead`. */
  requireRead?: boolean;

  /** Seconds the terms must have been open before accepting. Defaults to the bundle's `gate.minReadSeconds`. */
  minReadSeconds?: number;

  /** Every critical clause must be acknowledged. Defaults to the bundle's `gate.requireAcknowledge`. */
  requireAcknowledge?: boolean;

  /** After a decline, ask once more (still letting the user leave). Defaults to the bundle's `gate.secondChance`. */
  secondChance?: boolean;

  /** Milliseconds to wait for `src` before showing an error. */
  timeout = 15000;

  /** Theme: `auto` follows the system; `light` or `dark` force one. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * Keep the last acceptance receipt in localStorage under `terms-gate:receipt:<bundle id>`, and
   * treat it as `previousReceipt` when none is given. An entry of another bundle, or not a receipt
   * of an acceptance, is ignored.
   */
  remember = false;

  /**
   * The receipt of an earlier acceptance of this bundle (another version). Same MAJOR version: the
   * gate is accepted already. New MAJOR: the user is asked again, with what changed. A receipt of
   * another bundle, or of a decline, is ignored.
   */
  previousReceipt?: Receipt;

  /**
   * The bundle `previousReceipt` names, if the host has it: then every clause is compared, not only
   * the marked ones the receipt lists.
   */
  previousBundle?: TermsBundle;

  /** URL of the bundle `previousReceipt` names, instead of `previousBundle`; fetched only when a new MAJOR asks again. */
  previousSrc = '';

  private _changes?: ChangesSince;
  private _load: LoadState = { status: 'idle' };
  private _showValidation = false;
  private _revision = 0;

  readonly #l10n = new LocaleController(this);
  readonly #internals: ElementInternals;
  #session?: GateSession;
  #inputBundle?: TermsBundle;
  #loading?: AbortController;
  #loaded?: Promise<LoadedBundle>;
  #secondChanceShownAt = 0;
  #lastReceipt?: Receipt;
  #acceptedReceipt?: Receipt;
  /** An earlier acceptance of the same MAJOR version, which stands for this one until taken back. */
  #priorAcceptance?: Receipt;
  /** The earlier bundle the changes were computed from, if any: it names removed clauses. */
  #comparedBundle?: TermsBundle;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // A page or framework may set `bundle` before this element is defined (a lazily loaded script,
    // a hydrating page): that value sits on the element as a plain property, hiding the accessor.
    // Take it over, so it is validated and shown like one set later.
    if (Object.hasOwn(this, 'bundle')) {
      const early = (this as { bundle?: TermsBundle }).bundle;
      delete (this as { bundle?: TermsBundle }).bundle;
      this.bundle = early;
    }
  }

  /** The bundle to show, instead of `src`. It is validated like a fetched one. */
  get bundle(): TermsBundle | undefined {
    return this._load.status === 'ready' ? this._load.loaded.bundle : this.#inputBundle;
  }
  set bundle(value: TermsBundle | undefined) {
    this.#inputBundle = value;
    if (!this.#readyAtOnce(value)) void this.#startLoading();
  }

  /**
   * A valid bundle handed over as a property, with no earlier acceptance to look up, is ready in the
   * same update: the agreement line renders at once, so a server renders it into the first HTML and
   * a hydrating page renders the same template (no loading line flashing in between). Anything else
   * (a fetch, an invalid bundle, an earlier receipt to compare) takes the asynchronous path.
   */
  #readyAtOnce(value: unknown): boolean {
    if (value === undefined || this.previousReceipt || this.previousBundle || this.previousSrc || this.remember) return false;
    const result = parseBundle(value);
    if (!result.ok) return false;
    // Whatever was loading before is stale now.
    this.#loading?.abort();
    this.#loading = new AbortController();
    const loaded: LoadedBundle = { bundle: result.bundle, digests: new LazyDigests(result.bundle) };
    this.#session = new GateSession(loaded.bundle, this.#requirementsFrom(loaded.bundle), { userAgent: globalThis.navigator?.userAgent });
    this._load = { status: 'ready', loaded };
    this.#loaded = Promise.resolve(loaded);
    if (!isServer) loaded.digests.startWhenIdle();
    return true;
  }

  /** Whether the terms are accepted (the agreement checkbox is ticked). */
  get accepted(): boolean {
    return !!this.#session?.accepted || !!this.#priorAcceptance;
  }

  /** The receipt of the current acceptance, if accepted. */
  get acceptanceReceipt(): Receipt | undefined {
    if (this.#session?.accepted) return this.#acceptedReceipt;
    return this.#priorAcceptance;
  }

  /** The receipt of the last outcome (accept, decline or dismiss), if any. */
  get receipt(): Receipt | undefined {
    return this.#lastReceipt;
  }

  /** The form this gate belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** Opens the terms, at `documentId` when given; resolves when the dialog shows them. Rejects if the bundle cannot be loaded. */
  async show(documentId?: string): Promise<void> {
    openingHappened();
    const { bundle } = await (this.#loaded ?? this.#startLoading());
    await this.updateComplete;
    const modal = this.#modal!;
    if (documentId && bundle.documents.some((d) => d.id === documentId)) modal.document = documentId;
    await modal.show();
    // Development builds only: the condition is false at build time in production, so the checks and their strings are dropped.
    if ((import.meta as any).env?.DEV === true) warnAboutGate(this, { bundle, locale: modal.shownLocale, dialog: modal.shadowRoot });
  }

  /** Closes the terms without recording an outcome; resolves when closed. */
  async hide(): Promise<void> {
    await this.#modal?.hide();
  }

  /** The form validity state, as for native controls. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The localized message shown when the form is submitted before accepting. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this.#onInvalid);
    if (this._load.status === 'idle' && (this.src || this.#inputBundle)) void this.#startLoading();
    if (!isServer) warmUpWhenIdle(this.renderRoot as ShadowRoot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.#onInvalid);
    // Gone mid-flow: stop loading and close quietly. Nothing the user did not do is reported.
    this.#loading?.abort();
    this.#session?.close(Date.now());
  }

  /** Form reset clears the acceptance. */
  formResetCallback(): void {
    this.#session?.resetAcceptance(Date.now());
    this.#priorAcceptance = undefined;
    this._showValidation = false;
    this._revision++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A framework may connect the element first and set `src` just before the first update (React 18
    // through @lit/react does): nothing was loading at connect time, so the first update starts it.
    const firstSrc = changed.get('src') === undefined;
    if (changed.has('src') && this.isConnected && (!firstSrc || (this._load.status === 'idle' && this.src))) void this.#startLoading();
    // Requirements set after the bundle was ready (a framework may set properties before attributes)
    // still apply, as long as the terms have not been shown yet: they never silently weaken the gate.
    const requirementChanged = changed.has('requireRead') || changed.has('minReadSeconds') || changed.has('requireAcknowledge');
    if (requirementChanged && this.#loadedBundle && this.#session && !this.#session.opened && !this.#session.accepted) {
      this.#session = new GateSession(this.#loadedBundle.bundle, this.#requirementsFrom(this.#loadedBundle.bundle), { userAgent: globalThis.navigator?.userAgent });
    }
    // An earlier acceptance given after the bundle loaded: decide again, unless the user accepted meanwhile.
    const loaded = this.#loadedBundle;
    const session = this.#session;
    if (loaded && session && !session.accepted && (changed.has('previousReceipt') || changed.has('previousBundle') || changed.has('previousSrc') || changed.has('remember'))) {
      void this.#previousAcceptance(loaded).then((previous) => {
        if (this.#session === session && !session.accepted) this.#applyPrevious(previous, session);
      });
    }
  }

  protected override updated(): void {
    this.#syncFormState();
  }

  #startLoading(): Promise<LoadedBundle> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.#session = undefined;
    this._load = { status: 'loading' };
    const pending = this.#inputBundle !== undefined ? prepareBundle(this.#inputBundle) : this.src ? fetchBundle(this.src, controller.signal, this.timeout) : Promise.reject(new TermsGateError('load', 'no src and no bundle given'));
    this.#loaded = pending.then(
      async (loaded) => {
        if (this.#loading !== controller) return this.#loaded!;
        // Decided before the gate shows as ready, so a returning user never sees it flip to accepted.
        const previous = await this.#previousAcceptance(loaded);
        if (this.#loading !== controller) return this.#loaded!;
        const session = new GateSession(loaded.bundle, this.#requirementsFrom(loaded.bundle), { userAgent: globalThis.navigator?.userAgent });
        this.#session = session;
        this.#applyPrevious(previous, session);
        this._load = { status: 'ready', loaded };
        // Hashing waits for the browser's idle time; a receipt asked for earlier waits for it.
        loaded.digests.startWhenIdle();
        return loaded;
      },
      (error: unknown) => {
        if (this.#loading !== controller) return this.#loaded!;
        const gateError = error instanceof TermsGateError ? error : new TermsGateError('load', String(error));
        this._load = { status: 'error', error: gateError };
        this.dispatchEvent(new TermsErrorEvent({ error: gateError }));
        throw gateError;
      },
    );
    // The error is reported by event and state; a caller that awaits show() gets the rejection.
    this.#loaded.catch(() => {});
    return this.#loaded;
  }

  /** What an earlier acceptance means for this bundle: accepted already (same MAJOR), or what changed since. */
  async #previousAcceptance(loaded: LoadedBundle): Promise<{ accepted?: Receipt; changes?: ChangesSince; previousBundle?: TermsBundle }> {
    const { bundle } = loaded;
    const receipt = acceptanceOf(this.previousReceipt, bundle.id) ?? (this.remember ? readRemembered(bundle.id) : undefined);
    if (!receipt) return {};
    if (!needsReconsent(receipt.bundle.version, bundle.version)) return { accepted: receipt };
    let earlier = this.previousBundle;
    if (!earlier && this.previousSrc) {
      // Without it the marked clauses are still compared, so a failed fetch only makes the list shorter.
      earlier = await fetchBundle(this.previousSrc, new AbortController().signal, this.timeout).then(({ bundle: fetched }) => fetched, () => undefined);
    }
    const previousBundle = earlier?.id === bundle.id ? earlier : undefined;
    try {
      return { changes: await changesSince({ bundle, digests: await loaded.digests.get() }, { receipt, bundle: previousBundle }), previousBundle };
    } catch {
      // The earlier bundle could not be compared: still ask again, without a clause list.
      return { changes: { sinceVersion: receipt.bundle.version, acceptedAt: receipt.decidedAt, clauses: [] } };
    }
  }

  #applyPrevious(previous: { accepted?: Receipt; changes?: ChangesSince; previousBundle?: TermsBundle }, session: GateSession): void {
    this.#priorAcceptance = previous.accepted;
    this.#comparedBundle = previous.previousBundle;
    this._changes = previous.changes;
    // Only clauses of this bundle can be shown; removed ones are listed in the notice but not recorded.
    const shown = previous.changes?.clauses.filter((c) => c.change !== 'removed').map(({ document, clause }) => ({ document, clause }));
    session.changesShown = previous.changes ? { sinceVersion: previous.changes.sinceVersion, clauses: shown ?? [] } : undefined;
    this._revision++;
  }

  #requirementsFrom(bundle: TermsBundle): RequirementsInForce {
    const defaults = bundle.gate ?? {};
    const seconds = this.minReadSeconds ?? defaults.minReadSeconds ?? 0;
    return {
      requireRead: this.requireRead ?? defaults.requireRead ?? false,
      minReadSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0,
      requireAcknowledge: this.requireAcknowledge ?? defaults.requireAcknowledge ?? false,
    };
  }

  #syncFormState(): void {
    const accepted = this.accepted;
    const receipt = this.acceptanceReceipt;
    this.#internals.setFormValue(accepted && receipt ? JSON.stringify(receipt) : null);
    const states = this.#internals.states;
    accepted ? states.add('accepted') : states.delete('accepted');
    this._load.status === 'error' ? states.add('error') : states.delete('error');
    if (this.required && !accepted) {
      const anchor = this.#checkbox ?? shadowQuery<HTMLElement>(this, '[part~="retry"]');
      this.#internals.setValidity({ valueMissing: true }, this.#l10n.t('validity'), anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  #onInvalid = (event: Event) => {
    // The browser shows its own bubble; the message also stays on the page, next to the checkbox.
    event.preventDefault();
    this._showValidation = true;
    this.#checkbox?.focus();
  };

  get #modal(): TermsModal | undefined {
    return shadowQuery<TermsModal>(this, 'terms-modal');
  }

  get #checkbox(): HTMLInputElement | undefined {
    return shadowQuery<HTMLInputElement>(this, '[part~="checkbox"]');
  }

  get #loadedBundle(): LoadedBundle | undefined {
    return this._load.status === 'ready' ? this._load.loaded : undefined;
  }

  async #finish(outcome: Outcome): Promise<Receipt | undefined> {
    const loaded = this.#loadedBundle;
    const digests = loaded?.digests.ready;
    // Callers wait for the digests first: without them there is no receipt, and so no outcome.
    const facts = digests && this.#session?.decide(outcome, this.#modal?.shownLocale ?? this.#l10n.locale, Date.now());
    if (!loaded || !digests || !facts) return undefined;
    // Sealed before anyone sees it: its integrity digest shows any later edit.
    const receipt = await sealReceipt(buildReceipt(loaded.bundle, digests, facts));
    this.#lastReceipt = receipt;
    return receipt;
  }

  #onAction = (event: TermsActionEvent) => {
    event.stopPropagation();
    event.preventDefault();
    const { action } = event.detail;
    if (action === 'accept') void this.#tryAccept();
    else if (action === 'decline') void this.#onDecline();
    else void this.#dismiss();
  };

  async #tryAccept(): Promise<void> {
    const session = this.#session;
    if (!session || !this.#modal?.open) return;
    if (this.accepted) {
      void this.hide();
      return;
    }
    const missing = session.missing(Date.now());
    if (missing.length) {
      this.#announceMissing(missing);
      return;
    }
    const digests = this.#loadedBundle!.digests;
    if (!digests.ready) {
      // A large bundle may still be hashing: accept once it is done, checking everything again then.
      void digests.get().then(() => this.#session === session && void this.#tryAccept());
      return;
    }
    const receipt = await this.#finish('accept');
    // The acceptance may have been taken back while the receipt was being sealed.
    if (!receipt || this.#session !== session || !session.accepted) return;
    this.#acceptedReceipt = receipt;
    if (this.remember) remember(receipt);
    this._showValidation = false;
    this.#modal.announce('');
    this._revision++;
    void this.hide();
    this.dispatchEvent(new TermsAcceptEvent({ receipt }));
  }

  #announceMissing(missing: MissingRequirement[]): void {
    const { t } = this.#l10n;
    const consents = this.#loadedBundle?.bundle.consents ?? [];
    const lines = missing.map((item) => {
      switch (item.kind) {
        case 'assent':
          return t('missingAssent');
        case 'read':
          return t('missingRead', { count: item.clauses.length });
        case 'time':
          return t('missingTime', { count: item.seconds });
        case 'acknowledge':
          return t('missingAcknowledge', { count: item.clauses.length });
        case 'consent': {
          const label = consents.find((c) => c.id === item.id)?.label;
          return t('missingConsent', { label: label ? label[shownLocale(label, this.#modal?.shownLocale ?? '')] : item.id });
        }
      }
    });
    this.#modal?.announce(t('missing'), lines);
    // Take the reader to the first thing they can do something about (R28).
    const first = missing[0]!;
    if (first.kind === 'read' || first.kind === 'acknowledge') void this.#modal?.goToClause(first.clauses[0]!);
    else if (first.kind === 'assent') this.#modal?.focusControl();
    else if (first.kind === 'consent') this.#modal?.focusControl(first.id);
  }

  async #onDecline(): Promise<void> {
    const bundle = this.#loadedBundle?.bundle;
    const wantsSecondChance = this.secondChance ?? bundle?.gate?.secondChance ?? false;
    const coolDownOver = Date.now() - this.#secondChanceShownAt > 24 * 3600 * 1000;
    if (wantsSecondChance && coolDownOver && this.#modal) {
      this.#secondChanceShownAt = Date.now();
      const { t } = this.#l10n;
      const leave = await this.#modal.askAgain({ title: t('secondChanceTitle'), body: t('secondChanceBody'), back: t('secondChanceBack'), leave: t('secondChanceLeave') });
      if (!leave) return;
    }
    await this.#decline();
  }

  async #decline(): Promise<void> {
    await this.#loadedBundle?.digests.get();
    const receipt = await this.#finish('decline');
    await this.hide();
    if (receipt) this.dispatchEvent(new TermsDeclineEvent({ receipt }));
  }

  async #dismiss(): Promise<void> {
    await this.#loadedBundle?.digests.get();
    const receipt = await this.#finish('dismiss');
    await this.hide();
    if (receipt) this.dispatchEvent(new TermsDismissEvent({ receipt }));
  }

  #onCheckboxClick = (event: Event) => {
    if (!this.#session) {
      event.preventDefault();
      return;
    }
    if (this.accepted) {
      // Unticking takes the acceptance back: the form needs a new one before it can be sent.
      this.#session.resetAcceptance(Date.now());
      this.#priorAcceptance = undefined;
      this._revision++;
      return;
    }
    // Ticking is only possible by accepting the terms themselves (R8).
    event.preventDefault();
    void this.show();
  };

  #onDocumentLink(event: Event, documentId: string) {
    event.preventDefault();
    void this.show(documentId);
  }

  /** Words of the agreement line, as labels of the checkbox so they are clickable too (empty in some languages). */
  #labelFor(words: string) {
    return words ? html`<label for="agree">${words}</label>` : nothing;
  }

  #renderAgreementLine() {
    const { t } = this.#l10n;
    const bundle = this.#loadedBundle?.bundle;
    const titles = (bundle?.documents ?? []).map((document) => {
      const title = t('documentTitle', { title: pickText(document, this.#l10n.lang || this.#l10n.locale).title });
      return html`<a part="document-link" href="#" @click=${(event: Event) => this.#onDocumentLink(event, document.id)}>${title}</a>`;
    });
    // "A和B" in Chinese, "A and B" in English, each title a link.
    const parts = joinList(titles, t as unknown as Translate);
    return html`<span class="line" part="base">
      <input id="agree" type="checkbox" part="checkbox" aria-labelledby="agree-text" aria-describedby=${this._showValidation && !this.accepted ? 'validation' : nothing} ?checked=${this.accepted} .checked=${isServer ? nothing : this.accepted} ?disabled=${!bundle} @click=${this.#onCheckboxClick} />
      <span id="agree-text">${this.#labelFor(t('agreePrefix'))}${parts}${this.#labelFor(t('agreeSuffix'))}</span>
      ${this.accepted ? html`<span class="accepted">✓ ${t('accepted')}</span>` : nothing}
    </span>
    ${this._showValidation && !this.accepted ? html`<p id="validation" class="message" part="error">${t('validity')}</p>` : nothing}`;
  }

  override render() {
    const { t } = this.#l10n;
    if (this._load.status === 'error') {
      return html`<div class="message" part="error" role="alert">
          ${this._load.error.kind === 'invalid' ? t('invalidError') : t('loadError')}
          <button type="button" part="retry" @click=${() => void this.#startLoading()}>${t('retry')}</button>
        </div>`;
    }
    const loaded = this.#loadedBundle;
    return html`${loaded ? this.#renderAgreementLine() : html`<span class="line" part="base" role="status">${t('loading')}</span>`}
      ${loaded
        ? html`<terms-modal part="modal" exportparts=${MODAL_PARTS} theme=${this.theme} .bundle=${loaded.bundle} .session=${this.#session} .changes=${this._changes} .previousBundle=${this.#comparedBundle} @terms-action=${this.#onAction}></terms-modal>`
        : nothing}`;
  }
}
