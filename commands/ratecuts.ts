import { computeFedWatch, FedWatchError, type FedWatchResult, type MeetingOdds } from '../src/analytics/fedwatch.ts';
import { FOMC_DECISIONS, meetingsAfter } from '../src/analytics/fomc-calendar.ts';
import { leastFresh } from '../src/charts/layout.ts';
import { defineCommand, InputError, type CommandContext } from '../src/command.ts';
import { cutsPhrase, meetingMonth, rateCutCommentary, shortDate, yearEndMeeting } from '../src/commentary/ratecuts.ts';
import { publishedCutsSentence } from '../src/commentary/published.ts';
import { display, round } from '../src/format.ts';
import type { FuturesStrip, MarketData, PolicyRates } from '../src/market/types.ts';
import { DataUnavailableError } from '../src/metrics/errors.ts';
import { sourceRef, uniqueSources } from '../src/metrics/sources.ts';
import { direction, type Field, type Reply, type SourceRef } from '../src/reply.ts';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "next", a decision date, a month YYYY-MM, or a month name ("december", "dec") -> canonical form. */
export function parseMeetingOption(raw: string): string {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'next') return 'next';
  if (/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(text)) return text;
  const name = MONTH_NAMES.find((m) => text.length >= 3 && m.startsWith(text));
  if (name) return name;
  throw new InputError(`"${raw}" is not a meeting.`, 'Use next, a decision date like 2026-12-09, a month like 2026-12, or a month name like december.');
}

/** "yearend" or a month YYYY-MM. */
export function parseByOption(raw: string): string {
  const text = raw.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (text === 'yearend' || text === 'eoy' || text === 'endofyear') return 'yearend';
  if (/^\d{4}(0[1-9]|1[0-2])$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4)}`;
  throw new InputError(`"${raw}" is not a horizon.`, 'Use yearend or a month like 2027-06.');
}

export default defineCommand({
  name: 'ratecuts',
  description: 'Fed rate cuts priced by fed funds futures, meeting by meeting (CME FedWatch method)',
  options: [
    {
      name: 'meeting',
      description: 'FOMC meeting: next, a decision date YYYY-MM-DD, a month YYYY-MM or a month name',
      default: 'next',
      validate: parseMeetingOption,
      suggestions: ['next', 'january', 'march', 'april', 'june', 'july', 'september', 'october', 'december'],
    },
    { name: 'by', description: 'Horizon for cuts priced: yearend or YYYY-MM', validate: parseByOption, suggestions: ['yearend'] },
  ],
  examples: ['ratecuts', 'ratecuts december', 'ratecuts 2026-12-09', 'ratecuts next by:2027-06'],
  keywords: ['cut', 'cuts', 'rate', 'rates', 'fed', 'fomc', 'hike', 'odds', 'meeting', 'futures', 'fedwatch'],
  async run(ctx, options) {
    const pricing = await loadRateCuts(ctx.market);
    const meeting = selectMeeting(pricing.result, options.meeting ?? 'next');
    const horizon = selectHorizon(pricing.result, options.by ?? 'yearend');
    let reply = rateCutsReply(pricing, meeting, horizon);
    if (pricing.strip.provenance.snapshot) reply = await withPublishedContext(ctx.market, reply);
    return withRateCutsChart(ctx, pricing, meeting, reply);
  },
});

/** Offline, the snapshot's strip is a single day; the seed articles' published pricing gives context. */
async function withPublishedContext<D>(market: MarketData, reply: Reply<D>): Promise<Reply<D>> {
  const cuts = await market.curated('ratecuts.cuts_by_2025_end').catch(() => null);
  if (!cuts) return reply;
  return {
    ...reply,
    notes: [...(reply.notes ?? []), `Published ${cuts.asOf}: ${publishedCutsSentence(cuts.value, 'the end of 2025')}`],
    sources: uniqueSources([...reply.sources, sourceRef(cuts.label, cuts.provenance)]),
  };
}

export interface RateCutPricing {
  result: FedWatchResult;
  /** The previous trading day's pricing, when the market keeps history and no meeting fell in between. */
  previous?: FedWatchResult;
  strip: FuturesStrip;
  rates: PolicyRates;
}

/** Strip + target range -> FedWatch pricing; data problems become DataUnavailableError. */
export async function loadRateCuts(market: MarketData): Promise<RateCutPricing> {
  const [strip, rates] = await Promise.all([market.futuresStrip(), market.policyRates()]);
  const price = (s: FuturesStrip) => computeFedWatch({ tradeDate: s.tradeDate, quotes: s.quotes, currentTarget: rates.target });
  let result: FedWatchResult;
  try {
    result = price(strip);
  } catch (error) {
    if (error instanceof FedWatchError) throw new DataUnavailableError(`Rate-cut odds can't be computed from the futures strip of ${strip.tradeDate}: ${error.message}.`);
    throw error;
  }
  const pricing: RateCutPricing = { result, strip, rates };
  const before = await market.previousFuturesStrip?.(strip.tradeDate).catch(() => null);
  // A decision between the two days changes the target range, so the days are not comparable.
  const between = before ? meetingsAfter(before.tradeDate)[0] : undefined;
  if (before && before.tradeDate < strip.tradeDate && !(between !== undefined && between <= strip.tradeDate)) {
    try {
      pricing.previous = price(before);
    } catch (error) {
      if (!(error instanceof FedWatchError)) throw error;
    }
  }
  return pricing;
}

