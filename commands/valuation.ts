import { leastFresh } from '../src/charts/layout.ts';
import { defineCommand } from '../src/command.ts';
import { evEbitdaSentence, forwardPeSentence } from '../src/commentary/valuation.ts';
import { metricField } from '../src/fields.ts';
import { sourceRef } from '../src/metrics/sources.ts';
import { computeValuation, valuationJson, type ValuationData, type ValuationResult } from '../src/metrics/valuation.ts';
import type { Field, Reply } from '../src/reply.ts';

export default defineCommand({
  name: 'valuation',
  description: 'Valuation gaps: forward P/E and EV/EBITDA, small against large, against history',
  options: [],
  examples: ['valuation'],
  keywords: ['valuation', 'cheap', 'expensive', 'pe', 'p/e', 'multiple', 'ebitda', 'discount', 'premium', 'valued'],
  async run(ctx) {
    const v = await computeValuation(ctx.market);
    const reply = valuationReply(v);
    const charts = ctx.services.charts;
    if (!charts) return reply;
    const chart = await charts.valuation({
      bars: [{ metric: 'Forward P/E', small: v.forwardPE.small, large: v.forwardPE.large }],
      premiums: [{ metric: 'EV/EBITDA vs S&P 490', premiumPct: v.evEbitda.premiumPct, medianPct: v.evEbitda.medianPct }],
      smallLabel: 'Russell 2000',
      largeLabel: 'S&P 500',
      source: [...new Set([v.provenance.forwardPE.source, v.provenance.evEbitda.source])].join('; '),
      asOf: v.provenance.forwardPE.asOf,
      freshness: leastFresh(v.provenance.forwardPE, v.provenance.evEbitda),
    });
    return { ...reply, chart };
  },
});

export function valuationFields(v: ValuationResult): Field[] {
  const f = metricField;
  return [
    f('forwardPE.small', 'Russell 2000 fwd P/E', v.forwardPE.small, 'x'),
    f('forwardPE.large', 'S&P 500 fwd P/E', v.forwardPE.large, 'x'),
    f('forwardPE.gap', 'P/E gap', v.forwardPE.gapPct, '%'),
    f('evEbitda.premium', 'EV/EBITDA premium', v.evEbitda.premiumPct, '%'),
    f('evEbitda.median', '10-yr median premium', v.evEbitda.medianPct, '%'),
  ];
}

export function valuationCommentary(v: ValuationResult): string {
  return [
    forwardPeSentence({ smallLabel: 'The Russell 2000', largeLabel: 'the S&P 500', ...v.forwardPE }),
    evEbitdaSentence({ ...v.evEbitda, comparedWith: 'the S&P 490 (ex financials)' }),
  ].join(' ');
}

function valuationReply(v: ValuationResult): Reply<ValuationData> {
  return {
    title: 'Valuation: small caps vs large caps',
    commentary: valuationCommentary(v),
    sections: [{ title: 'Multiples', fields: valuationFields(v) }],
    sources: [
      sourceRef('Forward P/E', v.provenance.forwardPE),
      sourceRef('EV/EBITDA premium and 10-year median', v.provenance.evEbitda),
    ],
    visibility: 'public',
    tone: v.forwardPE.gapPct < 0 ? 'positive' : 'neutral',
    data: valuationJson(v),
  };
}
