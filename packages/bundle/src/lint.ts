/**
 * `lintBundle()`: the author's checklist beyond validity. A bundle can be valid and still fall short
 * of what a gate must show (LEGAL.md): a marked clause with no explanation in a language it is
 * offered in, a "required" consent that its own notice calls optional, a notice that does not say who
 * gets which data for what, a theme whose marked text is fainter than body text. Heuristics, so
 * warnings; only an invalid bundle is an error.
 */
import { contrastRatio, parseColor } from './contrast.ts';
import type { IssueCode } from './issues.ts';
import { parseBundle } from './parse.ts';
import type { Block, Clause, Inline, TermsBundle, TermsDocument } from './types.ts';
import { textsOf } from './walk.ts';

/**
 * What a lint finding is about.
 * - `no-explanation` (R5, R6): a marked clause has no explanation
 * - `explanation-locale` (R6): a marked clause has no explanation in a locale its document is offered in
 * - `controlling-locale` (R5): the controlling locale is missing from an explanation or a consent
 * - `consent-locale` (R15): a consent's label or notice is missing a locale its document is offered in
 * - `suggested` (R2): a tool suggested this highlight and no author has reviewed it
 * - `consent-optional` (R16): a required consent that its own words, or its clause, call optional
 * - `consent-notice` (R15): a consent notice that does not name recipients, purpose or data
 * - `no-title` (R5, R24): a document text's title is blank
 * - `contrast` (R3): theme tokens whose contrast is below WCAG 2.2 AA, or marked text fainter than body text
 * - `color` (R3): a theme token this check cannot read
 * - and the codes of `parseBundle()` for an invalid bundle (errors) or unknown fields (warnings).
 */
export type LintCode =
  | IssueCode
  | 'explanation-locale'
  | 'controlling-locale'
  | 'consent-locale'
  | 'consent-optional'
  | 'consent-notice'
  | 'no-title'
  | 'contrast'
  | 'color';

/** One finding, with the JSON path of the value (or `tokens.<name>` for a theme token). */
export interface LintIssue {
  path: string;
  code: LintCode;
  /** What is wrong and the requirement it serves, e.g. `… (R5)`. */
  message: string;
}

export interface LintOptions {
  /**
   * Theme tokens to check for contrast, by custom property (`--terms-color-text`) or short name
   * (`text`): text, surface, marked, marked-surface, accent, on-accent, muted.
   */
  tokens?: Record<string, string>;
}

/** What `lintBundle()` found: `errors` make a bundle unusable; `warnings` are worth a look. */
export interface LintResult {
  errors: LintIssue[];
  warnings: LintIssue[];
}

const OPTIONAL = /\b(optional|not required|voluntary)\b|可选|选填|非必须|非必需|自愿选择|可以不(同意|勾选|提供)|不影响您(接受|使用)/i;
/** Per locale family: words naming recipients, purpose and data categories in a consent notice (PIPL art. 23, 29, 39). */
const NOTICE_CUES = {
  zh: {
    recipients: /接收方|第三方|合作方|提供给|共享给|委托|境外|供应商|机构|公司/,
    purpose: /目的|用于|为了|以便|用途/,
    data: /信息种类|信息类型|数据类型|个人信息|姓名|手机|电话|邮箱|身份证|设备|位置|日志|账号|IP/i,
  },
  en: {
    recipients: /recipient|third[- ]part|partner|shared with|provider|processor|vendor|compan(y|ies)|abroad|outside/i,
    purpose: /purpose|in order to|so that|so we can|used (for|to)|to provide|for the provision/i,
    data: /categor|personal (data|information)|\bdata\b|name|e-?mail|phone|address|device|location|identifier/i,
  },
} as const;

const inlineText = (runs: readonly Inline[] | undefined) => (runs ?? []).map((run) => (typeof run == 'string' ? run : run.text)).join('');
const blocksText = (blocks: readonly Block[] | undefined) => (blocks ?? []).map((b) => (b.type == 'paragraph' ? inlineText(b.text) : b.items.map(inlineText).join(' '))).join('\n');
const clauseText = (clause: Clause) => [inlineText(clause.heading), blocksText(clause.body)].join('\n');