/** The meeting the user asked about, among those the strip prices. */
export function selectMeeting(result: FedWatchResult, wanted: string): MeetingOdds {
  const priced = result.meetings;
  const first = shortDate(priced[0]!.date, result.asOf);
  const last = shortDate(priced.at(-1)!.date, result.asOf);
  const through =
    priced.length === 1
      ? `the futures strip of ${result.asOf} prices only the ${first} meeting`
      : `the futures strip of ${result.asOf} prices meetings ${first} to ${last}`;
  if (wanted === 'next') return priced[0]!;
  const monthIndex = MONTH_NAMES.indexOf(wanted);
  const matches = (date: string) =>
    monthIndex >= 0 ? Number(date.slice(5, 7)) === monthIndex + 1 : wanted.length === 7 ? date.startsWith(`${wanted}-`) : date === wanted;
  const found = priced.find((m) => matches(m.date));
  if (found) return found;
  const upcoming = meetingsAfter(result.asOf);
  const scheduled = upcoming.find((d) => matches(d));
  if (scheduled) throw new DataUnavailableError(`The ${scheduled} meeting is not priced yet: ${through}.`);
  const hint = `Upcoming meetings: ${upcoming.slice(0, 4).join(', ')}.`;
  const past = FOMC_DECISIONS.filter((d) => matches(d) && d <= result.asOf).at(-1);
  if (past) throw new InputError(`The ${past} meeting is already past (prices as of ${result.asOf}).`, hint);
  const named = monthIndex >= 0 || wanted.length === 7;
  throw new InputError(named ? `There is no upcoming FOMC meeting in ${wanted}.` : `${wanted} is not an FOMC decision day.`, hint);
}

/** The last priced meeting on or before the horizon ("yearend": the year-end meeting). */
export function selectHorizon(result: FedWatchResult, by: string): MeetingOdds {
  if (by === 'yearend') return yearEndMeeting(result)!;
  const within = result.meetings.filter((m) => m.date.slice(0, 7) <= by);
  const last = within.at(-1);
  if (!last) throw new InputError(`No priced meeting falls by ${by}; the next one is ${result.meetings[0]!.date}.`);
  return last;
}

/** `data` per the contract: {asOf, currentRange, meetings: [{date, probabilities, pCut, pHold, pHike, expectedRate, cutsPriced}]}. */
/** The ratecuts command's `data` (DESIGN.md contract). */
export type RateCutsData = ReturnType<typeof rateCutsData>;

export function rateCutsData(result: FedWatchResult) {
  return {
    asOf: result.asOf,
    currentRange: [result.currentRange[0], result.currentRange[1]] as [number, number],
    meetings: result.meetings.map((m) => ({
      date: m.date,
      probabilities: Object.fromEntries(Object.entries(m.probabilities).map(([range, p]) => [range, round(p, 4)])),
      pCut: round(m.pCut, 4),
      pHold: round(m.pHold, 4),
      pHike: round(m.pHike, 4),
      expectedRate: m.expectedRate,
      cutsPriced: m.cutsPriced,
    })),
  };
}

export function rateCutsSources(p: RateCutPricing): SourceRef[] {
  return uniqueSources([sourceRef('Fed funds futures settlements', p.strip.provenance), sourceRef('Fed target range', p.rates.provenance)]);
}

