/**
 * Rate-cut pricing from 30-day fed funds futures, CME FedWatch method (see DESIGN.md).
 *
 * Each contract month's implied average rate is 100 - price. In a month with a decision on day d of D,
 * the decision day still carries the old rate: A = (d*S + (D-d)*E) / D. Months without a meeting are
 * anchors (S = E = A). Rates chain across months: a month's end rate is the next month's start rate.
 * Anchors win: a meeting month's start comes from an anchor month before it, its end from an anchor
 * month after it, or from the next meeting month's start, which is solved backward from the next
 * anchor. A meeting month's own price is used only to solve the one side no neighbour pins (backward
 * for the start; forward for the end, at the far end of the strip).
 */
import { FOMC_DECISIONS, calendarCoversThrough, meetingInMonth, meetingsAfter } from './fomc-calendar.ts';
import { compound, rangeOdds, splitChange, zeroBoundSteps, type StepDistribution } from './fed-ranges.ts';

export interface FedWatchInput {
  /** Trade date of the prices, YYYY-MM-DD; only meetings after it are priced. */
  tradeDate: string;
  quotes: { month: string /* YYYY-MM */; price: number }[];
  /** Current target range in percent, e.g. [3.75, 4]. */
  currentTarget: [number, number];
  /** Decision days, YYYY-MM-DD; default FOMC_DECISIONS. */
  meetings?: readonly string[];
}

export interface MeetingOdds {
  date: string;
  /** Percent by target range, keys like "3.75-4.00", sorted low to high. */
  probabilities: Record<string, number>;
  pCut: number;
  pHold: number;
  pHike: number;
  /** Implied effective rate after the meeting, percent. */
  expectedRate: number;
  /** Cumulative 25 bp cuts priced by this meeting versus the current target (negative for hikes), 2 decimals. */
  cutsPriced: number;
}

export interface FedWatchResult {
  asOf: string;
  currentRange: [number, number];
  meetings: MeetingOdds[];
}

export class FedWatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FedWatchError';
  }
}

interface MonthRates {
  month: string;
  /** Implied average rate, 100 - price. */
  average: number;
  days: number;
  /** Decision day of month, when the month has a meeting. */
  decisionDay?: number;
  start?: number;
  end?: number;
}

export function computeFedWatch(input: FedWatchInput): FedWatchResult {
  const calendar = input.meetings ?? FOMC_DECISIONS;
  const { tradeDate, currentTarget } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tradeDate)) throw new FedWatchError(`trade date "${tradeDate}" is not YYYY-MM-DD`);
  validateTarget(currentTarget);

  const upcoming = meetingsAfter(tradeDate, calendar);
  const first = upcoming[0];
  if (first === undefined) {
    const last = [...calendar].sort().at(-1) ?? 'none';
    throw new FedWatchError(
      `the FOMC calendar has no decision day after ${tradeDate} (last known: ${last}); add the next dates to FOMC_DECISIONS`,
    );
  }

  const averages = validatedAverages(input.quotes);
  const covered = calendarCoversThrough(calendar) ?? first.slice(0, 7);
  const segment = contiguousSegment(averages, first.slice(0, 7), first, covered);
  const months = segment.map((month): MonthRates => {
    const decision = meetingInMonth(month, calendar);
    const rates: MonthRates = { month, average: averages.get(month) ?? NaN, days: daysInMonth(month) };
    if (decision !== undefined) rates.decisionDay = Number(decision.slice(8, 10));
    return rates;
  });
  solveRates(months);

  const zeroBound = zeroBoundSteps(currentTarget);
  let dist: StepDistribution = new Map([[0, 1]]);
  const meetings: MeetingOdds[] = [];
  for (const date of upcoming) {
    const rates = months.find((m) => m.month === date.slice(0, 7));
    if (rates?.start === undefined || rates.end === undefined) {
      if (meetings.length === 0) throw uncoveredError(date, segment, averages);
      break; // the strip runs out here; later meetings would need this one
    }
    dist = compound(dist, splitChange(rates.end - rates.start), zeroBound);
    const odds = rangeOdds(currentTarget, dist);
    meetings.push({
      date,
      probabilities: odds.probabilities,
      pCut: odds.pCut,
      pHold: odds.pHold,
      pHike: odds.pHike,
      expectedRate: round(rates.end, 4),
      cutsPriced: round(-odds.expectedSteps, 2),
    });
  }
  return { asOf: tradeDate, currentRange: [currentTarget[0], currentTarget[1]], meetings };
}

