/**
 * Recognises the number a heading, paragraph or list item starts with, in the numbering styles of
 * Chinese and English terms: 一、 / 1.1 / 6.1.1 / 第一章 / 第一条 / （一） / (1) / 9. / (a) / A. /
 * Section 9. Only the start of one block's text is looked at; document structure comes from the
 * sequence of recognised numbers (see `clause-tree.ts`).
 */

/** How a number relates to the numbers of enclosing clauses when it becomes an id. */
export type NumberScope =
  /** The number alone is unique in the document: "6.1.1", "第十九条", "第一章". */
  | 'absolute'
  /** Restarts under each parent, joined with a dot: "1." under "B." is "B.1". */
  | 'qualified'
  /** Restarts under each parent, written right after it: "（一）" under "第十九条" is "第十九条（一）". */
  | 'attached';

export interface Numbering {
  /**
   * The numbering style; two numbers of the same style at different places are siblings unless a
   * dotted path says otherwise. Dotted paths carry their depth ("path2", "path3").
   */
  style: string;
  /** The number as printed, without surrounding spaces: "一、", "1.1", "（一）", "Section 9". */
  printed: string;
  /** The id fragment: "1" for "一、", "6.1.1", "第十九条", "（一）", "A". */
  key: string;
  /** For decimal numbers, the numeric path ("6.1.1" → ["6", "1", "1"]; "一、" → ["1"]), used to find the parent. */
  path?: string[];
  scope: NumberScope;
  /** An enumeration inside a clause ((a), （一）, (1)): an item, whose text is never a heading. */
  enumerates: boolean;
  /** Characters of the text the number and the space after it take up. */
  length: number;
}

export interface RecogniseOptions {
  /**
   * Allow "A. Title" and "IV. Title": only trustworthy in headings, since a sentence may start with
   * an initial ("A. Smith agrees…").
   */
  letters?: boolean;
}

const CN_DIGITS = '零〇一二三四五六七八九十百千两';
const CN = `[${CN_DIGITS}]+`;
const CN_VALUE: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral up to the thousands: "十九" → 19, "一百零一" → 101. */
export function chineseNumeralValue(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const char of numeral) {
    const unit = CN_UNIT[char];
    if (unit !== undefined) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = CN_VALUE[char] ?? 0;
  }
  return total + digit;
}

// After a number: a space, the end, or a non-ASCII character (Chinese text often follows with no space).
const AFTER = String.raw`(?=\s|$|[^\x00-\x7f])\s*`;

interface Rule {
  pattern: RegExp;
  letters?: boolean;
  make(match: RegExpExecArray): Omit<Numbering, 'length'> | null;
}

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

