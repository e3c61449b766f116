import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from '../cli-test-support.ts';
import { suggestEnglishSentences, suggestForText, suggestHighlights, suggestKinds } from './index.ts';
import { hashGram } from './features.ts';
import { CLAUDETTE_CATEGORIES, classifySentence, classifySentences, type LinearModel } from './linear.ts';
import { englishScores, chineseScores, importedSeed, inTaiwanChinese, seedAgreement, zhLabels, ZH_DOCUMENT_SETS } from '../../../../scripts/suggest/measure.ts';
import { tableModule, TABLE_PATH, traditionalPairs } from '../../../../scripts/suggest/traditional.ts';
import { importMarkdown } from '../import/index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const kinds = (text: string, locale: string) => suggestKinds(text, locale).kinds;
/** The committed fold predictions reach 0.76 (docs/suggestions.md); a retraining must not fall far below. */
const LTD_FLOOR = 0.73;

describe('Chinese cues', () => {
  test.each([
    ['因网络故障导致服务中断的，公司不承担任何赔偿责任。', 'limits-liability'],
    ['因用户保管不善造成的损失由用户自行承担。', 'shifts-burden'],
    ['公司有权随时修改本协议条款。', 'unilateral-change'],
    ['用户违反本协议的，公司有权暂停或终止向用户提供服务。', 'unilateral-termination'],
    ['会员到期后将自动续费。', 'auto-renewal'],
    ['本协议适用中华人民共和国法律。', 'choice-of-law'],
    ['争议提交公司所在地有管辖权的人民法院诉讼解决。', 'jurisdiction'],
    ['争议提交上海国际仲裁中心仲裁。', 'arbitration'],
    ['我们可能会与第三方合作方分享您的信息。', 'data-sharing'],
  ])('%s → %s', (text, kind) => {
    expect(kinds(text, 'zh-CN')).toContain(kind);
  });

  test('each suggestion names the words that triggered it', () => {
    const [found] = suggestForText('对于不可抗力造成的损失，本平台不承担任何责任。', 'zh-CN');
    expect(found?.cue).toBe('不承担任何责任');
  });
});

describe('Chinese cues of privacy policies and terms', () => {
  test.each([
    ['我们的合作伙伴会在应用中嵌入SDK，可能收集您的设备信息。', 'data-sharing'],
    ['我们可能会委托关联公司代表我们处理您的信息。', 'data-sharing'],
    ['在特定情况下，我们可能会将您的个人信息传输至境外。', 'data-sharing'],
    ['本服务按原样提供，我们明确否认任何明示或默示的担保。', 'limits-liability'],
    ['我们无法保证您的信息百分之百的安全。', 'limits-liability'],
    ['对于无端重复的请求，我们可能会予以拒绝。', 'restricts-rights'],
    ['我们保留自行决定终止您的账号的权利。', 'unilateral-termination'],
    ['我们保留删除任何违规内容的权利。', 'content-removal'],
    ['本政策更新后您继续使用我们的服务，即表示您接受更新后的政策。', 'unilateral-change'],
    ['您对于账户下的所有活动负有责任。', 'shifts-burden'],
  ])('%s → %s', (text, kind) => {
    expect(kinds(text, 'zh-CN')).toContain(kind);
  });

  test.each([
    ['the user deleting their own information', '您可以随时删除您发布的信息。'],
    ['the user closing their own account', '您可以通过设置撤回同意，也可以注销账号。'],
    ['a promise not to share', '我们不会向任何第三方共享您的个人信息。'],
    ['data coming in from a third party', '您可以授权第三方向我们提供您的信息。'],
    ['a promise to stop using data', '我们将停止使用您的个人信息。'],
    ['collection from lawfully published sources', '从合法公开披露的信息中收集您的个人信息。'],
    ['an ordinary licence limit', '您不得转让本服务。'],
    ['a numbered section title', '二、我们如何共享您的个人信息'],
    ['a Markdown heading', '## 免责声明'],
    ['a table-of-contents link', '* [管辖法律](#governing-law)'],
  ])('nothing for %s: %s', (_, text) => {
    expect(kinds(text, 'zh-CN')).toEqual([]);
  });
});

