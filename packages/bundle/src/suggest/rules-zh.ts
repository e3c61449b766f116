/**
 * Cue rules for Chinese terms: which words make a clause one that Civil Code art. 496 says must be
 * drawn to the user's attention (免除或者减轻其责任、加重对方责任、限制对方主要权利…), and which words
 * only protect the user (本协议不排除…、不影响您依法享有的权利) and so must not be marked.
 *
 * No public labelled Chinese set exists; the rules were written from the law's categories and checked
 * against the hand-labelled lines in `data/zh-labels.jsonl`: some documents' lines while writing them,
 * four whole documents while improving them, and four more whole documents never used to change a rule
 * (see docs/suggestions.md).
 */
import type { HighlightKind } from '../types.ts';
import { REGIONAL_WORDS, TRADITIONAL_PAIRS } from './traditional.ts';

/** One cue: the kinds it suggests and the words that trigger it. */
export interface CueRule {
  kinds: HighlightKind[];
  pattern: RegExp;
  /** The match does not count when it contains these words (e.g. the provider's own negated liability). */
  unless?: RegExp;
}

// A stretch of text inside one clause of a sentence (no full stop, semicolon).
const GAP = '[^。；！？]';
// The provider as the subject: "我们", "本平台", "小忆互联", "Mozilla", "公司"…
const PROVIDER = '(?:我们|我方|本平台|平台|本公司|公司|本网站|Mozilla|Pocket|运营方|服务方|服务提供方)';
const USER = '(?:您|用户|你)';
const g = (min: number, max: number) => `${GAP}{${min},${max}}`;
// Not right after the user as subject ("您可以注销账号", "您也可以删除"): the user's own right, no provider power.
const NOT_THE_USER = `(?<!${USER}[也还亦均]?(?:有权|可以|可|能够|能)?|[，,]也)`;
// Not right after a negation ("不会共享", "绝不向第三方提供"): the provider's promise, no sharing.
const NOT_NEGATED = `(?<!(?:不|不会|不得|绝不|禁止|不能|无法)[^。；！？，]{0,12})`;
// Not data coming in from others ("第三方向我们转移您的个人信息"): that is collection, no sharing.
const NOT_INBOUND = `(?<!(?:向|给)我们[^。；！？，]{0,4})`;
const rx = (source: string) => new RegExp(source, 'u');

