/**
 * Keeps a `position: fixed` popover next to the control that opened it (WCAG 1.4.13): below it,
 * `gap` px apart, lined up with its inline-start edge (the right edge in right-to-left text); above
 * it instead when it does not fit below and overflows less there; moved sideways to stay `margin`
 * px inside the viewport. Fixed positioning escapes the clipping of scroll boxes such as the modal's
 * body. Measured again on every animation frame while shown, so scrolling any ancestor (also inside
 * shadow roots, whose scroll events never reach the document), resizing and layout shifts all carry
 * it along; reading layout that has not changed costs next to nothing. Places it once before
 * returning, and returns the function that stops following.
 */
export function followAnchor(anchor: Element, popover: HTMLElement, gap = 6, margin = 8): () => void {
  let frame = 0;
  const { style } = popover;
  // Until placed, a fixed box sits where it would have been in the flow: start from the origin.
  style.left ||= '0px';
  style.top ||= '0px';
  const place = () => {
    const target = anchor.getBoundingClientRect();
    const box = popover.getBoundingClientRect();
    // A transformed ancestor moves the origin of fixed positioning: find where `left: 0` lands now.
    const originX = box.left - parseFloat(style.left);
    const originY = box.top - parseFloat(style.top);
    const { clientWidth, clientHeight } = document.documentElement;
    const below = target.bottom + gap;
    const above = target.top - gap - box.height;
    const overflowBelow = below + box.height - clientHeight;
    const top = overflowBelow <= Math.max(0, -above) ? below : above;
    const start = getComputedStyle(popover).direction === 'rtl' ? target.right - box.width : target.left;
    const left = Math.max(margin, Math.min(start, clientWidth - margin - box.width));
    // Physical coordinates, as the viewport measures them; whole pixels, so layout's rounding
    // cannot nudge the next frame's measurement and make the popover creep.
    const x = `${Math.round(left - originX)}px`;
    const y = `${Math.round(top - originY)}px`;
    if (style.left !== x || style.top !== y) Object.assign(style, { left: x, top: y });
  };
  const loop = () => {
    place();
    frame = requestAnimationFrame(loop);
  };
  loop();
  return () => cancelAnimationFrame(frame);
}
