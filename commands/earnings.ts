import { defineCommand } from '../src/command.ts';
import { NOT_FUND_STYLE } from '../src/nlu/wording.ts';
import { earningsSentences } from '../src/commentary/published.ts';
import { metricField } from '../src/fields.ts';
import { periodsCovered, quarterWords } from '../src/market/curated-keys.ts';
import { DataUnavailableError } from '../src/metrics/errors.ts';
import { sourceRef, uniqueSources } from '../src/metrics/sources.ts';

// The period each figure is for is part of its key; the newest period with a full set answers.
const YEARLY = ['earnings.eps_growth.<year>.small', 'earnings.eps_growth.<year>.large'];
const QUARTERLY = ['earnings.eps_yoy.<quarter>.small'];
const key = (template: string, period: string) => template.replace(/<year>|<quarter>/, period);

export default defineCommand({
  name: 'earnings',
  description: 'Earnings growth: small caps against the S&P 500',
  options: [],
  examples: ['earnings'],
  questions: {
    phrases: [
      { weight: 1.0, pattern: /(?<!price to |forward )\bearnings\b(?! multiples?\b| yield\b)/ },
      {
        weight: 0.9,
        pattern:
          /\b(?:eps|(?:un)?profit(?:s|able|ability)?|loss making|money losing|(?<!\b(?:i|we|you|u)\s)los(?:e|es|ing) money|negative earners|zombies?|revenues?|sales|margins?|bottom line|top line|net income|guidance|(?:reporting|earnings) season)\b/,
      },
      { weight: 0.5, pattern: new RegExp(String.raw`${NOT_FUND_STYLE}\bgrowth\b`) },
      { weight: 0.35, generic: true, pattern: /\b(?:estimates?|forecasts?|projected|projections?|outlook)\b/ },
    ],
    words: ['earnings', 'profits', 'profit', 'revenue', 'revenues', 'margins', 'growth', 'guidance', 'estimates', 'forecast'],
  },
  async run(ctx) {
    const known = (await ctx.market.curatedAll()).map((f) => f.key);
    const year = periodsCovered(known, YEARLY)[0];
    if (!year) throw new DataUnavailableError('No published EPS growth projection for small and large caps is known as of now (earnings.eps_growth.<year>.small/.large).');
    const quarter = periodsCovered(known, QUARTERLY)[0];
    const [small, large, qEps, qSales, ntm] = await Promise.all([
      ctx.market.curated(key(YEARLY[0]!, year)),
      ctx.market.curated(key(YEARLY[1]!, year)),
      quarter ? ctx.market.curated(key('earnings.eps_yoy.<quarter>.small', quarter)) : null,
      quarter && known.includes(key('earnings.sales_yoy.<quarter>.small', quarter)) ? ctx.market.curated(key('earnings.sales_yoy.<quarter>.small', quarter)) : null,
      known.includes('earnings.ntm_growth_ytd.small') ? ctx.market.curated('earnings.ntm_growth_ytd.small') : null,
    ]);
    const figures = [small, large, qEps, qSales, ntm].filter((f) => f !== null);
    const fields = figures.map((f) => metricField(f.key.replace(/^earnings\./, ''), f.label, f.value, '%'));
    const projectionAsOf = small.asOf <= large.asOf ? small.asOf : large.asOf;
    return {
      title: 'Earnings growth: small caps vs the S&P 500',
      commentary: earningsSentences({
        smallGrowth: small.value,
        largeGrowth: large.value,
        year,
        asOf: projectionAsOf,
        fresh: !(small.provenance.stale || large.provenance.stale),
        ...(quarter && qEps ? { quarter: quarterWords(quarter), quarterEps: qEps.value } : {}),
        ...(qSales ? { quarterSales: qSales.value } : {}),
      }),
      sections: [{ title: 'EPS growth', fields }],
      sources: uniqueSources(figures.map((f) => sourceRef(f.label, f.provenance))),
      visibility: 'public',
      tone: small.value > large.value ? 'positive' : 'neutral',
      data: {
        epsGrowth: { year, small: small.value, large: large.value, asOf: projectionAsOf },
        ...(quarter && qEps ? { quarter: { period: quarter, epsYoY: qEps.value, ...(qSales ? { salesYoY: qSales.value } : {}), asOf: qEps.asOf } } : {}),
        ...(ntm ? { ntmGrowthYtd: ntm.value } : {}),
      },
    };
  },
});
