import type { TermsBundle } from '@terms-gate/bundle';
import type { TermsGate } from '../terms-gate/terms-gate.ts';
import '../define.ts';

/** A small bilingual bundle with marked, critical and plain clauses and two separate consents. */
export function sampleBundle(overrides: Partial<TermsBundle> = {}): TermsBundle {
  return {
    format: 1,
    id: 'sample-gate',
    version: '1.0',
    publisher: { name: { 'zh-CN': '示例', en: 'Sample' }, contact: 'mailto:legal@sample.example' },
    documents: [
      {
        id: 'terms',
        locale: 'zh-CN',
        title: '示例平台服务条款',
        effectiveDate: '2025-08-10',
        preamble: [{ type: 'paragraph', text: ['请您务必审慎阅读，特别是', { text: '免除或限制责任的条款', strong: true }, '。'] }],
        clauses: [
          {
            id: '1',
            number: '一、',
            heading: ['服务说明'],
            clauses: [
              { id: '1.1', number: '1.1', body: [{ type: 'paragraph', text: ['本平台提供在线技术服务。'] }] },
              {
                id: '1.2',
                number: '1.2',
                body: [{ type: 'paragraph', text: ['本平台不保证服务不会中断，对此不承担任何责任。'] }],
                highlight: {
                  kinds: ['limits-liability'],
                  source: 'author',
                  explanation: { 'zh-CN': { summary: '服务中断时平台不赔偿。' }, en: { summary: 'No compensation when the service stops.' } },
                },
              },
            ],
          },
          {
            id: '2',
            number: '二、',
            heading: ['数据'],
            clauses: [
              {
                id: '2.1',
                number: '2.1',
                body: [{ type: 'paragraph', text: ['此为至关重要条款。您的数据由您自行备份。'] }],
                highlight: {
                  kinds: ['shifts-burden', 'limits-liability'],
                  critical: true,
                  source: 'author',
                  explanation: { 'zh-CN': { summary: '数据丢失由您承担。' }, en: { summary: 'You bear the loss of your data.' } },
                },
              },
              { id: '2.2', number: '2.2', body: [{ type: 'paragraph', text: ['我们可能与第三方共享信息。'] }] },
            ],
          },
        ],
        closing: [{ type: 'paragraph', text: ['再次提醒您阅读全部条款。'] }],
        translations: [
          {
            locale: 'en',
            title: 'Sample Platform Terms of Service',
            clauses: [
              {
                id: '1',
                number: '1.',
                heading: ['Service'],
                clauses: [
                  { id: '1.1', number: '1.1', body: [{ type: 'paragraph', text: ['The Platform provides online services.'] }] },
                  { id: '1.2', number: '1.2', body: [{ type: 'paragraph', text: ['The Platform does not promise the service will not stop.'] }] },
                ],
              },
              {
                id: '2',
                number: '2.',
                heading: ['Data'],
                clauses: [
                  { id: '2.1', number: '2.1', body: [{ type: 'paragraph', text: ['Critical: back up your own data.'] }] },
                  { id: '2.2', number: '2.2', body: [{ type: 'paragraph', text: ['We may share information with third parties.'] }] },
                ],
              },
            ],
          },
        ],
      },
    ],
    consents: [
      {
        id: 'sharing',
        required: false,
        label: { 'zh-CN': '我单独同意向第三方提供我的个人信息', en: 'I separately consent to sharing my personal information' },
        notice: { 'zh-CN': '接收方：基础设施提供商；目的：提供服务；信息：手机号。', en: 'Recipients: infrastructure providers; purpose: the service; data: phone number.' },
        document: 'terms',
        clauses: ['2.2'],
      },
    ],
    ...overrides,
  };
}

/** A bundle with a second document, for the "A和B" agreement line. */
export function twoDocumentBundle(): TermsBundle {
  const bundle = sampleBundle({ consents: [] });
  bundle.documents.push({
    id: 'privacy',
    locale: 'zh-CN',
    title: '隐私政策',
    effectiveDate: '2025-08-10',
    clauses: [{ id: '1', number: '1.', body: [{ type: 'paragraph', text: ['我们收集手机号。'] }] }],
    translations: [{ locale: 'en', title: 'Privacy Policy', clauses: [{ id: '1', number: '1.', body: [{ type: 'paragraph', text: ['We collect your phone number.'] }] }] }],
  });
  return bundle;
}

/** Every event the gate fires, in order, as a host page would see them. */
export function recordEvents(target: EventTarget = document) {
  const types = ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-explain', 'terms-error'] as const;
  const events: Array<{ type: string; detail: any }> = [];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of types) target.addEventListener(type, listener);
  return {
    events,
    types: () => events.map((e) => e.type),
    of: (type: string) => events.filter((e) => e.type === type),
    stop: () => types.forEach((type) => target.removeEventListener(type, listener)),
  };
}

/**
 * Mounts a gate in a fresh container (optionally inside a form) and waits until its bundle is ready.
 * `onConnected` runs as soon as the gate is in the page, before anything asynchronous.
 */
export async function mountGate(
  options: { bundle?: TermsBundle; attributes?: Record<string, string>; lang?: string; inForm?: boolean; onConnected?: (gate: TermsGate) => void } = {},
) {
  document.body.replaceChildren();
  const container = document.createElement(options.inForm ? 'form' : 'div');
  container.setAttribute('lang', options.lang ?? 'zh-CN');
  const gate = document.createElement('terms-gate') as TermsGate;
  for (const [name, value] of Object.entries(options.attributes ?? {})) gate.setAttribute(name, value);
  container.append(gate);
  if (options.inForm) {
    const submit = document.createElement('button');
    submit.textContent = 'Sign up';
    container.append(submit);
  }
  document.body.append(container);
  options.onConnected?.(gate);
  gate.bundle = options.bundle ?? sampleBundle();
  await waitForReady(gate);
  return { gate, container };
}

export async function waitForReady(gate: TermsGate): Promise<void> {
  await expectEventually(() => !!gate.shadowRoot?.querySelector('input[part~="checkbox"]:not([disabled])') || !!gate.shadowRoot?.querySelector('[part~="retry"]'));
  await gate.updateComplete;
}

/** Polls until `condition` holds (rendering and observers are asynchronous). */
export async function expectEventually(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what} did not hold in time`);
}

/** Shadow-piercing query helpers, the way Playwright's locators see the page. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element as T);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const [first] = deepQueryAll<T>(root, selector);
  if (!first) throw new Error(`nothing matches ${selector}`);
  return first;
}

export function openDialog(root: ParentNode = document): HTMLDialogElement | undefined {
  return deepQueryAll<HTMLDialogElement>(root, 'dialog').find((d) => d.open);
}

/** The element focus is on, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
