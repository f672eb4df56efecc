import type { FedWatchResult, MeetingOdds, UnpricedMeeting } from '../src/analytics/fedwatch.ts';
import { leastFresh } from '../src/charts/layout.ts';
import { defineCommand, InputError, type CommandContext } from '../src/command.ts';
import { MONTH_NAMES } from '../src/nlu/wording.ts';
import { rateCutCommentary, shortDate } from '../src/commentary/ratecuts.ts';
import { publishedCutsSentence } from '../src/commentary/published.ts';
import { exchangeDate } from '../src/market/as-of.ts';
import type { MarketData } from '../src/market/types.ts';
import { DataUnavailableError } from '../src/metrics/errors.ts';
import { loadRateCuts, yearEndOf, type RateCutPricing } from '../src/metrics/ratecuts.ts';
import { pastMeeting, pricingChanges } from '../src/metrics/ratecuts-history.ts';
import { parseMeetingOption, resolveMeeting } from '../src/metrics/ratecuts-meeting.ts';
import { pastMeetingReply } from '../src/metrics/ratecuts-past.ts';
import { rateCutsData, rateCutsReply, rateCutsSources } from '../src/metrics/ratecuts-reply.ts';
import { sourceRef, uniqueSources } from '../src/metrics/sources.ts';
import type { Reply, SourceRef } from '../src/reply.ts';

export { parseMeetingOption } from '../src/metrics/ratecuts-meeting.ts';
export { rateCutsData } from '../src/metrics/ratecuts-reply.ts';

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
      description: 'FOMC meeting: next, last, a decision date YYYY-MM-DD, a month YYYY-MM or a month name',
      default: 'next',
      validate: parseMeetingOption,
      suggestions: ['next', 'last', 'january', 'march', 'april', 'june', 'july', 'september', 'october', 'december'],
    },
    { name: 'by', description: 'Horizon for cuts priced: yearend or YYYY-MM', validate: parseByOption, suggestions: ['yearend'] },
  ],
  details: [
    'Method: CME FedWatch. Each contract month prices the average effective rate (100 - price); in a meeting month the decision day still carries the old rate. Months without a meeting anchor the rates, and they win over a meeting month\'s own price. Each meeting\'s expected change splits between the two nearest 25 bp outcomes, compounded over the meetings as CME\'s conditional probability tree.',
    'Odds are measured from the target range in force on the strip\'s trade date, named in the reply when it is not today.',
    '"Cut at this meeting" is the decision at that meeting alone; "below the range by then" and "cuts priced" are cumulative: the expected number of 25 bp cuts from that range through the meeting (negative: hikes).',
    'A past meeting (e.g. `ratecuts last` or a past date) gives the decision and what futures priced the trading day before.',
  ],
  examples: ['ratecuts', 'ratecuts december', 'ratecuts 2026-12-09', 'ratecuts last', 'ratecuts next by:2027-06'],
  questions: {
    phrases: [
      { weight: 0.4, pattern: /\b(?:cuts?|cutting)\b/ },
      // "cut" is a rate cut when it is counted, dated or done by the Fed ("cut the crap" is not).
      {
        weight: 0.6,
        pattern: new RegExp(
          String.raw`\b(?:rate ?cuts?|ratecuts?|cutting rates|cuts? rates|cut odds)\b|\b(?:a|any|another|more|many|much|fewer|no|one|two|three|four|\d+|\d+ ?bps?|jumbo|first|next|${MONTH_NAMES})\s+cuts?\b` +
            String.raw`|\b(?:cuts?|cutting)\s+(?:in|at|by|this|next|before|priced|expected|coming|odds|${MONTH_NAMES})\b|\b(?:fed|fomc|powell|they|to|they're|theyre|will they|start|keep|stop)\s+(?:cuts?|cutting)\b`,
        ),
      },
      { weight: 1.0, pattern: /\brates? (?:come|coming|go|going|move|moving|head|heading|fall|falling) (?:down|lower)\b|\blower rates\b|\brate relief\b/ },
      { weight: 1.0, pattern: /\b(?:fed|feds|fomc|fedwatch|powell|federal reserve|fed funds|ffr|effr|central bank)\b/ },
      { weight: 0.8, pattern: /\b(?:hikes?|hiking|easing|ease|bps|basis points?|dovish|hawkish|pivot|rate decision|rate path)\b/ },
      { weight: 0.6, pattern: /\b(?:interest rates?|rates?)\b/ },
      { weight: 0.5, pattern: /\bmeetings?\b/ },
      { weight: 0.5, pattern: /\b(?:hold|holds|pause|pauses|skip)\b(?! up)/ },
      { weight: 0.3, generic: true, pattern: /\b(?:odds|probabilit(?:y|ies)|chances?|likelihood|priced(?: in)?)\b/ },
    ],
    words: [
      'cutting', 'federal', 'reserve', 'fedwatch', 'powell', 'hikes', 'hiking', 'easing', 'basis', 'points', 'dovish',
      'hawkish', 'interest', 'rates', 'meeting', 'meetings', 'probability', 'chances', 'likelihood', 'priced', 'rate', 'cuts', 'hike',
    ],
    offer: 'ratecuts next',
  },
  async run(ctx, options) {
    const now = ctx.now();
    const today = exchangeDate(now);
    const wanted = resolveMeeting(options.meeting ?? 'next', today);
    if (wanted.past) return pastMeetingReply(await pastMeeting(ctx.market, wanted.date), today);
    const pricing = await loadRateCuts(ctx.market, now);
    const changes = await pricingChanges(ctx.market, pricing);
    const meeting = selectMeeting(pricing, wanted.date);
    const horizon = selectHorizon(pricing, options.by ?? 'yearend');
    const prev = changes.find((c) => c.label === 'previous trading day' && c.result.currentRange[0] === pricing.result.currentRange[0]);
    let reply = rateCutsReply({ pricing, changes, meeting, horizon, ...(prev ? { previous: prev.result } : {}) });
    if (pricing.strip.provenance.snapshot && today < '2026-01-01') reply = await withPublishedContext(ctx.market, reply);
    return withRateCutsChart(ctx, pricing, 'probabilities' in meeting ? meeting : pricing.upcoming[0]!, reply);
  },
});

