/** Number and date wording shared by chart titles, labels and alt text. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function signedPct(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(rounded).toFixed(digits)}%`;
}

export function pct(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

/** "2026-12-10" -> "Dec 10, 2026" (or "Dec 10" without the year). Other text passes through. */
export function shortDate(iso: string, withYear = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  const day = Number(m[3]);
  return withYear ? `${month} ${day}, ${m[1]}` : `${month} ${day}`;
}

/** "Oct 21 to Nov 19, 2026", or with both years when they differ. */
export function dateRange(first: string, last: string): string {
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${shortDate(first, !sameYear)} to ${shortDate(last)}`;
}

const PERIOD_WORDS: Record<string, string> = {
  '1d': '1 day',
  '5d': '5 days',
  '1w': '1 week',
  '1m': '1 month',
  '3m': '3 months',
  '6m': '6 months',
  ytd: 'year to date',
  '1y': '1 year',
  '3y': '3 years',
  '5y': '5 years',
  '10y': '10 years',
};

/** "1m" -> "1 month", "since:2025-07-01" / "since 2025-07-01" -> "since Jul 1, 2025". */
export function periodWords(period: string): string {
  const known = PERIOD_WORDS[period.toLowerCase()];
  if (known) return known;
  const since = /^since[:\s]+(\d{4}-\d{2}-\d{2})$/i.exec(period.trim());
  if (since?.[1]) return `since ${shortDate(since[1])}`;
  return period;
}

/** Percentage change from 100-based index value. */
export function fromIndex(indexValue: number): number {
  return indexValue - 100;
}

/** Range label such as "3.75-4.00" -> its lower bound, for ordering; NaN when unparsable. */
export function rangeLow(label: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(label);
  return m?.[1] ? Number(m[1]) : Number.NaN;
}

/** File-name-safe slug. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * A series name for a chart from a sentence-style label: "the S&P 500 (SPY)" -> "S&P 500",
 * "The Russell 2000 index" -> "Russell 2000 index". Falls back to the symbol.
 */
export function seriesName(label: string, symbol: string): string {
  let name = plainName(label);
  const suffix = `(${symbol})`.toLowerCase();
  if (name.toLowerCase().endsWith(suffix)) name = name.slice(0, -suffix.length).trim();
  if (name === '' || name.toLowerCase() === symbol.toLowerCase()) return symbol;
  return name;
}

/** A label as a chart heading: no leading article, first letter capital. */
export function plainName(label: string): string {
  const name = label.trim().replace(/^the\s+/i, '');
  return name === '' ? name : name[0]!.toUpperCase() + name.slice(1);
}

/** "Russell 2000 (IWM)", or just the symbol when the label adds nothing. */
export function seriesNameWithSymbol(label: string, symbol: string): string {
  const name = seriesName(label, symbol);
  return name === symbol ? symbol : `${name} (${symbol})`;
}