/** Each clause of a text with its JSON path, parents first. */
function clausesWithPaths(clauses: readonly Clause[] | undefined, path: string, into: Array<{ clause: Clause; path: string }> = []) {
  clauses?.forEach((clause, index) => {
    const at = `${path}[${index}]`;
    into.push({ clause, path: at });
    clausesWithPaths(clause.clauses, `${at}.clauses`, into);
  });
  return into;
}

/**
 * Checks a bundle against the requirements a gate relies on.
 *
 * @param input A bundle: JSON text or a parsed value; an invalid one gives only `errors`.
 * @param options Theme tokens to check for contrast.
 */
export function lintBundle(input: TermsBundle | unknown, options: LintOptions = {}): LintResult {
  const parsed = parseBundle(input);
  if (!parsed.ok) return { errors: parsed.errors.map(withPointer), warnings: parsed.warnings.filter((w) => w.code == 'unknown-field') };
  const warnings: LintIssue[] = parsed.warnings.filter((w) => w.code == 'unknown-field');
  const bundle = parsed.bundle;
  bundle.documents.forEach((document, index) => lintDocument(document, `documents[${index}]`, warnings));
  bundle.consents?.forEach((consent, index) => {
    const path = `consents[${index}]`;
    const document = bundle.documents.find((d) => d.id === consent.document) ?? bundle.documents[0]!;
    for (const locale of textsOf(document).map((text) => text.locale)) {
      for (const field of ['label', 'notice'] as const) {
        if (Object.hasOwn(consent[field], locale)) continue;
        const controlling = locale == document.locale;
        warnings.push({
          path: `${path}.${field}`,
          code: controlling ? 'controlling-locale' : 'consent-locale',
          message: controlling
            ? `no ${field} in ${locale}, the controlling locale of "${document.id}" (R5, R15)`
            : `no ${field} in ${locale}, a locale "${document.id}" is offered in: readers of it see another language (R15)`,
        });
      }
    }
    for (const [locale, notice] of Object.entries(consent.notice)) {
      const cues = NOTICE_CUES[locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
      const missing = (Object.keys(cues) as Array<keyof typeof cues>).filter((what) => !cues[what].test(notice));
      if (missing.length) {
        warnings.push({ path: `${path}.notice.${locale}`, code: 'consent-notice', message: `the notice does not seem to name the ${missing.join(', ')} (R15: recipients, purpose and categories of data)` });
      }
    }
    if (consent.required) {
      const said = [...Object.values(consent.label), ...Object.values(consent.notice)].find((text) => OPTIONAL.test(text));
      const related = (consent.clauses ?? []).map((id) => clausesWithPaths(document.clauses, '').find(({ clause }) => clause.id === id)?.clause);
      const optionalClause = related.find((clause) => clause?.highlight?.kinds.includes('data-sharing') && OPTIONAL.test(clauseText(clause)));
      if (said !== undefined) {
        warnings.push({ path: `${path}.required`, code: 'consent-optional', message: `required, but its own words call it optional ("${OPTIONAL.exec(said)![0]}"); an optional consent must never block accepting (R16)` });
      } else if (optionalClause) {
        warnings.push({ path: `${path}.required`, code: 'consent-optional', message: `required, but clause ${optionalClause.id} says this sharing is optional; an optional consent must never block accepting (R16)` });
      }
    }
  });
  if (options.tokens) lintTokens(options.tokens, warnings);
  return { errors: [], warnings };
}

/** Parse errors carry a pointer to the requirement where one applies. */
function withPointer(issue: { path: string; code: IssueCode; message: string }): LintIssue {
  const field = issue.path.split('.').at(-1);
  const pointer = issue.code == 'required' && (field == 'title' || field == 'effectiveDate' || field == 'version' || field == 'locale') ? ' (R5)' : '';
  return { ...issue, message: issue.message + pointer };
}

function lintDocument(document: TermsDocument, path: string, warnings: LintIssue[]) {
  const locales = textsOf(document).map((text) => text.locale);
  for (const { clause, path: at } of clausesWithPaths(document.clauses, `${path}.clauses`)) {
    const highlight = clause.highlight;
    if (!highlight) continue;
    if (highlight.source == 'suggested') {
      warnings.push({ path: `${at}.highlight`, code: 'suggested', message: `clause ${clause.id}: suggested highlight${highlight.cue ? ` (cue "${highlight.cue}")` : ''}, not reviewed by an author yet; set source to "author" or remove it (R2)` });
    }
    if (!highlight.explanation) {
      warnings.push({ path: `${at}.highlight`, code: 'no-explanation', message: `marked clause ${clause.id} has no explanation (R5, R6)` });
      continue;
    }
    for (const locale of locales) {
      if (Object.hasOwn(highlight.explanation, locale)) continue;
      const controlling = locale == document.locale;
      warnings.push({
        path: `${at}.highlight.explanation`,
        code: controlling ? 'controlling-locale' : 'explanation-locale',
        message: `marked clause ${clause.id} has no explanation in ${locale}, ${controlling ? 'the controlling locale' : 'a locale the document is offered in'} (R6)`,
      });
    }
  }
  for (const [index, text] of textsOf(document).entries()) {
    const at = index == 0 ? `${path}.title` : `${path}.translations[${index - 1}].title`;
    if (!text.title.trim()) warnings.push({ path: at, code: 'no-title', message: `the ${text.locale} text has a blank title; the gate labels its dialog with it (R5, R24)` });
  }
}

/** Colour pairs a gate draws, with the WCAG 2.2 AA minimum for each. */
const PAIRS: Array<[foreground: string, background: string, minimum: number, what: string]> = [
  ['text', 'surface', 4.5, 'body text'],
  ['marked', 'marked-surface', 4.5, 'marked text'],
  ['accent', 'surface', 4.5, 'links'],
  ['on-accent', 'accent', 4.5, 'button labels'],
  ['muted', 'surface', 4.5, 'secondary text'],
];

function lintTokens(tokens: Record<string, string>, warnings: LintIssue[]) {
  const colors = new Map<string, { name: string; color: ReturnType<typeof parseColor> }>();
  for (const [name, value] of Object.entries(tokens)) {
    const short = name.replace(/^--terms-color-|^--/, '');
    const color = parseColor(value);
    if (!color) warnings.push({ path: `tokens.${name}`, code: 'color', message: `cannot read the colour ${JSON.stringify(value)}; its contrast is not checked (R3)` });
    colors.set(short, { name, color });
  }
  const ratios = new Map<string, number>();
  for (const [fg, bg, minimum, what] of PAIRS) {
    const [front, back] = [colors.get(fg), colors.get(bg)];
    if (!front?.color || !back?.color) continue;
    const ratio = contrastRatio(front.color, back.color);
    ratios.set(fg, ratio);
    if (ratio < minimum) {
      warnings.push({ path: `tokens.${front.name}`, code: 'contrast', message: `${what}: ${front.name} on ${back.name} has contrast ${ratio.toFixed(2)}:1, below ${minimum}:1 (WCAG 1.4.3, R3)` });
    }
  }
  const [body, marked] = [ratios.get('text'), ratios.get('marked')];
  // Below 7:1 (AAA), marked text with less contrast than body text reads as fainter; above it both are plainly legible.
  if (body !== undefined && marked !== undefined && marked < body && marked >= 4.5 && marked < 7) {
    warnings.push({ path: `tokens.${colors.get('marked')!.name}`, code: 'contrast', message: `marked text (${marked.toFixed(2)}:1) has less contrast than body text (${body.toFixed(2)}:1); marked text must never be fainter (R3)` });
  }
}
