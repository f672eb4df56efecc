/** The digest's headline: small against large over 1d, 1m and YTD, and who leads. No number is invented. */
import { describePeriod } from '../analytics/periods.ts';
import { performanceVerb } from '../commentary/performance.ts';
import { pct, pp } from '../format.ts';
import type { PerformanceResult } from '../metrics/performance.ts';

const SHORT: Record<string, string> = { '1d': 'the day', '1m': 'the month', ytd: 'the year to date' };

type Compared = PerformanceResult & { spreadPp: number; large: NonNullable<PerformanceResult['large']> };

/** Headline from the rows of one small/large pair (ordered 1d, 1m, YTD). */
export function digestHeadline(rows: PerformanceResult[]): string {
  const compared = rows.filter((r): r is Compared => r.spreadPp !== null && r.large !== null);
  if (compared.length === 0) {
    const first = rows[0];
    return first
      ? `${first.small.label} ${pct(first.small.return)} over ${describePeriod(first.period)}; no comparable large-cap figure right now.`
      : 'Prices are unavailable right now; valuation and rate figures follow.';
  }
  const first = compared[0]!;
  const parts = compared.map((r) => `${performanceVerb(r.spreadPp)} over ${describePeriod(r.period)} (${pp(r.spreadPp)})`);
  const moved = `Small caps (${first.small.symbol}) against ${largeName(first)}: ${parts.join(', ')}.`;
  return `${moved} ${leaderSentence(compared)}`;
}

function largeName(r: Compared): string {
  return r.large.label.startsWith('the ') ? r.large.label.replace(/ \([^)]*\)$/, '') : r.large.symbol;
}

/** "Small caps lead on every horizon." / "Large caps lead over the day; small caps over the month and the year to date." */
export function leaderSentence(rows: Compared[]): string {
  const lead = (r: Compared) => performanceVerb(r.spreadPp);
  const small = rows.filter((r) => lead(r) === 'outperformed').map((r) => SHORT[r.period] ?? describePeriod(r.period));
  const large = rows.filter((r) => lead(r) === 'lagged').map((r) => SHORT[r.period] ?? describePeriod(r.period));
  const even = rows.filter((r) => lead(r) === 'roughly matched').map((r) => SHORT[r.period] ?? describePeriod(r.period));
  if (rows.length > 1 && small.length === rows.length) return 'Small caps lead on every horizon shown.';
  if (rows.length > 1 && large.length === rows.length) return 'Large caps lead on every horizon shown.';
  const clauses: string[] = [];
  if (small.length) clauses.push(`small caps lead over ${list(small)}`);
  if (large.length) clauses.push(`large caps lead over ${list(large)}`);
  if (even.length) clauses.push(`the two are level over ${list(even)}`);
  const text = clauses.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