export const ZH_RULES: readonly CueRule[] = [
  // 免除或限制提供方责任
  { kinds: ['limits-liability'], pattern: rx(`(?:不|无需|无须|毋须|概不|均不|并不|不再|不予)(?:会|应|因此|对此)?(?:承担|负担|负)${g(0, 12)}?(?:责任|义务)`) },
  { kinds: ['limits-liability'], pattern: rx(`不(?:会|应|将)?(?:对|就|为)${g(1, 60)}?(?:承担|负担|负)${g(0, 12)}?(?:责任|义务)`) },
  { kinds: ['limits-liability'], pattern: rx(`(?:不|概不|不会)(?:对|就|为)${g(1, 40)}?负责|(?:概不|均不|并不|不)负责(?!人)`) },
  { kinds: ['limits-liability'], pattern: rx(`(?:免除|免于|豁免)${g(0, 12)}?(?:责任|义务)(?!的条款)|免责(?!条款的)`) },
  { kinds: ['limits-liability'], pattern: rx(`(?:不|无法|不能|并不|未能|不会)(?:完全|绝对)?(?:作出|提供|做出)?(?:任何)?(?:明示或(?:默示|暗示)的)?(?:保证|担保)`) },
  // A warranty disclaimer is 免除责任 under art. 497, and a kind of its own.
  { kinds: ['limits-liability', 'disclaims-warranty'], pattern: rx(`(?:按|以|基于)[“"「]?(?:原样|现状|现有状态)|[“"「](?:原样|现状|现有状态|可得到|可用)[”"」]`) },
  { kinds: ['limits-liability', 'disclaims-warranty'], pattern: rx(`(?:否认|排除|免除)${g(0, 20)}?(?:担保|保证)`) },
  { kinds: ['limits-liability'], pattern: rx(`${PROVIDER}${g(0, 10)}?(?:无|没有|不负有)(?:任何)?义务`) },
  {
    kinds: ['limits-liability'],
    pattern: rx(
      `(?:无法|不能|不可能)${g(0, 10)}?保证${g(0, 20)}?安全|百分之百(?:的)?安全|完善的安全措施|(?:仍然|仍|依然)(?:存在|有)${g(0, 20)}?(?:泄露|泄漏|丢失)${g(0, 6)}?风险`,
    ),
  },
  { kinds: ['limits-liability'], pattern: rx(`(?<=(?:赔偿|责任)${g(0, 40)})(?:总和|总额|上限|限额|最高)${g(0, 30)}?(?:不|均不|最多)?(?:应|得|会)?超过`) },
  { kinds: ['limits-liability'], pattern: rx(`(?:赔偿|责任)${g(0, 40)}?(?:不应|不会|均不|不得|最多不)超过`) },
  { kinds: ['limits-liability'], pattern: rx(`(?:无法|不能)控制|(?:没有|无)控制权`) },
  // 加重用户责任 / 把风险或费用转给用户
  { kinds: ['shifts-burden'], pattern: rx(`(?:由|须由|应由|均由)${USER}${g(0, 12)}?(?:承担|负责|负担|赔偿)`) },
  {
    kinds: ['shifts-burden'],
    pattern: rx(`(?<![对向给为])${USER}${g(0, 40)}?(?:承担|负有|负)(?:全部|一切|所有|完全|相应|全部相关|任何)?(?:的)?(?:法律)?(?:责任|后果|损失|风险)`),
    unless: /不(?:对|就|为)?[^，。；]{0,6}(?:承担|负)|无需|无须|我们|本平台|平台/u,
  },
  { kinds: ['shifts-burden'], pattern: rx(`(?:自行|独立|自己|单独)(?:承担|负责|负担)|风险自负|自负(?:风险|责任)`) },
  {
    kinds: ['shifts-burden'],
    pattern: rx(`(?<![对向给为])${USER}${g(0, 30)}?(?:应|须|需|将|同意|负责)(?:予以|负责)?(?:全额|全部)?赔偿|使${g(0, 20)}?免受${g(0, 6)}?(?:损害|损失|索赔)`),
    unless: /不(?:对|就|为)?[^，。；]{0,6}(?:承担|负|赔偿)|无需|无须/u,
  },
  { kinds: ['shifts-burden'], pattern: rx(`视为${USER}(?:本人)?${g(0, 10)}?(?:行为|操作|指令)`) },
  { kinds: ['shifts-burden'], pattern: rx(`(?:确保|保证)${g(0, 8)}?(?<!未)(?:取得|获得)${g(0, 12)}?(?:授权|同意)`) },
  { kinds: ['shifts-burden'], pattern: rx(`${USER}(?:应当|应|须|需)对${g(0, 30)}?(?:负责|承担责任)`) },
  { kinds: ['shifts-burden'], pattern: rx(`${USER}(?:理解|知悉|确认|同意)?(?:并)?(?:接受|承担|同意承担|自担)${g(0, 80)}?风险`) },
  // 限制用户主要权利
  { kinds: ['restricts-rights'], pattern: rx(`${PROVIDER}${g(0, 6)}?(?:认为|判断|认定)${g(0, 12)}?(?:不适当|不当|不合适|不恰当)`) },
  { kinds: ['restricts-rights'], pattern: rx(`予以拒绝|拒绝${g(0, 6)}?请求|无法响应${g(0, 6)}?请求|不予(?:响应|受理)|${USER}无法(?:访问|更正|删除|查询|复制|导出)`) },
  { kinds: ['restricts-rights'], pattern: rx(`保留${g(0, 20)}?限制${g(0, 30)}?(?:使用|访问)${g(0, 20)}?权利|唯一(?:的)?(?:补救|救济|解决方案|解决办法)`) },
  { kinds: ['restricts-rights'], pattern: rx(`不得(?:要求|主张|请求|提起)|放弃${g(0, 12)}?(?:权利|请求权|诉权)|集体诉讼|不予退(?:款|还|费)|不(?:退款|退还|退费)|概不退`) },
  // 单方变更
  { kinds: ['unilateral-change'], pattern: rx(`(?<!${USER}(?:有权|可以|可))(?:有权|保留${g(0, 8)}?权利|随时|单方面?|不时|适时|自行决定|可能会)${g(0, 20)}?(?:修改|变更|调整|更新|更改|修订)`) },
  { kinds: ['unilateral-change'], pattern: rx(`(?:修改|变更|更新|修订)后的${g(0, 12)}?(?:一经|自)${g(0, 8)}?(?:公布|发布|公示|张贴)${g(0, 4)}?(?:即|时)?生效`) },
  { kinds: ['unilateral-change'], pattern: rx(`(?:更新|修改|变更|修订)${g(0, 30)}?继续使用${g(0, 30)}?(?:即|则|视为|表示|意味着)|继续使用${g(0, 30)}?(?:即|则|视为|表示|意味着)${g(0, 20)}?(?:更新|修改|变更|修订)`) },
  // 单方暂停、终止
  {
    kinds: ['unilateral-termination'],
    pattern: rx(`${NOT_THE_USER}(?:有权|可以|可能|可|将|随时|保留${g(0, 8)}?权利)${g(0, 20)}?(?:暂停|中止|终止|停止|冻结|注销|封禁|封停|关闭|收回|限制)${g(0, 14)}?(?:服务|账户|账号|提供|访问|使用|协议|本条款|您)`),
    // The provider promising to stop using or collecting the user's data ends no service.
    unless: /停止(?:使用|收集|处理)|停止我们/u,
  },
  { kinds: ['unilateral-termination'], pattern: rx(`保留${g(0, 30)}?(?:暂停|中止|终止|冻结|注销|封禁|封停|降级)${g(0, 30)}?权利|自行决定${g(0, 4)}?(?:暂停|中止|终止|拒绝服务)|(?:许可|授权|协议|账户|帐户|账号|帐号)${g(0, 4)}?(?:将|即)?自动(?:终止|失效)`) },
  // 删除用户内容
  { kinds: ['content-removal'], pattern: rx(`${NOT_THE_USER}(?:有权|随时|保留${g(0, 8)}?权利|可以|可能会)${g(0, 30)}?(?:删除|移除|屏蔽|下架|撤下|清除)${g(0, 20)}?(?:内容|信息|资料|帖子|作品|项目)`) },
  { kinds: ['content-removal'], pattern: rx(`保留${g(0, 30)}?(?:删除|移除|屏蔽|下架|清除)${g(0, 40)}?权利|(?:内容|短信|邮件|作品|帖子)${g(0, 10)}?(?:将|会|将会)?被(?:删除|移除|屏蔽)`) },
  // 争议解决
  { kinds: ['jurisdiction'], pattern: rx(`(?<!法律|司法|法)管辖(?!区|权的(?:人民)?法院)|(?:所在地|住所地)${g(0, 10)}?(?:人民)?法院|(?:提交|提起|诉至|起诉)${g(0, 30)}?法院|法院${g(0, 12)}?(?:诉讼解决|专属)`) },
  { kinds: ['choice-of-law'], pattern: rx(`(?:适用|受|依据|遵循)(?:于)?(?:中华人民共和国|中华民国|中国|台湾|香港特别行政区|香港|澳门|美国|[^。；，]{1,10}州)(?:大陆地区)?(?:的)?法律(?!法规)|(?:法律|法)冲突|准据法`) },
  { kinds: ['arbitration'], pattern: rx(`仲裁`) },
  // 个人信息共享
  {
    kinds: ['data-sharing'],
    pattern: rx(`${NOT_NEGATED}${NOT_INBOUND}(?:共享|分享|提供给|提供至|对外提供|披露|转让|转移|传输|出售)${g(0, 24)}?(?:第三方|合作方|合作伙伴|关联公司|关联方|供应商|服务商|服务提供商|合作机构)`),
    unless: /向我们|给我们/u,
  },
  {
    kinds: ['data-sharing'],
    pattern: rx(`${NOT_NEGATED}向${g(0, 24)}?(?:第三方|合作方|合作伙伴|关联公司|关联方|供应商|服务商|服务提供商|处理者|机构|平台)${g(0, 16)}?(?:提供|提交|披露|反馈|传输)`),
    // The user giving data to us (or to those acting in our name) is collection.
    unless: /^向我们/u,
  },
  { kinds: ['data-sharing'], pattern: rx(`委托${g(0, 24)}?(?:关联|第三方|专业机构|合作|服务商|供应商)${g(0, 24)}?(?:处理|代表我们)`) },
  { kinds: ['data-sharing'], pattern: rx(`SDK${g(0, 60)}?(?:收集|访问|获取|读取|采集)|(?:第三方|合作方|合作伙伴)${g(0, 30)}?(?:收集|获得|获取|访问|处理)${g(0, 10)}?${USER}的`) },
  {
    kinds: ['data-sharing'],
    pattern: rx(`(?:境外|其他区域|国外|海外|以外的(?:国家|地区|服务器))${g(0, 20)}?(?:存储|传输|处理)|(?:传输|转移)(?:至|到)${g(0, 20)}?(?:境外|其他区域|国外|海外|美国)|跨境(?:传输|提供)|服务器${g(0, 4)}?位于${g(0, 10)}?(?:美国|境外|国外|海外)`),
  },
  { kinds: ['data-sharing'], pattern: rx(`(?:第三方|合作方|合作伙伴|关联公司|关联方)${g(0, 50)}?${NOT_NEGATED}(?:共享|分享|披露)`), unless: /向我们|给我们/u },
  { kinds: ['data-sharing'], pattern: rx(`${NOT_NEGATED}${NOT_INBOUND}(?<!合法(?:公开)?)(?:公开披露|披露|共享|转让|转移|出售)${USER}?的?(?:个人|此|该等?)?(?:信息|数据|资料)|(?:个人)?(?:信息|数据)${g(0, 14)}?(?:被|予以)?(?:转移|转让|披露|共享)`) },
  // 自动续费
  { kinds: ['auto-renewal'], pattern: rx(`自动(?:续费|续订|续期|扣费|扣款|续约|延续|续展|划扣)|到期${g(0, 10)}?自动`) },
  // 使用即同意
  { kinds: ['contract-by-using'], pattern: rx(`(?:注册|登录|使用|继续使用|访问|下载|安装|点击|勾选)${g(0, 30)}?(?:即|则|将|就)?(?:被)?(?:视为|表示|表明|意味着|代表)${g(0, 10)}?(?:同意|接受|认可)`) },
];

