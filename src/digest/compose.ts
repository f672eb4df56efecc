/** The daily digest: one edition composed from the same metrics the commands use. */
import type { Period } from '../analytics/periods.ts';
import { leastFresh } from '../charts/layout.ts';
import type { ChartService, RateCutsChartData } from '../charts/types.ts';
import { valuationSentences } from '../commentary/valuation-facts.ts';
import { valuationSources } from '../metrics/valuation-sources.ts';
import { metricField } from '../fields.ts';
import { display, pct, pp, round } from '../format.ts';
import type { MarketData } from '../market/types.ts';
import { DataUnavailableError } from '../metrics/errors.ts';
import { computePerformance, performanceJson, type PerformanceResult } from '../metrics/performance.ts';
import { sourceRef, uniqueSources } from '../metrics/sources.ts';
import { computeValuation, valuationJson } from '../metrics/valuation.ts';
import { direction, type Field, type Reply, type SourceRef, type Table, type Tone } from '../reply.ts';
import { detailsControl } from '../controls.ts';
import { digestHeadline } from './headline.ts';

export interface DigestRateSection {
  lines: string[];
  data: unknown;
  sources: SourceRef[];
}

export interface DigestDeps {
  market: MarketData;
  now: Date;
  charts?: ChartService;
  /** Large-cap sides of the table (option values of `vs`); default S&P 500 and Nasdaq 100. Add midcap, equalweight. */
  benchmarks?: string[];
  /** Small-cap sides (option values of `small`); default IWM. Add ijr for the S&P 600. */
  smalls?: string[];
  /** Rate-cut section (next meeting odds, cuts by year end, change since the previous day). */
  rateCuts?: (market: MarketData, now: Date) => Promise<DigestRateSection | null>;
}

const PERIODS: readonly Period[] = ['1d', '1m', 'ytd'];

interface Pair {
  small: string;
  vs: string;
}

export async function composeDigest(deps: DigestDeps): Promise<Reply> {
  const pairs: Pair[] = (deps.smalls ?? ['iwm']).flatMap((small) => (deps.benchmarks ?? ['sp500', 'nasdaq']).map((vs) => ({ small, vs })));
  const jobs = pairs.flatMap((pair) => PERIODS.map((period) => ({ ...pair, period })));
  // Concurrent: the market layer collapses identical fetches (IWM bars are shared by every row).
  const settled = await Promise.all(
    jobs.map((job) =>
      computePerformance(deps.market, job, deps.now).then(
        (row) => ({ job, row }),
        (error: unknown) => {
          if (error instanceof DataUnavailableError) return { job, row: null };
          throw error;
        },
      ),
    ),
  );
  const [valuation, rates] = await Promise.all([
    computeValuation(deps.market).catch((error: unknown) => {
      if (error instanceof DataUnavailableError) return null;
      throw error;
    }),
    deps.rateCuts ? deps.rateCuts(deps.market, deps.now) : Promise.resolve(null),
  ]);

  const rows: PerformanceResult[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const { job, row } of settled) {
    if (!row) {
      missing.push(`${job.period} ${job.small} vs ${job.vs}`);
      continue;
    }
    // Without a large-cap figure the row would repeat for every benchmark.
    const key = `${row.period}|${row.small.symbol}|${row.large?.symbol ?? '-'}`;
    if (!seen.has(key)) rows.push(row);
    seen.add(key);
  }

  const headlineRows = rows.filter((r) => r.small.symbol === rows[0]?.small.symbol && r.largeAsked.symbol === rows[0]?.largeAsked.symbol);
  const lead = headlineRows.find((r) => r.period === '1m' && r.spreadPp !== null);
  const edition = rows.map((r) => r.end).sort().at(-1) ?? 'latest';

  const reply: Reply = {
    title: `Small caps daily digest, ${edition}`,
    commentary: digestHeadline(headlineRows),
    sections: [
      { title: `Small vs large (${headlineRows[0]?.small.symbol ?? 'IWM'} against ${headlineRows[0]?.largeAsked.symbol ?? 'SPY'})`, fields: spreadFields(headlineRows) },
      { title: 'Valuation', fields: valuation ? valuationFields(valuation) : [] },
    ].filter((s) => s.fields.length > 0),
    table: performanceTable(rows),
    notes: [
      ...(valuation ? valuationSentences(valuation) : ['No published valuation figures are known as of this date.']),
      ...(rates?.lines ?? []),
      ...(missing.length ? [`Not available right now: ${missing.join(', ')}.`] : []),
    ],
    sources: uniqueSources([
      ...rows.flatMap((r) => [sourceRef(`${r.small.symbol} closes`, r.small.provenance), ...(r.large ? [sourceRef(`${r.large.symbol} closes`, r.large.provenance)] : [])]),
      ...(valuation ? valuationSources(valuation) : []),
      ...(rates?.sources ?? []),
    ]),
    visibility: 'public',
    tone: toneOf(lead?.spreadPp ?? null),
    controls: [detailsControl({ period: '1m', vs: deps.benchmarks?.[0] ?? 'sp500', small: deps.smalls?.[0] ?? 'iwm' })],
    data: {
      edition,
      performance: rows.map(performanceJson),
      valuation: valuation ? valuationJson(valuation) : null,
      ratecuts: rates?.data ?? null,
    },
  };

  const chartSource = headlineRows.find((r) => r.period === '1m' && r.series && r.large) ?? rows.find((r) => r.period === '1m' && r.series && r.large);
  if (deps.charts && chartSource?.series && chartSource.large) {
    const rateCuts = rateCutsChartData(rates?.data, rates?.sources[0]?.name ?? 'Fed funds futures', rates?.sources ?? []);
    reply.chart = await deps.charts.digest({
      performance: {
        period: chartSource.period,
        small: { symbol: chartSource.small.symbol, label: chartSource.small.label, points: chartSource.series.small },
        large: { symbol: chartSource.large.symbol, label: chartSource.large.label, points: chartSource.series.large },
        source: chartSource.small.provenance.source,
        asOf: chartSource.end,
        freshness: leastFresh(chartSource.small.provenance, chartSource.large.provenance),
      },
      ...(rateCuts ? { rateCuts } : {}),
    });
  }
  return reply;
}

