import { describe, expect, test } from 'vitest';
import seedJson from '../../../demo/terms/xiaoyi.json';
import { contrastRatio, parseColor } from './contrast.ts';
import { lintBundle } from './lint.ts';
import { assertBundle } from './parse.ts';
import type { TermsBundle } from './types.ts';
import { allClauses } from './walk.ts';

const seed = () => assertBundle(seedJson);
const clause = (bundle: TermsBundle, id: string) => allClauses(bundle.documents[0]!.clauses).find((c) => c.id == id)!;
const codes = (bundle: unknown, options = {}) => lintBundle(bundle, options).warnings.map((w) => `${w.code} ${w.path}`);

describe('lintBundle', () => {
  test('the seed has no warnings', () => {
    expect(lintBundle(seedJson)).toEqual({ errors: [], warnings: [] });
  });

  test('an invalid bundle gives errors, with R5 on a missing effective date', () => {
    const broken: any = structuredClone(seedJson);
    delete broken.documents[0].effectiveDate;
    const { errors } = lintBundle(broken);
    expect(errors).toEqual([{ path: 'documents[0].effectiveDate', code: 'required', message: 'missing required field (R5)' }]);
  });

  test('a marked clause without explanation, or without one in a locale offered (R5, R6)', () => {
    const bundle = seed();
    delete clause(bundle, '4.4').highlight!.explanation;
    delete clause(bundle, '7.2').highlight!.explanation!.en;
    delete clause(bundle, '7.1').highlight!.explanation!['zh-CN'];
    const { warnings } = lintBundle(bundle);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['no-explanation', 'marked clause 4.4 has no explanation (R5, R6)'],
      ['controlling-locale', 'marked clause 7.1 has no explanation in zh-CN, the controlling locale (R6)'],
      ['explanation-locale', 'marked clause 7.2 has no explanation in en, a locale the document is offered in (R6)'],
    ]);
    expect(warnings[0]!.path).toMatch(/^documents\[0\]\.clauses\[\d+\]\.clauses\[\d+\]\.highlight$/);
  });

  test('a suggested highlight not yet reviewed (R2)', () => {
    const bundle = seed();
    Object.assign(clause(bundle, '5.2').highlight!, { source: 'suggested', cue: '不承担任何责任' });
    expect(lintBundle(bundle).warnings.map((w) => w.message)).toEqual([
      'clause 5.2: suggested highlight (cue "不承担任何责任"), not reviewed by an author yet; set source to "author" or remove it (R2)',
    ]);
  });

  test('a required consent that its words call optional (R16)', () => {
    const bundle = seed();
    bundle.consents![0]!.required = true;
    expect(lintBundle(bundle).warnings).toEqual([
      { path: 'consents[0].required', code: 'consent-optional', message: 'required, but its own words call it optional ("可选"); an optional consent must never block accepting (R16)' },
    ]);
  });

  test('a required consent whose data-sharing clause says it is optional (R16)', () => {
    const bundle = seed();
    const consent = bundle.consents![0]!;
    consent.required = true;
    consent.label = { 'zh-CN': '我同意向第三方提供个人信息', en: 'I consent to sharing with third parties' };
    consent.notice = { 'zh-CN': '接收方：支付机构。目的：完成支付。个人信息种类：姓名、手机号码。', en: 'Recipients: payment institutions. Purpose: payment. Data: name and phone number.' };
    const sharing = clause(bundle, '6.2.2');
    (sharing.body![0] as { text: string[] }).text.push('您可以选择不同意此项共享，此项为可选。');
    expect(codes(bundle)).toEqual(['consent-optional consents[0].required']);
    expect(lintBundle(bundle).warnings[0]!.message).toMatch(/^required, but clause 6\.2\.2 says this sharing is optional/);
  });

  test('a notice that does not name recipients, purpose or data (R15), in Chinese and English', () => {
    const bundle = seed();
    bundle.consents![0]!.notice = { 'zh-CN': '我们会与他人共享。', en: 'We may share your information with partners.' };
    expect(lintBundle(bundle).warnings.map((w) => [w.path, w.message])).toEqual([
      ['consents[0].notice.zh-CN', 'the notice does not seem to name the recipients, purpose, data (R15: recipients, purpose and categories of data)'],
      // "your information" names no category of data.
      ['consents[0].notice.en', 'the notice does not seem to name the purpose, data (R15: recipients, purpose and categories of data)'],
    ]);
  });

  test('consent texts missing the controlling locale or a locale offered (R5, R15)', () => {
    const bundle = seed();
    delete bundle.consents![0]!.label['zh-CN'];
    delete bundle.consents![0]!.notice.en;
    expect(codes(bundle)).toEqual(['controlling-locale consents[0].label', 'consent-locale consents[0].notice']);
  });

  test('a blank title (R5)', () => {
    const bundle = seed();
    bundle.documents[0]!.translations![0]!.title = '  ';
    expect(codes(bundle)).toEqual(['no-title documents[0].translations[0].title']);
  });

  test('unknown fields stay warnings', () => {
    const bundle: any = structuredClone(seedJson);
    bundle.documents[0].reviewer = 'someone';
    expect(codes(bundle)).toEqual(['unknown-field documents[0].reviewer']);
  });
});

