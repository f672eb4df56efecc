/** Target-range outcomes of FOMC meetings: 25 bp steps from the current range, compounded as a probability tree. */

export const STEP = 0.25;

/** Probability of ending n 25 bp steps away from the current target range (n < 0 cuts, n > 0 hikes). */
export type StepDistribution = Map<number, number>;

/** Label of the range n steps from `current`, e.g. "3.75-4.00". */
export function rangeLabel(current: readonly [number, number], steps: number): string {
  const lo = current[0] + steps * STEP;
  const hi = current[1] + steps * STEP;
  return `${fixed2(lo)}-${fixed2(hi)}`;
}

/**
 * One meeting's expected change in rate, split between the two nearest whole numbers of 25 bp steps:
 * a change of +0.1439 (0.5757 steps) gives 42.43% at 0 and 57.57% at +1.
 */
export function splitChange(change: number): StepDistribution {
  let steps = change / STEP;
  const nearest = Math.round(steps);
  // Values like 0.9999999999 from floating arithmetic are meant as a whole step.
  if (Math.abs(steps - nearest) < 1e-9) steps = nearest;
  const lower = Math.floor(steps);
  const upperWeight = steps - lower;
  const split: StepDistribution = new Map([[lower, 1 - upperWeight]]);
  if (upperWeight > 0) split.set(lower + 1, upperWeight);
  return split;
}

/**
 * Compounds the distribution before a meeting with that meeting's split. Outcomes below the zero lower
 * bound (a range starting under 0) are folded into the lowest non-negative range, as CME does.
 */
export function compound(before: StepDistribution, meeting: StepDistribution, minSteps = -Infinity): StepDistribution {
  const after: StepDistribution = new Map();
  for (const [n, p] of before) {
    for (const [m, q] of meeting) {
      const k = Math.max(n + m, minSteps);
      after.set(k, (after.get(k) ?? 0) + p * q);
    }
  }
  return after;
}

/** The lowest number of steps that keeps the range's lower bound at or above zero. */
export function zeroBoundSteps(current: readonly [number, number]): number {
  if (current[0] < 0) return -Infinity;
  return -Math.floor(current[0] / STEP + 1e-9);
}

export interface RangeOdds {
  /** Percent by range label, sorted from the lowest range to the highest; only outcomes with weight. */
  probabilities: Record<string, number>;
  pCut: number;
  pHold: number;
  pHike: number;
  /** Expected number of steps (negative for cuts). */
  expectedSteps: number;
}

export function rangeOdds(current: readonly [number, number], dist: StepDistribution): RangeOdds {
  const probabilities: Record<string, number> = {};
  let pCut = 0;
  let pHold = 0;
  let pHike = 0;
  let expectedSteps = 0;
  for (const n of [...dist.keys()].sort((a, b) => a - b)) {
    const p = dist.get(n) ?? 0;
    if (p <= 0) continue;
    // Rounding in the tree can leave a sure outcome at 1.0000000000000002.
    const pct = Math.min(100, p * 100);
    probabilities[rangeLabel(current, n)] = pct;
    if (n < 0) pCut += pct;
    else if (n > 0) pHike += pct;
    else pHold += pct;
    expectedSteps += n * p;
  }
  return { probabilities, pCut, pHold, pHike, expectedSteps };
}

function fixed2(x: number): string {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/**
 * The 25 bp target range an effective rate sits in, for when no published range is at hand:
 * the EFFR trades inside the range (4.33 -> 4.25-4.50). A rate exactly on a boundary is read as the
 * bottom of the range above it, where the EFFR has traded since 2008 only at the zero bound.
 */
export function targetFromEffr(effr: number): [number, number] {
  if (!Number.isFinite(effr) || effr < 0) throw new RangeError(`EFFR ${effr} is not a rate in percent`);
  const lo = Math.floor(effr / STEP + 1e-9) * STEP;
  return [lo, lo + STEP];
}
