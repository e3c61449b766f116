import { LitElement, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { TermsActionEvent, type TermsAction } from '../events/terms-action.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import { modalStyles } from './terms-modal.styles.ts';

/** The element that had focus, looking inside shadow roots, so focus can go back to it (R25). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary A native modal `<dialog>` for reading terms, with equally prominent accept and decline
 * controls in an action bar that never covers the text.
 *
 * @description The modal decides nothing: accept, decline and dismiss are requests
 * (`terms-action`, cancelable) that its owner, usually `<terms-gate>`, grants or refuses. When it
 * refuses an accept, it calls `announce()` with what is missing, which is read out through a
 * `role="status"` region (R28). Escape and the close button request `dismiss`, never a decision (R12).
 * Uses `showModal()`, so the page behind is inert and the dialog is in the top layer (R24).
 *
 * @slot - The terms, usually a `<terms-viewer>`; scrolls inside the dialog.
 * @slot aside - Shown above the buttons: the summary of marked clauses, separate consents, the assent checkbox.
 *
 * @event terms-action - `{ action: 'accept' | 'decline' | 'dismiss' }`, cancelable. If not canceled, `dismiss` closes the dialog.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar.
 * @csspart title - The visible title that labels the dialog.
 * @csspart close - The close button.
 * @csspart body - The scrolling text area.
 * @csspart footer - The action bar.
 * @csspart status - The live region that says what is missing.
 * @csspart actions - The row of buttons.
 * @csspart accept - The accept button.
 * @csspart decline - The decline button.
 *
 * @cssproperty --terms-color-surface - Dialog background. Default `#ffffff` (dark: `#0d1117`).
 * @cssproperty --terms-color-surface-raised - Header and action bar background. Default `#f4f6f8` (dark: `#161b22`).
 * @cssproperty --terms-color-accent - Button colour. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-radius - Corner radius. Default `8px`.
 * @cssproperty --terms-space - Base spacing. Default `1rem`.
 */
export class TermsModal extends LitElement {
  static override styles = [tokens, buttons, modalStyles];

  /** The dialog's visible title, which is also its accessible name. */
  @property() override title = '';

  /** Whether the dialog is open. Use `show()` and `hide()` to change it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Label of the accept button; defaults to the localized "Accept". */
  @property({ attribute: 'accept-label' }) acceptLabel = '';

  /** Label of the decline button; defaults to the localized "Decline". */
  @property({ attribute: 'decline-label' }) declineLabel = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.status') private statusRegion!: HTMLElement;

  private readonly l10n = new LocaleController(this);
  private opener: HTMLElement | null = null;
  private messages: string[] = [];

  /** Opens the dialog; resolves when it is open and rendered. */
  async show(): Promise<void> {
    if (this.open && this.dialog?.open) return;
    this.opener = deepActiveElement();
    this.open = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.messages = [];
    this.requestUpdate();
    await this.updateComplete;
  }

  /** Closes the dialog and returns focus to whatever opened it; resolves when closed. */
  async hide(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.updateComplete;
    if (this.dialog.open) this.dialog.close();
    const opener = this.opener;
    this.opener = null;
    // The dialog restores focus itself when it can; an opener inside a shadow root sometimes is not.
    if (opener?.isConnected && deepActiveElement() !== opener) opener.focus();
  }

  /** Says, politely but visibly, what the user still has to do; an empty list clears it. */
  announce(heading: string, items: readonly string[] = []): void {
    this.messages = heading ? [heading, ...items] : [];
    this.requestUpdate();
  }

  /** The scrolling text area, for owners that need to move the reader somewhere. */
  get scrollArea(): HTMLElement | null {
    return this.renderRoot.querySelector('.body');
  }

  private request(action: TermsAction): boolean {
    return this.dispatchEvent(new TermsActionEvent(action));
  }

  private onCancel(event: Event) {
    // Escape: report a dismissal and let the owner decide; never close silently (R12).
    event.preventDefault();
    if (this.request('dismiss')) void this.hide();
  }

  private onClose() {
    // Closed by the platform (for example a second Escape without user activation): still a dismissal.
    if (this.open) {
      this.open = false;
      this.request('dismiss');
    }
  }

  override render() {
    const { t } = this.l10n;
    const [heading, ...items] = this.messages;
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel} @close=${this.onClose}>
      <header part="header">
        <h2 id="title" part="title">${this.title}</h2>
        <button class="close" part="close" type="button" aria-label=${t('close')} @click=${() => this.onCancel(new Event('cancel'))}>✕</button>
      </header>
      <div class="body" part="body" tabindex="0" role="region" aria-labelledby="title" autofocus><slot></slot></div>
      <footer part="footer">
        <slot name="aside"></slot>
        <div class="status" part="status" role="status">${heading ? html`<p>${heading}</p><ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : ''}</div>
        <div class="actions" part="actions">
          <button type="button" part="accept" @click=${() => this.request('accept')}>${this.acceptLabel || t('accept')}</button>
          <button type="button" part="decline" @click=${() => this.request('decline')}>${this.declineLabel || t('decline')}</button>
        </div>
      </footer>
    </dialog>`;
  }
}
