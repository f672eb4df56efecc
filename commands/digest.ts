import { defineCommand } from '../src/command.ts';
import { composeDigest } from '../src/digest/compose.ts';

export default defineCommand({
  name: 'digest',
  description: "Today's digest: relative performance, valuation gaps and rate-cut pricing",
  options: [],
  examples: ['digest'],
  questions: {
    phrases: [
      {
        weight: 1.0,
        pattern: /\b(?:digest|recap|summary|summari[sz]e|rundown|run down|overview|briefing|brief|tldr|wrap(?: up)?|round ?up|highlights)\b/,
      },
      { weight: 0.9, pattern: /\b(?:catch me up|what did i miss|big picture|morning note|daily note|daily update|market update|everything)\b/ },
      { weight: 0.6, pattern: /\bwhat(?:'s| is| are)? (?:happening|going on|new|the latest)\b/ },
      { weight: 0.4, generic: true, pattern: /\b(?:update|latest)\b/ },
    ],
    words: ['digest', 'recap', 'summary', 'summarize', 'summarise', 'rundown', 'overview', 'briefing', 'highlights', 'update', 'latest'],
  },
  async run(ctx) {
    // The app's composition (configured rows, rate-cut section) is the scheduled digest's too.
    const compose = ctx.services.composeDigest;
    if (compose) return compose(ctx.now());
    return composeDigest({ market: ctx.market, now: ctx.now(), charts: ctx.services.charts });
  },
});
