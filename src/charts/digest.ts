/** The digest's one compact panel: relative performance beside the implied rate path. */
import type { TopLevelSpec } from 'vega-lite';
import type { DigestChartData } from './types.ts';
import { framed, panelTitle, worstFreshness, type ViewSpec } from './layout.ts';
import { dateRange, periodWords, shortDate, signedPct } from './format.ts';
import { performanceAlt, performanceSeries, rebasedLinesView } from './performance.ts';
import { outcomeShares, pathSentence, pathView, rangeOdds } from './ratecuts.ts';
import { pct } from './format.ts';

function latest(a: string, b?: string): string {
  return b !== undefined && b > a ? b : a;
}

export function digestSpec(data: DigestChartData): TopLevelSpec {
  const perf = data.performance;
  const s = performanceSeries(perf);
  const rc = data.rateCuts;
  const showPath = rc !== undefined && rc.path.length > 0;
  const lines = {
    ...rebasedLinesView(perf, s, showPath ? 400 : 700, 210, 'bottom'),
    title: panelTitle(`Small vs large, ${periodWords(perf.period)}`, `${dateRange(s.first, s.last)}, start = 100`),
  };
  const panels: ViewSpec[] = [lines];
  const headline = [`${perf.small.symbol} ${signedPct(s.smallReturnPct)} vs ${perf.large.symbol} ${signedPct(s.largeReturnPct)} over ${periodWords(perf.period)}`];
  if (rc && showPath) panels.push(pathView(rc, 250, 210));
  const odds = rc ? rangeOdds(rc) : [];
  if (rc && odds.length > 0) headline.push(`next FOMC ${shortDate(rc.next.date, false)}: ${pct(outcomeShares(odds).cut, 0)} cut odds`);
  const asOf = latest(perf.asOf, rc?.asOf);
  const sources = rc && rc.source !== perf.source ? `${perf.source}; ${rc.source}` : perf.source;
  return framed(
    `Small vs large caps, ${shortDate(asOf)}`,
    headline.join(' · '),
    { hconcat: panels, spacing: 36, resolve: { legend: { color: 'independent' } } },
    `Sources: ${sources} · as of ${shortDate(asOf)}`,
    worstFreshness(perf.freshness, rc?.freshness),
  );
}

export function digestAlt(data: DigestChartData): string {
  const parts = [performanceAlt(data.performance)];
  const rc = data.rateCuts;
  if (rc) {
    const odds = rangeOdds(rc);
    const cut = odds.length > 0 ? `Next FOMC meeting ${shortDate(rc.next.date)}: ${pct(outcomeShares(odds).cut, 0)} odds of a cut. ` : '';
    const path = pathSentence(rc);
    parts.push(`${path ? path + ' ' : ''}${cut}Source: ${rc.source}, as of ${shortDate(rc.asOf)}.`);
  }
  return `Digest chart. ${parts.join(' ')}`;
}
