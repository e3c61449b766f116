import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { digestOf, type Block, type Clause, type DocumentText, type Highlight, type Inline, type Receipt, type TermsBundle, type TermsDocument } from '@terms-gate/bundle';
import { TermsVisibilityEvent } from '../events/terms-visibility.ts';
import { translatorFor } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { buttons, tokens } from '../styles/tokens.styles.ts';
import type { TermsHighlight } from '../terms-highlight/terms-highlight.ts';
import {
  clauseLabel,
  formatDate,
  groupChildren,
  type ClauseGroup,
  highlightsById,
  isExternal,
  languageName,
  numberLeadsBody,
  pickExplanation,
  pickText,
  safeHref,
  type Translate,
} from './document-model.ts';
import { chunkText, type TextChunks } from './chunks.ts';
import { copyFileName, copyStyles, documentAsHtml } from './document-text.ts';
import { isClauseVisible, VISIBILITY_THRESHOLDS } from './visibility.ts';
import { receiptNotice } from './receipt-notice.ts';
import { viewerStyles } from './terms-viewer.styles.ts';

/** Milliseconds of rendering a frame may spend on later chunks of a long text. */
const CHUNK_BUDGET_MS = 10;

type Content = unknown;

function heading(level: number, content: Content, part = 'heading'): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part}>${content}</h5>`;
    default:
      return html`<h6 part=${part}>${content}</h6>`;
  }
}

let policy: { createHTML(html: string): unknown } | null | undefined;
/**
 * The one Trusted Types policy, `terms-gate`, used only for the printable copy. Null without Trusted
 * Types, or when the host's `trusted-types` directive does not list `terms-gate`.
 */
function copyPolicy() {
  if (policy === undefined) {
    try {
      policy = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): unknown } } }).trustedTypes?.createPolicy('terms-gate', { createHTML: (html) => html }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

function link(href: string, content: Content): TemplateResult {
  const external = isExternal(href);
  return html`<a href=${href} target=${external ? '_blank' : nothing} rel=${external ? 'noopener noreferrer' : nothing}>${content}</a>`;
}

/** Inline runs as text, `<strong>`, `<em>` and links; Lit renders every string as text. */
function inlines(runs: readonly Inline[] | undefined): Content[] {
  return (runs ?? []).map((run) => {
    if (typeof run === 'string') return run;
    let out: Content = run.text;
    if (run.emphasis) out = html`<em>${out}</em>`;
    if (run.strong) out = html`<strong>${out}</strong>`;
    const href = safeHref(run.href);
    return href ? link(href, out) : out;
  });
}

function blocks(list: readonly Block[] | undefined, lead: Content = nothing): TemplateResult[] {
  return (list ?? []).map((block, index) => {
    if (block.type === 'paragraph') return html`<p>${index ? nothing : lead}${inlines(block.text)}</p>`;
    const items = block.items.map((item) => html`<li>${inlines(item)}</li>`);
    return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
  });
}

/**
 * @summary Shows one document of a terms bundle as real headings, paragraphs and lists, with its
 * marked clauses highlighted, a table of contents, deep links, print and save-a-copy (R1, R22, R26).
 *
 * @description Works inside `<terms-modal>` or on its own. The content locale is `locale`, else the
 * best match of the element's language (closest `[lang]`) among the document's controlling text and
 * translations; a translation says which language controls. Clauses marked in the controlling text
 * are wrapped in `<terms-highlight>`, also in translations. Every clause element has
 * `id="clause-<id>"`: `scrollToClause(id)` and a page URL ending in `#clause-<id>` bring it into view.
 * A long text is rendered in chunks, the first screen first and one more chunk per frame after it;
 * `scrollToClause` renders up to its clause at once, so links never wait.
 * With `track-visibility`, one IntersectionObserver reports when each marked clause comes into view
 * and leaves it. Print and save produce a standalone copy of exactly the document text
 * (`documentAsHtml`), never the host page. Nothing is styled outside the element's shadow root.
 *
 * @event terms-visibility - {@link TermsVisibilityEvent} `{ document, clause, visible }` when a marked clause comes into view or leaves it (only with `track-visibility`).
 * @event terms-explain - Bubbles from a `<terms-highlight>`: `{ document, clause }`.
 * @event terms-acknowledge - Bubbles from a `<terms-highlight>`: `{ document, clause, acknowledged }`; the viewer also updates `acknowledged`.
 *
 * @csspart title - The document title (unless `hide-title`).
 * @csspart effective - The effective date and version line.
 * @csspart notice - The notice shown with a translation.
 * @csspart toolbar - The row of print and save buttons.
 * @csspart print - The print button.
 * @csspart save - The save-a-copy button.
 * @csspart content - The text, with `lang` set to the content locale.
 * @csspart toc - The table of contents `<nav>`.
 * @csspart heading - Each clause heading.
 * @csspart receipt - With `receipt`: the notice above the text that this is the version the user accepted, and when; or that the text does not match the receipt (R22).
 * @csspart change - The badge on a clause that changed since the reader's earlier acceptance ("Changed", "Added"; see `changes`).
 *
 * @cssproperty --terms-color-text - Text colour. Default `#1f2328` (dark: `#e6edf3`).
 * @cssproperty --terms-color-muted - Effective date and notice. Default `#4d5560` (dark: `#b1bac4`).
 * @cssproperty --terms-color-accent - Links and buttons. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-color-surface - Button background. Default `#ffffff` (dark: `#0d1117`).
 * @cssproperty --terms-color-focus - Focus ring. Default `#0a58ca` (dark: `#79b8ff`).
 * @cssproperty --terms-font-family - Font. Default `system-ui, …, 'PingFang SC', 'Microsoft YaHei', sans-serif`.
 * @cssproperty --terms-font-size - Body size. Default `1rem`.
 * @cssproperty --terms-line-height - Body line height. Default `1.6`.
 * @cssproperty --terms-space - Base spacing. Default `1rem`.
 * @cssproperty --terms-radius - Button corners. Default `8px`.
 */
