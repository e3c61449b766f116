import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mountGate, sampleBundle } from '../test-support/gate-fixtures.ts';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  document.head.querySelector('style[data-test]')?.remove();
});

const warnings = () => warn.mock.calls.map((call: unknown[]) => String(call[0]));

/** Host-page CSS, as a site would write it. */
function pageStyle(css: string) {
  const style = Object.assign(document.createElement('style'), { textContent: css });
  style.dataset.test = '';
  document.head.append(style);
}

describe('development warnings (Vitest runs with import.meta.env.DEV)', () => {
  test('a well-made gate opens without any warning', async () => {
    const { gate } = await mountGate({ lang: 'en' });
    await gate.show();
    expect(warnings()).toEqual([]);
  });

  test('a marked clause without an explanation in the language shown (R5)', async () => {
    const bundle = sampleBundle();
    const marked = bundle.documents[0]!.clauses[0]!.clauses![1]!;
    marked.highlight!.explanation = { 'zh-CN': { summary: '服务中断时平台不赔偿。' } };
    const { gate } = await mountGate({ bundle, lang: 'en' });
    await gate.show();
    expect(warnings()).toEqual([expect.stringMatching(/marked clause terms\/1\.2 has no explanation in "en" \(R5\).*docs\/dev-warnings\.md#explanations/)]);
  });

  test('a decline button hidden or shrunk by the page (R12)', async () => {
    pageStyle('terms-gate::part(decline) { opacity: 0.2 }');
    const { gate } = await mountGate({ lang: 'en' });
    await gate.show();
    expect(warnings()).toEqual([expect.stringMatching(/the decline button is hidden by the page's CSS \(R12\).*#decline/)]);
  });

  test('a decline button made smaller than accept (R12)', async () => {
    pageStyle('terms-gate::part(decline) { font-size: 0.6rem; flex: 0 0 auto; padding: 0 }');
    const { gate } = await mountGate({ lang: 'en' });
    await gate.show();
    expect(warnings()).toEqual([expect.stringMatching(/the decline button is smaller than accept .*\(R12\)/)]);
  });

  test('low-contrast theme tokens for text and for marked text (R3)', async () => {
    pageStyle('terms-gate { --terms-color-text: #999999; --terms-color-surface: #ffffff; --terms-color-marked-surface: #bbbbbb }');
    const { gate } = await mountGate({ lang: 'en' });
    await gate.show();
    expect(warnings()).toEqual([
      expect.stringMatching(/text on the dialog surface has contrast 2\.\d\d:1, below 4\.5:1 \(R3\).*#contrast/),
      expect.stringMatching(/marked text on the marked surface has contrast 1\.\d\d:1, below 4\.5:1 \(R3\)/),
    ]);
  });

  test('a required consent whose label says optional, warned once however often the terms open', async () => {
    const bundle = sampleBundle();
    bundle.consents![0] = { ...bundle.consents![0]!, required: true, label: { 'zh-CN': '（可选）我单独同意向第三方提供我的个人信息', en: 'I consent to sharing my personal information' } };
    const { gate } = await mountGate({ bundle, lang: 'en' });
    await gate.show();
    await gate.hide();
    await gate.show();
    expect(warnings()).toEqual([expect.stringMatching(/consent "sharing" is required but its zh-CN label calls it optional.*#optional-label/)]);
  });
});
