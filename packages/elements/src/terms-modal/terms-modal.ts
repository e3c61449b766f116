import { LitElement, html, nothing } from 'lit';
import { shownLocale, type ClauseRef, type TermsBundle, type TermsDocument } from '@terms-gate/bundle';
import { TermsActionEvent, type TermsAction } from '../events/terms-action.ts';
import type { TermsAcknowledgeEvent } from '../events/terms-acknowledge.ts';
import type { TermsExplainEvent } from '../events/terms-explain.ts';
import type { TermsVisibilityEvent } from '../events/terms-visibility.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { GateSession } from '../session/gate-session.ts';
import type { ChangedClause, ChangesSince } from '../session/reconsent.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import { shadowQuery } from '../shadow-query.ts';
import { formatDate, pickText } from '../terms-viewer/document-model.ts';
import type { TermsViewer } from '../terms-viewer/terms-viewer.ts';
import { summaryLabel } from './summary-label.ts';
import { modalStyles } from './terms-modal.styles.ts';

/** The wording of the second-chance question (R13). */
export interface SecondChanceQuestion {
  title: string;
  body: string;
  /** Label of the button that goes back to the terms. */
  back: string;
  /** Label of the button that declines and leaves. */
  leave: string;
}

/** The element that had focus, looking inside shadow roots, so focus can go back to it (R25). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary The terms in a native modal `<dialog>`: the clause viewer, a summary of the marked
 * clauses, the separate consents and the assent checkbox next to equally prominent accept and
 * decline buttons, in an action bar that never covers the text.
 *
 * @description A view of a `GateSession`: it shows the session's state and writes what the reader
 * does (clauses on screen, explanations opened, acknowledgements, the assent checkbox, consents)
 * into it. It decides no outcome: accept, decline and dismiss are requests (`terms-action`,
 * cancelable) that its owner, usually `<terms-gate>`, grants or refuses. When it refuses an accept it
 * calls `announce()` with what is missing, read out through a `role="status"` region (R28).
 * Escape and the close button request `dismiss`, never a decision (R12). Uses `showModal()`, so the
 * page behind is inert and the dialog is in the top layer (R24); focus goes in on open and back to
 * the opener on close (R25).
 *
 * @event terms-action - `{ action: 'accept' | 'decline' | 'dismiss' }`, cancelable. If not canceled, `dismiss` closes the dialog.
 * @event terms-explain - Bubbles from the marked clauses: `{ document, clause }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar.
 * @csspart title - The visible title that labels the dialog.
 * @csspart close - The close button.
 * @csspart documents - The document switcher, when the bundle has several documents.
 * @csspart body - The scrolling text area.
 * @csspart changes - The notice of what changed since the user's earlier acceptance, at the top of the body (R19).
 * @csspart viewer - The `<terms-viewer>`.
 * @csspart footer - The action bar.
 * @csspart summary - The summary of marked clauses (a `<details>`), each a link to its clause (R4).
 * @csspart consents - The separate consents (R15).
 * @csspart consent - Each separate consent's checkbox.
 * @csspart assent - The "I have read and agree" checkbox (R8).
 * @csspart status - The live region that says what is missing.
 * @csspart actions - The row of buttons.
 * @csspart accept - The accept button.
 * @csspart decline - The decline button, and the "decline" button of the second-chance dialog.
 * @csspart second-chance - The second-chance dialog shown by `askAgain()`.
 * @csspart second-chance-back - Its "back to the terms" button.
 * @csspart second-chance-decline - Its "decline" button.
 *
 * @cssproperty --terms-color-surface - Dialog background. Default `#ffffff` (dark: `#0d1117`).
 * @cssproperty --terms-color-surface-raised - Header and action bar background. Default `#f4f6f8` (dark: `#161b22`).
 * @cssproperty --terms-color-accent - Buttons and links. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-color-marked - The summary of marked clauses. Default `#9a3412` (dark: `#ffb86b`).
 * @cssproperty --terms-color-danger - The missing-requirements message. Default `#b42318` (dark: `#ff9492`).
 * @cssproperty --terms-radius - Corner radius. Default `8px`.
 * @cssproperty --terms-space - Base spacing. Default `1rem`.
 */