describe('Traditional Chinese (zh-TW, zh-HK) reads as Simplified', () => {
  test.each([
    ['因網路故障導致服務中斷的，本公司不承擔任何賠償責任。', 'limits-liability'],
    ['我們可能會與第三方合作夥伴分享您的個人資訊。', 'data-sharing'],
    ['本協議適用中華民國法律。', 'choice-of-law'],
    ['本協議適用香港法律。', 'choice-of-law'],
    ['雙方同意以臺灣臺北地方法院為第一審管轄法院。', 'jurisdiction'],
  ])('%s → %s', (text, kind) => {
    expect(kinds(text, 'zh-TW')).toContain(kind);
  });

  test('the cue is quoted as written, in Traditional characters', () => {
    expect(suggestForText('因網路故障導致服務中斷的，本公司不承擔任何賠償責任。', 'zh-HK')[0]?.cue).toBe('不承擔任何賠償責任');
  });

  test('the user\'s own rights stay unsuggested in Traditional too', () => {
    expect(kinds('您可以隨時刪除您發布的資訊。', 'zh-TW')).toEqual([]);
  });

  test('the committed character table is what OpenCC gives for the characters the rules use (pnpm suggest:traditional)', () => {
    const fresh = tableModule(traditionalPairs(readFileSync(join(here, 'rules-zh.ts'), 'utf8')));
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(fresh);
  });
});

describe('carve-outs that protect the user are not suggested', () => {
  test.each([
    ['zh-CN', '本协议不排除或限制公司因故意或重大过失造成用户人身伤害所应承担的责任。'],
    ['zh-CN', '本协议的任何约定均不影响用户依法享有的消费者权益。'],
    ['en', 'Nothing in these Terms limits or excludes our liability for death or personal injury caused by our negligence.'],
    ['en', 'THIS PARAGRAPH DOES NOT AFFECT CONSUMER RIGHTS THAT CANNOT BE WAIVED OR LIMITED BY ANY CONTRACT.'],
  ])('%s: %s', (locale, text) => {
    expect(kinds(text, locale)).not.toContain('limits-liability');
  });

  test('a limitation with a carve-out beside it is still suggested', () => {
    expect(kinds('本平台不承担任何责任，但不影响您依法享有的权利。', 'zh-CN')).toContain('limits-liability');
  });
});

describe('English', () => {
  test('limitation of liability, arbitration, change', () => {
    expect(kinds('IN NO EVENT SHALL THE COMPANY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES.', 'en')).toContain('limits-liability');
    expect(kinds('Any dispute shall be finally resolved by binding arbitration under the rules of the AAA.', 'en')).toContain('arbitration');
    expect(kinds('We may modify these Terms at any time at our sole discretion.', 'en')).toContain('unilateral-change');
    expect(kinds('You agree to indemnify and hold us harmless from any claims.', 'en')).toContain('shifts-burden');
  });
  test('a warranty disclaimer is suggested as such, in English on its own and in Chinese as a limitation too', () => {
    expect(kinds('THE SERVICE IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.', 'en')).toEqual(['disclaims-warranty']);
    expect(kinds('We do not warrant that the Service will be uninterrupted or error-free.', 'en')).toContain('disclaims-warranty');
    expect(kinds('本服务按原样提供，我们明确否认任何明示或默示的担保。', 'zh-CN')).toEqual(['limits-liability', 'disclaims-warranty']);
  });
  test('an ordinary sentence suggests nothing', () => {
    expect(kinds('Please read these terms carefully.', 'en')).toEqual([]);
  });
  test('a carve-out amid limitations is still not suggested, the limitations around it are', () => {
    const text =
      'IN NO EVENT SHALL THE COMPANY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES. ' +
      'Nothing in these Terms limits or excludes our liability for death or personal injury caused by our negligence. ' +
      'OUR TOTAL LIABILITY SHALL NOT EXCEED THE AMOUNT YOU PAID US IN THE LAST TWELVE MONTHS.';
    const found = suggestForText(text, 'en').filter((s) => s.kinds.includes('limits-liability'));
    expect(found.map((s) => s.sentence.slice(0, 12))).toEqual(['IN NO EVENT ', 'OUR TOTAL LI']);
  });
  test('an ordinary sentence between two limitations is not suggested', () => {
    const [before, ordinary, after] = suggestEnglishSentences([
      'IN NO EVENT SHALL THE COMPANY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES.',
      'Please read these terms carefully.',
      'We shall not be liable for any loss or damage arising from your use of the service.',
    ]);
    expect(before?.kinds).toContain('limits-liability');
    expect(ordinary).toBeUndefined();
    expect(after?.kinds).toContain('limits-liability');
  });
  test('other locales get no suggestions', () => {
    expect(suggestForText('Nous ne sommes pas responsables.', 'fr')).toEqual([]);
  });
});

