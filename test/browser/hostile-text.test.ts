/**
 * Hostile text in a bundle or in the UI strings is shown as text and runs nothing.
 *
 * Each payload of test/fixtures/xss-payloads.json goes into each string field of a bundle in turn,
 * the gate renders it with the terms open, and the page is audited: no script ran (alert, confirm,
 * prompt, `window.__pwned`), no element or attribute appeared that the same render with harmless
 * text does not have (no <script>, <img>, <iframe>, <svg> other than the library's icon, no `on*`
 * attribute, in the light DOM or any shadow root, even transiently), no resource was loaded, and
 * every link's scheme, as the browser parses it, is http, https, mailto or tel. Text fields must
 * also show the payload verbatim: dropping it would hide terms from the reader. The printable copy
 * (`documentAsHtml`) is audited the same way. One page load for everything, so it stays fast.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TermsBundle } from '@terms-gate/bundle';
import { addUiStrings } from '../../packages/elements/src/i18n/i18n.ts';
import en from '../../packages/elements/src/i18n/locales/en.ts';
import zhCN from '../../packages/elements/src/i18n/locales/zh-CN.ts';
import { documentAsHtml } from '../../packages/elements/src/terms-viewer/document-text.ts';
import { mountGate, sampleBundle } from '../../packages/elements/src/test-support/gate-fixtures.ts';
import type { TermsGate } from '../../packages/elements/src/terms-gate/terms-gate.ts';
import type { TermsViewer } from '../../packages/elements/src/terms-viewer/terms-viewer.ts';
import corpus from '../fixtures/xss-payloads.json';
import { auditTree, deepTexts, installTraps, learnAllowlist, type Allowlist } from './support/dom-audit.ts';

const payloads: string[] = corpus.payloads;

/** The sample bundle plus a list, a link, a consequence and a contact, so every kind of string is there. */
function fullBundle(): TermsBundle {
  const bundle = sampleBundle({ publisher: { name: { 'zh-CN': '示例', en: 'Sample' }, contact: 'https://sample.example/contact' } });
  const terms = bundle.documents[0]!;
  terms.clauses[0]!.clauses![0]!.body!.push(
    { type: 'paragraph', text: ['详见', { text: '帮助中心', href: 'https://sample.example/help' }, '。'] },
    { type: 'list', items: [['第一项'], ['第二项']] },
  );
  terms.clauses[0]!.clauses![1]!.highlight!.explanation!['zh-CN']!.consequence = '您无法获得赔偿。';
  return bundle;
}

interface Field {
  name: string;
  /** Puts the payload into the field. */
  set: (bundle: any, payload: string) => void;
  /** The reader's language, to show a translation. */
  lang?: string;
  /** A URL: the bundle may be refused, and the payload is not expected as text. */
  url?: boolean;
  /** Not shown by the gate (kept in the bundle and its receipt only). */
  hidden?: boolean;
}

const terms = (bundle: any) => bundle.documents[0];
const translation = (bundle: any) => terms(bundle).translations[0];
const FIELDS: Field[] = [
  { name: 'document title', set: (b, p) => (terms(b).title = p) },
  { name: 'preamble text run', set: (b, p) => (terms(b).preamble[0].text[0] = p) },
  { name: 'preamble strong run', set: (b, p) => (terms(b).preamble[0].text[1].text = p) },
  { name: 'section heading', set: (b, p) => (terms(b).clauses[0].heading[0] = p) },
  { name: 'clause number', set: (b, p) => (terms(b).clauses[0].clauses[1].number = p) },
  { name: 'marked clause paragraph', set: (b, p) => (terms(b).clauses[0].clauses[1].body[0].text[0] = p) },
  { name: 'link text', set: (b, p) => (terms(b).clauses[0].clauses[0].body[1].text[1].text = p) },
  { name: 'link href', url: true, set: (b, p) => (terms(b).clauses[0].clauses[0].body[1].text[1].href = p) },
  { name: 'list item', set: (b, p) => (terms(b).clauses[0].clauses[0].body[2].items[1][0] = p) },
  { name: 'closing paragraph', set: (b, p) => (terms(b).closing[0].text[0] = p) },
  { name: 'explanation summary', set: (b, p) => (terms(b).clauses[0].clauses[1].highlight.explanation['zh-CN'].summary = p) },
  { name: 'explanation consequence', set: (b, p) => (terms(b).clauses[0].clauses[1].highlight.explanation['zh-CN'].consequence = p) },
  { name: 'consent label', set: (b, p) => (b.consents[0].label['zh-CN'] = p) },
  { name: 'consent notice', set: (b, p) => (b.consents[0].notice['zh-CN'] = p) },
  { name: 'translation title', lang: 'en', set: (b, p) => (translation(b).title = p) },
  { name: 'translation heading', lang: 'en', set: (b, p) => (translation(b).clauses[1].heading[0] = p) },
  { name: 'translation paragraph', lang: 'en', set: (b, p) => (translation(b).clauses[0].clauses[1].body[0].text[0] = p) },
  { name: 'publisher name', hidden: true, set: (b, p) => (b.publisher.name['zh-CN'] = p) },
  { name: 'publisher contact', url: true, set: (b, p) => (b.publisher.contact = p) },
];