export class TermsViewer extends LitElement {
  static override styles = [tokens, buttons, viewerStyles];
  static override properties = {
    bundle: { attribute: false },
    document: {},
    locale: {},
    trackVisibility: { type: Boolean, attribute: 'track-visibility' },
    acknowledgeable: { type: Boolean },
    acknowledged: { type: Array },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideTitle: { type: Boolean, attribute: 'hide-title' },
    changes: { attribute: false },
    receipt: { attribute: false },
    currentVersion: { attribute: 'current-version' },
    theme: { reflect: true },
  };

  /** Theme: `auto` follows the system; `light` or `dark` force one. Set by the enclosing element when nested. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** The terms bundle, as returned by `parseBundle`. */
  bundle?: TermsBundle;

  /** Id of the document to show; defaults to the bundle's first. */
  document?: string;

  /** Content locale; when unset, the best match of the element's language among the document's texts. */
  locale?: string;

  /** Fire `terms-visibility` as marked clauses come into view and leave it. */
  trackVisibility = false;

  /** Critical marked clauses show an acknowledgement checkbox (R10). */
  acknowledgeable = false;

  /** Ids of the clauses the reader has acknowledged. */
  acknowledged: string[] = [];

  /** Level of the title heading (1–6); clause headings follow it, capped at 6. */
  headingLevel = 2;

  /** Leave the title out, e.g. when a dialog shows it as its own label. */
  hideTitle = false;

  /** Clauses that changed since the reader's earlier acceptance; each gets a visible badge (R19). */
  changes: ReadonlyArray<{ clause: string; change: 'added' | 'changed' | 'removed' }> = [];

  /** The receipt of the acceptance being re-read: a notice above the text says which version was accepted, and when (R22). */
  receipt?: Receipt;

  /** The version in force now; with `receipt`, the notice says when the accepted one is not it. */
  currentVersion?: string;

  // Digest of the bundle shown, for comparing it with `receipt` (computed only when a receipt is set).
  #shownDigest?: { bundle: TermsBundle; digest?: string };

  readonly #l10n = new LocaleController(this);
  #observer?: IntersectionObserver;
  #observed?: { key: string; document: string; visible: Set<string> };
  #hashPending = true;
  // Set while rendering, read by the clause templates.
  #marks: ReadonlyMap<string, Highlight> = new Map();
  #shownKey = '';
  // The shown text split into chunks, and how many are rendered (see chunks.ts).
  #chunked?: { text: DocumentText } & TextChunks;
  #shownChunks = 0;
  #nextChunk = 0;
  /** Milliseconds one chunk took to render, last time (0: not measured yet). */
  #msPerChunk = 0;
  /** When the chunks being rendered were asked for, and how many they are (to measure #msPerChunk). */
  #chunkRender?: { start: number; count: number };
  #changed = new Map<string, string>();

  constructor() {
    super();
    this.addEventListener('terms-acknowledge', ({ detail }) => {
      const others = this.acknowledged.filter((id) => id !== detail.clause);
      this.acknowledged = detail.acknowledged ? [...others, detail.clause] : others;
    });
  }

