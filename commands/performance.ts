import { describePeriod, describePeriodTo } from '../src/analytics/periods.ts';
import { leastFresh } from '../src/charts/layout.ts';
import { defineCommand, type CommandContext } from '../src/command.ts';
import { performanceControls } from '../src/controls.ts';
import { performanceCommentary, performanceVerb } from '../src/commentary/performance.ts';
import { metricField } from '../src/fields.ts';
import { computePerformance, performanceJson, type PerformanceData, type PerformanceResult } from '../src/metrics/performance.ts';
import { sourceRef, uniqueSources } from '../src/metrics/sources.ts';
import type { Field, Reply } from '../src/reply.ts';
import { periodOption, smallOption, vsOption } from './options.ts';

export default defineCommand({
  name: 'performance',
  description: 'Small caps against large caps over a period',
  options: [periodOption, vsOption, smallOption],
  examples: ['performance 1m', 'performance ytd vs:nasdaq', 'performance since:2025-07-01 small:rut'],
  questions: {
    phrases: [
      { weight: 1.0, pattern: /\b(?:out|under)?perform(?:ance|ances|ing|ed|s|ers?)?\b/ },
      { weight: 0.9, pattern: /\breturn(?:s|ed|ing)?\b|\byear to date\b|\bytd\b/ },
      {
        weight: 0.8,
        generic: true,
        pattern:
          /\bhow\b(?:\s+\S+){1,6}?\s+(?:do|doing|done|fare|fared|faring|go|going|gone|held up|holding up|hold up|trade|trading|traded|look|looking|gain|gained|move|moved|rise|rose|fall|fell|close|closed|finish|finished|end|ended)\b/,
      },
      {
        weight: 0.55,
        generic: true,
        pattern:
          /\b(?:gains?|gained|lost|loss|losses|losing|rall(?:y|ied|ies|ying)|beat(?:en|ing|s)?|lag(?:s|ged|ging)?|trail(?:s|ed|ing)?|leading|led|ahead|behind|outpac\w*|up|down|rise|rose|risen|fell|fallen|drop(?:ped|s)?|jump(?:ed)?|surg(?:e|ed)|slump(?:ed)?|tank(?:ed|ing|s)?|moved?|moves|crush(?:ed|ing)|smok(?:ed|ing)|cooked|hammer(?:ed|ing)|kill(?:ed|ing)|wreck(?:ed|ing)|rekt|bleed(?:ing|s)?|bled|rip(?:s|ped|ping)?|moon(?:ed|ing)?|pump(?:ed|ing)?|dump(?:ed|ing)?|puk(?:e|ed|ing)|sell ?off|sold off|selling off|melt(?:ed|ing)? up|squeez(?:e|ed|ing)|crater(?:ed|ing)?|plung(?:e|ed|ing)|soar(?:ed|ing)?|spik(?:e|ed|ing)|popp(?:ed|ing)|bounc(?:e|ed|ing)|sank|sink(?:ing)?|slid|slid(?:e|ing)|climb(?:ed|ing)?|green|red|bid|catching a bid|win|wins|won|winning|winners?|better|worse|best|worst|change|changed|catch(?:ing)? up|keep(?:ing)? up|kept up|momentum|leadership|rotation|on a tear)\b/,
      },
      { weight: 0.25, generic: true, pattern: /\b(?:relative|spread|head to head|compared?|comparison|vs|versus|against)\b/ },
    ],
    words: [
      'performance', 'performing', 'performed', 'outperform', 'outperforming', 'underperform', 'underperforming',
      'returns', 'return', 'returned', 'rallied', 'trailing', 'lagging', 'behind', 'gained',
    ],
    offer: 'performance 1m',
  },
  async run(ctx, options) {
    const result = await computePerformance(
      ctx.market,
      { period: options.period, small: options.small, vs: options.vs },
      ctx.now(),
    );
    const reply = await withChart(ctx, result, performanceReply(result));
    return { ...reply, controls: performanceControls('performance', options) };
  },
});

export function performanceFields(r: PerformanceResult): Field[] {
  const fields = [metricField('small', r.small.symbol, r.small.return, '%')];
  if (r.large) fields.push(metricField('large', r.large.symbol, r.large.return, '%'));
  if (r.spreadPp !== null) fields.push(metricField('spread', 'Spread', r.spreadPp, 'pp'));
  if (r.relativePct !== null) fields.push(metricField('relative', 'Relative growth', r.relativePct, '%'));
  return fields;
}

export function performanceReply(r: PerformanceResult): Reply<PerformanceData> {
  const periodText = r.dataEnds ? describePeriodTo(r.period, r.end) : describePeriod(r.period);
  const span = r.start ? `${r.start} to ${r.end}` : `to ${r.end}`;
  const sources = [sourceRef(`${r.small.symbol} closes`, r.small.provenance)];
  if (r.large) sources.push(sourceRef(`${r.large.symbol} closes`, r.large.provenance));
  return {
    title: `Small caps vs large caps, ${r.period} (${span})`,
    commentary: performanceCommentary({
      smallLabel: r.small.label,
      largeLabel: r.large?.label ?? r.largeAsked.label,
      periodText,
      smallPct: r.small.return,
      largePct: r.large?.return ?? null,
      ...(r.start !== null && r.start === r.end ? { noSessionSince: r.end } : {}),
    }),
    sections: [{ title: 'Returns', fields: performanceFields(r) }],
    sources: uniqueSources(sources),
    visibility: 'public',
    tone: r.spreadPp === null ? 'neutral' : toneOf(r.spreadPp),
    data: performanceJson(r),
    notes: r.notes.length ? [...r.notes] : undefined,
  };
}

function toneOf(spreadPp: number): Reply['tone'] {
  const verb = performanceVerb(spreadPp);
  return verb === 'outperformed' ? 'positive' : verb === 'lagged' ? 'negative' : 'neutral';
}

export async function withChart<D>(ctx: CommandContext, r: PerformanceResult, reply: Reply<D>): Promise<Reply<D>> {
  const charts = ctx.services.charts;
  if (!charts || !r.series || !r.large) return reply;
  const chart = await charts.performance({
    period: r.period,
    small: { symbol: r.small.symbol, label: r.small.label, points: r.series.small },
    large: { symbol: r.large.symbol, label: r.large.label, points: r.series.large },
    source: r.small.provenance.source,
    asOf: r.end,
    freshness: leastFresh(r.small.provenance, r.large.provenance),
  });
  return { ...reply, chart };
}
