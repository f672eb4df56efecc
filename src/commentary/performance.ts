/** Sentences about relative performance, built only from the metrics given. */
import { pct, pp } from '../format.ts';

/** Spreads within this many percentage points count as "roughly matched". */
export const MATCH_TOLERANCE_PP = 0.25;

export interface PerformanceFacts {
  smallLabel: string;
  largeLabel: string;
  periodText: string;
  smallPct: number;
  largePct: number | null;
  /** Set when the period holds no session after its base close (year to date on Jan 1): that close's date. */
  noSessionSince?: string;
}

export function performanceVerb(spreadPp: number): 'outperformed' | 'lagged' | 'roughly matched' {
  if (Math.abs(spreadPp) <= MATCH_TOLERANCE_PP) return 'roughly matched';
  return spreadPp > 0 ? 'outperformed' : 'lagged';
}

export function performanceCommentary(f: PerformanceFacts): string {
  if (f.noSessionSince) {
    return `${f.smallLabel} and ${f.largeLabel} have no move over ${f.periodText} yet: no session has closed since the ${f.noSessionSince} close (0.0% each).`;
  }
  const moved = `${f.smallPct >= 0 ? 'gained' : 'lost'} ${pct(Math.abs(f.smallPct), { signed: false })}`;
  if (f.largePct === null) {
    return `${f.smallLabel} ${moved} over ${f.periodText}; no figure for ${f.largeLabel} over the same period is available to compare with.`;
  }
  const spread = f.smallPct - f.largePct;
  const verb = performanceVerb(spread);
  const pair = `${pct(f.smallPct)} against ${pct(f.largePct)}`;
  if (verb === 'roughly matched') {
    return `${f.smallLabel} roughly matched ${f.largeLabel} over ${f.periodText}: ${pair}.`;
  }
  return `${f.smallLabel} ${verb} ${f.largeLabel} by ${pp(Math.abs(spread)).replace('+', '')} over ${f.periodText}: ${pair}.`;
}
