/**
 * A large Markdown terms document for the import benchmark, shaped like the seed: a title, an
 * effective date, an introduction, then sections "## 十二、 标题" of numbered clauses "12.3 …", some
 * with enumerated items "（一）…" and bold warnings. Sentences are mostly Chinese, with English ones
 * mixed in (as bilingual terms are). Deterministic: the same size and seed give the same text.
 */

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const ZH_SUBJECTS = ['您', '用户', '本平台', '我们', '服务提供方', '第三方服务商', '您所代表的公司', '任何一方'];
const ZH_PREDICATES = [
  '应当遵守国家法律法规以及本协议的各项约定',
  '有权在必要时单方面调整服务内容并在平台上进行公示',
  '不得利用本服务上传、发布、存储或传播任何违法违规的信息',
  '对通过本服务处理的所有数据内容的合法性、正当性负全部责任',
  '应妥善保管账户密码，并对账户下发生的所有活动承担责任',
  '不保证服务不会中断，也不保证服务的及时性、安全性、准确性及不出现错误',
  '可能会收集与您使用服务相关的设备信息、日志信息和IP地址',
  '将采取合理的技术措施保护您的个人信息，防止其遭到未经授权的访问',
  '应按照页面公示的价格及时足额支付服务费用',
  '在发现任何未经授权的账户使用行为时，应立即通知本平台',
  '对因不可抗力造成的服务中断、数据丢失或其他损失不承担任何责任',
  '同意因本协议引起的争议提交本平台所在地有管辖权的人民法院诉讼解决',
];
const ZH_QUALIFIERS = ['', '在任何情况下，', '除法律另有规定外，', '如您继续使用本服务，', '经双方协商一致，', '在适用法律允许的最大范围内，', '为向您提供本服务，'];
const EN_SUBJECTS = ['you', 'the Platform', 'we', 'either party', 'the service provider', 'any third party'];
const EN_PREDICATES = [
  'shall comply with all applicable laws and regulations when using the Service',
  'may suspend or terminate access to the Service at any time without prior notice',
  'are solely responsible for the content you upload, store or share through the Service',
  'will not be liable for any indirect, incidental or consequential damages',
  'must keep the account credentials confidential and notify us of any unauthorised use',
  'may collect device information, log data and IP addresses to operate the Service',
  'agree that disputes arising from these terms are submitted to the competent court',
  'shall pay the fees shown on the order page within the stated period',
];
const EN_QUALIFIERS = ['', 'To the maximum extent permitted by law, ', 'Unless otherwise agreed in writing, ', 'Where required by applicable law, '];
const HEADINGS = ['服务说明与用户接受', '用户账户与责任', '用户义务与行为规范', '免责声明与责任限制', '协议修改与终止', '信息收集、使用与保护', '费用与支付', '知识产权', '争议解决与法律适用', '通知与送达', '其他约定'];

const DIGITS = '零一二三四五六七八九';
/** 12 → 十二, 305 → 三百零五: the numerals the importer reads back (chineseNumeralValue). */
function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest)}`;
}

/** The document, about `targetBytes` of UTF-8, and how many numbered clauses it holds. */
export function generateMarkdown(targetBytes: number, seed = 1): { markdown: string; clauses: number } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const zh = () => `${pick(ZH_QUALIFIERS)}${pick(ZH_SUBJECTS)}${pick(ZH_PREDICATES)}。`;
  const en = () => `${pick(EN_QUALIFIERS)}${pick(EN_SUBJECTS)} ${pick(EN_PREDICATES)}. `.replace(/^./, (c) => c.toUpperCase());
  const sentence = () => (next() < 0.2 ? en() : zh());
  const parts: string[] = [
    '# 生成的平台服务条款',
    '生效日期：2025 年 8 月 10 日',
    `重要提示：${zh()}${zh()}${en().trimEnd()}`,
  ];
  let bytes = parts.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
  let clauses = 0;
  // Sections stop at 999: dotted clause numbers have at most three digits a level.
  for (let s = 1; bytes < targetBytes && s < 1000; s++) {
    const section = [`## ${chinese(s)}、 ${pick(HEADINGS)}`];
    const count = 8 + Math.floor(next() * 5);
    for (let c = 1; c <= count; c++) {
      let text = Array.from({ length: 2 + Math.floor(next() * 3) }, sentence).join('').trimEnd();
      if (next() < 0.1) text = `**${text}**`;
      section.push(`${s}.${c} ${text}`);
      clauses++;
      if (next() < 0.15) {
        const items = 2 + Math.floor(next() * 3);
        for (let i = 1; i <= items; i++) section.push(`（${chinese(i)}）${zh()}`);
      }
    }
    const text = section.join('\n\n');
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  return { markdown: parts.join('\n\n') + '\n', clauses };
}
