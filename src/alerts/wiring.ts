/** Alert metrics and charts over the same market data, rate-cut engine and chart service as the commands. */
import { leastFresh } from '../charts/layout.ts';
import type { ChartService } from '../charts/types.ts';
import { LARGE, SMALL } from '../instruments.ts';
import type { MarketData } from '../market/types.ts';
import { computePerformance } from '../metrics/performance.ts';
import { loadRateCuts, type RateCutPricing } from '../metrics/ratecuts.ts';
import { pricingChanges } from '../metrics/ratecuts-history.ts';
import type { Reply } from '../reply.ts';
import type { AlertMetrics } from './metrics.ts';
import { createLiveAlertMetrics, findMeeting, type RateCutSnapshot, type WatchedPricing } from './metrics-live.ts';
import type { StoredAlertRule } from './repository.ts';

function watched(asOf: string, meetings: RateCutPricing['upcoming'], nextMeeting?: string): WatchedPricing {
  return { asOf, ...(nextMeeting ? { nextMeeting } : {}), meetings: meetings.map((m) => ({ date: m.date, pCut: m.pCut, cutAt: m.atMeeting.cut, cutsPriced: m.cutsPriced })) };
}

/** The first decision from today on, whether or not the strip prices it. */
function nextOf(p: RateCutPricing): string | undefined {
  return [p.upcoming[0]?.date, p.unpriced[0]?.date].filter((d): d is string => d !== undefined).sort()[0];
}

/** Today's pricing and the previous trading day's, as alerts watch them. */
export async function rateCutSnapshot(market: MarketData, now: Date): Promise<RateCutSnapshot> {
  const p = await loadRateCuts(market, now);
  const changes = await pricingChanges(market, p).catch(() => []);
  const before = changes.find((c) => c.label === 'previous trading day');
  return {
    result: watched(p.result.asOf, p.upcoming, nextOf(p)),
    ...(before ? { previous: watched(before.tradeDate, before.result.meetings) } : {}),
    source: p.strip.provenance.source,
    stale: p.strip.provenance.stale,
  };
}

export interface AlertWiring {
  metrics: AlertMetrics;
  chart: (rule: StoredAlertRule) => Promise<Reply['chart']>;
}

export function alertWiring(market: MarketData, now: () => Date, charts?: ChartService): AlertWiring {
  return {
    metrics: createLiveAlertMetrics({ market, now, rateCuts: () => rateCutSnapshot(market, now()) }),
    async chart(rule) {
      if (!charts) return undefined;
      if (rule.kind === 'spread' || rule.kind === 'move') {
        const inst = rule.instrument ?? '';
        const small = rule.kind === 'spread' ? (rule.small ?? 'iwm') : SMALL[inst] ? inst : 'iwm';
        const vs = rule.kind === 'spread' ? (rule.vs ?? 'sp500') : LARGE[inst] ? inst : 'sp500';
        const r = await computePerformance(market, { period: rule.kind === 'spread' ? (rule.period ?? '1m') : '1m', small, vs }, now());
        if (!r.series || !r.large) return undefined;
        return charts.performance({
          period: r.period,
          small: { symbol: r.small.symbol, label: r.small.label, points: r.series.small },
          large: { symbol: r.large.symbol, label: r.large.label, points: r.series.large },
          source: r.small.provenance.source,
          asOf: r.end,
          freshness: leastFresh(r.small.provenance, r.large.provenance),
        });
      }
      const p = await loadRateCuts(market, now());
      const meeting = findMeeting(watched(p.result.asOf, p.upcoming, nextOf(p)), rule.meeting ?? 'next');
      const odds = p.upcoming.find((m) => m.date === meeting.date) ?? p.upcoming[0]!;
      return charts.rateCuts({
        next: { date: odds.date, probabilities: odds.probabilities },
        path: p.upcoming.map((m) => ({ date: m.date, expectedRate: m.expectedRate })),
        currentRange: p.result.currentRange,
        source: p.strip.provenance.source,
        asOf: p.result.asOf,
        freshness: leastFresh(p.strip.provenance),
      });
    },
  };
}