describe('context stage', () => {
  // A hand-made model: "liable" scores 1 for ltd; a neighbour's score adds 0.6 to the context score.
  const model = Object.fromEntries(
    CLAUDETTE_CATEGORIES.map((c) => [c, { threshold: c === 'ltd' ? 0.5 : 1e9, context: [0, 0.3, 0, 0, 0.6, 0], weights: new Map(c === 'ltd' ? [[hashGram('liable'), 4]] : []) }]),
  ) as unknown as LinearModel;

  test('a sentence is judged with its neighbours: the same words pass inside a run and not alone', () => {
    const borderline = 'We are liable only as set out below and in the sections that follow this one.';
    expect(classifySentence(model, borderline)).toEqual([]);
    const run = classifySentences(model, ['We are not liable.', borderline, 'Read on.']);
    expect(run[1]!.map((f) => f.category)).toEqual(['ltd']);
    expect(run[1]![0]!.cue).toEqual(['liable']);
  });

  test('one result per sentence, in order, also for an empty run', () => {
    expect(classifySentences(model, [])).toEqual([]);
    expect(classifySentences(model, ['a', 'b', 'c'])).toHaveLength(3);
  });
});

describe('suggestHighlights', () => {
  const bundle = importMarkdown('# 协议\n\n生效日期：2025 年 8 月 10 日\n\n第一条 公司不承担任何责任。\n\n第二条 公司有权随时修改本协议。\n\n第三条 用户应遵守法律。\n', { locale: 'zh-CN' });

  test('marks suggestions as such, never overwrites an author highlight, merges into suggestions', () => {
    const input = structuredClone(bundle);
    const [first, second] = input.documents[0]!.clauses;
    first!.highlight = { kinds: ['restricts-rights'], source: 'author' };
    second!.highlight = { kinds: ['shifts-burden'], source: 'suggested', cue: '旧' };
    const before = JSON.stringify(input);
    const { bundle: out, suggestions } = suggestHighlights(input);
    expect(JSON.stringify(input)).toBe(before);
    const [a, b, c] = out.documents[0]!.clauses;
    expect(a!.highlight).toEqual({ kinds: ['restricts-rights'], source: 'author' });
    expect(b!.highlight).toMatchObject({ kinds: ['shifts-burden', 'unilateral-change'], source: 'suggested' });
    expect(c!.highlight).toBeUndefined();
    expect(suggestions.map((s) => s.clause)).toEqual([b!.id]);
  });

  test('deterministic on the seed (its time is measured by pnpm bench:suggest)', () => {
    const imported = importedSeed();
    const once = suggestHighlights(imported);
    expect(once.suggestions.length).toBeGreaterThan(0);
    expect(JSON.stringify(suggestHighlights(imported))).toBe(JSON.stringify(once));
  });

  test('a list item that leaves a power of its intro to the provider\'s judgement takes its kind; one bound to the law does not', () => {
    const chinese = importMarkdown(
      '# 协议\n\n生效日期：2025 年 8 月 10 日\n\n第一条 在以下情况下，我们可以向第三方披露您的个人信息：\n\n（一）根据法律法规或司法机关的要求；\n\n（二）在我们单方合理判断下，为预防欺诈之必要；\n',
      { locale: 'zh-CN' },
    );
    const english = importMarkdown(
      '# Terms\n\nEffective: 10 August 2025\n\n## 1. Sharing\n\nWe may disclose your personal information to third parties:\n\n(a) to comply with a law or a court order;\n\n(b) where we, in our sole discretion, believe it is needed to prevent fraud.\n',
      { locale: 'en' },
    );
    for (const [bundle, cue] of [[chinese, '单方合理判断'], [english, 'in our sole discretion']] as const) {
      const [intro] = suggestHighlights(bundle).bundle.documents[0]!.clauses;
      const [lawful, discretionary] = intro!.clauses!;
      expect(intro!.highlight?.kinds).toEqual(['data-sharing']);
      expect(lawful!.highlight).toBeUndefined();
      expect(discretionary!.highlight).toMatchObject({ kinds: ['data-sharing'], source: 'suggested', cue });
    }
  });

  test('a list item takes nothing from an intro that only limits liability', () => {
    const bundle = importMarkdown('# 协议\n\n生效日期：2025 年 8 月 10 日\n\n第一条 下列情形我们不承担责任：\n\n（一）在我们单方合理判断下暂停服务的；\n', { locale: 'zh-CN' });
    const [intro] = suggestHighlights(bundle).bundle.documents[0]!.clauses;
    expect(intro!.highlight?.kinds).toEqual(['limits-liability']);
    expect(intro!.clauses![0]!.highlight?.kinds ?? []).not.toContain('limits-liability');
  });

  test('a numbered title read as a clause body (a table of contents) suggests nothing; the clause under it does', () => {
    const source = '# 隐私政策\n\n生效日期：2025 年 8 月 10 日\n\n一、我们如何收集您的个人信息\n\n二、我们如何共享、转让、公开披露您的个人信息\n\n三、共享\n\n我们可能会与第三方合作方共享您的个人信息。\n';
    const { suggestions } = suggestHighlights(importMarkdown(source, { locale: 'zh-CN' }));
    expect(suggestions.map((s) => [s.clause, s.kinds])).toEqual([['3', ['data-sharing']]]);
  });

  test('no Node imports in the shipped suggestion modules', () => {
    for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      expect(readFileSync(join(here, file), 'utf8'), file).not.toMatch(/from ['"]node:/);
    }
  });
});

describe('CLI', () => {

  test('suggest --lines prints one line of kinds per input line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suggest-'));
    await writeFile(join(dir, 'lines.txt'), '公司不承担任何责任。\n用户应遵守法律。\n本协议适用中华人民共和国法律。\n');
    const result = await run('suggest', '--lines', join(dir, 'lines.txt'), '--locale', 'zh-CN');
    expect(result).toMatchObject({ code: 0, stdout: 'limits-liability\n\nchoice-of-law\n' });
  });

  test('suggest <bundle> writes suggested highlights and a review table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suggest-'));
    const md = join(dir, 'terms.md');
    await writeFile(md, '# 协议\n\n生效日期：2025 年 8 月 10 日\n\n第一条 公司不承担任何责任。\n\n第二条 用户应遵守法律。\n');
    const imported = await run('import', md, '--suggest', '-o', join(dir, 'b.json'));
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/clause\s+kinds\s+cue\s+text/);
    expect(imported.stderr).toContain('不承担任何责任');
    const bundle = JSON.parse(await readFile(join(dir, 'b.json'), 'utf8'));
    expect(bundle.documents[0].clauses[0].highlight).toMatchObject({ source: 'suggested', kinds: ['limits-liability'] });
    const again = await run('suggest', join(dir, 'b.json'));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).documents[0].clauses[0].highlight.source).toBe('suggested');
  });

  test('suggest --lines without a locale is a usage error', async () => {
    expect((await run('suggest', '--lines', 'x.txt')).code).toBe(2);
  });
});

