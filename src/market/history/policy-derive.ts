/**
 * The fed funds target range by calendar day. FRED's upper bound (DFEDTARU) is used where it exists; elsewhere
 * the range is derived: it only changes the day after an FOMC decision, and between two decisions it is the
 * 25 bp band [k/4, k/4 + 0.25] holding the effective rate (DFF) on most days (a majority, so the odd day the
 * EFFR leaves its band, e.g. 2019-09-17, does not move the range). The lower bound is the upper minus 25 bp,
 * true of every range since 2008-12-16. The derivation must reproduce DFEDTARU wherever both exist.
 */
import type { Observation } from './vendor-csv.ts';

export interface DerivedPolicy {
  date: string;
  lower: number;
  upper: number;
  effr: number | null;
}

export class PolicyCheckError extends Error {
  readonly mismatches: { date: string; derived: number; published: number }[];

  constructor(mismatches: { date: string; derived: number; published: number }[]) {
    const first = mismatches.slice(0, 3).map((m) => `${m.date}: derived upper ${m.derived}, DFEDTARU ${m.published}`);
    super(`the derived target range disagrees with DFEDTARU on ${mismatches.length} day(s) (${first.join('; ')})`);
    this.name = 'PolicyCheckError';
    this.mismatches = mismatches;
  }
}

const DAY = 86_400_000;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** One row per calendar day from `from` to the last DFF observation. */
export function derivePolicy(dff: readonly Observation[], decisions: readonly string[], from: string, dfedtaru: readonly Observation[] = []): DerivedPolicy[] {
  const effr = new Map(dff.map((o) => [o.date, o.value]));
  const published = new Map(dfedtaru.map((o) => [o.date, o.value]));
  const last = dff.at(-1)?.date;
  if (!last || last < from) return [];
  // Days on which a new range takes effect.
  const changes = new Set([...decisions].sort().map(nextDay));
  const days: string[] = [];
  for (let d = from; d <= last; d = nextDay(d)) days.push(d);

  const out: DerivedPolicy[] = [];
  const mismatches: PolicyCheckError['mismatches'] = [];
  let start = 0;
  for (let i = 1; i <= days.length; i++) {
    if (i < days.length && !changes.has(days[i]!)) continue;
    const segment = days.slice(start, i);
    const lower = majorityBand(segment.map((d) => effr.get(d)).filter((v): v is number => v !== undefined));
    for (const date of segment) {
      const upperPublished = published.get(date);
      if (lower !== null && upperPublished !== undefined && lower + 0.25 !== upperPublished) {
        mismatches.push({ date, derived: lower + 0.25, published: upperPublished });
      }
      const upper = upperPublished ?? (lower === null ? undefined : lower + 0.25);
      if (upper === undefined) continue;
      out.push({ date, lower: upper - 0.25, upper, effr: effr.get(date) ?? null });
    }
    start = i;
  }
  if (mismatches.length) throw new PolicyCheckError(mismatches);
  return out;
}

/** Lower bound of the 25 bp band most of the rates fall in (the later band on a tie), or null without rates. */
function majorityBand(rates: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const r of rates) {
    // Rates are quoted to 2 decimals; the epsilon keeps 0.25 in [0.25, 0.5).
    const band = Math.floor(r * 4 + 1e-9) / 4;
    counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [band, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && band > best)) {
      best = band;
      bestCount = count;
    }
  }
  return best;
}
