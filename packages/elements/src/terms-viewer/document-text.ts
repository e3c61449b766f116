/**
 * A document as a standalone file the reader can keep or print (R1, R22): the exact text of one
 * locale, with the marks as words, and nothing executable. Pure string building, no DOM, so it is
 * testable in Node and the same bytes are printed and saved.
 */
import type { Block, Clause, Highlight, Inline, TermsBundle, TermsDocument } from '@terms-gate/bundle';
import en from '../i18n/locales/en.ts';
import zhCN from '../i18n/locales/zh-CN.ts';
import { resolveLanguage } from '../i18n/resolve-language.ts';
import {
  badgeLabels,
  formatDate,
  groupChildren,
  highlightsById,
  inlineText,
  languageName,
  numberLeadsBody,
  pickText,
  safeHref,
  type ClauseGroup,
  type Translate,
} from './document-model.ts';

const bundledStrings: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

/** UI strings from the locales shipped with the elements, for callers without an i18next instance. */
export function bundledTranslator(locale: string): Translate {
  const strings: Record<string, string> = bundledStrings[resolveLanguage(locale, Object.keys(bundledStrings))] ?? en;
  return (key, values = {}) => (strings[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function findDocument(bundle: TermsBundle, documentId: string): TermsDocument {
  const document = bundle.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new RangeError(`No document "${documentId}" in bundle "${bundle.id}"`);
  return document;
}

/** What both formats print above the text: title, dates, and whether this is a translation. */
function frontMatter(bundle: TermsBundle, document: TermsDocument, locale: string, t: Translate) {
  const text = pickText(document, locale);
  const lines = [`${t('effective', { date: formatDate(document.effectiveDate, t) })} · ${t('version', { version: bundle.version })}`];
  if (text !== document) lines.push(t('translationNotice', { language: languageName(document.locale, text.locale, t) }));
  return { text, lines, marks: highlightsById(document) };
}

/** `<bundleId>-<documentId>-<version>-<locale>.html`, safe as a file name on any system. */
export function copyFileName(bundle: TermsBundle, documentId: string, locale: string, extension = 'html'): string {
  return `${[bundle.id, documentId, bundle.version, locale].join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}`;
}

/** The copy's styles; inline in a saved file, adopted by the print frame (which inherits the host's style-src). */
export const copyStyles =
  'body{font:1rem/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#000;background:#fff}' +
  '.marked{border-inline-start:4px solid;padding-inline-start:.75rem;font-weight:700}' +
  '.badges strong{border:1px solid;padding:0 .3em;margin-inline-end:.3em}ol.numbered{list-style:none;padding-inline-start:1em}';

/**
 * The document in `locale` (or the controlling text) as a complete HTML file. Every bundle string is
 * escaped; a Content-Security-Policy forbids scripts and remote loads, so the saved file stays inert.
 * `t` gives the words for marks and dates; defaults to the bundled UI strings for `locale`.
 */
export function documentAsHtml(bundle: TermsBundle, documentId: string, locale: string, t = bundledTranslator(locale), inlineStyles = true): string {
  const document = findDocument(bundle, documentId);
  const { text, lines, marks } = frontMatter(bundle, document, locale, t);
  const inline = (runs: readonly Inline[] | undefined) =>
    (runs ?? [])
      .map((run) => {
        if (typeof run === 'string') return escapeHtml(run);
        let out = escapeHtml(run.text);
        if (run.emphasis) out = `<em>${out}</em>`;
        if (run.strong) out = `<strong>${out}</strong>`;
        const href = safeHref(run.href);
        return href ? `<a href="${escapeHtml(href)}">${out}</a>` : out;
      })
      .join('');
  const number = (clause: Clause) => (clause.number ? `${escapeHtml(clause.number)} ` : '');
  const blocks = (list: readonly Block[] | undefined, lead = '') =>
    (list ?? [])
      .map((block, index) => {
        if (block.type === 'paragraph') return `<p>${index ? '' : lead}${inline(block.text)}</p>`;
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
      })
      .join('');
  const groups = (list: readonly Clause[] | undefined, level: number): string =>
    groupChildren(list)
      .map((group: ClauseGroup) =>
        'items' in group
          ? `<${group.ordered ? 'ol class="numbered"' : 'ul'}>${group.items.map((item) => clause(item, level, 'li')).join('')}</${group.ordered ? 'ol' : 'ul'}>`
          : clause(group, level, group.heading ? 'section' : 'div'),
      )
      .join('');
  const clause = (node: Clause, level: number, tag: string): string => {
    const mark = marks.get(node.id);
    const leads = numberLeadsBody(node);
    const inner =
      (node.heading ? `<h${level}>${number(node)}${inline(node.heading)}</h${level}>` : !leads && node.number ? `<p>${number(node)}</p>` : '') +
      blocks(node.body, leads ? number(node) : '') +
      groups(node.clauses, node.heading ? Math.min(6, level + 1) : level);
    const marked = mark ? `<div class="marked"><p class="badges">${badgeLabels(mark, t).map((label) => `<strong>${escapeHtml(label)}</strong>`).join(' ')}</p>${inner}</div>` : inner;
    return `<${tag} id="clause-${escapeHtml(node.id)}">${marked}</${tag}>`;
  };
  return (
    `<!doctype html><html lang="${escapeHtml(text.locale)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(text.title)}</title>${inlineStyles ? `<style>${copyStyles}</style>` : ''}</head><body>` +
    `<h1>${escapeHtml(text.title)}</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}` +
    `<p>${escapeHtml(bundle.id)}</p>` +
    blocks(text.preamble) +
    groups(text.clauses, 2) +
    blocks(text.closing) +
    `</body></html>\n`
  );
}

/** The same document as plain text: headings, numbers, `- ` list items, and each mark as `[badge · badge]`. */
export function documentAsPlainText(bundle: TermsBundle, documentId: string, locale: string, t = bundledTranslator(locale)): string {
  const document = findDocument(bundle, documentId);
  const { text, lines, marks } = frontMatter(bundle, document, locale, t);
  const out: string[] = [text.title, ...lines, bundle.id, ''];
  const blocks = (list: readonly Block[] | undefined, lead = '') => {
    (list ?? []).forEach((block, index) => {
      if (block.type === 'paragraph') out.push((index ? '' : lead) + inlineText(block.text));
      else block.items.forEach((item, n) => out.push(`${block.ordered ? `${n + 1}.` : '-'} ${inlineText(item)}`));
    });
  };
  const clause = (node: Clause) => {
    const mark: Highlight | undefined = marks.get(node.id);
    const leads = numberLeadsBody(node);
    if (node.heading) out.push('', [node.number, inlineText(node.heading)].filter(Boolean).join(' '));
    if (mark) out.push(`[${badgeLabels(mark, t).join(' · ')}]`);
    if (!node.heading && !leads && node.number) out.push(node.number);
    blocks(node.body, leads && node.number ? `${node.number} ` : '');
    node.clauses?.forEach(clause);
  };
  blocks(text.preamble);
  text.clauses.forEach(clause);
  out.push('');
  blocks(text.closing);
  return `${out.join('\n')}\n`;
}