/** Fills start and end rates per the method above; sides that cannot be determined stay undefined. */
function solveRates(months: MonthRates[]): void {
  const isAnchor = (m: MonthRates | undefined): m is MonthRates => m !== undefined && m.decisionDay === undefined;
  months.forEach((m, i) => {
    if (m.decisionDay === undefined) {
      m.start = m.average;
      m.end = m.average;
      return;
    }
    const before = months[i - 1];
    const after = months[i + 1];
    if (isAnchor(before)) m.start = before.average;
    if (isAnchor(after)) m.end = after.average;
  });
  // Backward from each anchor through runs of consecutive meeting months.
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    if (m.decisionDay === undefined) continue;
    if (m.end === undefined) m.end = months[i + 1]?.start;
    if (m.start === undefined && m.end !== undefined) {
      const n = m.decisionDay;
      m.start = (m.average * m.days - (m.days - n) * m.end) / n;
    }
  }
  // Forward, for meeting months at the end of the strip with no anchor after them.
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    if (m.decisionDay === undefined) continue;
    if (m.start === undefined) m.start = months[i - 1]?.end;
    const after = m.days - m.decisionDay;
    if (m.end === undefined && m.start !== undefined && after > 0) {
      m.end = (m.average * m.days - m.decisionDay * m.start) / after;
    }
  }
}

function validatedAverages(quotes: FedWatchInput['quotes']): Map<string, number> {
  const averages = new Map<string, number>();
  for (const q of quotes) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.month)) throw new FedWatchError(`contract month "${q.month}" is not YYYY-MM`);
    if (!Number.isFinite(q.price) || q.price <= 0 || q.price > 100) {
      throw new FedWatchError(`price ${q.price} for contract month ${q.month} is outside (0, 100]`);
    }
    if (averages.has(q.month)) throw new FedWatchError(`contract month ${q.month} appears twice in the strip`);
    averages.set(q.month, 100 - q.price);
  }
  return averages;
}

function validateTarget([lo, hi]: [number, number]): void {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) {
    throw new FedWatchError(`current target range ${lo}-${hi} is not a range (low must be below high)`);
  }
}

/**
 * The unbroken run of quoted months around the first meeting's month, within the calendar's coverage.
 * A gap or the calendar's end stops it; meetings beyond are left out.
 */
function contiguousSegment(averages: Map<string, number>, firstMonth: string, firstMeeting: string, covered: string): string[] {
  const quoted = [...averages.keys()].filter((m) => m <= covered).sort();
  const lastQuoted = quoted.at(-1);
  if (lastQuoted === undefined || lastQuoted < firstMonth) {
    throw new FedWatchError(
      lastQuoted === undefined
        ? `the futures strip is empty; the next FOMC meeting is ${firstMeeting}`
        : `no FOMC meetings left in the futures strip: it ends at ${lastQuoted} and the next meeting is ${firstMeeting}`,
    );
  }
  if (!averages.has(firstMonth)) {
    throw new FedWatchError(`contract month ${firstMonth} is missing from the strip; it is needed for the ${firstMeeting} meeting`);
  }
  const segment = [firstMonth];
  for (let m = previousMonth(firstMonth); averages.has(m); m = previousMonth(m)) segment.unshift(m);
  for (let m = nextMonth(firstMonth); averages.has(m) && m <= covered; m = nextMonth(m)) segment.push(m);
  return segment;
}

function uncoveredError(meeting: string, segment: string[], averages: Map<string, number>): FedWatchError {
  const month = meeting.slice(0, 7);
  const following = nextMonth(month);
  const needed = averages.has(following) ? previousMonth(month) : following;
  const hasLater = [...averages.keys()].some((m) => m > following);
  const span = `${segment[0]} to ${segment.at(-1)}`;
  return new FedWatchError(
    hasLater || averages.has(following)
      ? `contract month ${needed} is missing from the strip; it is needed to price the ${meeting} meeting`
      : `the futures strip (${span}) runs out before the ${meeting} meeting can be priced; it needs ${needed}`,
  );
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

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
