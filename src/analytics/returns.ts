/** Period returns aligned on trading days, and relative performance. Pure and exact. */
import type { Bar } from '../values.ts';
import type { PeriodWindow } from './periods.ts';

export class InsufficientDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsufficientDataError';
  }
}

/** Index of the last bar dated on or before `date`, or -1. Bars ascend by date. */
export function lastOnOrBefore(bars: readonly Bar[], date: string): number {
  let lo = 0;
  let hi = bars.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface PeriodReturn {
  start: Bar;
  end: Bar;
  /** Percent. */
  returnPct: number;
}

/** Last close on or before the end over the last close on or before the start, minus 1. */
export function periodReturn(bars: readonly Bar[], window: PeriodWindow): PeriodReturn {
  const endIdx = lastOnOrBefore(bars, window.end);
  if (endIdx < 0) throw new InsufficientDataError(`no close on or before ${window.end}`);
  const startIdx =
    window.sessionsBack !== undefined ? endIdx - window.sessionsBack : lastOnOrBefore(bars, window.start!);
  if (startIdx < 0) throw new InsufficientDataError(`no close on or before ${window.start ?? 'the start'}`);
  const start = bars[startIdx]!;
  const end = bars[endIdx]!;
  if (startIdx === endIdx && window.sessionsBack === undefined && start.date < (window.start ?? ''))
    throw new InsufficientDataError(`no close between ${window.start} and ${window.end}`);
  return { start, end, returnPct: (end.close / start.close - 1) * 100 };
}

export interface Relative {
  /** Small minus large, in percentage points. */
  spreadPp: number;
  /** (1 + r_small) / (1 + r_large) - 1, in percent. */
  relativePct: number;
}

export function relativePerformance(smallPct: number, largePct: number): Relative {
  return {
    spreadPp: smallPct - largePct,
    relativePct: ((1 + smallPct / 100) / (1 + largePct / 100) - 1) * 100,
  };
}

/** Aligns two series on the dates both have, for a common window. */
export function commonWindow(a: readonly Bar[], b: readonly Bar[], window: PeriodWindow): PeriodWindow {
  const dates = new Set(b.map((bar) => bar.date));
  const shared = a.filter((bar) => dates.has(bar.date));
  const endIdx = lastOnOrBefore(shared, window.end);
  if (endIdx < 0) return window;
  const end = shared[endIdx]!.date;
  if (window.sessionsBack !== undefined) {
    const startIdx = endIdx - window.sessionsBack;
    return startIdx >= 0 ? { start: shared[startIdx]!.date, end } : { ...window, end };
  }
  return { start: window.start, end };
}
