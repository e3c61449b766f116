import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { Explanation, HighlightKind } from '@terms-gate/bundle';
import { TermsAcknowledgeEvent } from '../events/terms-acknowledge.ts';
import { TermsExplainEvent } from '../events/terms-explain.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { shadowQuery } from '../shadow-query.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import { badgeLabels, isExternal, safeHref } from '../terms-viewer/document-model.ts';
import { highlightStyles } from './terms-highlight.styles.ts';

/**
 * @summary Marks a clause that limits the provider's liability, adds to the user's, restricts the
 * user's rights or is critical (PRC Civil Code art. 496), and explains it on request (R2, R6, R10).
 *
 * @description The mark never relies on colour alone: a border on the inline-start side, a tinted
 * background, a warning icon and a visible text badge per kind, with the clause text in bold (R2);
 * the text keeps the body colour (R3). Badges are real text in `<strong>` before the clause, so
 * screen readers read them first in browse mode; the whole is a `role="group"` named by the badges,
 * so a user who tabs to "explain" or to the acknowledgement also hears which kind of clause it is
 * (a group, not a landmark: a long document would otherwise flood the landmark list).
 *
 * "Explain" opens a non-modal `role="dialog"` popover next to the button (WCAG 1.4.13): it stays
 * until the button is pressed again, Escape is pressed (focus returns to the button), or a click or
 * focus moves elsewhere; the pointer can move onto it. Marks, border and badges survive
 * forced-colors mode and print; the explain button and popover do not print.
 *
 * @slot - The clause content. The element makes it bold through inheritance; a viewer may add its own styles.
 *
 * @event terms-explain - {@link TermsExplainEvent} `{ document, clause }`, once each time the explanation opens.
 * @event terms-acknowledge - {@link TermsAcknowledgeEvent} `{ document, clause, acknowledged }` when the user ticks or unticks the acknowledgement.
 *
 * @csspart base - The marked box (a `role="group"` named by the badges).
 * @csspart icon - The warning icon (decorative).
 * @csspart badge - Each text badge; the critical one also has part `critical`.
 * @csspart critical - The "Critical" badge.
 * @csspart explain - The "explain" button.
 * @csspart popover - The explanation popover (`role="dialog"`).
 * @csspart acknowledge - The label wrapping the acknowledgement checkbox.
 *
 * @cssproperty --terms-color-marked - Border, icon and badge colour. Default `#9a3412` (dark: `#ffb86b`).
 * @cssproperty --terms-color-marked-surface - Background of the marked box. Default `#fff4e5` (dark: `#2d1d0b`).
 * @cssproperty --terms-color-text - Clause and popover text. Default `#1f2328` (dark: `#e6edf3`).
 * @cssproperty --terms-color-surface - Popover and button background. Default `#ffffff` (dark: `#0d1117`).
 * @cssproperty --terms-color-border - Popover border. Default `#8c959f` (dark: `#6e7681`).
 * @cssproperty --terms-color-accent - Button and link colour. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-color-focus - Focus ring. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-radius - Corner radius. Default `8px`.
 * @cssproperty --terms-space - Base spacing. Default `1rem`.
 */
export class TermsHighlight extends LitElement {
  static override styles = [tokens, buttons, highlightStyles];
  static override properties = {
    document: {},
    clause: {},
    kinds: { type: Array },
    critical: { type: Boolean, reflect: true },
    explanation: { attribute: false },
    contact: {},
    acknowledgeable: { type: Boolean },
    acknowledged: { type: Boolean },
    theme: { reflect: true },
    _explaining: { state: true, attribute: false },
  };

  /** Theme: `auto` follows the system; `light` or `dark` force one. Set by the enclosing element when nested. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Id of the document the clause belongs to; carried in events. */
  document = '';

  /** Id of the marked clause; carried in events. */
  clause = '';

  /** What the clause does to the user; one badge each. */
  kinds: HighlightKind[] = [];

  /** The author calls the clause critical: adds a "Critical" badge. */
  critical = false;

  /** The plain-language explanation, already picked for the reader's locale. No explain button without it. */
  explanation?: Explanation;

  /** A link (http, https or mailto) where the reader can ask about the clause; shown in the explanation. */
  contact?: string;

  /** Shows a checkbox to acknowledge the clause one by one (R10). */
  acknowledgeable = false;

  /** Whether the reader has acknowledged the clause; reflects the checkbox. */
  acknowledged = false;

  private _explaining = false;

  readonly #l10n = new LocaleController(this);
  #stopPositioning?: () => void;