  /** The document shown, if the bundle has it. */
  get shownDocument(): TermsDocument | undefined {
    const documents = this.bundle?.documents ?? [];
    return this.document ? documents.find((candidate) => candidate.id === this.document) : documents[0];
  }

  /** The text shown: the translation for the content locale, or the controlling text. */
  get shownText(): DocumentText | undefined {
    const document = this.shownDocument;
    return document && pickText(document, this.locale || this.#l10n.lang);
  }

  /**
   * Scrolls the clause into view and moves focus to it. Returns false when the shown document has
   * no such clause. The scroll is instant on purpose: a smooth one would carry marked clauses across
   * the screen and report them as seen.
   */
  scrollToClause(id: string): boolean {
    const target = this.shadowRoot?.getElementById(`clause-${id}`) ?? this.#renderUpTo(id);
    if (!target) return false;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return true;
  }

  /** Prints exactly the document text, from a hidden frame, so nothing of the host page is printed. */
  print(): void {
    const copy = this.#copy(false);
    if (!copy) return;
    this.shadowRoot?.querySelector('iframe')?.remove();
    const frame = Object.assign(document.createElement('iframe'), { tabIndex: -1 });
    // Under `require-trusted-types-for 'script'` srcdoc takes only TrustedHTML: the copy escapes every
    // bundle string, so it passes through the policy unchanged. The frame inherits the host's CSP, so
    // its styles are adopted rather than inline (style-src 'self' blocks a <style> element).
    frame.srcdoc = (copyPolicy()?.createHTML(copy.html) ?? copy.html) as string;
    frame.setAttribute('aria-hidden', 'true');
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (!view) return;
      const sheet = new (view as Window & typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(copyStyles);
      view.document.adoptedStyleSheets = [sheet];
      view.addEventListener('afterprint', () => frame.remove());
      view.print();
    });
    this.shadowRoot?.append(frame);
  }

