/**
 * Finds the effective date of a document: "生效日期：2025 年 8 月 10 日", "Effective date: November
 * 16, 2020", "*Last updated: January 6, 2023*", "2024 年 2 月 15 日起生效", or an ISO date.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

interface DatePattern {
  pattern: RegExp;
  parts(match: RegExpExecArray): [year: string, month: string | number, day: string];
}

const PATTERNS: DatePattern[] = [
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i'), parts: (m) => [m[3]!, monthNumber(m[1]!), m[2]!] },
  { pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i'), parts: (m) => [m[3]!, monthNumber(m[2]!), m[1]!] },
];

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** `YYYY-MM-DD` if the parts make a real calendar date, else null. */
export function isoDate(year: string, month: string | number, day: string): string | null {
  const iso = `${year.padStart(4, '0')}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(iso + 'T00:00:00Z');
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** The first date written in `text`, as `YYYY-MM-DD`, with where it was found. */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  let best: { iso: string; index: number; length: number } | null = null;
  for (const { pattern, parts } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const iso = isoDate(...parts(match));
    if (iso && (!best || match.index < best.index)) best = { iso, index: match.index, length: match[0].length };
  }
  return best;
}

/**
 * The date of a line that says only when the document takes effect or was updated, or null for any
 * other text. The words around the date must be a short label ("生效日期：", "Effective", "起生效"):
 * a sentence that mentions a date is not a date line.
 */
export function dateLine(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 80) return null;
  const found = findDate(trimmed);
  if (!found) return null;
  const label = (trimmed.slice(0, found.index) + ' ' + trimmed.slice(found.index + found.length)).replace(/[\s*_:：,，.。()（）]+/g, ' ').trim();
  return label.length <= 30 && label.split(' ').length <= 4 && !/[;；!?！？]/.test(label) ? found.iso : null;
}