const BENIGN = 'Harmless text 无害文字';
let traps: ReturnType<typeof installTraps>;
const headBefore = () => document.querySelectorAll('script, iframe, object, embed, base, meta, link[rel=import]').length;
let headCount: number;

beforeAll(() => {
  traps = installTraps();
  headCount = headBefore();
});
afterAll(() => traps.uninstall());

/** Mounts the gate with `bundle` and opens the terms; resolves with whether the bundle was accepted as valid. */
async function renderOpen(bundle: TermsBundle, lang = 'zh-CN'): Promise<{ gate: TermsGate; valid: boolean }> {
  const { gate } = await mountGate({ bundle, lang });
  const valid = !gate.shadowRoot!.querySelector('[part~="retry"]');
  if (valid) await gate.show();
  return { gate, valid };
}

/** Everything wrong with the page now, each line prefixed with what was put where. */
async function auditPage(label: string, allow: Allowlist): Promise<string[]> {
  // Let queued tasks run: an injected handler or a loading image would fire by now.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const problems = [...traps.take(), ...auditTree(document.body, allow)];
  if (headBefore() !== headCount) problems.push('new script, frame, base or meta element in the document');
  return problems.map((problem) => `${label}: ${problem}`);
}

/** The printable copy parsed as a browser would open it: only its fixed head, text elements and safe links. */
function auditCopy(label: string, html: string): string[] {
  const copy = new DOMParser().parseFromString(html, 'text/html');
  const problems: string[] = [];
  const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'section', 'div', 'ol', 'ul', 'li', 'strong', 'em', 'a']);
  for (const element of copy.querySelectorAll('*')) {
    if (!allowed.has(element.localName)) problems.push(`printable copy has <${element.localName}>`);
    for (const attribute of element.attributes) {
      if (!['lang', 'charset', 'http-equiv', 'content', 'name', 'id', 'class', 'href'].includes(attribute.name)) problems.push(`printable copy has attribute ${attribute.name} on <${element.localName}>`);
    }
  }
  if (copy.querySelectorAll('meta').length !== 3 || copy.querySelectorAll('style').length !== 1 || copy.querySelectorAll('title').length !== 1) problems.push('printable copy head changed');
  if (copy.querySelector('meta[http-equiv]')?.getAttribute('content') !== "default-src 'none'; style-src 'unsafe-inline'") problems.push('printable copy lost its Content-Security-Policy');
  for (const link of copy.querySelectorAll('a')) {
    const scheme = new URL(link.getAttribute('href')!, 'https://host.example/').protocol;
    if (!['http:', 'https:', 'mailto:', 'tel:'].includes(scheme)) problems.push(`printable copy links to ${scheme}`);
  }
  return problems.map((problem) => `${label}: ${problem}`);
}

/** Puts `payloads[i]` into `fields[i]`; `with` labels it for messages. */
function bundleWith(fields: readonly Field[], values: readonly string[]): TermsBundle {
  const bundle = fullBundle();
  fields.forEach((field, index) => field.set(bundle, values[index]!));
  return bundle;
}

