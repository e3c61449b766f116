import { afterEach, describe, expect, test } from 'vitest';
import { deepQuery, expectEventually, mountGate, openDialog, recordEvents } from '../test-support/gate-fixtures.ts';

let recorder: ReturnType<typeof recordEvents>;
afterEach(() => recorder?.stop());

const part = (gate: HTMLElement, name: string) => deepQuery<HTMLElement>(gate.shadowRoot!, `[part~="${name}"]`);

async function acceptThroughTheDialog(gate: HTMLElement & { show(): Promise<void> }) {
  await gate.show();
  (part(gate, 'assent') as HTMLInputElement).click();
  part(gate, 'accept').click();
  await expectEventually(() => !openDialog(gate.shadowRoot!), 'dialog closed after accepting');
}

describe('form participation', () => {
  test('a required gate keeps the form invalid and blocks submit, telling the user why', async () => {
    const { gate, container } = await mountGate({ inForm: true, attributes: { name: 'terms', required: '' } });
    const form = container as HTMLFormElement;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    expect(form.checkValidity()).toBe(false);
    form.requestSubmit();
    expect(submitted).toBe(0);
    await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="error"]'), 'inline validation message');
    expect(part(gate, 'error').textContent).toBe('请先阅读并同意条款。');
    expect(part(gate, 'checkbox').getAttribute('aria-describedby')).toBe('validation');
  });

  test('after accepting, the form is valid and submits the receipt under the gate name', async () => {
    const { gate, container } = await mountGate({ inForm: true, attributes: { name: 'terms', required: '' } });
    const form = container as HTMLFormElement;
    await acceptThroughTheDialog(gate);
    expect(form.checkValidity()).toBe(true);
    const value = new FormData(form).get('terms');
    expect(typeof value).toBe('string');
    const receipt = JSON.parse(value as string);
    expect(receipt.outcome).toBe('accept');
    expect(receipt.bundle.id).toBe('sample-gate');
    expect(gate.matches(':state(accepted)')).toBe(true);
  });

  test('form reset clears the acceptance', async () => {
    const { gate, container } = await mountGate({ inForm: true, attributes: { name: 'terms', required: '' } });
    const form = container as HTMLFormElement;
    await acceptThroughTheDialog(gate);
    form.reset();
    await gate.updateComplete;
    expect(gate.accepted).toBe(false);
    expect(form.checkValidity()).toBe(false);
    expect(new FormData(form).get('terms')).toBeNull();
    expect((part(gate, 'checkbox') as HTMLInputElement).checked).toBe(false);
  });

  test('unticking the agreement takes the acceptance back', async () => {
    const { gate, container } = await mountGate({ inForm: true, attributes: { name: 'terms', required: '' } });
    await acceptThroughTheDialog(gate);
    (part(gate, 'checkbox') as HTMLInputElement).click();
    await gate.updateComplete;
    expect(gate.accepted).toBe(false);
    expect((container as HTMLFormElement).checkValidity()).toBe(false);
  });

  test('the validity message follows the language', async () => {
    const { gate, container } = await mountGate({ inForm: true, lang: 'en', attributes: { name: 'terms', required: '' } });
    expect((container as HTMLFormElement).checkValidity()).toBe(false);
    expect(gate.validationMessage).toBe('Read and accept the terms to continue.');
    expect(gate.validity.valueMissing).toBe(true);
    container.setAttribute('lang', 'zh-CN');
    await expectEventually(() => gate.validationMessage === '请先阅读并同意条款。', 'Chinese message');
  });
});

describe('errors', () => {
  test('a bundle that fails to load shows an error with a retry, fires terms-error, and offers no way to accept', async () => {
    recorder = recordEvents();
    document.body.replaceChildren();
    const gate = document.createElement('terms-gate');
    gate.setAttribute('lang', 'zh-CN');
    gate.setAttribute('src', '/definitely-missing-terms.json');
    document.body.append(gate);
    await expectEventually(() => recorder.types().includes('terms-error'), 'terms-error');
    expect(recorder.of('terms-error')[0]!.detail.error.kind).toBe('load');
    expect(gate.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('条款加载失败');
    expect(gate.shadowRoot!.querySelector('[part~="retry"]')).not.toBeNull();
    expect(gate.shadowRoot!.querySelector('[part~="checkbox"]')).toBeNull();
    await expect(gate.show()).rejects.toThrow(/definitely-missing-terms/);
    expect(recorder.types().filter((t) => t === 'terms-accept')).toEqual([]);
  });

  test('an invalid bundle is rejected with the problems listed', async () => {
    recorder = recordEvents();
    document.body.replaceChildren();
    const gate = document.createElement('terms-gate');
    gate.setAttribute('lang', 'zh-CN');
    document.body.append(gate);
    gate.bundle = { format: 1, id: 'x', version: 'one', documents: [] } as never;
    await expectEventually(() => recorder.types().includes('terms-error'), 'terms-error');
    const { error } = recorder.of('terms-error')[0]!.detail;
    expect(error.kind).toBe('invalid');
    expect(error.issues.join('\n')).toMatch(/version/);
    expect(gate.shadowRoot!.textContent).toContain('条款文件无效');
  });

  test('retry loads the bundle once it is there', async () => {
    recorder = recordEvents();
    document.body.replaceChildren();
    let ok = false;
    const original = window.fetch;
    window.fetch = async (input, init) => (ok ? new Response(JSON.stringify((await import('../test-support/gate-fixtures.ts')).sampleBundle()), { headers: { 'content-type': 'application/json' } }) : original(input, init));
    try {
      const gate = document.createElement('terms-gate');
      gate.setAttribute('src', '/terms-that-appear-later.json');
      document.body.append(gate);
      await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="retry"]'), 'retry offered');
      ok = true;
      (gate.shadowRoot!.querySelector('[part~="retry"]') as HTMLButtonElement).click();
      await expectEventually(() => !!gate.shadowRoot!.querySelector('[part~="checkbox"]'), 'loaded after retry');
    } finally {
      window.fetch = original;
    }
  });
});
