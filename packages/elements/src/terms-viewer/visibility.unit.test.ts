import { describe, expect, it } from 'vitest';
import { isClauseVisible, VISIBILITY_THRESHOLDS } from './visibility.ts';

const sample = (isIntersecting: boolean, intersectionRatio: number, height: number) => ({ isIntersecting, intersectionRatio, intersectionRect: { height } });

describe('isClauseVisible', () => {
  it('counts a clause while at least half of it is on screen', () => {
    expect(isClauseVisible(sample(true, 0.5, 50), 800)).toBe(true);
    expect(isClauseVisible(sample(true, 0.49, 49), 800)).toBe(false);
  });
  it('counts a clause taller than the screen while it covers half the visible height', () => {
    expect(isClauseVisible(sample(true, 0.1, 400), 800)).toBe(true);
    expect(isClauseVisible(sample(true, 0.1, 399), 800)).toBe(false);
  });
  it('never counts a clause that is not intersecting', () => {
    expect(isClauseVisible(sample(false, 0, 0), 800)).toBe(false);
  });
  it('reports in time for clauses up to 64 screens tall', () => {
    for (let screens = 1; screens <= 64; screens++) {
      const full = 1 / screens;
      // Some threshold lies where the clause covers between half and all of the screen.
      expect(VISIBILITY_THRESHOLDS.some((t) => t > 0 && t >= full / 2 && t <= full)).toBe(true);
    }
  });
});
