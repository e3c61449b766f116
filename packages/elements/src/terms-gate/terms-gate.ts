import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { buildReceipt, type ClauseRef, type Outcome, type Receipt, type RequirementsInForce, type TermsBundle } from '@terms-gate/bundle';
import { TermsAcceptEvent } from '../events/terms-accept.ts';
import { TermsDeclineEvent } from '../events/terms-decline.ts';
import { TermsDismissEvent } from '../events/terms-dismiss.ts';
import { TermsErrorEvent, TermsGateError } from '../events/terms-error.ts';
import type { TermsActionEvent } from '../events/terms-action.ts';
import type { TermsAcknowledgeEvent } from '../events/terms-acknowledge.ts';
import type { TermsExplainEvent } from '../events/terms-explain.ts';
import type { TermsVisibilityEvent } from '../events/terms-visibility.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { GateSession, type MissingRequirement } from '../session/gate-session.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import type { TermsModal } from '../terms-modal/terms-modal.ts';
import type { TermsViewer } from '../terms-viewer/terms-viewer.ts';
import { fetchBundle, prepareBundle, type LoadedBundle } from './load-bundle.ts';
import { clauseLabel, findClause, textFor } from './marked-summary.ts';
import { gateStyles } from './terms-gate.styles.ts';

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
 * @csspart modal - The `<terms-modal>`; its own parts are forwarded as `dialog`, `accept`, `decline`, `close`, `body`, `footer`, `status`, `title`.
 * @csspart summary - The summary of marked clauses next to the buttons.
 * @csspart consents - The separate consents.
 * @csspart consent - Each separate consent's checkbox.
 * @csspart assent - The "I have read and agree" checkbox in the dialog.
 * @csspart second-chance - The second-chance dialog after a decline.
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

  /** URL of the terms bundle JSON. Changing it loads the new bundle and forgets the old one. */
  @property() src = '';

  /** The form field name; the submitted value is the acceptance receipt as JSON. */
  @property({ reflect: true }) name = '';

  /** When set, the form cannot be submitted until the terms are accepted. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Every marked clause must have been on screen before accepting. Defaults to the bundle's `gate.requireRead`. */
  @property({ type: Boolean, attribute: 'require-read' }) requireRead?: boolean;

  /** Seconds the terms must have been open before accepting. Defaults to the bundle's `gate.minReadSeconds`. */
  @property({ type: Number, attribute: 'min-read-seconds' }) minReadSeconds?: number;

  /** Every critical clause must be acknowledged. Defaults to the bundle's `gate.requireAcknowledge`. */
  @property({ type: Boolean, attribute: 'require-acknowledge' }) requireAcknowledge?: boolean;

  /** After a decline, ask once more (still letting the user leave). Defaults to the bundle's `gate.secondChance`. */
  @property({ type: Boolean, attribute: 'second-chance' }) secondChance?: boolean;

  /** Milliseconds to wait for `src` before showing an error. */
  @property({ type: Number }) timeout = 15000;

  /** Theme: `auto` follows the system; `light` or `dark` force one. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private load: LoadState = { status: 'idle' };
  @state() private currentDocument = '';
  @state() private showValidation = false;
  @state() private revision = 0;
  @query('terms-modal') private modal?: TermsModal;
  @query('terms-viewer') private viewer?: TermsViewer;
  @query('.second-chance') private secondChanceDialog?: HTMLDialogElement;
  @query('input[part~="checkbox"]') private checkbox?: HTMLInputElement;

  private readonly l10n = new LocaleController(this);
  private readonly internals: ElementInternals;
  private session?: GateSession;
  private inputBundle?: TermsBundle;
  private loading?: AbortController;
  private loaded?: Promise<LoadedBundle>;
  private secondChanceShownAt = 0;
  private lastReceipt?: Receipt;
  private acceptedReceipt?: Receipt;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The bundle to show, instead of `src`. It is validated like a fetched one. */
  get bundle(): TermsBundle | undefined {
    return this.load.status === 'ready' ? this.load.loaded.bundle : this.inputBundle;
  }
  set bundle(value: TermsBundle | undefined) {
    this.inputBundle = value;
    void this.startLoading();
  }

  /** Whether the terms are accepted (the agreement checkbox is ticked). */
  get accepted(): boolean {
    return !!this.session?.accepted;
  }

  /** The receipt of the current acceptance, if accepted. */
  get acceptanceReceipt(): Receipt | undefined {
    return this.accepted ? this.acceptedReceipt : undefined;
  }

  /** The receipt of the last outcome (accept, decline or dismiss), if any. */
  get receipt(): Receipt | undefined {
    return this.lastReceipt;
  }

  /** The form this gate belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Opens the terms, at `documentId` when given; resolves when the dialog shows them. Rejects if the bundle cannot be loaded. */
  async show(documentId?: string): Promise<void> {
    const { bundle } = await (this.loaded ?? this.startLoading());
    this.currentDocument = documentId && bundle.documents.some((d) => d.id === documentId) ? documentId : this.currentDocument || bundle.documents[0]!.id;
    await this.updateComplete;
    this.session?.open(Date.now(), this.currentDocument);
    await this.modal?.show();
  }

  /** Closes the terms without recording an outcome; resolves when closed. */
  async hide(): Promise<void> {
    this.secondChanceDialog?.close();
    this.session?.close(Date.now());
    await this.modal?.hide();
  }

  /** The form validity state, as for native controls. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized message shown when the form is submitted before accepting. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this.onInvalid);
    if (this.load.status === 'idle' && (this.src || this.inputBundle)) void this.startLoading();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.onInvalid);
    // Gone mid-flow: stop loading and close quietly. Nothing the user did not do is reported.
    this.loading?.abort();
    this.session?.close(Date.now());
  }

  /** Form reset clears the acceptance. */
  formResetCallback(): void {
    this.session?.resetAcceptance(Date.now());
    this.showValidation = false;
    this.revision++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.isConnected && changed.get('src') !== undefined) void this.startLoading();
  }

  protected override updated(): void {
    this.syncFormState();
  }

  private startLoading(): Promise<LoadedBundle> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.session = undefined;
    this.load = { status: 'loading' };
    const pending = this.inputBundle !== undefined ? prepareBundle(this.inputBundle) : this.src ? fetchBundle(this.src, controller.signal, this.timeout) : Promise.reject(new TermsGateError('load', 'no src and no bundle given'));
    this.loaded = pending.then(
      (loaded) => {
        if (this.loading !== controller) return this.loaded!;
        this.session = new GateSession(loaded.bundle, this.requirementsFrom(loaded.bundle), { userAgent: navigator.userAgent });
        this.currentDocument = loaded.bundle.documents[0]!.id;
        this.load = { status: 'ready', loaded };
        return loaded;
      },
      (error: unknown) => {
        if (this.loading !== controller) return this.loaded!;
        const gateError = error instanceof TermsGateError ? error : new TermsGateError('load', String(error));
        this.load = { status: 'error', error: gateError };
        this.dispatchEvent(new TermsErrorEvent({ error: gateError }));
        throw gateError;
      },
    );
    // The error is reported by event and state; a caller that awaits show() gets the rejection.
    this.loaded.catch(() => {});
    return this.loaded;
  }

  private requirementsFrom(bundle: TermsBundle): RequirementsInForce {
    const defaults = bundle.gate ?? {};
    const seconds = this.minReadSeconds ?? defaults.minReadSeconds ?? 0;
    return {
      requireRead: this.requireRead ?? defaults.requireRead ?? false,
      minReadSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0,
      requireAcknowledge: this.requireAcknowledge ?? defaults.requireAcknowledge ?? false,
    };
  }

  private syncFormState(): void {
    const accepted = this.accepted;
    this.internals.setFormValue(accepted && this.acceptedReceipt ? JSON.stringify(this.acceptedReceipt) : null);
    const states = this.internals.states;
    accepted ? states.add('accepted') : states.delete('accepted');
    this.load.status === 'error' ? states.add('error') : states.delete('error');
    if (this.required && !accepted) {
      const anchor = this.checkbox ?? this.renderRoot.querySelector<HTMLElement>('[part~="retry"]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.l10n.t('validity'), anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  private onInvalid = (event: Event) => {
    // The browser shows its own bubble; the message also stays on the page, next to the checkbox.
    event.preventDefault();
    this.showValidation = true;
    this.checkbox?.focus();
  };

  private get loadedBundle(): LoadedBundle | undefined {
    return this.load.status === 'ready' ? this.load.loaded : undefined;
  }

  private contentLocale(documentId = this.currentDocument): string {
    const document = this.loadedBundle?.bundle.documents.find((d) => d.id === documentId);
    return document ? textFor(document, this.l10n.lang || this.l10n.locale).locale : this.l10n.locale;
  }

  private finish(outcome: Outcome): Receipt | undefined {
    const loaded = this.loadedBundle;
    const facts = loaded && this.session?.decide(outcome, this.contentLocale(), Date.now());
    if (!loaded || !facts) return undefined;
    const receipt = buildReceipt(loaded.bundle, loaded.digests, facts);
    this.lastReceipt = receipt;
    return receipt;
  }

  private onAction = (event: TermsActionEvent) => {
    event.stopPropagation();
    event.preventDefault();
    const { action } = event.detail;
    if (action === 'accept') this.tryAccept();
    else if (action === 'decline') void this.onDecline();
    else void this.dismiss();
  };

  private tryAccept(): void {
    const session = this.session;
    if (!session || !this.modal?.open) return;
    if (session.accepted) {
      void this.hide();
      return;
    }
    const missing = session.missing(Date.now());
    if (missing.length) {
      this.announceMissing(missing);
      return;
    }
    const receipt = this.finish('accept');
    if (!receipt) return;
    this.acceptedReceipt = receipt;
    this.showValidation = false;
    this.modal.announce('');
    this.revision++;
    void this.hide();
    this.dispatchEvent(new TermsAcceptEvent({ receipt }));
  }

  private announceMissing(missing: MissingRequirement[]): void {
    const { t } = this.l10n;
    const consents = this.loadedBundle?.bundle.consents ?? [];
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
          return t('missingConsent', { label: label ? (label[this.contentLocale()] ?? Object.values(label)[0]) : item.id });
        }
      }
    });
    this.modal?.announce(t('missing'), lines);
    // Take the reader to the first thing they can do something about (R28).
    const first = missing[0]!;
    if (first.kind === 'read' || first.kind === 'acknowledge') void this.goToClause(first.clauses[0]!);
    else if (first.kind === 'assent') this.renderRoot.querySelector<HTMLInputElement>('[part~="assent"]')?.focus();
    else if (first.kind === 'consent') this.renderRoot.querySelector<HTMLInputElement>(`[part~="consent"][data-consent="${CSS.escape(first.id)}"]`)?.focus();
  }

  private async goToClause(ref: ClauseRef): Promise<void> {
    if (ref.document !== this.currentDocument) {
      this.currentDocument = ref.document;
      this.session?.open(Date.now(), ref.document);
      await this.updateComplete;
      await this.viewer?.updateComplete;
    }
    this.viewer?.scrollToClause(ref.clause);
  }

  private async onDecline(): Promise<void> {
    const bundle = this.loadedBundle?.bundle;
    const wantsSecondChance = this.secondChance ?? bundle?.gate?.secondChance ?? false;
    const coolDownOver = Date.now() - this.secondChanceShownAt > 24 * 3600 * 1000;
    if (wantsSecondChance && coolDownOver && this.secondChanceDialog && !this.secondChanceDialog.open) {
      this.secondChanceShownAt = Date.now();
      this.secondChanceDialog.showModal();
      return;
    }
    await this.decline();
  }

  private async decline(): Promise<void> {
    this.secondChanceDialog?.close();
    const receipt = this.finish('decline');
    await this.hide();
    if (receipt) this.dispatchEvent(new TermsDeclineEvent({ receipt }));
  }

  private async dismiss(): Promise<void> {
    const receipt = this.finish('dismiss');
    await this.hide();
    if (receipt) this.dispatchEvent(new TermsDismissEvent({ receipt }));
  }

  private onCheckboxClick = (event: Event) => {
    if (!this.session) {
      event.preventDefault();
      return;
    }
    if (this.accepted) {
      // Unticking takes the acceptance back: the form needs a new one before it can be sent.
      this.session.resetAcceptance(Date.now());
      this.revision++;
      return;
    }
    // Ticking is only possible by accepting the terms themselves (R8).
    event.preventDefault();
    void this.show();
  };

  private onDocumentLink(event: Event, documentId: string) {
    event.preventDefault();
    void this.show(documentId);
  }

  private onVisibility = (event: TermsVisibilityEvent) => {
    event.stopPropagation();
    this.session?.setVisible(event.detail, event.detail.visible, Date.now());
  };

  private onExplain = (event: TermsExplainEvent) => {
    this.session?.explain(event.detail, this.contentLocale(event.detail.document), Date.now());
  };

  private onAcknowledge = (event: TermsAcknowledgeEvent) => {
    event.stopPropagation();
    this.session?.acknowledge(event.detail, event.detail.acknowledged, Date.now());
    this.revision++;
  };

  private onAssentChange(event: Event) {
    this.session?.setAssent((event.target as HTMLInputElement).checked, Date.now());
    this.modal?.announce('');
    this.revision++;
  }

  private onConsentChange(event: Event, id: string) {
    this.session?.setConsent(id, (event.target as HTMLInputElement).checked, Date.now());
    this.revision++;
  }

  private onSummaryClick(event: Event, ref: ClauseRef) {
    event.preventDefault();
    void this.goToClause(ref);
  }

  private renderAgreementLine() {
    const { t } = this.l10n;
    const bundle = this.loadedBundle?.bundle;
    const titles = (bundle?.documents ?? []).map((document) => {
      const title = t('documentTitle', { title: textFor(document, this.l10n.lang || this.l10n.locale).title });
      return html`<a part="document-link" href="#" @click=${(event: Event) => this.onDocumentLink(event, document.id)}>${title}</a>`;
    });
    // Intl.ListFormat gives "A和B" in Chinese and "A and B" in English; the links go where its placeholders were.
    const placeholders = titles.map((_, index) => `\u0000${index}\u0000`);
    const joined = new Intl.ListFormat(this.l10n.locale, { type: 'conjunction' }).format(placeholders);
    const parts = joined.split(/\u0000(\d+)\u0000/).map((piece, index) => (index % 2 ? titles[Number(piece)] : piece));
    return html`<span class="line" part="base">
      <input id="agree" type="checkbox" part="checkbox" aria-labelledby="agree-text" aria-describedby=${this.showValidation && !this.accepted ? 'validation' : nothing} .checked=${this.accepted} ?disabled=${!bundle} @click=${this.onCheckboxClick} />
      <span id="agree-text"><label for="agree">${t('agreePrefix')}</label> ${parts}${t('agreeSuffix')}</span>
      ${this.accepted ? html`<span class="accepted">✓ ${t('accepted')}</span>` : nothing}
    </span>
    ${this.showValidation && !this.accepted ? html`<p id="validation" class="message" part="error">${t('validity')}</p>` : nothing}`;
  }

  private renderModalContent(loaded: LoadedBundle) {
    const { t } = this.l10n;
    const session = this.session!;
    const { bundle } = loaded;
    const lang = this.l10n.lang || this.l10n.locale;
    const requirements = session.requirements;
    const locale = this.contentLocale();
    const marked = session.marked;
    const acknowledged = marked.filter((m) => m.document === this.currentDocument && session.isAcknowledged(m)).map((m) => m.clause);
    return html`
      ${bundle.documents.length > 1
        ? html`<nav class="documents" aria-label=${t('contents')}>${bundle.documents.map(
            (document) => html`<button type="button" aria-current=${document.id === this.currentDocument ? 'page' : 'false'} @click=${() => this.goToDocument(document.id)}>${textFor(document, lang).title}</button>`,
          )}</nav>`
        : nothing}
      <terms-viewer
        .bundle=${bundle}
        document=${this.currentDocument}
        hide-title
        track-visibility
        ?acknowledgeable=${requirements.requireAcknowledge}
        .acknowledged=${acknowledged}
        @terms-visibility=${this.onVisibility}
        @terms-explain=${this.onExplain}
        @terms-acknowledge=${this.onAcknowledge}
      ></terms-viewer>
      <div slot="aside" class="aside">
        ${marked.length
          ? html`<details part="summary">
              <summary>${t('summary')} (${marked.length})</summary>
              <ul>
                ${marked.map((ref) => {
                  const document = bundle.documents.find((d) => d.id === ref.document)!;
                  const clause = findClause(textFor(document, lang).clauses, ref.clause) ?? findClause(document.clauses, ref.clause);
                  const seen = session.isSeen(ref);
                  return html`<li><a href=${`#clause-${ref.clause}`} data-seen=${seen} @click=${(event: Event) => this.onSummaryClick(event, ref)}>${clause ? clauseLabel(clause) : ref.clause}</a></li>`;
                })}
              </ul>
            </details>`
          : nothing}
        ${bundle.consents?.length
          ? html`<fieldset part="consents">
              <legend>${t('consents')}</legend>
              ${bundle.consents.map((consent) => {
                const pick = (values: Record<string, string>) => values[locale] ?? values[bundle.documents[0]!.locale] ?? Object.values(values)[0] ?? '';
                return html`<div class="consent">
                  <input id=${`consent-${consent.id}`} type="checkbox" part="consent" data-consent=${consent.id} aria-describedby=${`notice-${consent.id}`} .checked=${session.consentGranted(consent.id)} @change=${(event: Event) => this.onConsentChange(event, consent.id)} />
                  <label for=${`consent-${consent.id}`}>${pick(consent.label)} <span class="tag">(${consent.required ? t('required') : t('optional')})</span></label>
                  <p id=${`notice-${consent.id}`} class="notice">${pick(consent.notice)}</p>
                </div>`;
              })}
            </fieldset>`
          : nothing}
        <label class="assent"><input type="checkbox" part="assent" .checked=${session.assentGiven} @change=${this.onAssentChange} /> ${t('assent', { count: marked.length })}</label>
      </div>`;
  }

  private async goToDocument(documentId: string) {
    this.currentDocument = documentId;
    this.session?.open(Date.now(), documentId);
    await this.updateComplete;
    this.modal?.scrollArea?.scrollTo({ top: 0 });
  }

  override render() {
    const { t } = this.l10n;
    if (this.load.status === 'error') {
      return html`<div class="message" part="error" role="alert">
          ${this.load.error.kind === 'invalid' ? t('invalidError') : t('loadError')}
          <button type="button" part="retry" @click=${() => void this.startLoading()}>${t('retry')}</button>
        </div>`;
    }
    const loaded = this.loadedBundle;
    const current = loaded?.bundle.documents.find((d) => d.id === this.currentDocument);
    return html`${loaded ? this.renderAgreementLine() : html`<span class="line" part="base" role="status">${t('loading')}</span>`}
      ${loaded && current
        ? html`<terms-modal part="modal" exportparts="dialog,accept,decline,close,body,footer,status,title" .title=${textFor(current, this.l10n.lang || this.l10n.locale).title} @terms-action=${this.onAction}>${this.renderModalContent(loaded)}</terms-modal>
            <dialog class="second-chance" part="second-chance" aria-labelledby="second-chance-title" aria-describedby="second-chance-body" @cancel=${(event: Event) => { event.preventDefault(); this.secondChanceDialog?.close(); }}>
              <h2 id="second-chance-title">${t('secondChanceTitle')}</h2>
              <p id="second-chance-body">${t('secondChanceBody')}</p>
              <div class="actions">
                <button type="button" autofocus @click=${() => this.secondChanceDialog?.close()}>${t('secondChanceBack')}</button>
                <button type="button" part="decline" @click=${() => void this.decline()}>${t('secondChanceLeave')}</button>
              </div>
            </dialog>`
        : nothing}`;
  }
}
