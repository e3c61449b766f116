/**
 * Development-only checks of how a page uses the gate, each a console warning with a pointer to
 * the docs. The gate imports this module only behind `import.meta.env.DEV`, so production and CDN
 * builds drop it and its strings. Nothing here changes what the user sees.
 */
import { markedClauses, type TermsBundle } from '@terms-gate/bundle';

const DOCS = 'terms-gate docs/dev-warnings.md';

/** Words that call a consent optional, in the languages the UI ships. */
const OPTIONAL_WORDS = /optional|可选|选填|非必须|可選|選填|任意|선택|facultati|opcional|freiwillig|اختياري/i;

type Rgb = [number, number, number, number];

function rgb(value: string): Rgb | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!match) return undefined;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast of two computed colours; `undefined` when either is not an opaque rgb() (then it cannot be judged here). */
function contrast(foreground: string, background: string): number | undefined {
  const [fg, bg] = [rgb(foreground), rgb(background)];
  if (!fg || !bg || fg[3] < 1 || bg[3] < 1) return undefined;
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What the checks look at: the bundle, the locale shown, and the rendered dialog (inside the modal's shadow root). */
export interface GateDevContext {
  bundle: TermsBundle;
  locale: string;
  dialog: ParentNode | null | undefined;
}

/** The problems found, as warning texts (each names its rule and a docs link). */
export function gateDevProblems({ bundle, locale, dialog }: GateDevContext): string[] {
  const problems: string[] = [];
  const base = locale.split('-')[0];
  for (const { document, clause } of markedClauses(bundle)) {
    const explanations = Object.keys(clause.highlight?.explanation ?? {});
    if (!explanations.some((key) => key === locale || key.split('-')[0] === base)) {
      problems.push(`marked clause ${document}/${clause.id} has no explanation in "${locale}" (R5): readers of that language cannot open "what does this mean?". See ${DOCS}#explanations`);
    }
  }
  for (const consent of bundle.consents ?? []) {
    const says = Object.entries(consent.label).find(([, label]) => OPTIONAL_WORDS.test(label));
    if (consent.required && says) {
      problems.push(`consent "${consent.id}" is required but its ${says[0]} label calls it optional: "${says[1]}" (R15). See ${DOCS}#optional-label`);
    }
  }
  const accept = dialog?.querySelector<HTMLElement>('[part~="accept"]');
  const decline = dialog?.querySelector<HTMLElement>('[part~="decline"]');
  if (accept && decline) {
    const [a, d] = [getComputedStyle(accept), getComputedStyle(decline)];
    const [aBox, dBox] = [accept.getBoundingClientRect(), decline.getBoundingClientRect()];
    const hidden = d.display === 'none' || d.visibility !== 'visible' || Number(d.opacity) < Number(a.opacity) || dBox.width === 0 || dBox.height === 0;
    const shrunk = !hidden && (dBox.width * dBox.height < 0.8 * aBox.width * aBox.height || parseFloat(d.fontSize) < parseFloat(a.fontSize));
    if (hidden || shrunk) {
      problems.push(`the decline button is ${hidden ? 'hidden' : 'smaller than accept'} by the page's CSS (R12): declining must be as easy to see and press as accepting. See ${DOCS}#decline`);
    }
  }
  const surface = dialog?.querySelector<HTMLElement>('dialog');
  if (surface) {
    const style = getComputedStyle(surface);
    const ratio = contrast(style.color, style.backgroundColor);
    if (ratio !== undefined && ratio < 4.5) problems.push(`text on the dialog surface has contrast ${ratio.toFixed(2)}:1, below 4.5:1 (R3). See ${DOCS}#contrast`);
  }
  const viewer = dialog?.querySelector('terms-viewer')?.shadowRoot;
  const mark = viewer?.querySelector('terms-highlight');
  const markBase = mark?.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
  if (mark && markBase) {
    const ratio = contrast(getComputedStyle(mark).color, getComputedStyle(markBase).backgroundColor);
    if (ratio !== undefined && ratio < 4.5) problems.push(`marked text on the marked surface has contrast ${ratio.toFixed(2)}:1, below 4.5:1 (R3). See ${DOCS}#contrast`);
  }
  return problems;
}

const warned = new WeakMap<object, Set<string>>();

/** Logs each problem once per gate. */
export function warnAboutGate(gate: object, context: GateDevContext): void {
  const seen = warned.get(gate) ?? new Set<string>();
  warned.set(gate, seen);
  for (const problem of gateDevProblems(context)) {
    if (seen.has(problem)) continue;
    seen.add(problem);
    console.warn(`<terms-gate>: ${problem}`);
  }
}