/**
 * Renders `fields` holding `values` and returns every problem, each naming its field and payload.
 * When several fields share one render and something is wrong, each field is rendered again alone,
 * so the message says exactly which payload in which field did it.
 */
async function check(fields: readonly Field[], values: readonly string[], allow: Allowlist, lang?: string): Promise<{ problems: string[]; refused: boolean }> {
  const label = fields.map((field, index) => `${field.name} = ${JSON.stringify(values[index])}`).join(', ');
  const bundle = bundleWith(fields, values);
  const { valid } = await renderOpen(bundle, lang);
  const problems = await auditPage(label, allow);
  if (valid) {
    fields.forEach((field, index) => {
      if (!field.url && !field.hidden && !deepTexts(document.body).some((text) => text.includes(values[index]!))) problems.push(`${field.name} = ${JSON.stringify(values[index])}: not shown verbatim`);
    });
    problems.push(...auditCopy(label, documentAsHtml(bundle, 'terms', lang ?? 'zh-CN')));
  } else if (fields.some((field) => !field.url)) {
    problems.push(`${label}: the bundle was refused, but text fields take any text`);
  }
  if (problems.length && fields.length > 1) {
    const alone: string[] = [];
    for (const [index, field] of fields.entries()) alone.push(...(await check([field], [values[index]!], allow, lang)).problems);
    return { problems: alone.length ? alone : problems, refused: !valid };
  }
  return { problems, refused: !valid };
}

/** The harmless render of `fields`, whose elements and attributes are all a hostile render may have. */
async function learn(fields: readonly Field[], lang?: string): Promise<Allowlist> {
  const harmless = fields.map((field) => (field.url ? 'https://sample.example/harmless' : BENIGN));
  const { valid } = await renderOpen(bundleWith(fields, harmless), lang);
  expect(valid, 'the harmless bundle must be valid').toBe(true);
  const allow = learnAllowlist(document.body);
  const shown = deepTexts(document.body).filter((text) => text.includes(BENIGN)).length;
  expect(shown, 'every text field is shown').toBeGreaterThanOrEqual(fields.filter((field) => !field.url && !field.hidden).length);
  expect(await auditPage('harmless', allow)).toEqual([]);
  return allow;
}

describe('the audit itself', () => {
  test('notices an injected handler that runs, a new element in a shadow root and a javascript: link', async () => {
    const allow = await learn(FIELDS.filter((f) => !f.url && !f.lang));
    const host = document.body.querySelector('terms-gate')!;
    const injected = document.createElement('span');
    // What a renderer that used innerHTML would do with one payload.
    injected.innerHTML = '<img src="x:" onerror="alert(1)"><a href="java&#x09;script:alert(1)">x</a>';
    host.shadowRoot!.append(injected);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const problems = (await auditPage('self-test', allow)).join('\n');
    expect(problems).toContain('alert(1)');
    expect(problems).toContain('unexpected element <img>');
    expect(problems).toContain('event handler attribute onerror');
    expect(problems).toContain('link with scheme javascript:');
  });
});

describe('hostile strings in every field of a bundle', () => {
  test(`the corpus has at least 100 distinct payloads`, () => {
    expect(new Set(payloads).size).toBe(payloads.length);
    expect(payloads.length).toBeGreaterThanOrEqual(100);
  });

  // Every payload visits every field: in render r, field f holds payload (r + f) mod n, so the n
  // renders of a group cover the whole payload × field matrix.
  const groups = [
    { name: 'text fields of the controlling text, explanations, consents and publisher', fields: FIELDS.filter((f) => !f.url && !f.lang) },
    { name: 'text fields of the translation', fields: FIELDS.filter((f) => f.lang), lang: 'en' },
  ];
  for (const group of groups) {
    test(`in the ${group.name}: shown as text, nothing runs, nothing added`, async () => {
      const allow = await learn(group.fields, group.lang);
      const problems: string[] = [];
      for (let round = 0; round < payloads.length; round++) {
        const values = group.fields.map((_, index) => payloads[(round + index) % payloads.length]!);
        problems.push(...(await check(group.fields, values, allow, group.lang)).problems);
      }
      expect(problems).toEqual([]);
    });
  }

  for (const field of FIELDS.filter((f) => f.url)) {
    test(`in the ${field.name}: refused, or a link with a safe scheme; nothing runs, nothing added`, async () => {
      const allow = await learn([field]);
      const problems: string[] = [];
      let refused = 0;
      for (const payload of payloads) {
        const result = await check([field], [payload], allow);
        problems.push(...result.problems);
        if (result.refused) refused++;
      }
      expect(problems).toEqual([]);
      // parseBundle refuses most of them; the ones it lets through were rendered and audited.
      expect(refused).toBeGreaterThan(payloads.length / 2);
    });
  }
});