describe('measurement', () => {
  test('English: limitation of liability over the 5 CLAUDETTE folds (committed fold predictions)', () => {
    const ltd = englishScores().ltd.mean.f1;
    // Far above the naive keyword regex (0.57); see docs/suggestions.md for the 0.80 goal.
    expect(ltd).toBeGreaterThan(LTD_FLOOR);
  });

  test('Chinese: labelled lines of the documents the rules were written against', () => {
    const { any, byKind } = chineseScores((doc) => ZH_DOCUMENT_SETS[doc] === 'development');
    expect(any.precision).toBeGreaterThan(0.9);
    expect(any.recall).toBeGreaterThan(0.8);
    expect(byKind['limits-liability']!.recall).toBeGreaterThan(0.8);
  });

  test('Chinese: documents labelled whole and never used to change a rule', () => {
    const { any } = chineseScores((doc) => ZH_DOCUMENT_SETS[doc] === 'held-out');
    expect(any.f1).toBeGreaterThan(0.6);
  });

  test('Chinese: the labelled lines converted to Taiwan\'s script and words score about as well as written', () => {
    const written = chineseScores().any.f1;
    const traditional = chineseScores(() => true, inTaiwanChinese).any.f1;
    expect(traditional).toBeGreaterThan(written - 0.05);
  });

  test('Chinese: every labelled line of the whole-document labels is listed once, and the labels name only known documents', () => {
    const labels = zhLabels();
    expect(new Set(labels.map((l) => `${l.doc}:${l.line}`)).size).toBe(labels.length);
    expect(labels.every((l) => l.doc in ZH_DOCUMENT_SETS)).toBe(true);
  });

  test('seed: every clause the author marks is suggested, and every one that limits liability or shifts burden as such', () => {
    const seed = seedAgreement();
    expect(seed.burdenRecall.recall).toBe(1);
    expect(seed.missed).toEqual([]);
  });
});