/**
 * Words that leave a decision to the provider alone ("在我们单方合理判断下", "本平台认为必要时"): in a list
 * item under a clause that grants a power (披露您的信息…：), they make the item a use of that power at
 * the provider's discretion, which the user must be shown, unlike the items bound to a law or a court.
 */
export const ZH_DISCRETION = rx(`(?:单方面?|自行|酌情|全权|独立)(?:合理)?(?:判断|决定|认定|认为)|${PROVIDER}(?:合理)?(?:认为|判断|认定)${g(0, 8)}?(?:必要|需要|适当|合适)`);

/**
 * Words that protect the user rather than the provider. The clause of a sentence (up to the next
 * comma or semicolon) that carries one is taken out before the cues are matched, so "本协议不排除或限制
 * 我们对人身伤害的责任" is not a limitation, while "本平台不承担责任，但不影响您依法享有的权利" still is.
 */
export const ZH_CARVE_OUT = rx(
  [
    `不(?:会|应|得|能)?(?:排除|限制|减轻|免除|减损)(?:或|或者|及|和)?(?:排除|限制|减轻|免除|减损)?${g(0, 30)}?(?:责任|权利|权益)`,
    `不(?:会|应)?(?:影响|损害)${g(0, 20)}?(?:依法|法定|法律规定)${g(0, 12)}?(?:权利|权益)`,
    `(?:依法|法定)${g(0, 6)}?(?:权利|权益)${g(0, 12)}?不受(?:影响|限制)`,
    `(?:法律|法规)${g(0, 10)}?(?:不允许|禁止|不得)(?:排除|限制|免除)`,
    `(?:排除|限制|免除)${g(0, 20)}?(?:不适用|不影响)`,
  ].join('|'),
);

