import { defineCommand } from '../src/command.ts';
import { composeDigest } from '../src/digest/compose.ts';

export default defineCommand({
  name: 'digest',
  description: "Today's digest: relative performance, valuation gaps and rate-cut pricing",
  options: [],
  examples: ['digest'],
  keywords: ['digest', 'summary', 'overview', 'briefing', 'recap', 'wrap'],
  async run(ctx) {
    // The app's composition (configured rows, rate-cut section) is the scheduled digest's too.
    const compose = ctx.services.composeDigest;
    if (compose) return compose(ctx.now());
    return composeDigest({ market: ctx.market, now: ctx.now(), charts: ctx.services.charts });
  },
});
