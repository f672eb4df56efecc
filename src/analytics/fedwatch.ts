/**
 * Rate-cut pricing from 30-day fed funds futures, CME FedWatch method (see DESIGN.md and
 * fedwatch-solve.ts for the month rates). Each meeting's expected change E - S splits between the two
 * nearest whole 25 bp steps; the splits compound over the meetings as CME's probability tree, measured
 * from the target range in force on the strip's trade date.
 *
 * Holes in the strip do not stop the pricing: every meeting whose start and end rates the months present
 * fix is priced. A meeting that cannot be is listed with the contract months it needs; a meeting after
 * such a gap is priced from the drift since the trade date split between two steps (marked approximate,
 * since the tree across the unpriced meetings is unknown).
 */
import { FOMC_DECISIONS, calendarCoversThrough, meetingsAfter } from './fomc-calendar.ts';
import { compound, rangeOdds, splitChange, zeroBoundSteps, type StepDistribution } from './fed-ranges.ts';
import { monthRange, monthsNeeded, previousMonth, solveMonths, type MonthRate } from './fedwatch-solve.ts';

export { daysInMonth, nextMonth, previousMonth } from './fedwatch-solve.ts';

export interface FedWatchInput {
  /** Trade date of the prices, YYYY-MM-DD; only meetings after it are priced. */
  tradeDate: string;
  quotes: { month: string /* YYYY-MM */; price: number }[];
  /** Target range in force on the trade date, in percent, e.g. [3.75, 4]. */
  currentTarget: [number, number];
  /** Effective rate in force on the trade date: the start of the first meeting when no contract fixes it. */
  effr?: number | null;
  /** Decision days, YYYY-MM-DD; default FOMC_DECISIONS. */
  meetings?: readonly string[];
}

/** Percent chances of the decision taken at one meeting (CME's tree: independent of the path before it). */
export interface MeetingMove {
  cut: number;
  hold: number;
  hike: number;
}

export interface MeetingOdds {
  date: string;
  /** Percent by target range after the meeting, keys like "3.75-4.00", sorted low to high. */
  probabilities: Record<string, number>;
  /** Cumulative: chance the range after the meeting is below / at / above the trade date's range. */
  pCut: number;
  pHold: number;
  pHike: number;
  /** Implied effective rate after the meeting, percent. */
  expectedRate: number;
  /** Cumulative 25 bp cuts priced by this meeting versus the trade date's range (negative for hikes), 2 decimals. */
  cutsPriced: number;
  /** The decision at this meeting alone. */
  atMeeting: MeetingMove;
  /** Set when earlier meetings could not be priced and the path to this one is bridged (see above). */
  approximate?: { over: string[] };
}

export interface UnpricedMeeting {
  date: string;
  /** Contract months (YYYY-MM) whose prices would price it. */
  needs: string[];
  /** 'gap': a hole in the strip; 'beyond': after the strip's last month. */
  reason: 'gap' | 'beyond';
}

export interface FedWatchResult {
  asOf: string;
  currentRange: [number, number];
  meetings: MeetingOdds[];
  /** Meetings within the calendar that the strip cannot price, in date order. */
  unpriced: UnpricedMeeting[];
  /** Last contract month of the strip. */
  stripEnd: string;
}

export class FedWatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FedWatchError';
  }
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
  const stripEnd = [...averages.keys()].sort().at(-1);
  if (stripEnd === undefined) throw new FedWatchError(`the futures strip is empty; the next FOMC meeting is ${first}`);
  const firstMonth = first.slice(0, 7);
  const lastMonth = stripEnd < covered ? stripEnd : covered;
  if (lastMonth < firstMonth) {
    throw new FedWatchError(`no FOMC meetings left in the futures strip: it ends at ${stripEnd} and the next meeting is ${first}`);
  }
  const from = [tradeDate.slice(0, 7), previousMonth(firstMonth)].sort()[0]!;
  const decisions = new Map(calendar.map((d) => [d.slice(0, 7), Number(d.slice(8, 10))]));
  const months = solveMonths({
    averages,
    months: monthRange(from, lastMonth),
    decisions,
    ...(input.effr != null && Number.isFinite(input.effr) ? { seed: { month: firstMonth, rate: input.effr } } : {}),
  });

  const result: FedWatchResult = { asOf: tradeDate, currentRange: [currentTarget[0], currentTarget[1]], meetings: [], unpriced: [], stripEnd };
  const zeroBound = zeroBoundSteps(currentTarget);
  const base = months.find((m) => m.month === firstMonth)?.start;
  let dist: StepDistribution = new Map([[0, 1]]);
  let gap: string[] = [];
  let bridged: string[] | undefined;
  for (const date of upcoming) {
    const month = date.slice(0, 7);
    const rates = months.find((m) => m.month === month);
    if (rates === undefined) {
      result.unpriced.push({ date, needs: [month], reason: 'beyond' });
      continue;
    }
    if (rates.start === undefined || rates.end === undefined) {
      result.unpriced.push({ date, needs: monthsNeeded(months, month), reason: 'gap' });
      gap.push(date);
      continue;
    }
    if (gap.length > 0) {
      if (base === undefined) {
        result.unpriced.push({ date, needs: result.unpriced.at(-1)?.needs ?? [month], reason: 'gap' });
        continue;
      }
      dist = compound(new Map([[0, 1]]), splitChange(rates.start - base), zeroBound);
      bridged = [...(bridged ?? []), ...gap];
      gap = [];
    }
    const move = splitChange(rates.end - rates.start);
    dist = compound(dist, move, zeroBound);
    result.meetings.push(meetingOdds(date, rates, dist, move, currentTarget, bridged));
  }
  if (result.meetings.length === 0) throw new FedWatchError(unpricedMessage(result.unpriced, stripEnd));
  return result;
}

function meetingOdds(
  date: string,
  rates: MonthRate,
  dist: StepDistribution,
  move: StepDistribution,
  target: [number, number],
  bridged: string[] | undefined,
): MeetingOdds {
  const odds = rangeOdds(target, dist);
  let cut = 0;
  let hold = 0;
  let hike = 0;
  for (const [n, p] of move) {
    if (n < 0) cut += p * 100;
    else if (n > 0) hike += p * 100;
    else hold += p * 100;
  }
  const out: MeetingOdds = {
    date,
    probabilities: odds.probabilities,
    pCut: odds.pCut,
    pHold: odds.pHold,
    pHike: odds.pHike,
    expectedRate: round(rates.end!, 4),
    cutsPriced: round(-odds.expectedSteps, 2),
    atMeeting: { cut, hold, hike },
  };
  if (bridged) out.approximate = { over: [...bridged] };
  return out;
}

function unpricedMessage(unpriced: UnpricedMeeting[], stripEnd: string): string {
  const first = unpriced[0];
  if (!first) return `the futures strip (to ${stripEnd}) prices no upcoming meeting`;
  const needs = first.needs.join(' and ');
  if (first.reason === 'beyond' || first.needs.every((m) => m > stripEnd)) return `the futures strip ends at ${stripEnd}, before the ${first.date} meeting can be priced; it needs ${needs}`;
  return `contract month${first.needs.length > 1 ? 's' : ''} ${needs} ${first.needs.length > 1 ? 'are' : 'is'} missing from the strip; ${first.needs.length > 1 ? 'they are' : 'it is'} needed to price the ${first.date} meeting`;
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

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