const SEGMENT = /[^，,；;：:。！？]+[，,；;：:。！？]?/gu;

/** The text with every segment that carries a carve-out blanked, so its words cue nothing. */
export function withoutCarveOuts(sentence: string, carveOut: RegExp): string {
  return sentence.replace(SEGMENT, (segment) => (carveOut.test(segment) ? ' '.repeat(segment.length) : segment));
}

/**
 * A line that names a section rather than saying anything: a Markdown heading, a table-of-contents
 * link, or a numbered title with no sentence punctuation ("二、我们如何共享您的个人信息", "2.2 与合作伙伴共享").
 * Headings become titles when a document is imported and suggest nothing; in plain lines they must not either.
 */
export function isChineseHeading(line: string): boolean {
  const text = line.trim();
  if (/^#{1,6}\s/u.test(text) || /^[*+-]\s*\[[^\]]+\]\(#[^)]*\)$/u.test(text)) return true;
  const numbered = /^(?:[一二三四五六七八九十百]+、|\d+(?:\.\d+)*\.?\s|第[一二三四五六七八九十百\d]+[条章节]\s)(.+)$/u.exec(text);
  return !!numbered && isTitleLike(numbered[1]!);
}

/** One line of at most 40 characters with no sentence punctuation: a title, not a sentence (any language). */
export function isTitleLike(text: string): boolean {
  const line = text.trim();
  return line.length <= 40 && !/[\n，。；：,;:！？!?]/u.test(line);
}

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL_PAIRS.length; i += 2) SIMPLIFIED.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);
const TRADITIONAL_CHARACTER = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'gu');
const REGIONAL_WORD = new RegExp(REGIONAL_WORDS.map(([regional]) => regional).join('|'), 'gu');
const MAINLAND_WORD = new Map(REGIONAL_WORDS);

/**
 * The text as the rules read it: Traditional characters (zh-TW, zh-HK) in their Simplified form and
 * a few regional words ("資訊", "帳號") as the mainland says them. Every replacement keeps the length,
 * so a match's position in it is its position in the original, which the cue is taken from.
 */
export function asSimplified(text: string): string {
  return text.replace(TRADITIONAL_CHARACTER, (character) => SIMPLIFIED.get(character)!).replace(REGIONAL_WORD, (word) => MAINLAND_WORD.get(word)!);
}

/** Splits Chinese text into sentences at 。！？ and line breaks. */
export function chineseSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