export class TermsModal extends LitElement {
  static override styles = [tokens, buttons, modalStyles];
  static override properties = {
    bundle: { attribute: false },
    session: { attribute: false },
    document: {},
    open: { type: Boolean, reflect: true },
    theme: { reflect: true },
    changes: { attribute: false },
    previousBundle: { attribute: false },
    _question: { state: true, attribute: false },
    _messages: { state: true, attribute: false },
  };

  /** Theme: `auto` follows the system; `light` or `dark` force one. Set by the enclosing element when nested. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** The bundle to show (already validated). */
  bundle?: TermsBundle;

  /** The session that records what the reader does; its state is what the dialog shows. */
  session?: GateSession;

  /** What changed since the user's earlier acceptance: shown above the text, each changed clause marked in it (R19). */
  changes?: ChangesSince;

  /** The bundle of the earlier acceptance, if known: it names the clauses that were removed. */
  previousBundle?: TermsBundle;

  /** Id of the document shown; defaults to the first. */
  document?: string;

  /** Whether the dialog is open. Use `show()` and `hide()` to change it. */
  open = false;

  private _question?: SecondChanceQuestion & { answer: (leave: boolean) => void };
  private _messages: string[] = [];

  readonly #l10n = new LocaleController(this);
  #opener: HTMLElement | null = null;
  #viewerChanges: { key: unknown; document: string; list: ChangedClause[] } | undefined;

