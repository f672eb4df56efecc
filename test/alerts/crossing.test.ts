import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, step, type CrossingState } from '../../src/alerts/crossing.ts';
import { parseRuleSpec } from '../../src/alerts/rule.ts';

const rule = parseRuleSpec({ kind: 'spread', target: '1m', direction: 'above', threshold: '5' });
const opts = { hysteresisFraction: 0.2, hysteresisMin: 0.5, cooldownMs: 60 * 60_000 };

function run(values: number[], start: CrossingState = INITIAL_STATE, minutesApart = 120) {
  let state = start;
  const fired: boolean[] = [];
  values.forEach((v, i) => {
    const s = step(rule, state, v, new Date(Date.UTC(2026, 10, 2) + i * minutesApart * 60_000), opts);
    state = s.state;
    fired.push(s.fire);
  });
  return { fired, state };
}

describe('once per crossing', () => {
  it('fires when the line is crossed, not while the value stays beyond it', () => {
    expect(run([4, 5.5, 6, 7]).fired).toEqual([false, true, false, false]);
  });
  it('re-arms only past the hysteresis margin (a fifth of the line, at least 0.5)', () => {
    // margin = max(0.5, 5 * 0.2) = 1: 4.5 does not re-arm, 4 does
    expect(run([4, 6, 4.5, 6, 4, 6]).fired).toEqual([false, true, false, false, false, true]);
  });
  it('does not fire for a value already beyond the line when the rule is created', () => {
    expect(run([6, 7, 3, 6]).fired).toEqual([false, false, false, true]);
  });
  it('delays a new crossing inside the cooldown instead of losing it', () => {
    const { fired } = run([4, 6, 3, 6, 6], INITIAL_STATE, 20);
    expect(fired).toEqual([false, true, false, false, true]);
  });
  it('counts firings so each has its own ledger key', () => {
    expect(run([4, 6, 3, 6]).state.fired).toBe(2);
  });
  it('watches the size of a change for odds-change rules', () => {
    const change = parseRuleSpec({ kind: 'odds-change', target: 'next', threshold: '10' });
    const a = step(change, INITIAL_STATE, 2, new Date(), opts);
    const b = step(change, a.state, -12, new Date(), opts);
    expect(b.fire).toBe(true);
  });
});
