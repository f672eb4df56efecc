import { defineCommand } from '../src/command.ts';
import { performanceControls } from '../src/controls.ts';
import { DataUnavailableError } from '../src/metrics/errors.ts';
import { computePerformance } from '../src/metrics/performance.ts';
import { periodOption, smallOption, vsOption } from './options.ts';
import { performanceReply, withChart } from './performance.ts';

export default defineCommand({
  name: 'chart',
  description: 'Chart of small caps against large caps, rebased to 100',
  options: [periodOption, vsOption, smallOption],
  examples: ['chart 6m', 'chart ytd vs:nasdaq'],
  questions: {
    phrases: [
      {
        weight: 1.3,
        pattern:
          /\b(?:charts?|charting|charted|plot|plots|plotted|plotting|graphs?|graphed|visuali[sz]e|visuals?|viz|draw|picture|pics?|image|img|screenshot|diagram|sparkline)\b|(?<!bottom |top |command )\blines?\b/,
      },
    ],
    words: ['chart', 'charts', 'graph', 'graphs', 'plotted', 'visualize', 'visualise', 'picture', 'diagram', 'plot'],
    refines: 'performance',
  },
  async run(ctx, options) {
    const result = await computePerformance(
      ctx.market,
      { period: options.period, small: options.small, vs: options.vs },
      ctx.now(),
    );
    if (!result.series) {
      throw new DataUnavailableError('A chart needs daily prices, and only published figures are available right now.');
    }
    const reply = await withChart(ctx, result, performanceReply(result));
    return { ...reply, title: `Chart: ${reply.title}`, controls: performanceControls('chart', options) };
  },
});
