import type { ChartService } from '../src/charts/types.ts';
import { defineCommand } from '../src/command.ts';
import { composeDigest } from '../src/digest/compose.ts';
import type { Compose } from '../src/digest/edition.ts';

export default defineCommand({
  name: 'digest',
  description: "Today's digest: relative performance, valuation gaps and rate-cut pricing",
  options: [],
  examples: ['digest'],
  keywords: ['digest', 'summary', 'overview', 'briefing', 'recap', 'wrap'],
  async run(ctx) {
    // The app's composition (configured rows, rate-cut section) is the scheduled digest's too.
    const compose = ctx.services.composeDigest as Compose | undefined;
    if (compose) return compose(ctx.now());
    return composeDigest({ market: ctx.market, now: ctx.now(), charts: ctx.services.charts as ChartService | undefined });
  },
});