const RULES: Rule[] = [
  {
    // 第一章, 第十九条, 第1条, 第二节, 第一编, 第一部分
    pattern: new RegExp(String.raw`^第\s*(${CN}|\d{1,4})\s*(章|节|條|条|款|编|編|部分|篇)\s*`),
    make: (m) => {
      const unit = m[2]!;
      const printed = m[0].trim().replace(/\s+/g, '');
      // Sections (节) restart in each chapter; chapters and articles run through the whole document.
      const scope: NumberScope = unit === '节' ? 'attached' : 'absolute';
      return { style: `cn-${unit}`, printed, key: printed, scope, enumerates: unit === '款' };
    },
  },
  {
    // 一、 / 十二．
    pattern: new RegExp(String.raw`^(${CN})\s*[、．]\s*`),
    make: (m) => {
      const value = String(chineseNumeralValue(m[1]!));
      return { style: 'cn-enum', printed: m[0].trim(), key: value, path: [value], scope: 'qualified', enumerates: false };
    },
  },
  {
    // （一） / (一)
    pattern: new RegExp(String.raw`^[（(]\s*(${CN})\s*[）)]\s*`),
    make: (m) => ({ style: 'paren-cn', printed: m[0].trim(), key: m[0].trim(), scope: 'attached', enumerates: true }),
  },
  {
    // (1) / （1）
    pattern: /^[（(]\s*(\d{1,3})\s*[）)]\s*/,
    make: (m) => ({ style: 'paren-num', printed: m[0].trim(), key: m[0].trim(), scope: 'attached', enumerates: true }),
  },
  {
    // (a) / (iv) / (A)
    pattern: /^[（(]([a-zA-Z]{1,6})[）)]\s*/,
    make: (m) => {
      const letters = m[1]!;
      const style =
        letters.length > 1
          ? ROMAN.test(letters)
            ? 'paren-roman'
            : null
          : letters === letters.toLowerCase()
            ? 'paren-lower'
            : 'paren-upper';
      return style && { style, printed: m[0].trim(), key: m[0].trim(), scope: 'attached', enumerates: true };
    },
  },
  {
    // Section 9 / Article 5.2 / § 4
    pattern: /^(?:section|article|clause|§)\s*(\d{1,3}(?:\.\d{1,3})*)\.?(?=\s|$|[:.—–-])[\s:.—–-]*/i,
    make: (m) => {
      const path = m[1]!.split('.');
      const printed = m[0].replace(/[\s:.—–-]+$/, '');
      return path.length > 1
        ? { style: `path${path.length}`, printed, key: m[1]!, path, scope: 'absolute', enumerates: false }
        : { style: 'section-word', printed, key: m[1]!, path, scope: 'qualified', enumerates: false };
    },
  },
  {
    // 1.1 / 6.1.1 / 9.1. — dotted paths
    pattern: new RegExp(String.raw`^(\d{1,3}(?:[.．]\d{1,3}){1,6})[.．]?${AFTER}`),
    make: (m) => {
      const key = m[1]!.replace(/．/g, '.');
      return { style: `path${key.split('.').length}`, printed: m[1]!, key, path: key.split('.'), scope: 'absolute', enumerates: false };
    },
  },
  {
    // 9. / 9、 / 10．
    pattern: new RegExp(String.raw`^(\d{1,3})[.．、]${AFTER}`),
    make: (m) => ({ style: 'decimal', printed: m[0].trim(), key: m[1]!, path: [m[1]!], scope: 'qualified', enumerates: false }),
  },
  {
    // 1) / a)
    pattern: /^(\d{1,3}|[a-z])\)\s+/,
    make: (m) => ({
      style: /\d/.test(m[1]!) ? 'num-paren' : 'letter-paren',
      printed: m[0].trim(),
      key: m[0].trim(),
      scope: 'attached',
      enumerates: true,
    }),
  },
  {
    // IV. Title (headings only; single letters are taken as letters)
    pattern: /^([IVXLC]{2,6})\.\s+/,
    letters: true,
    make: (m) => (ROMAN.test(m[1]!) ? { style: 'roman-upper', printed: m[0].trim(), key: m[1]!, scope: 'qualified', enumerates: false } : null),
  },
  {
    // A. Definitions / a. Automattic Fees (headings only)
    pattern: /^([A-Za-z])\.\s+/,
    letters: true,
    make: (m) => ({
      style: m[1] === m[1]!.toUpperCase() ? 'letter-upper' : 'letter-lower',
      printed: m[0].trim(),
      key: m[1]!,
      scope: 'qualified',
      enumerates: false,
    }),
  },
];

/** The number `text` starts with, or null. The text must hold something after the number or be only the number. */
export function recogniseNumbering(text: string, options: RecogniseOptions = {}): Numbering | null {
  const start = text.replace(/^\s+/, '');
  const skipped = text.length - start.length;
  for (const rule of RULES) {
    if (rule.letters && !options.letters) continue;
    const match = rule.pattern.exec(start);
    if (!match) continue;
    const made = rule.make(match);
    if (made) return { ...made, length: skipped + match[0].length };
  }
  return null;
}
