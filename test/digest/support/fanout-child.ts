/**
 * The bot side of the digest benchmark, run in its own process so its RSS is not mixed with the emulators':
 * seeds subscriptions, runs one scheduler tick through the real adapters' deliverers, prints JSON figures.
 * Arg: path of a JSON config written by bench/digest.ts.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { createDiscordDeliverer } from '../../../adapters/discord/deliverer.ts';
import { startSlack } from '../../../adapters/slack/index.ts';
import { createBot } from '../../../src/bot.ts';
import { createChartService } from '../../../src/charts/index.ts';
import { composeDigest } from '../../../src/digest/compose.ts';
import type { Deliverer, Platform } from '../../../src/digest/deliverer.ts';
import { REALISTIC_LIMITS, UNLIMITED } from '../../../src/digest/fanout.ts';
import { startScheduler } from '../../../src/digest/scheduler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { openStore } from '../../../src/store/open.ts';
import { fakeMarket, weekdayBars } from '../../helpers/fake-market.ts';

export interface ChildConfig {
  mode: 'unlimited' | 'realistic';
  discordApi: string;
  discordToken: string;
  slackApi: string;
  discordChannels: string[];
  slackChannels: string[];
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ChildConfig;
const SEND = new Date('2025-11-24T13:30:00Z');
const CREATED = new Date('2025-11-20T12:00:00Z');

let peakRss = process.memoryUsage().rss;
let peakHeap = 0;
let peakBuffers = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
}, 10);

const wave = (base: number, drift: number) => (i: number) => base * (1 + drift * i + 0.01 * Math.sin(i / 3));
const market = fakeMarket(
  {
    IWM: weekdayBars('2024-10-01', '2025-11-21', wave(200, 0.0006)),
    SPY: weekdayBars('2024-10-01', '2025-11-21', wave(560, 0.0004)),
    QQQ: weekdayBars('2024-10-01', '2025-11-21', wave(480, 0.0005)),
  },
  { now: () => SEND },
);
const charts = createChartService();

const unlimited = config.mode === 'unlimited';
const rest = new REST({ api: config.discordApi, ...(unlimited ? { globalRequestsPerSecond: 1_000_000 } : {}) }).setToken(config.discordToken);
const slack = await startSlack({
  botToken: 'xoxb-bench',
  signingSecret: 'bench',
  apiUrl: config.slackApi,
  port: 0,
  bot: createBot({ commands: [], market }),
});

const starts: Record<Platform, number[]> = { discord: [], slack: [] };
/** RSS when the first send starts: the edition (data, chart, Vega loaded) is composed, nothing sent yet. */
let rssAtFirstSend = 0;
const timed = (d: Deliverer): Deliverer => ({
  platform: d.platform,
  send(channelId, reply, key) {
    if (rssAtFirstSend === 0) rssAtFirstSend = process.memoryUsage().rss;
    starts[d.platform].push(performance.now());
    return d.send(channelId, reply, key);
  },
});

// BENCH_FANOUT_CONCURRENCY overrides the sends in flight per platform with rate limits off.
const unlimitedLane = { ...UNLIMITED, concurrency: Number(process.env.BENCH_FANOUT_CONCURRENCY) || UNLIMITED.concurrency };
const dir = mkdtempSync(join(tmpdir(), 'capwatch-bench-'));
const db = await openStore({ file: join(dir, 'capwatch.sqlite') });
let now = CREATED;
const scheduler = startScheduler({
  store: db,
  deliverers: [timed(createDiscordDeliverer(rest, () => SEND)), timed(slack.deliverer)],
  compose: (at) => composeDigest({ market, now: at, charts }),
  now: () => now,
  logger: silentLogger,
  cron: false,
  fanout: { limits: unlimited ? { discord: unlimitedLane, slack: unlimitedLane } : REALISTIC_LIMITS },
});
const rssBeforeSeed = process.memoryUsage().rss;
for (const channelId of config.discordChannels) await scheduler.subscriptions.save({ platform: 'discord', channelId, userId: 'bench' });
for (const channelId of config.slackChannels) await scheduler.subscriptions.save({ platform: 'slack', channelId, userId: 'bench' });

const rssBefore = process.memoryUsage().rss;
now = SEND;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { outcomes } = await scheduler.tick();
const elapsedMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);

/** Median wall time of a tick at `at` over a few runs. */
async function tickMs(at: Date): Promise<number> {
  now = at;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await scheduler.tick();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!;
}
const idleTickMs = await tickMs(new Date('2025-11-24T20:00:00Z')); // 15:00 New York: nothing due
const sentTickMs = await tickMs(new Date(SEND.getTime() + 30 * 60_000)); // all due, all already sent

/** Sends started per second in the steady part of the run: from 1 s after the first start, over `windowMs`. */
function steadyRate(times: number[], windowMs: number): number | null {
  if (times.length === 0) return null;
  const from = times[0]! + 1000;
  const inWindow = times.filter((t) => t >= from && t < from + windowMs).length;
  return inWindow / (windowMs / 1000);
}

const result = {
  mode: config.mode,
  subscriptions: config.discordChannels.length + config.slackChannels.length,
  sent: outcomes.filter((o) => o.result === 'sent').length,
  failed: outcomes.filter((o) => o.result !== 'sent').length,
  elapsedMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  idleTickMs,
  sentTickMs,
  rssBeforeSeedMb: rssBeforeSeed / 2 ** 20,
  rssBeforeMb: rssBefore / 2 ** 20,
  rssAtFirstSendMb: rssAtFirstSend / 2 ** 20,
  peakRssMb: peakRss / 2 ** 20,
  peakHeapMb: peakHeap / 2 ** 20,
  peakBuffersMb: peakBuffers / 2 ** 20,
  chartBytes: (await scheduler.editions.get(SEND)).reply.chart?.png.length ?? 0,
  composed: scheduler.editions.composed,
  chartRenders: charts.renders,
  marketFetches: market.calls.length,
  discordRate: steadyRate(starts.discord, 10_000),
  slackRate: steadyRate(starts.slack, 10_000),
  limits: { discord: REALISTIC_LIMITS.discord.perSecond, slack: REALISTIC_LIMITS.slack.perSecond },
};
await slack.stop();
scheduler.stop();
await db.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(result));
process.exit(0);
