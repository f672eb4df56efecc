/** The daily digest: one edition composed from the same metrics the commands use. */
import { describePeriod } from '../analytics/periods.ts';
import type { ChartService } from '../charts/types.ts';
import { performanceVerb } from '../commentary/performance.ts';
import { evEbitdaSentence, forwardPeSentence } from '../commentary/valuation.ts';
import { pct, pp, round } from '../format.ts';
import type { MarketData } from '../market/types.ts';
import { DataUnavailableError } from '../metrics/errors.ts';
import { computePerformance, type PerformanceResult } from '../metrics/performance.ts';
import { sourceRef, uniqueSources } from '../metrics/sources.ts';
import { computeValuation } from '../metrics/valuation.ts';
import type { Reply, SourceRef, Table } from '../reply.ts';

export interface DigestDeps {
  market: MarketData;
  now: Date;
  charts?: ChartService;
  /** Large-cap benchmarks in the table; defaults to S&P 500 and Nasdaq 100. */
  benchmarks?: string[];
  /** Rate-cut section, when the rate-cut engine provides one. */
  rateCuts?: (market: MarketData, now: Date) => Promise<{ lines: string[]; data: unknown; sources: SourceRef[] } | null>;
}

const PERIODS = ['1d', '1m', 'ytd'] as const;

export async function composeDigest(deps: DigestDeps): Promise<Reply> {
  const benchmarks = deps.benchmarks ?? ['sp500', 'nasdaq'];
  const rows: PerformanceResult[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const vs of benchmarks) {
    for (const period of PERIODS) {
      try {
        const row = await computePerformance(deps.market, { period, small: 'iwm', vs }, deps.now);
        // Without a large-cap figure the row would repeat for every benchmark.
        const key = `${row.period}|${row.small.symbol}|${row.large?.symbol ?? '-'}`;
        if (!seen.has(key)) rows.push(row);
        seen.add(key);
      } catch (error) {
        if (!(error instanceof DataUnavailableError)) throw error;
        missing.push(`${period} vs ${vs}`);
      }
    }
  }
  const valuation = await computeValuation(deps.market);
  const rates = deps.rateCuts ? await deps.rateCuts(deps.market, deps.now) : null;

  const headline = headlineOf(rows.filter((r) => r.large?.symbol === 'SPY'));
  const table: Table = {
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
  const lines = [
    forwardPeSentence({ smallLabel: 'The Russell 2000', largeLabel: 'the S&P 500', ...valuation.forwardPE }),
    evEbitdaSentence({ ...valuation.evEbitda, comparedWith: 'the S&P 490 (ex financials)' }),
    ...(rates?.lines ?? []),
  ];
  const sources = uniqueSources([
    ...rows.flatMap((r) => [sourceRef(`${r.small.symbol} closes`, r.small.provenance), ...(r.large ? [sourceRef(`${r.large.symbol} closes`, r.large.provenance)] : [])]),
    sourceRef('Forward P/E', valuation.provenance.forwardPE),
    sourceRef('EV/EBITDA premium', valuation.provenance.evEbitda),
    ...(rates?.sources ?? []),
  ]);
  const reply: Reply = {
    title: `Small caps daily digest, ${rows[0]?.end ?? 'latest'}`,
    commentary: headline,
    sections: [],
    table,
    notes: [...lines, ...(missing.length ? [`Not available right now: ${missing.join(', ')}.`] : [])],
    sources,
    visibility: 'public',
    tone: 'neutral',
    data: {
      performance: rows.map((r) => ({
        period: r.period,
        start: r.start,
        end: r.end,
        small: { symbol: r.small.symbol, return: round(r.small.return) },
        large: r.large ? { symbol: r.large.symbol, return: round(r.large.return) } : null,
        spreadPp: r.spreadPp === null ? null : round(r.spreadPp),
        relativePct: r.relativePct === null ? null : round(r.relativePct),
      })),
      valuation: {
        forwardPE: { ...valuation.forwardPE, gapPct: round(valuation.forwardPE.gapPct) },
        evEbitda: valuation.evEbitda,
      },
      ratecuts: rates?.data ?? null,
    },
  };
  const chartSource = rows.find((r) => r.period === '1m' && r.series && r.large);
  if (deps.charts && chartSource?.series && chartSource.large) {
    reply.chart = await deps.charts.digest({
      performance: {
        period: chartSource.period,
        small: { symbol: chartSource.small.symbol, label: chartSource.small.label, points: chartSource.series.small },
        large: { symbol: chartSource.large.symbol, label: chartSource.large.label, points: chartSource.series.large },
        source: chartSource.small.provenance.source,
        asOf: chartSource.end,
      },
    });
  }
  return reply;
}

function headlineOf(rows: PerformanceResult[]): string {
  const parts = rows
    .filter((r) => r.spreadPp !== null)
    .map((r) => `${performanceVerb(r.spreadPp!)} over ${describePeriod(r.period)} (${pp(r.spreadPp!)})`);
  if (parts.length === 0) {
    const first = rows[0];
    return first
      ? `${first.small.label} ${pct(first.small.return)} over ${describePeriod(first.period)}; no comparable large-cap figure right now.`
      : 'Prices are unavailable right now; valuation and rate figures follow.';
  }
  return `Small caps (IWM) against the S&P 500: ${parts.join(', ')}.`;
}
