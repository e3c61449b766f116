/**
 * When a marked clause counts as on screen (R20), decided from an IntersectionObserver entry alone
 * so the rule is testable without a browser.
 */

/**
 * Intersection ratios at which the observer reports. Besides quarters, halving steps down to 1/64:
 * a clause k times taller than the visible area only ever reaches a ratio of 1/k, and the rule
 * below turns true somewhere between 1/(2k) and 1/k, where a halving step always lies. So clauses
 * up to 64 screens tall are still seen, with no scroll handler.
 */
export const VISIBILITY_THRESHOLDS = [0, 1 / 64, 1 / 32, 1 / 16, 1 / 8, 0.25, 0.5, 0.75, 1];

/** The parts of an `IntersectionObserverEntry` the rule reads. */
export interface VisibilitySample {
  isIntersecting: boolean;
  intersectionRatio: number;
  intersectionRect: { height: number };
}

/**
 * A clause is visible while at least half of it is on screen, or while its visible part covers at
 * least half of the visible area's height (a clause taller than the screen still counts).
 * `visibleHeight` is the height through which the reader sees the clause: the viewport, or the
 * scroll box that clips it when that is smaller.
 */
export function isClauseVisible(sample: VisibilitySample, visibleHeight: number): boolean {
  return sample.isIntersecting && (sample.intersectionRatio >= 0.5 || sample.intersectionRect.height * 2 >= visibleHeight);
}