  get #dialog(): HTMLDialogElement {
    return shadowQuery<HTMLDialogElement>(this, 'dialog')!;
  }

  get #viewer(): TermsViewer | undefined {
    return shadowQuery<TermsViewer>(this, 'terms-viewer');
  }

  /** The document shown. */
  get shownDocument(): TermsDocument | undefined {
    const documents = this.bundle?.documents ?? [];
    return documents.find((d) => d.id === this.document) ?? documents[0];
  }

  /** The locale the shown document's text is in (the best match of the reader's language). */
  get shownLocale(): string {
    const document = this.shownDocument;
    return document ? pickText(document, this.#l10n.lang || this.#l10n.locale).locale : this.#l10n.locale;
  }

  /** Opens the dialog; resolves when it is open and rendered. */
  async show(): Promise<void> {
    if (this.open && this.#dialog?.open) return;
    this.#opener = deepActiveElement();
    this.open = true;
    this._messages = [];
    await this.updateComplete;
    // The text is rendered before the dialog opens, so opening lays it out once, not twice.
    await this.#viewer?.updateComplete;
    if (!this.#dialog.open) this.#dialog.showModal();
    this.session?.open(Date.now(), this.shownDocument?.id);
  }

  /** Closes the dialog and returns focus to whatever opened it; resolves when closed. */
  async hide(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.#answer(false);
    this.session?.close(Date.now());
    await this.updateComplete;
    if (this.#dialog.open) this.#dialog.close();
    const opener = this.#opener;
    this.#opener = null;
    // The dialog restores focus itself when it can; an opener inside a shadow root sometimes is not.
    if (opener?.isConnected && deepActiveElement() !== opener) opener.focus();
  }

  /** Shows what the user still has to do under a heading; an empty heading clears it. */
  announce(heading: string, items: readonly string[] = []): void {
    this._messages = heading ? [heading, ...items] : [];
  }

  /** Shows a clause (switching document if needed), scrolled into view and focused. */
  async goToClause(ref: ClauseRef): Promise<void> {
    if (ref.document !== this.shownDocument?.id) await this.#showDocument(ref.document);
    this.#viewer?.scrollToClause(ref.clause);
  }

  /** Moves focus to the assent checkbox, or to a separate consent's checkbox. */
  focusControl(consentId?: string): void {
    const selector = consentId === undefined ? '[part~="assent"]' : `[data-consent="${CSS.escape(consentId)}"]`;
    shadowQuery<HTMLElement>(this, selector)?.focus();
  }

  /**
   * Asks once more after a decline, in a small modal dialog over the terms (R13): resolves `true`
   * when the user declines and leaves, `false` when they go back to the terms (also with Escape).
   */
  async askAgain(question: SecondChanceQuestion): Promise<boolean> {
    this._question?.answer(false);
    const answered = new Promise<boolean>((resolve) => {
      this._question = { ...question, answer: resolve };
    });
    await this.updateComplete;
    shadowQuery<HTMLDialogElement>(this, '.again')?.showModal();
    return answered;
  }

  #answer(leave: boolean) {
    const question = this._question;
    shadowQuery<HTMLDialogElement>(this, '.again')?.close();
    this._question = undefined;
    question?.answer(leave);
  }

  async #showDocument(id: string) {
    this.document = id;
    this.session?.open(Date.now(), id);
    await this.updateComplete;
    await this.#viewer?.updateComplete;
  }

  #request(action: TermsAction): boolean {
    return this.dispatchEvent(new TermsActionEvent(action));
  }

  #onCancel = (event: Event) => {
    // Escape: report a dismissal and let the owner decide; never close silently (R12).
    event.preventDefault();
    if (this.#request('dismiss')) void this.hide();
  };

  #onAgainCancel = (event: Event) => {
    // Escape in the second-chance dialog goes back to the terms; it must not reach the terms dialog.
    event.preventDefault();
    event.stopPropagation();
    this.#answer(false);
  };

  #onClose = (event: Event) => {
    // Closed by the platform (for example a repeated Escape without user activation): still a dismissal.
    if (event.target === this.#dialog && this.open) {
      this.open = false;
      this.session?.close(Date.now());
      this.#request('dismiss');
    }
  };

  #record = (change: () => void) => {
    change();
    this._messages = [];
    this.requestUpdate();
  };

  #onVisibility = (event: TermsVisibilityEvent) => {
    event.stopPropagation();
    this.session?.setVisible(event.detail, event.detail.visible, Date.now());
  };

  #onExplain = (event: TermsExplainEvent) => {
    this.session?.explain(event.detail, this.shownLocale, Date.now());
  };

  #onAcknowledge = (event: TermsAcknowledgeEvent) => {
    event.stopPropagation();
    this.#record(() => this.session?.acknowledge(event.detail, event.detail.acknowledged, Date.now()));
  };

  override render() {
    const { t } = this.#l10n;
    const [heading, ...items] = this._messages;
    const document = this.shownDocument;
    const lang = this.#l10n.lang || this.#l10n.locale;
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <header part="header">
        <h2 id="title" part="title">${document ? pickText(document, lang).title : ''}</h2>
        <button class="close" part="close" type="button" aria-label=${t('close')} @click=${this.#onCancel}>✕</button>
      </header>
      ${this.#renderDocumentSwitcher(lang)}
      <div class="body" part="body" tabindex="0" role="region" aria-labelledby="title" autofocus>
        ${this.open && document ? [this.#renderChanges(lang), this.#renderViewer(document)] : nothing}
      </div>
      <footer part="footer">
        ${this.#renderSummary(lang)} ${this.#renderConsents()}
        <label class="assent"
          ><input type="checkbox" part="assent" .checked=${this.session?.assentGiven ?? false} @change=${(event: Event) => this.#record(() => this.session?.setAssent((event.target as HTMLInputElement).checked, Date.now()))} />
          ${t('assent', { count: this.session?.marked.length ?? 0 })}</label
        >
        <div class="status" part="status" role="status">${heading ? html`<p>${heading}</p><ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : nothing}</div>
        <div class="actions" part="actions">
          <button type="button" part="accept" @click=${() => this.#request('accept')}>${t('accept')}</button>
          <button type="button" part="decline" @click=${() => this.#request('decline')}>${t('decline')}</button>
        </div>
      </footer>
      ${this.#renderSecondChance()}
    </dialog>`;
  }

  #renderDocumentSwitcher(lang: string) {
    const documents = this.bundle?.documents ?? [];
    if (documents.length < 2) return nothing;
    return html`<nav class="documents" part="documents" aria-label=${this.#l10n.t('contents')}>
      ${documents.map(
        (document) =>
          html`<button type="button" aria-current=${document.id === this.shownDocument?.id ? 'page' : 'false'} @click=${async () => {
            await this.#showDocument(document.id);
            shadowQuery(this, '.body')?.scrollTo({ top: 0 });
          }}>${pickText(document, lang).title}</button>`,
      )}
    </nav>`;
  }

  #renderViewer(document: TermsDocument) {
    const session = this.session;
    const acknowledged = session?.marked.filter((m) => m.document === document.id && session.isAcknowledged(m)).map((m) => m.clause) ?? [];
    return html`<terms-viewer
      part="viewer"
      theme=${this.theme}
      .bundle=${this.bundle}
      document=${document.id}
      hide-title
      heading-level="2"
      track-visibility
      .changes=${this.#changesIn(document.id)}
      ?acknowledgeable=${session?.requirements.requireAcknowledge ?? false}
      .acknowledged=${acknowledged}
      @terms-visibility=${this.#onVisibility}
      @terms-explain=${this.#onExplain}
      @terms-acknowledge=${this.#onAcknowledge}
    ></terms-viewer>`;
  }

  /** The changes within one document, the same array while nothing changed, so the viewer does not re-render for nothing. */
  #changesIn(documentId: string): ChangedClause[] {
    const cached = this.#viewerChanges;
    if (cached && cached.key === this.changes && cached.document === documentId) return cached.list;
    const list = (this.changes?.clauses ?? []).filter((c) => c.document === documentId && c.change !== 'removed');
    this.#viewerChanges = { key: this.changes, document: documentId, list };
    return list;
  }

  #renderChanges(lang: string) {
    const changes = this.changes;
    const bundle = this.bundle;
    if (!changes || !bundle) return nothing;
    const { t, locale } = this.#l10n;
    const label = (source: TermsBundle | undefined, ref: ChangedClause) => {
      const document = source?.documents.find((d) => d.id === ref.document);
      return document ? summaryLabel(pickText(document, lang), document, ref.clause) : ref.clause;
    };
    return html`<section class="changes" part="changes" lang=${locale} aria-labelledby="changes-title">
      <p id="changes-title">${t('changesNotice', { count: changes.clauses.length, date: formatDate(changes.acceptedAt, t) })}</p>
      ${changes.clauses.length
        ? html`<ul>
            ${changes.clauses.map(
              (ref) =>
                html`<li data-change=${ref.change}>
                  <span class="change-badge">${t(`change.${ref.change}`)}</span>
                  ${ref.change === 'removed'
                    ? html`<span>${label(this.previousBundle, ref)}</span>`
                    : html`<a href=${`#clause-${ref.clause}`} @click=${(event: Event) => {
                        event.preventDefault();
                        void this.goToClause(ref);
                      }}>${label(bundle, ref)}</a>`}
                </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  }

  #renderSummary(lang: string) {
    const session = this.session;
    const bundle = this.bundle;
    if (!session?.marked.length || !bundle) return nothing;
    return html`<details part="summary">
      <summary>${this.#l10n.t('summary')} (${session.marked.length})</summary>
      <ul>
        ${session.marked.map((ref) => {
          const document = bundle.documents.find((d) => d.id === ref.document)!;
          return html`<li>
            <a href=${`#clause-${ref.clause}`} @click=${(event: Event) => {
              event.preventDefault();
              void this.goToClause(ref);
            }}>${summaryLabel(pickText(document, lang), document, ref.clause)}</a>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  #renderConsents() {
    const consents = this.bundle?.consents ?? [];
    if (!consents.length) return nothing;
    const locale = this.shownLocale;
    // The same choice the receipt makes, so its notice digest names exactly the words shown here.
    const pick = (values: Record<string, string>) => values[shownLocale(values, locale)] ?? '';
    return html`<fieldset part="consents">
      <legend>${this.#l10n.t('consents')}</legend>
      ${consents.map(
        (consent) => html`<div class="consent">
          <input id=${`consent-${consent.id}`} type="checkbox" part="consent" data-consent=${consent.id} aria-describedby=${`notice-${consent.id}`} .checked=${this.session?.consentGranted(consent.id) ?? false} @change=${(event: Event) => this.#record(() => this.session?.setConsent(consent.id, (event.target as HTMLInputElement).checked, Date.now()))} />
          <label for=${`consent-${consent.id}`}>${pick(consent.label)} <span class="tag">(${consent.required ? this.#l10n.t('required') : this.#l10n.t('optional')})</span></label>
          <p id=${`notice-${consent.id}`} class="notice">${pick(consent.notice)}</p>
        </div>`,
      )}
    </fieldset>`;
  }

  #renderSecondChance() {
    const question = this._question;
    if (!question) return nothing;
    // Inside the terms dialog, so it stacks above it and its buttons follow the modal's in document order.
    return html`<dialog class="again" part="second-chance" aria-labelledby="again-title" aria-describedby="again-body" @cancel=${this.#onAgainCancel}>
      <h2 id="again-title">${question.title}</h2>
      <p id="again-body">${question.body}</p>
      <div class="actions">
        <button type="button" part="second-chance-back" autofocus @click=${() => this.#answer(false)}>${question.back}</button>
        <button type="button" part="decline second-chance-decline" @click=${() => this.#answer(true)}>${question.leave}</button>
      </div>
    </dialog>`;
  }
}