  /** Downloads the standalone copy as `<bundleId>-<documentId>-<version>-<locale>.html` (R22). */
  save(): void {
    const copy = this.#copy();
    if (!copy) return;
    const url = URL.createObjectURL(new Blob([copy.html], { type: 'text/html;charset=utf-8' }));
    Object.assign(document.createElement('a'), { href: url, download: copy.name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  #copy(inlineStyles = true): { html: string; name: string } | undefined {
    const { bundle, shownDocument: document, shownText: text } = this;
    if (!bundle || !document || !text) return undefined;
    const t = translatorFor(text.locale).t as unknown as Translate;
    return { html: documentAsHtml(bundle, document.id, text.locale, t, inlineStyles), name: copyFileName(bundle, document.id, text.locale) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#observer?.disconnect();
    this.#observed = undefined;
  }

  readonly #onHashChange = () => {
    const match = /^#clause-(.+)$/.exec(location.hash);
    try {
      if (match) this.scrollToClause(decodeURIComponent(match[1]!));
    } catch {
      // A malformed escape in the hash: not a link to a clause.
    }
  };

  /** Renders, synchronously, every chunk up to the one holding clause `id`; returns its element. */
  #renderUpTo(id: string): HTMLElement | null | undefined {
    const chunk = this.#chunked?.chunkOf.get(id);
    if (chunk === undefined || chunk < this.#shownChunks) return undefined;
    this.#shownChunks = chunk + 1;
    this.requestUpdate();
    this.performUpdate();
    return this.shadowRoot?.getElementById(`clause-${id}`);
  }

  /** Renders the next chunk after the current frame is painted, until all are. */
  #scheduleNextChunk(): void {
    const chunked = this.#chunked;
    if (!chunked || this.#shownChunks >= chunked.chunks.length || this.#nextChunk || !this.isConnected) return;
    this.#nextChunk = requestAnimationFrame(() =>
      setTimeout(() => {
        this.#nextChunk = 0;
        if (this.#chunked !== chunked || !this.isConnected) return;
        // As many chunks as fit in a frame's budget on this machine, at least one: a fast machine
        // finishes sooner, a slow one never gets a long task.
        const count = this.#msPerChunk ? Math.max(1, Math.floor(CHUNK_BUDGET_MS / this.#msPerChunk)) : 1;
        this.#chunkRender = { start: performance.now(), count };
        this.#shownChunks = Math.min(chunked.chunks.length, this.#shownChunks + count);
        this.requestUpdate();
      }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    const render = this.#chunkRender;
    if (render) {
      this.#chunkRender = undefined;
      // After the marks just rendered have rendered themselves (their updates are already queued).
      queueMicrotask(() => (this.#msPerChunk = (performance.now() - render.start) / render.count));
    }
    const key = this.trackVisibility && this.isConnected ? this.#shownKey : '';
    if (changed.has('bundle') || key !== (this.#observed?.key ?? '')) this.#observeMarked(key);
    // Marks of chunks rendered since (observing a target twice changes nothing).
    else if (this.#observer) this.shadowRoot?.querySelectorAll('terms-highlight').forEach((element) => this.#observer!.observe(element));
    this.#scheduleNextChunk();
    if (this.#hashPending && this.#shownKey) {
      this.#hashPending = false;
      this.#onHashChange();
    }
  }

  /** (Re)starts the one observer over the marked clauses; clauses that were visible are reported gone. */
  #observeMarked(key: string): void {
    this.#observer?.disconnect();
    const previous = this.#observed;
    previous?.visible.forEach((clause) => this.dispatchEvent(new TermsVisibilityEvent({ document: previous.document, clause, visible: false })));
    this.#observed = undefined;
    const document = this.shownDocument;
    if (!key || !document) return;
    const observed = (this.#observed = { key, document: document.id, visible: new Set<string>() });
    this.#observer = new IntersectionObserver(
      (entries) => {
        const height = this.#visibleHeight();
        for (const entry of entries) {
          const clause = (entry.target as TermsHighlight).clause;
          const visible = isClauseVisible(entry, height);
          if (visible === observed.visible.has(clause)) continue;
          if (visible) observed.visible.add(clause);
          else observed.visible.delete(clause);
          this.dispatchEvent(new TermsVisibilityEvent({ document: observed.document, clause, visible }));
        }
      },
      // The root is the viewport; intersections are still clipped by every scrolling ancestor.
      { threshold: VISIBILITY_THRESHOLDS },
    );
    this.shadowRoot?.querySelectorAll('terms-highlight').forEach((element) => this.#observer!.observe(element));
  }

  /** Height through which the reader sees the text: the viewport, or the smallest clipping box around the viewer. */
  #visibleHeight(): number {
    let height = innerHeight;
    for (let node: Node | null = this; node; node = (node instanceof Element && node.assignedSlot) || node.parentNode || (node as ShadowRoot).host || null) {
      if (node instanceof Element && /auto|scroll|hidden|clip/.test(getComputedStyle(node).overflowY)) height = Math.min(height, node.clientHeight);
    }
    return height;
  }

  #clause(clause: Clause, level: number, tag: 'li' | 'section' | 'div', document: TermsDocument, locale: string): TemplateResult {
    const mark = this.#marks.get(clause.id);
    const leads = numberLeadsBody(clause);
    const number = clause.number ? html`<span class="number">${clause.number}</span> ` : nothing;
    let content: TemplateResult = html`${clause.heading ? heading(level, [number, inlines(clause.heading)]) : leads || !clause.number ? nothing : html`<p>${number}</p>`}
    ${blocks(clause.body, leads ? number : nothing)} ${this.#groups(clause.clauses, clause.heading ? Math.min(6, level + 1) : level, document, locale)}`;
    if (mark) {
      content = html`<terms-highlight
        theme=${this.theme}
        .document=${document.id}
        .clause=${clause.id}
        .kinds=${mark.kinds}
        .critical=${!!mark.critical}
        .explanation=${pickExplanation(mark, locale, document.locale)}
        .contact=${this.bundle?.publisher?.contact}
        .acknowledgeable=${this.acknowledgeable && !!mark.critical}
        .acknowledged=${this.acknowledged.includes(clause.id)}
        >${content}</terms-highlight
      >`;
    }
    const change = this.#changed.get(clause.id);
    if (change) content = html`<span class="change" part="change" lang=${this.#l10n.locale}>${this.#l10n.t(`change.${change}`)}</span>${content}`;
    const id = `clause-${clause.id}`;
    if (tag === 'li') return html`<li id=${id}>${content}</li>`;
    return tag === 'section' ? html`<section id=${id}>${content}</section>` : html`<div id=${id}>${content}</div>`;
  }

  #groups(list: readonly Clause[] | undefined, level: number, document: TermsDocument, locale: string): TemplateResult[] {
    return this.#groupList(groupChildren(list), level, document, locale);
  }

  #groupList(groups: readonly ClauseGroup[], level: number, document: TermsDocument, locale: string): TemplateResult[] {
    return groups.map((group) => {
      if (!('items' in group)) return this.#clause(group, level, group.heading ? 'section' : 'div', document, locale);
      const items = group.items.map((item) => this.#clause(item, level, 'li', document, locale));
      return group.ordered ? html`<ol class="numbered">${items}</ol>` : html`<ul>${items}</ul>`;
    });
  }

  #tocLink(clause: Clause): TemplateResult {
    return html`<a
      href=${`#clause-${clause.id}`}
      @click=${(event: Event) => {
        // Moves within the viewer without touching the host page's URL or history.
        event.preventDefault();
        this.scrollToClause(clause.id);
      }}
      >${clauseLabel(clause)}</a
    >`;
  }

  /** The chunks of `text` to render now; a new text starts again from its first chunk. */
  #chunksOf(text: DocumentText): ClauseGroup[][] {
    if (this.#chunked?.text !== text) {
      this.#chunked = { text, ...chunkText(text) };
      // A server renders the whole text (a reader without JavaScript gets all of it), and hydrating
      // that HTML must render the same; chunks are for a text rendered here from nothing.
      const serverRendered = isServer || (!this.hasUpdated && !!this.shadowRoot?.querySelector('[part~="content"]'));
      this.#shownChunks = serverRendered ? this.#chunked.chunks.length : 1;
    }
    return this.#chunked.chunks.slice(0, this.#shownChunks);
  }

  /** The bundle's digest once computed; starts computing it (and re-renders when done) on first ask. */
  #digestOf(bundle: TermsBundle): string | undefined {
    if (this.#shownDigest?.bundle !== bundle) {
      const shown: { bundle: TermsBundle; digest?: string } = (this.#shownDigest = { bundle });
      void digestOf(bundle).then((digest) => {
        shown.digest = digest;
        if (this.#shownDigest === shown) this.requestUpdate();
      });
    }
    return this.#shownDigest.digest;
  }

  protected override render() {
    const { bundle, shownDocument: document, shownText: text } = this;
    if (!bundle || !document || !text) return nothing;
    const { t, locale: ui } = this.#l10n;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    this.#marks = highlightsById(document);
    this.#changed = new Map(this.changes.map(({ clause, change }) => [clause, change]));
    this.#shownKey = `${document.id}\u0000${text.locale}`;
    const chunks = this.#chunksOf(text);
    // A table of contents longer than the first screen shows the rest with the next chunk.
    const { contents: allContents, firstContents } = this.#chunked!;
    const contents = this.#shownChunks > 1 ? allContents : allContents.slice(0, firstContents);
    return html`${this.receipt ? receiptNotice(this.receipt, this.#digestOf(bundle), this.currentVersion, t as unknown as Translate, ui) : nothing}<div part="content" lang=${text.locale}>
      ${this.hideTitle ? nothing : heading(level, text.title, 'title')}
      <p part="effective" lang=${ui}>${t('effective', { date: formatDate(document.effectiveDate, t) })} · ${t('version', { version: bundle.version })}</p>
      ${text === document ? nothing : html`<p part="notice" lang=${ui}>${t('translationNotice', { language: languageName(document.locale, ui, t) })}</p>`}
      <div part="toolbar" lang=${ui}>
        <button type="button" part="print" @click=${this.print}>${t('print')}</button>
        <button type="button" part="save" @click=${this.save}>${t('save')}</button>
      </div>
      ${keyed(
        // New elements for a new text: highlights re-read their language, the observer gets fresh targets.
        this.#shownKey,
        html`${blocks(text.preamble)}
          ${contents.length
            ? html`<nav part="toc" aria-label=${t('contents')}>
                <ol>
                  ${contents.map(
                    ({ section, children }) =>
                      html`<li>${this.#tocLink(section)}${children.length ? html`<ol>${children.map((child) => html`<li>${this.#tocLink(child)}</li>`)}</ol>` : nothing}</li>`,
                  )}
                </ol>
              </nav>`
            : nothing}
          ${chunks.map((chunk) =>
            // A rendered chunk is rendered again only when something it shows changed.
            guard([chunk, level, document, text.locale, bundle, this.theme, this.acknowledgeable, this.acknowledged, this.changes, this.#l10n.locale], () =>
              this.#groupList(chunk, Math.min(6, level + 1), document, text.locale),
            ),
          )}
          ${this.#shownChunks < this.#chunked!.chunks.length ? nothing : blocks(text.closing)}`,
      )}
    </div>`;
  }
}