export function rateCutsReply(p: RateCutPricing, meeting: MeetingOdds, horizon: MeetingOdds): Reply<RateCutsData> {
  const { result } = p;
  const field = (key: string, label: string, value: number, unit: Field['unit'], text = display(value, unit)): Field => ({
    key,
    label,
    value,
    unit,
    display: text,
    direction: direction(unit === 'cuts' ? -value : value),
  });
  const when = (m: MeetingOdds) => shortDate(m.date, result.asOf);
  const odds = (v: number) => `${v.toFixed(1)}%`;
  const meetingFields = [
    field('pCut', 'Cut', round(meeting.pCut, 4), '%', odds(meeting.pCut)),
    field('pHold', 'No change', round(meeting.pHold, 4), '%', odds(meeting.pHold)),
    field('pHike', 'Hike', round(meeting.pHike, 4), '%', odds(meeting.pHike)),
    field('expectedRate', 'Implied rate after', meeting.expectedRate, '%', `${meeting.expectedRate.toFixed(3)}%`),
    field('cutsPriced', 'Cuts priced by then', meeting.cutsPriced, 'cuts', signedCuts(meeting.cutsPriced)),
  ];
  const byFields = result.meetings
    .slice(0, 8)
    .map((m) => field(`cutsPriced.${m.date}`, `By ${when(m)}`, m.cutsPriced, 'cuts', signedCuts(m.cutsPriced)));
  const lastPriced = result.meetings.at(-1)!;
  const yearEnd = yearEndMeeting(result);
  // Only a year's last scheduled meeting counts as "year end"; a strip that stops earlier gets a note instead.
  if (yearEnd && !meetingsAfter(yearEnd.date).some((d) => d.slice(0, 4) === yearEnd.date.slice(0, 4))) {
    byFields.push(field('cutsByYearEnd', `By year end (${when(yearEnd)})`, yearEnd.cutsPriced, 'cuts', signedCuts(yearEnd.cutsPriced)));
  }
  const notes: string[] = [];
  const unpriced = meetingsAfter(lastPriced.date).filter((d) => d.slice(0, 4) === horizon.date.slice(0, 4));
  if (unpriced.length) notes.push(`The futures strip ends before the ${unpriced.join(', ')} meeting${unpriced.length > 1 ? 's' : ''}; cuts are counted through ${when(lastPriced)}.`);
  const top = Object.entries(meeting.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    title: `Rate-cut odds: FOMC ${shortDate(meeting.date, '')} (target ${rangeText(result.currentRange)})`,
    commentary: rateCutCommentary(result, p.previous, { meeting: meeting.date, by: horizon.date }),
    sections: [
      { title: `${meetingMonth(meeting.date, result.asOf)} meeting (${meeting.date}); most likely ${top[0]} at ${odds(top[1])}`, fields: meetingFields },
      { title: 'Cuts priced (25 bp each)', fields: byFields },
    ],
    table: {
      columns: ['Meeting', 'Implied rate', 'Cuts priced', 'Most likely range', 'Cut', 'Hike'],
      rows: result.meetings.map((m) => {
        const best = Object.entries(m.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
        return [m.date, `${m.expectedRate.toFixed(3)}%`, signedCuts(m.cutsPriced), `${best[0]} (${odds(best[1])})`, odds(m.pCut), odds(m.pHike)];
      }),
    },
    sources: rateCutsSources(p),
    visibility: 'public',
    tone: horizon.cutsPriced >= 0.5 ? 'positive' : horizon.cutsPriced <= -0.5 ? 'negative' : 'neutral',
    data: rateCutsData(result),
    notes: notes.length ? notes : undefined,
  };
}

async function withRateCutsChart<D>(ctx: CommandContext, p: RateCutPricing, meeting: MeetingOdds, reply: Reply<D>): Promise<Reply<D>> {
  const charts = ctx.services.charts;
  if (!charts) return reply;
  const chart = await charts.rateCuts({
    next: { date: meeting.date, probabilities: meeting.probabilities },
    path: p.result.meetings.map((m) => ({ date: m.date, expectedRate: m.expectedRate })),
    currentRange: p.result.currentRange,
    source: p.strip.provenance.source,
    asOf: p.result.asOf,
    freshness: leastFresh(p.strip.provenance),
  });
  return { ...reply, chart };
}

/** The digest's rate section: same engine and commentary; null when the strip cannot be priced. */
export async function digestRateCuts(market: MarketData): Promise<{ lines: string[]; data: unknown; sources: SourceRef[] } | null> {
  let pricing: RateCutPricing;
  try {
    pricing = await loadRateCuts(market);
  } catch (error) {
    if (error instanceof DataUnavailableError) return { lines: [error.message], data: null, sources: [] };
    throw error;
  }
  return { lines: [rateCutCommentary(pricing.result, pricing.previous)], data: rateCutsData(pricing.result), sources: rateCutsSources(pricing) };
}

function signedCuts(cuts: number): string {
  return cutsPhrase(cuts).replace(/ \(.*\)$/, '');
}

function rangeText([lo, hi]: [number, number]): string {
  return `${lo.toFixed(2)}-${hi.toFixed(2)}%`;
}
