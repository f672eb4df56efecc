import { defineCommand } from '../src/command.ts';
import { earningsSentences } from '../src/commentary/published.ts';
import { metricField } from '../src/fields.ts';
import { sourceRef, uniqueSources } from '../src/metrics/sources.ts';

const KEYS = {
  small2026: 'earnings.eps_growth_2026.small',
  large2026: 'earnings.eps_growth_2026.large',
  q2Eps: 'earnings.q2_eps_yoy.small',
  q2Sales: 'earnings.q2_sales_yoy.small',
  ntm: 'earnings.ntm_growth_ytd.small',
} as const;

export default defineCommand({
  name: 'earnings',
  description: 'Earnings growth: small caps against the S&P 500',
  options: [],
  examples: ['earnings'],
  keywords: ['earnings', 'eps', 'profit', 'profits', 'growth', 'sales'],
  async run(ctx) {
    const [small, large, q2Eps, q2Sales, ntm] = await Promise.all(
      [KEYS.small2026, KEYS.large2026, KEYS.q2Eps, KEYS.q2Sales, KEYS.ntm].map((k) => ctx.market.curated(k)),
    );
    const figures = [small!, large!, q2Eps!, q2Sales!, ntm!];
    const fields = figures.map((f) => metricField(f.key.replace(/^earnings\./, ''), f.label, f.value, '%'));
    return {
      title: 'Earnings growth: small caps vs the S&P 500',
      commentary: earningsSentences({
        smallGrowth: small!.value,
        largeGrowth: large!.value,
        year: '2026',
        q2Eps: q2Eps!.value,
        q2Sales: q2Sales!.value,
      }),
      sections: [{ title: 'EPS growth', fields }],
      sources: uniqueSources(figures.map((f) => sourceRef(f.label, f.provenance))),
      visibility: 'public',
      tone: small!.value > large!.value ? 'positive' : 'neutral',
      data: {
        epsGrowth2026: { small: small!.value, large: large!.value },
        q2: { epsYoY: q2Eps!.value, salesYoY: q2Sales!.value },
        ntmGrowthYtd: ntm!.value,
      },
    };
  },
});