  get #explainButton(): HTMLButtonElement | undefined {
    return shadowQuery<HTMLButtonElement>(this, '[part=explain]');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeExplanation();
  }

  /** Opens the explanation, if there is one. Resolves once it is shown and positioned. */
  async showExplanation(): Promise<void> {
    if (this._explaining || !this.explanation) return;
    this._explaining = true;
    await this.updateComplete;
    const button = this.#explainButton!;
    const popover = shadowQuery<HTMLElement>(this, '[part=popover]')!;
    let positioned!: () => void;
    const ready = new Promise<void>((resolve) => (positioned = resolve));
    // Fixed positioning escapes the overflow clipping of scroll boxes such as the modal's body.
    this.#stopPositioning = autoUpdate(button, popover, () =>
      computePosition(button, popover, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip(), shift({ padding: 8 })] }).then(
        ({ x, y }) => {
          // Floating UI computes physical coordinates, so these two stay physical.
          Object.assign(popover.style, { left: `${x}px`, top: `${y}px` });
          positioned();
        },
      ),
    );
    document.addEventListener('keydown', this.#onDocumentKeydown, true);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown, true);
    this.dispatchEvent(new TermsExplainEvent({ document: this.document, clause: this.clause }));
    await ready;
  }

  /** Closes the explanation; `returnFocus` moves focus back to the explain button. */
  closeExplanation(returnFocus = false): void {
    if (!this._explaining) return;
    this._explaining = false;
    this.#stopPositioning?.();
    document.removeEventListener('keydown', this.#onDocumentKeydown, true);
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown, true);
    if (returnFocus) this.#explainButton?.focus();
  }

  // One Escape closes one layer: consumed here so a surrounding modal dialog stays open.
  readonly #onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closeExplanation(true);
  };

  readonly #onDocumentPointerdown = (event: Event) => {
    if (!event.composedPath().includes(this)) this.closeExplanation();
  };

  #onFocusOut(event: FocusEvent) {
    // A null relatedTarget means the window lost focus (another tab, a screen reader's own window):
    // the explanation stays, as WCAG 1.4.13 asks.
    const next = event.relatedTarget as Node | null;
    if (next && !this.contains(next) && !this.renderRoot.contains(next)) this.closeExplanation();
  }

  #onAcknowledge(event: Event) {
    this.acknowledged = (event.target as HTMLInputElement).checked;
    this.dispatchEvent(new TermsAcknowledgeEvent({ document: this.document, clause: this.clause, acknowledged: this.acknowledged }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('explanation') && !this.explanation) this.closeExplanation();
  }

  protected override render() {
    const { t, locale } = this.#l10n;
    const explanation = this.explanation;
    const contact = safeHref(this.contact);
    const external = contact && isExternal(contact);
    return html`<div part="base" role="group" aria-labelledby="badges" @focusout=${this.#onFocusOut}>
      <p id="badges" class="badges" lang=${locale}>
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d="M12 2 1 21h22L12 2Zm-1 7h2v6h-2V9Zm0 8h2v2h-2v-2Z" /></svg>
        ${badgeLabels(this, t).map((label, index) => html`<strong part=${index < this.kinds.length ? 'badge' : 'badge critical'}>${label}</strong> `)}
      </p>
      <slot></slot>
      ${explanation || this.acknowledgeable
        ? html`<div class="actions" lang=${locale}>
            ${explanation
              ? html`<button
                    type="button"
                    part="explain"
                    aria-expanded=${this._explaining}
                    aria-controls="popover"
                    aria-describedby="badges"
                    @click=${() => (this._explaining ? this.closeExplanation() : this.showExplanation())}
                  >
                    ${t('explain')}
                  </button>
                  <div id="popover" part="popover" role="dialog" aria-labelledby="popover-title" tabindex="-1" ?hidden=${!this._explaining}>
                    <p id="popover-title" class="title">${t('explainTitle')}</p>
                    <p>${explanation.summary}</p>
                    ${explanation.consequence ? html`<p class="title">${t('consequence')}</p><p>${explanation.consequence}</p>` : nothing}
                    ${contact
                      ? html`<p><a href=${contact} target=${external ? '_blank' : nothing} rel=${external ? 'noopener noreferrer' : nothing}>${t('contact')}</a></p>`
                      : nothing}
                  </div>`
              : nothing}
            ${this.acknowledgeable
              ? html`<label part="acknowledge"><input type="checkbox" .checked=${this.acknowledged} @change=${this.#onAcknowledge} />${t('acknowledge')}</label>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}
