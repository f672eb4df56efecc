import { describe, it, expect } from 'vitest';
import { compound, rangeLabel, rangeOdds, splitChange, targetFromEffr, zeroBoundSteps } from '../../src/analytics/fed-ranges.ts';

describe('fed ranges', () => {
  it('labels ranges in 25 bp steps with two decimals', () => {
    expect(rangeLabel([3.75, 4], 0)).toBe('3.75-4.00');
    expect(rangeLabel([3.75, 4], 1)).toBe('4.00-4.25');
    expect(rangeLabel([3.75, 4], -2)).toBe('3.25-3.50');
    expect(rangeLabel([0, 0.25], 0)).toBe('0.00-0.25');
  });

  it('splits a change between the two nearest whole steps', () => {
    // +0.10 = 0.4 of a step: 60% unchanged, 40% one hike.
    const up = splitChange(0.1);
    expect(up.get(0)).toBeCloseTo(0.6, 12);
    expect(up.get(1)).toBeCloseTo(0.4, 12);
    // -0.30 = -1.2 steps: 80% one cut, 20% two cuts.
    const down = splitChange(-0.3);
    expect(down.get(-1)).toBeCloseTo(0.8, 12);
    expect(down.get(-2)).toBeCloseTo(0.2, 12);
    // A whole step blurred by floating point stays whole.
    expect([...splitChange(-0.25 + 1e-12).entries()]).toEqual([[-1, 1]]);
  });

  it('compounds a probability tree and folds outcomes below zero into the lowest range', () => {
    const a = new Map([[0, 0.5], [-1, 0.5]]);
    const tree = compound(a, new Map([[0, 0.5], [-1, 0.5]]));
    expect(tree.get(-2)).toBeCloseTo(0.25, 12);
    expect(tree.get(-1)).toBeCloseTo(0.5, 12);
    expect(tree.get(0)).toBeCloseTo(0.25, 12);
    expect(zeroBoundSteps([0.25, 0.5])).toBe(-1);
    const floored = compound(a, new Map([[-1, 1]]), zeroBoundSteps([0.25, 0.5]));
    expect([...floored.entries()]).toEqual([[-1, 1]]);
  });

  it('sums cut, hold and hike odds and sorts ranges low to high', () => {
    const odds = rangeOdds([3.75, 4], new Map([[1, 0.2], [-1, 0.3], [0, 0.5]]));
    expect(Object.keys(odds.probabilities)).toEqual(['3.50-3.75', '3.75-4.00', '4.00-4.25']);
    expect(odds.pCut).toBeCloseTo(30, 12);
    expect(odds.pHold).toBeCloseTo(50, 12);
    expect(odds.pHike).toBeCloseTo(20, 12);
    expect(odds.expectedSteps).toBeCloseTo(-0.1, 12);
  });

  it('infers the target range from the EFFR when no range is published', () => {
    expect(targetFromEffr(4.33)).toEqual([4.25, 4.5]);
    expect(targetFromEffr(3.88)).toEqual([3.75, 4]);
    expect(targetFromEffr(0.08)).toEqual([0, 0.25]);
    expect(targetFromEffr(0)).toEqual([0, 0.25]);
    expect(() => targetFromEffr(Number.NaN)).toThrow(RangeError);
  });
});