describe('theme contrast (R3)', () => {
  const light = {
    '--terms-color-text': '#1f2328',
    '--terms-color-surface': '#ffffff',
    '--terms-color-marked': '#9a3412',
    '--terms-color-marked-surface': '#fff4e5',
    '--terms-color-accent': '#0a58ca',
    '--terms-color-on-accent': '#ffffff',
    '--terms-color-muted': '#4d5560',
  };
  const dark = { text: '#e6edf3', surface: '#0d1117', marked: '#ffb86b', 'marked-surface': '#2d1d0b', accent: '#79b8ff', 'on-accent': '#0d1117', muted: '#b1bac4' };

  test('WCAG ratios: black on white is 21, grey #767676 on white is 4.54', () => {
    expect(contrastRatio(parseColor('#000')!, parseColor('white')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('rgb(118 118 118)')!, parseColor('#fff')!)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseColor('rgba(0, 0, 0, 0.5)')!, parseColor('#ffffff')!)).toBeLessThan(4.5);
    expect(parseColor('var(--x)')).toBeUndefined();
  });

  test('the elements’ default dark tokens pass; the light marked text is below 7:1 and fainter than body text', () => {
    expect(codes(seedJson, { tokens: dark })).toEqual([]);
    expect(lintBundle(seedJson, { tokens: light }).warnings.map((w) => w.message)).toEqual([
      'marked text (6.72:1) has less contrast than body text (15.80:1); marked text must never be fainter (R3)',
    ]);
  });

  test('low contrast of text, marked text and links is named by token', () => {
    const { warnings } = lintBundle(seedJson, { tokens: { ...light, '--terms-color-text': '#999', '--terms-color-marked': '#f0a060', '--terms-color-accent': '#8ab4f8' } });
    // White button labels on the lighter accent fail too.
    expect(warnings.map((w) => w.path)).toEqual(['tokens.--terms-color-text', 'tokens.--terms-color-marked', 'tokens.--terms-color-accent', 'tokens.--terms-color-on-accent']);
    expect(warnings[0]!.message).toMatch(/^body text: --terms-color-text on --terms-color-surface has contrast 2\.85:1, below 4\.5:1 \(WCAG 1\.4\.3, R3\)$/);
  });

  test('marked text fainter than body text, and an unreadable colour', () => {
    const { warnings } = lintBundle(seedJson, { tokens: { ...light, '--terms-color-marked': '#b45309', '--terms-color-marked-surface': '#ffffff', '--terms-color-muted': 'oklch(50% 0 0)' } });
    expect(warnings.map((w) => w.code)).toEqual(['color', 'contrast']);
    expect(warnings[1]!.message).toMatch(/^marked text \(5\.\d\d:1\) has less contrast than body text \(15\.\d\d:1\)/);
  });
});
