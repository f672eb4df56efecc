/**
 * One capwatch instance for the multi-instance benchmark (bench/instances.ts), in its own process: its own
 * store connection, live market data from the local vendors, the real Discord and Slack deliverers to the
 * local emulators, and a scheduler. Driven over IPC: parent -> InstanceStart, child -> 'ready';
 * parent -> 'go', child -> InstanceReport, then exits.
 */
import { REST } from 'discord.js';
import { digestRateCuts } from '../../commands/ratecuts.ts';
import { createDiscordDeliverer } from '../../adapters/discord/deliverer.ts';
import { startSlack } from '../../adapters/slack/index.ts';
import { createBot } from '../../src/bot.ts';
import { createChartService } from '../../src/charts/index.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import { UNLIMITED } from '../../src/digest/fanout.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMarketData, type LiveMarketConfig } from '../../src/market/live.ts';
import { openStore } from '../../src/store/open.ts';

export interface InstanceStart {
  instanceId: string;
  databaseUrl: string;
  market: LiveMarketConfig;
  discordApi: string;
  discordToken: string;
  slackApi: string;
  now: string;
  concurrency: number;
}

export interface InstanceReport {
  instanceId: string;
  sent: number;
  skipped: number;
  other: number;
  composed: number;
  elapsedMs: number;
}

const send = (msg: unknown) => process.send!(msg);

process.once('message', async (start: InstanceStart) => {
  const now = new Date(start.now);
  const store = await openStore({ databaseUrl: start.databaseUrl, poolSize: 8 });
  const market = createMarketData({ config: start.market, store, now: () => now, logger: silentLogger });
  const charts = createChartService();
  const rest = new REST({ api: start.discordApi, globalRequestsPerSecond: 1_000_000 }).setToken(start.discordToken);
  const slack = await startSlack({ botToken: 'xoxb-bench', signingSecret: 'bench', apiUrl: start.slackApi, port: 0, bot: createBot({ commands: [], market }) });
  const lane = { ...UNLIMITED, concurrency: start.concurrency };
  const scheduler = startScheduler({
    store,
    deliverers: [createDiscordDeliverer(rest, () => now), slack.deliverer],
    compose: (at) => composeDigest({ market, now: at, charts, rateCuts: digestRateCuts }),
    now: () => now,
    logger: silentLogger,
    cron: false,
    instanceId: start.instanceId,
    fanout: { limits: { discord: lane, slack: lane } },
  });
  send('ready');
  process.once('message', async () => {
    const t0 = performance.now();
    const { outcomes } = await scheduler.tick();
    const elapsedMs = performance.now() - t0;
    const count = (r: string) => outcomes.filter((o) => o.result === r).length;
    const report: InstanceReport = {
      instanceId: start.instanceId,
      sent: count('sent'),
      skipped: count('skipped'),
      other: outcomes.length - count('sent') - count('skipped'),
      composed: scheduler.editions.composed,
      elapsedMs,
    };
    scheduler.stop();
    await slack.stop();
    await store.close();
    send(report);
    process.exit(0);
  });
});
