/** WCAG 2.2 contrast from computed colours (`rgb()`/`rgba()` strings as getComputedStyle gives them). */

export type Rgba = [number, number, number, number];

export function parseColor(value: string): Rgba {
  const match = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!match) throw new Error(`not a computed rgb() colour: ${value}`);
  const [r = 0, g = 0, b = 0, a = 1] = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

/** `top` drawn over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** Relative luminance (WCAG 2.2, definition of relative luminance). */
export function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The background an element is actually drawn on: its own background over its ancestors', up to the
 * page (white when nothing is painted). Follows slots and shadow hosts.
 */
export function effectiveBackground(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** Contrast of an element's text colour against what it is drawn on. */
export function textContrast(element: Element): number {
  const background = effectiveBackground(element);
  return contrastRatio(over(parseColor(getComputedStyle(element).color), background), background);
}
