/** Composition root: config -> store -> market data -> bot -> adapters -> scheduler. */
import { join } from 'node:path';
import { allCommands } from '../commands/index.ts';
import { digestRateCuts } from '../commands/ratecuts.ts';
import { createBot } from './bot.ts';
import type { Bot } from './bot-types.ts';
import { createChartService, preloadRenderer, saveChart } from './charts/index.ts';
import type { Config } from './config.ts';
import { ChannelAccess } from './digest/channel-access.ts';
import { composeDigest } from './digest/compose.ts';
import type { Deliverer } from './digest/deliverer.ts';
import type { Compose } from './digest/edition.ts';
import { startScheduler } from './digest/scheduler.ts';
import { SubscriptionRepository } from './digest/subscriptions.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMarketData } from './market/live.ts';
import type { MarketData } from './market/types.ts';
import type { Reply } from './reply.ts';
import { openStore, type Store } from './store/open.ts';

export interface App {
  config: Config;
  store: Store;
  market: MarketData;
  bot: Bot;
  logger: Logger;
  /** Today's digest edition, computed from the same services as the `digest` command. */
  compose: Compose;
  /** Adapters register their "can the bot post here?" check; subscribe asks it. */
  channelAccess: ChannelAccess;
  /** Writes a reply's chart under DATA_DIR/charts and records its path. */
  saveChart(reply: Reply): Promise<Reply>;
  close(): Promise<void>;
}

export async function createApp(config: Config, opts: { offline?: boolean; logger?: Logger } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const market = createMarketData({ config: { ...config.providers, offline: opts.offline }, store, now: config.now, logger });
  const charts = createChartService({ cacheDir: join(config.dataDir, 'cache', 'charts') });
  const subscriptions = new SubscriptionRepository(store, config.now);
  const compose: Compose = (now) => composeDigest({ market, now, charts, rateCuts: digestRateCuts, ...config.digest });
  const channelAccess = new ChannelAccess();
  const services: Record<string, unknown> = { charts, subscriptions, composeDigest: compose, channelAccess };
  const bot = createBot({ commands: allCommands, market, now: config.now, services, logger });
  return {
    config,
    store,
    market,
    bot,
    logger,
    compose,
    channelAccess,
    async saveChart(reply) {
      if (!reply.chart || reply.chart.path) return reply;
      return { ...reply, chart: { ...reply.chart, path: await saveChart(reply.chart, config.dataDir) } };
    },
    close: () => store.close(),
  };
}

/** Deliverers over the platforms' REST APIs only (no gateway), for operator commands such as `digest --post`. */
export async function restDeliverers(config: Config, logger: Logger): Promise<Deliverer[]> {
  const deliverers: Deliverer[] = [];
  if (config.discord) {
    const { REST } = await import('discord.js');
    const { createDiscordDeliverer } = await import('../adapters/discord/deliverer.ts');
    const rest = new REST({ api: config.discord.apiUrl, version: '10' }).setToken(config.discord.token);
    deliverers.push(createDiscordDeliverer(rest, config.now, { appId: config.discord.appId, token: config.discord.token }));
  }
  if (config.slack) {
    const { webApi } = await import('@slack/bolt');
    const { createSlackDeliverer } = await import('../adapters/slack/deliverer.ts');
    const client = new webApi.WebClient(config.slack.botToken, {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    deliverers.push(createSlackDeliverer(client, logger));
  }
  return deliverers;
}

/** `npm start`: every adapter whose credentials are set, else the console. */
export async function start(config: Config): Promise<void> {
  const console = !config.discord && !config.slack;
  // On the console, provider warnings would interleave with answers; LOG_LEVEL still wins when set.
  const app = await createApp(config, console && !process.env.LOG_LEVEL ? { logger: createLogger('error') } : {});
  if (console) {
    const { runConsole } = await import('../adapters/console/index.ts');
    await runConsole({ bot: app.bot, prepare: (r) => app.saveChart(r) });
    await app.close();
    return;
  }
  const stops: Array<() => Promise<void> | void> = [];
  const deliverers: Deliverer[] = [];
  try {
    if (config.discord) {
      const { startDiscord } = await import('../adapters/discord/index.ts');
      const discord = await startDiscord({ ...config.discord, bot: app.bot, logger: app.logger, now: config.now });
      stops.push(() => discord.stop());
      deliverers.push(discord.deliverer);
      app.channelAccess.register(discord.channelAccess);
      app.logger.info('discord connected');
    }
    if (config.slack) {
      const { startSlack } = await import('../adapters/slack/index.ts');
      const slack = await startSlack({ ...config.slack, bot: app.bot, logger: app.logger, events: app.store.events });
      stops.push(() => slack.stop());
      deliverers.push(slack.deliverer);
      app.channelAccess.register(slack.channelAccess);
      app.logger.info(config.slack.appToken ? 'slack connected (socket mode)' : `slack listening on port ${slack.port}`);
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    await app.close();
    throw error;
  }
  // A long-running bot pays the chart renderer's load once, up front, not on a user's first chart.
  await preloadRenderer();
  const scheduler = startScheduler({ store: app.store, deliverers, compose: app.compose, now: config.now, logger: app.logger, ledger: { leaseMs: config.digestLeaseMs } });
  stops.push(() => scheduler.stop());
  app.logger.info('capwatch started');
  await new Promise<void>((resolve) => {
    const stop = () => {
      app.logger.info('shutting down');
      void (async () => {
        for (const s of stops.reverse()) await s();
        await app.close();
        resolve();
      })();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
