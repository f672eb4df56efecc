import type { ChartService } from '../src/charts/types.ts';
import { defineCommand } from '../src/command.ts';
import { composeDigest, type DigestDeps } from '../src/digest/compose.ts';

export default defineCommand({
  name: 'digest',
  description: "Today's digest: relative performance, valuation gaps and rate-cut pricing",
  options: [],
  examples: ['digest'],
  keywords: ['digest', 'summary', 'overview', 'briefing', 'recap', 'wrap'],
  async run(ctx) {
    return composeDigest({
      market: ctx.market,
      now: ctx.now(),
      charts: ctx.services.charts as ChartService | undefined,
      rateCuts: ctx.services.digestRateCuts as DigestDeps['rateCuts'],
    });
  },
});