describe('hostile strings that skip validation', () => {
  test('in link hrefs and text of a bundle handed straight to <terms-viewer>: unsafe schemes never become links', async () => {
    const viewer = document.createElement('terms-viewer') as TermsViewer;
    document.body.replaceChildren(viewer);
    viewer.bundle = fullBundle();
    await viewer.updateComplete;
    const allow = learnAllowlist(document.body);
    const problems: string[] = [];
    for (const payload of payloads) {
      const bundle: any = fullBundle();
      const paragraph = terms(bundle).clauses[0].clauses[0].body[1];
      paragraph.text[1].href = payload;
      paragraph.text[0] = payload;
      terms(bundle).title = payload;
      const fresh = document.createElement('terms-viewer') as TermsViewer;
      document.body.replaceChildren(fresh);
      fresh.bundle = bundle;
      await fresh.updateComplete;
      problems.push(...(await auditPage(`unvalidated href and text = ${JSON.stringify(payload)}`, allow)));
      problems.push(...auditCopy(`unvalidated copy = ${JSON.stringify(payload)}`, documentAsHtml(bundle, 'terms', 'zh-CN')));
    }
    expect(problems).toEqual([]);
  });
});

describe('hostile UI strings', () => {
  /** The gate with the terms open, the missing-requirements status and the second-chance question shown. */
  async function everyString(): Promise<TermsGate> {
    const { gate } = await mountGate({ attributes: { 'second-chance': '' } });
    await gate.show();
    const modal = gate.shadowRoot!.querySelector('terms-modal')!;
    (modal.shadowRoot!.querySelector('[part~="accept"]') as HTMLElement).click();
    await modal.updateComplete;
    (modal.shadowRoot!.querySelector('[part~="decline"]') as HTMLElement).click();
    await modal.updateComplete;
    return gate;
  }

  test('every UI string overridden with each payload (addUiStrings): shown as text, nothing runs', async () => {
    await everyString();
    const allow = learnAllowlist(document.body);
    const problems: string[] = [];
    try {
      for (const payload of payloads) {
        const strings = Object.fromEntries(Object.keys(en).map((key) => [key, payload]));
        addUiStrings('zh-CN', strings as never);
        const gate = await everyString();
        // UI strings are i18next templates by design (`{{name}}`, `$t(key)`): only the rest must show verbatim.
        const template = /\{\{|\$t\(/.test(payload);
        if (!template && !deepTexts(document.body).some((text) => text.includes(payload))) problems.push(`UI strings = ${JSON.stringify(payload)}: not shown verbatim anywhere`);
        problems.push(...(await auditPage(`UI strings = ${JSON.stringify(payload)}`, allow)));
        // The print copy of the viewer takes its words from the same strings.
        const viewer = gate.shadowRoot!.querySelector('terms-modal')!.shadowRoot!.querySelector('terms-viewer') as TermsViewer;
        problems.push(...auditCopy(`UI strings in the copy = ${JSON.stringify(payload)}`, documentAsHtml(viewer.bundle!, 'terms', 'zh-CN', (key) => strings[key] ?? key)));
      }
    } finally {
      addUiStrings('zh-CN', zhCN as never);
    }
    expect(problems).toEqual([]);
  });
});