/** Offline in 2025, the seed articles' published pricing gives context. */
async function withPublishedContext<D>(market: MarketData, reply: Reply<D>): Promise<Reply<D>> {
  const cuts = await market.curated('ratecuts.cuts_by_2025_end').catch(() => null);
  if (!cuts) return reply;
  return {
    ...reply,
    notes: [...(reply.notes ?? []), `Published ${cuts.asOf}: ${publishedCutsSentence(cuts.value, 'the end of 2025')}`],
    sources: uniqueSources([...reply.sources, sourceRef(cuts.label, cuts.provenance)]),
  };
}

/** The meeting asked about: its odds, or why the strip cannot price it. */
export function selectMeeting(p: RateCutPricing, date: string): MeetingOdds | UnpricedMeeting {
  const found = p.upcoming.find((m) => m.date === date) ?? p.unpriced.find((u) => u.date === date);
  if (found) return found;
  throw new DataUnavailableError(`The ${date} meeting is not in the futures strip of ${p.strip.tradeDate}, which reaches ${p.result.stripEnd}.`);
}

/** The last priced meeting on or before the horizon ("yearend": the year-end meeting, else the year's last priced). */
export function selectHorizon(p: RateCutPricing, by: string): MeetingOdds {
  const meetings = p.upcoming;
  if (by === 'yearend') {
    const year = meetings[0]!.date.slice(0, 4);
    return yearEndOf(meetings) ?? meetings.filter((m) => m.date.startsWith(`${year}-`)).at(-1)!;
  }
  const last = meetings.filter((m) => m.date.slice(0, 7) <= by).at(-1);
  if (!last) throw new InputError(`No priced meeting falls by ${by}; the next one is ${meetings[0]!.date}.`);
  return last;
}

async function withRateCutsChart<D>(ctx: CommandContext, p: RateCutPricing, meeting: MeetingOdds, reply: Reply<D>): Promise<Reply<D>> {
  const charts = ctx.services.charts;
  if (!charts) return reply;
  const chart = await charts.rateCuts({
    next: { date: meeting.date, probabilities: meeting.probabilities },
    path: p.upcoming.map((m) => ({ date: m.date, expectedRate: m.expectedRate })),
    currentRange: p.result.currentRange,
    source: p.strip.provenance.source,
    asOf: p.result.asOf,
    freshness: leastFresh(p.strip.provenance),
  });
  return { ...reply, chart };
}

/** The digest's rate section: same engine and commentary; a line saying why when the strip cannot be priced. */
export async function digestRateCuts(market: MarketData, now: Date = new Date()): Promise<{ lines: string[]; data: unknown; sources: SourceRef[] } | null> {
  let pricing: RateCutPricing;
  try {
    pricing = await loadRateCuts(market, now);
  } catch (error) {
    if (error instanceof DataUnavailableError) return { lines: [error.message], data: null, sources: [] };
    throw error;
  }
  const result: FedWatchResult = { ...pricing.result, meetings: pricing.upcoming };
  const line = rateCutCommentary(result, undefined, { today: pricing.today });
  const dated = pricing.notToday ? `${line} (futures of ${shortDate(pricing.strip.tradeDate, pricing.today)})` : line;
  return { lines: [dated], data: rateCutsData(pricing), sources: rateCutsSources(pricing) };
}
