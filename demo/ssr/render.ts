/**
 * Server rendering with @lit-labs/ssr: the terms document as HTML with declarative shadow DOM, so
 * the text is in the first response (for crawlers, readers without JavaScript, and a first paint
 * that needs no script). The page embeds the bundle once; the client hydrates the same element
 * from it (client.ts) without fetching anything again.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import type { TermsBundle } from '@terms-gate/bundle';
import '@terms-gate/elements/terms-viewer/define';
import '@terms-gate/elements/terms-gate/define';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** `<` escaped so the JSON cannot end the script element it sits in. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface TermsPageOptions {
  bundle: TermsBundle;
  /** The document to show; the bundle's first by default. */
  document?: string;
  /** The language of the terms text (one of the document's locales or translations). */
  locale: string;
  /**
   * The language of the page and of the viewer's UI strings (toolbar, dates line). On the server the
   * element cannot see the page, so it gets its own `lang` attribute; the browser reads the same one.
   */
  lang: string;
  /** URL of the client script (client.ts built for the browser). */
  clientScript: string;
}

/** The viewer alone, server-rendered: the terms text in `locale`, its UI strings in `lang`. */
export function renderViewer(bundle: TermsBundle, documentId: string, locale: string, lang: string): Promise<string> {
  return collectResult(render(html`<terms-viewer .bundle=${bundle} document=${documentId} locale=${locale} lang=${lang}></terms-viewer>`));
}

/** A whole page: server-rendered terms, the bundle as inline JSON, the hydrating client. */
export async function renderTermsPage({ bundle, document: documentId = bundle.documents[0]!.id, locale, lang, clientScript }: TermsPageOptions): Promise<string> {
  const viewer = await renderViewer(bundle, documentId, locale, lang);
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(bundle.documents.find((document) => document.id === documentId)?.title ?? '')}</title></head>
<body>
<main>${viewer}</main>
<script type="application/json" id="terms-bundle">${scriptSafeJson(bundle)}</script>
<script type="module" src="${clientScript}"></script>
</body>
</html>
`;
}

export interface SignupPageOptions {
  bundle: TermsBundle;
  /** The language of the page and of the gate's UI strings. */
  lang: string;
  /** URL of the client script (client.ts built for the browser). */
  clientScript: string;
}

/**
 * A signup form whose `<terms-gate>` is server-rendered: the agreement line with its unchecked
 * checkbox and the document titles is in the first HTML; the client hydrates the gate from the
 * inline bundle.
 */
export async function renderSignupPage({ bundle, lang, clientScript }: SignupPageOptions): Promise<string> {
  const gate = await collectResult(render(html`<terms-gate name="terms" required lang=${lang} .bundle=${bundle}></terms-gate>`));
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(bundle.id)}</title></head>
<body>
<form method="post" action="/signup">
<label>Email <input name="email" type="email" value="reader@example.com"></label>
${gate}
<button type="submit">Sign up</button>
</form>
<script type="application/json" id="terms-bundle">${scriptSafeJson(bundle)}</script>
<script type="module" src="${clientScript}"></script>
</body>
</html>
`;
}
