/**
 * Once per crossing: a rule fires when its value crosses the line, not while it stays beyond it. After a
 * firing it re-arms only once the value has come back past the line by the hysteresis margin, and a new
 * crossing within the cooldown waits for the cooldown to end (it is delayed, never lost).
 */
import type { AlertRuleSpec } from './rule.ts';

export interface CrossingState {
  /** True when the next crossing fires. */
  armed: boolean;
  lastValue: number | null;
  /** ISO time of the last firing. */
  lastFiredAt: string | null;
  /** Firings so far; the next firing's number is fired + 1 (its ledger key). */
  fired: number;
}

export const INITIAL_STATE: CrossingState = { armed: true, lastValue: null, lastFiredAt: null, fired: 0 };

export interface CrossingOptions {
  /** Hysteresis as a fraction of the line's distance from zero (default 0.2)... */
  hysteresisFraction: number;
  /** ...and at least this much, in the rule's unit (default 0.5). */
  hysteresisMin: number;
  cooldownMs: number;
}

export const DEFAULT_CROSSING: CrossingOptions = { hysteresisFraction: 0.2, hysteresisMin: 0.5, cooldownMs: 60 * 60_000 };

export function hysteresis(spec: Pick<AlertRuleSpec, 'threshold' | 'kind'>, opts: CrossingOptions): number {
  const min = spec.kind === 'cuts' ? Math.min(opts.hysteresisMin, 0.25) : opts.hysteresisMin;
  return Math.max(min, Math.abs(spec.threshold) * opts.hysteresisFraction);
}

/** The compared value: change rules watch the size of the change. */
function watched(spec: AlertRuleSpec, value: number): number {
  return spec.direction === 'change' ? Math.abs(value) : value;
}

export function isBeyond(spec: AlertRuleSpec, value: number): boolean {
  const v = watched(spec, value);
  return spec.direction === 'below' ? v < spec.threshold : v >= spec.threshold;
}

function isBackInside(spec: AlertRuleSpec, value: number, margin: number): boolean {
  const v = watched(spec, value);
  return spec.direction === 'below' ? v >= spec.threshold + margin : v <= spec.threshold - margin;
}

export interface Step {
  state: CrossingState;
  /** This evaluation fires the rule (claim firing number state.fired). */
  fire: boolean;
}

export function step(spec: AlertRuleSpec, prev: CrossingState, value: number, now: Date, opts: CrossingOptions = DEFAULT_CROSSING): Step {
  const beyond = isBeyond(spec, value);
  // A rule created while the value is already beyond its line has not seen a crossing yet.
  if (prev.lastValue === null && beyond && prev.fired === 0) {
    return { state: { ...prev, armed: false, lastValue: value }, fire: false };
  }
  if (!prev.armed) {
    const armed = isBackInside(spec, value, hysteresis(spec, opts));
    return { state: { ...prev, armed, lastValue: value }, fire: false };
  }
  if (!beyond) return { state: { ...prev, lastValue: value }, fire: false };
  const cooling = prev.lastFiredAt !== null && now.getTime() - Date.parse(prev.lastFiredAt) < opts.cooldownMs;
  if (cooling) return { state: { ...prev, lastValue: value }, fire: false };
  return { state: { armed: false, lastValue: value, lastFiredAt: now.toISOString(), fired: prev.fired + 1 }, fire: true };
}
