import { defineCommand } from '../src/command.ts';
import { publishedCutsSentence } from '../src/commentary/published.ts';
import { display } from '../src/format.ts';
import { sourceRef } from '../src/metrics/sources.ts';
import { direction } from '../src/reply.ts';

/** Curated figures until the FedWatch engine is wired in. */
export default defineCommand({
  name: 'ratecuts',
  description: 'Fed rate cuts priced by fed funds futures, meeting by meeting',
  options: [
    { name: 'meeting', description: 'FOMC meeting: next, a decision date YYYY-MM-DD or a month YYYY-MM', default: 'next' },
    { name: 'by', description: 'Horizon for cuts priced: yearend or YYYY-MM' },
  ],
  examples: ['ratecuts', 'ratecuts 2026-12', 'ratecuts next by:yearend'],
  keywords: ['cut', 'cuts', 'rate', 'rates', 'fed', 'fomc', 'hike', 'odds', 'meeting', 'futures', 'fedwatch'],
  async run(ctx) {
    const cuts = await ctx.market.curated('ratecuts.cuts_by_2025_end');
    return {
      title: 'Rate-cut pricing',
      commentary: publishedCutsSentence(cuts.value, 'the end of 2025'),
      sections: [
        {
          title: 'Priced cuts',
          fields: [
            { key: 'cutsByYearEnd', label: 'Cuts by end of 2025', value: cuts.value, unit: 'cuts', display: `~${cuts.value}`, direction: direction(-cuts.value) },
          ],
        },
      ],
      sources: [sourceRef(cuts.label, cuts.provenance)],
      visibility: 'public',
      tone: 'neutral',
      data: { published: { cutsByYearEnd: cuts.value, horizon: '2025-12', asOf: cuts.asOf, display: display(cuts.value, 'cuts') } },
    };
  },
});
