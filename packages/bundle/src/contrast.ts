/**
 * WCAG 2.2 contrast ratios for theme tokens (R3: marked text never fainter than body text), from the
 * CSS colour forms a theme file uses: hex, `rgb()`/`rgba()` and a few keywords.
 */

type Rgba = [number, number, number, number];

const KEYWORDS: Record<string, Rgba> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  yellow: [255, 255, 0, 1],
  orange: [255, 165, 0, 1],
  transparent: [0, 0, 0, 0],
};

/** The colour a CSS value names, as 0-255 channels and 0-1 alpha; `undefined` for forms not read here (var(), hsl(), oklch()…). */
export function parseColor(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  if (Object.hasOwn(KEYWORDS, text)) return KEYWORDS[text];
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : hex.match(/../g)!;
    const [r, g, b, a = 'ff'] = digits.map((pair) => pair) as [string, string, string, string?];
    return [parseInt(r, 16), parseInt(g, 16), parseInt(b, 16), parseInt(a, 16) / 255];
  }
  const rgb = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!rgb) return undefined;
  const channel = (part: string) => (part.endsWith('%') ? (parseFloat(part) * 255) / 100 : parseFloat(part));
  const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
  const color: Rgba = [channel(rgb[1]!), channel(rgb[2]!), channel(rgb[3]!), alpha];
  return color.every((n, i) => Number.isFinite(n) && n >= 0 && n <= (i == 3 ? 1 : 255)) ? color : undefined;
}

/** WCAG relative luminance of an opaque colour. */
function luminance([r, g, b]: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The WCAG contrast ratio (1 to 21) of `foreground` on `background`. A translucent foreground is
 * blended over the background first; the background is taken as opaque.
 */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const [fr, fg, fb, fa] = foreground;
  const blended: Rgba = [fr * fa + background[0] * (1 - fa), fg * fa + background[1] * (1 - fa), fb * fa + background[2] * (1 - fa), 1];
  const [light, dark] = [luminance(blended), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
