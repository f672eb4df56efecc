import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/index.ts';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import type { ChartService } from '../../src/charts/types.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import type { Logger } from '../../src/logger.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import { CHART_DROPPED_NOTE, guardCharts, withoutChartOnFailure } from '../../src/observability/degrade-charts.ts';
import { registry } from '../../src/observability/metrics.ts';
import { createUserLimit } from '../../src/ratelimit/user-limit.ts';
import { fakeMarket, weekdayBars } from '../helpers/fake-market.ts';

const now = () => new Date('2025-09-10T21:00:00Z');
const broken = (): ChartService => {
  const fail = async () => {
    throw new Error('resvg: out of memory');
  };
  return { performance: fail, rateCuts: fail, valuation: fail, digest: fail };
};
function recording(): Logger & { lines: Array<{ level: string; msg: string; extra?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; msg: string; extra?: Record<string, unknown> }> = [];
  return {
    lines,
    info: (msg, extra) => lines.push({ level: 'info', msg, extra }),
    warn: (msg, extra) => lines.push({ level: 'warn', msg, extra }),
    error: (msg, extra) => lines.push({ level: 'error', msg, extra }),
  };
}
const chartFailures = async () => (await registry.getSingleMetric('capwatch_chart_failures_total')!.get()).values.reduce((n, v) => n + v.value, 0);

describe('degrade, never die', () => {
  it('a chart renderer failure answers without the chart, logged with the fault and counted', async () => {
    const logger = recording();
    const before = await chartFailures();
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now, logger, services: { charts: guardCharts(broken(), logger) } });
    const reply = await bot.run('valuation');
    expect(reply.error).toBeUndefined();
    expect(reply.chart).toBeUndefined();
    expect(reply.sections.length).toBeGreaterThan(0);
    expect(reply.notes).toContain(CHART_DROPPED_NOTE);
    expect(logger.lines.find((l) => l.extra?.fault === 'chart_render')).toMatchObject({ level: 'error', extra: { chart: 'valuation' } });
    expect(await chartFailures()).toBe(before + 1);
  });

  it('a digest edition whose chart fails is still composed, without the chart', async () => {
    const logger = recording();
    const services: { charts?: ChartService } = { charts: guardCharts(broken(), logger) };
    const at = new Date('2025-11-24T13:30:00Z');
    const line = (base: number) => weekdayBars('2024-10-01', '2025-11-21', (i) => base + 0.1 * i);
    const market = fakeMarket({ IWM: line(200), SPY: line(500), QQQ: line(450) }, { now: () => at });
    const reply = await withoutChartOnFailure(services, (s) => composeDigest({ market, now: at, charts: s.charts }));
    expect(logger.lines.some((l) => l.extra?.fault === 'chart_render' && l.extra.chart === 'digest')).toBe(true);
    expect(reply.error).toBeUndefined();
    expect(reply.chart).toBeUndefined();
    expect(reply.notes).toContain(CHART_DROPPED_NOTE);
  });

  it('the console survives an answer that fails and answers the next line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c) => (text += c));
    const logger = recording();
    let first = true;
    const done = runConsole({
      bot: createBot({ commands: allCommands, market: createSnapshotMarketData(now), now }),
      input,
      output,
      logger,
      prepare: async (r) => {
        if (first) {
          first = false;
          throw new Error('disk full');
        }
        return r;
      },
    });
    input.end('help\nhelp\n');
    await done;
    expect(text).toContain('Something went wrong with that answer');
    expect(text).toContain('capwatch: small caps vs large caps');
    expect(logger.lines.find((l) => l.extra?.fault === 'console_answer')?.extra?.error).toMatch(/disk full/);
  });

  it('rate-limited questions and commands are counted under their own outcome', async () => {
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now, limit: createUserLimit({ points: 1, seconds: 60 }) });
    const actor = { platform: 'discord' as const, userId: 'U-degrade' };
    expect((await bot.ask('how are small caps valued?', actor)).reply.error).toBeUndefined();
    const second = await bot.ask('how are small caps valued?', actor);
    expect(second.reply.error?.kind).toBe('rate_limited');
    const third = await bot.handle(bot.invocation('help', {}, 'slash', actor));
    expect(third.error?.kind).toBe('rate_limited');
  });
});