function performanceTable(rows: PerformanceResult[]): Table {
  return {
    columns: ['Period', 'Small', 'Large', 'Small %', 'Large %', 'Spread'],
    rows: rows.map((r) => [
      r.period,
      r.small.symbol,
      r.large?.symbol ?? 'n/a',
      pct(r.small.return),
      r.large ? pct(r.large.return) : 'n/a',
      r.spreadPp === null ? 'n/a' : pp(r.spreadPp),
    ]),
  };
}

function spreadFields(rows: PerformanceResult[]): Field[] {
  return rows
    .filter((r) => r.spreadPp !== null)
    .map((r) => metricField(`spread_${r.period}`, `${r.period === 'ytd' ? 'YTD' : r.period} spread`, r.spreadPp!, 'pp'));
}

function valuationFields(v: Awaited<ReturnType<typeof computeValuation>>): Field[] {
  const gap = v.forwardPE.gapPct;
  const premium = v.evEbitda.premiumPct;
  return [
    metricField('forward_pe_gap', 'Forward P/E vs S&P 500', gap, '%'),
    metricField('ev_ebitda_premium', 'EV/EBITDA premium', premium, '%'),
  ];
}

function toneOf(spreadPp: number | null): Tone {
  if (spreadPp === null || Math.abs(spreadPp) < 0.5) return 'neutral';
  return spreadPp > 0 ? 'positive' : 'negative';
}

/** The rate section's data (the ratecuts command's `data` shape) as chart input, when it has meetings. */
function rateCutsChartData(data: unknown, source: string, sources: SourceRef[]): RateCutsChartData | undefined {
  const d = data as { asOf?: unknown; currentRange?: unknown; meetings?: unknown } | null | undefined;
  if (!d || typeof d.asOf !== 'string' || !Array.isArray(d.currentRange) || !Array.isArray(d.meetings) || d.meetings.length === 0) return undefined;
  const meetings = d.meetings as { date: string; probabilities: Record<string, number>; expectedRate: number }[];
  const next = meetings[0]!;
  return {
    next: { date: next.date, probabilities: next.probabilities },
    path: meetings.map((m) => ({ date: m.date, expectedRate: m.expectedRate })),
    currentRange: d.currentRange as [number, number],
    source,
    asOf: d.asOf,
    freshness: leastFresh(...sources),
  };
}
