/**
 * Start and end rates of each contract month from a futures strip that may have holes (CME FedWatch
 * method, see DESIGN.md). A month's implied average is 100 - price; in a month with a decision on day d
 * of D, the decision day still carries the old rate: A = (d*S + (D-d)*E) / D. Months without a meeting
 * keep one rate (S = E = A). The end of one month is the start of the next.
 *
 * Rules, strongest first, applied until nothing changes:
 *   1. pins: a month without a meeting pins its rate (its price, or the rate carried into it when it
 *      has no price); a month's start is the end of the month before.
 *   2. backward: a month's end is the start of the month after; a meeting month whose end is known
 *      solves its start from its own price.
 *   3. forward: a meeting month whose start is known but whose end nothing pins solves its end from its
 *      own price (one at a time, earliest first, then the stronger rules run again).
 *   4. last, a month without a meeting and without a price takes its rate from the month after it.
 * So anchors win over a meeting month's own price: a meeting month pinned on both sides never uses it.
 * When no contract fixes the start of the first meeting, the rate in force on the trade date (EFFR)
 * does, if given.
 */

export interface MonthRate {
  month: string;
  /** Implied average rate, 100 - price; undefined when the strip has no price for the month. */
  average?: number;
  days: number;
  /** Decision day of month, when the month has a meeting. */
  decisionDay?: number;
  start?: number;
  end?: number;
}

export interface SolveInput {
  /** Implied averages by contract month (YYYY-MM). */
  averages: ReadonlyMap<string, number>;
  /** Months to solve, ascending and consecutive. */
  months: readonly string[];
  /** Decision day by month (YYYY-MM -> day of month). */
  decisions: ReadonlyMap<string, number>;
  /** Month of the first meeting after the trade date and the rate in force then, used when no contract fixes its start. */
  seed?: { month: string; rate: number };
}

export function solveMonths(input: SolveInput): MonthRate[] {
  const months: MonthRate[] = input.months.map((month) => {
    const m: MonthRate = { month, days: daysInMonth(month) };
    const average = input.averages.get(month);
    if (average !== undefined) m.average = average;
    const day = input.decisions.get(month);
    if (day !== undefined) m.decisionDay = day;
    else if (average !== undefined) m.start = m.end = average;
    return m;
  });
  const settle = () => {
    while (pin(months) || backward(months) || forwardOne(months) || carryBack(months));
  };
  settle();
  const seeded = input.seed && months.find((m) => m.month === input.seed!.month);
  if (seeded && seeded.start === undefined) {
    seeded.start = input.seed!.rate;
    settle();
  }
  return months;
}

function pin(months: MonthRate[]): boolean {
  let changed = false;
  months.forEach((m, i) => {
    const before = months[i - 1];
    if (before?.end !== undefined && m.start === undefined) {
      m.start = before.end;
      changed = true;
    }
    if (m.decisionDay === undefined && m.start !== undefined && m.end === undefined) {
      m.end = m.start;
      changed = true;
    }
  });
  return changed;
}

function backward(months: MonthRate[]): boolean {
  let changed = false;
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    const after = months[i + 1];
    if (after?.start !== undefined && m.end === undefined) {
      m.end = after.start;
      changed = true;
    }
    if (m.decisionDay !== undefined && m.start === undefined && m.end !== undefined && m.average !== undefined) {
      const n = m.decisionDay;
      m.start = (m.average * m.days - (m.days - n) * m.end) / n;
      changed = true;
    }
  }
  return changed;
}

function carryBack(months: MonthRate[]): boolean {
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    if (m.decisionDay === undefined && m.end !== undefined && m.start === undefined) {
      m.start = m.end;
      return true;
    }
  }
  return false;
}

function forwardOne(months: MonthRate[]): boolean {
  for (const m of months) {
    if (m.decisionDay === undefined || m.start === undefined || m.end !== undefined || m.average === undefined) continue;
    const after = m.days - m.decisionDay;
    if (after <= 0) continue;
    m.end = (m.average * m.days - m.decisionDay * m.start) / after;
    return true;
  }
  return false;
}

/** Contract months whose prices would let a meeting month be solved: its own, or the one after it. */
export function monthsNeeded(months: readonly MonthRate[], month: string): string[] {
  const m = months.find((x) => x.month === month);
  const own = m?.average !== undefined;
  const next = nextMonth(month);
  if (m?.start === undefined && m?.end === undefined) return own ? [next] : [month, next];
  if (m.start === undefined) return own ? [previousMonth(month)] : [month];
  return own ? [next] : [month];
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Consecutive months from `from` to `to`, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}
