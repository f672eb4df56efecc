/** Composition root: config -> store -> market data -> bot -> adapters -> scheduler. */
import { join } from 'node:path';
import { allCommands } from '../commands/index.ts';
import { digestRateCuts } from '../commands/ratecuts.ts';
import { alertWiring, type AlertWiring } from './alerts/wiring.ts';
import { createBot } from './bot.ts';
import type { Bot } from './bot-types.ts';
import { createChartService, preloadRenderer } from './charts/index.ts';
import type { ChartService } from './charts/types.ts';
import type { Services } from './command.ts';
import type { Config } from './config.ts';
import { prepareDataDir } from './data-dir.ts';
import { ChannelAccess } from './digest/channel-access.ts';
import { composeDigest } from './digest/compose.ts';
import type { Deliverer } from './digest/deliverer.ts';
import type { Compose } from './digest/edition.ts';
import { SubscriptionRepository } from './digest/subscriptions.ts';
import { createLogger, type Logger } from './logger.ts';
import { opsRoutes } from './http/ops-routes.ts';
import { Readiness } from './http/readiness.ts';
import type { Route } from './http/route.ts';
import { serveRoutes } from './http/server.ts';
import { createMarketData } from './market/live.ts';
import { guardCharts, withoutChartOnFailure } from './observability/degrade-charts.ts';
import { registry, startProcessMetrics } from './observability/metrics.ts';
import { installProcessGuards } from './observability/process-guard.ts';
import { guardOutput } from './observability/redact.ts';
import { saveChartOrDrop } from './observability/save-chart.ts';
import { createUserLimit } from './ratelimit/user-limit.ts';
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
  /** Alert metrics and charts, from the same data and chart service as answers. */
  alerts: AlertWiring;
  /** Adapters register their "can the bot post here?" check; subscribe asks it. */
  channelAccess: ChannelAccess;
  /** Writes a reply's chart under DATA_DIR/charts and records its path. */
  saveChart(reply: Reply): Promise<Reply>;
  close(): Promise<void>;
}

export async function createApp(config: Config, opts: { offline?: boolean; logger?: Logger; charts?: boolean } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  prepareDataDir(config.dataDir);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const market = createMarketData({ config: { ...config.providers, offline: opts.offline }, store, now: config.now, logger });
  // Without charts (the CLI unless --chart), replies carry none and Vega and resvg are never loaded.
  const charts = opts.charts === false ? undefined : guardCharts(createChartService({ cacheDir: join(config.dataDir, 'cache', 'charts') }), logger);
  const subscriptions = new SubscriptionRepository(store, config.now);
  const chartServices: { charts?: ChartService } = charts ? { charts } : {};
  const compose: Compose = (now) =>
    withoutChartOnFailure(chartServices, (s) => composeDigest({ market, now, charts: s.charts, rateCuts: digestRateCuts, ...config.digest }));
  const channelAccess = new ChannelAccess();
  const services: Services = { charts, subscriptions, composeDigest: compose, channelAccess, alerts: store.alerts };
  const limit = createUserLimit(config.env.RATE_LIMIT_PER_USER);
  const bot = createBot({ commands: allCommands, market, now: config.now, services, logger, limit });
  return {
    config,
    store,
    market,
    bot,
    logger,
    compose,
    channelAccess,
    alerts: alertWiring(market, config.now, charts),
    saveChart: (reply) => saveChartOrDrop(reply, config.dataDir, logger),
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
  guardOutput();
  const console = !config.discord && !config.slack;
  // On the console, provider warnings would interleave with answers; LOG_LEVEL still wins when set.
  const app = await createApp(config, console && !process.env.LOG_LEVEL ? { logger: createLogger('error') } : {});
  const unguard = installProcessGuards(app.logger);
  if (console) {
    const { runConsole } = await import('../adapters/console/index.ts');
    await runConsole({ bot: app.bot, prepare: (r) => app.saveChart(r), logger: app.logger });
    await app.close();
    return;
  }
  const stops: Array<() => Promise<void> | void> = [];
  const deliverers: Deliverer[] = [];
  startProcessMetrics();
  const readiness = new Readiness();
  readiness.set('database', () => app.store.ping().then(() => undefined));
  // Every HTTP route on PORT, one line each (Bolt's receiver serves them with Slack over HTTP).
  const routes: Route[] = [...opsRoutes({ readiness, registry })];
  const onRouteError = (error: unknown, route: Route) =>
    app.logger.error('http: route failed', { route: `${route.method} ${route.path}`, error: String(error) });
  const slackHttp = config.slack && !config.slack.appToken;
  try {
    if (config.discord?.publicKey) {
      // POST /discord/interactions: answered by whichever instance the load balancer picks.
      const { discordHttpRoutes } = await import('../adapters/discord/http-endpoint.ts');
      const http = discordHttpRoutes({ ...config.discord, publicKey: config.discord.publicKey, bot: app.bot, logger: app.logger, now: config.now, clickPolicy: config.env.CONTROLS_CLICK });
      routes.push(...http.routes);
      stops.push(() => http.stop());
    }
    if (!slackHttp) {
      const server = await serveRoutes(routes, config.env.PORT, onRouteError);
      stops.push(() => server.close());
      app.logger.info(`http listening on port ${server.port}`);
    }
    if (config.discord) {
      readiness.set('discord', () => 'connecting');
      const { startDiscord } = await import('../adapters/discord/index.ts');
      const discord = await startDiscord({ ...config.discord, bot: app.bot, logger: app.logger, now: config.now, clickPolicy: config.env.CONTROLS_CLICK, shardLocks: app.store.locks });
      readiness.set('discord', () => discord.notReady());
      stops.push(() => discord.stop());
      deliverers.push(discord.deliverer);
      app.channelAccess.register(discord.channelAccess);
      app.logger.info('discord connected');
    }
    if (config.slack) {
      readiness.set('slack', () => 'connecting');
      const { startSlack } = await import('../adapters/slack/index.ts');
      const slack = await startSlack({ ...config.slack, bot: app.bot, logger: app.logger, routes, onRouteError, events: app.store.events, clickPolicy: config.env.CONTROLS_CLICK });
      readiness.set('slack', () => slack.notReady());
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
  const { startScheduler } = await import('./digest/scheduler.ts');
  const scheduler = startScheduler({ store: app.store, deliverers, compose: app.compose, now: config.now, logger: app.logger, ledger: { leaseMs: config.digestLeaseMs } });
  stops.push(() => scheduler.stop());
  const { startAlertScheduler } = await import('./alerts/scheduler.ts');
  const alerts = startAlertScheduler({
    repo: app.store.alerts,
    ...app.alerts,
    locks: app.store.locks,
    deliverers,
    now: config.now,
    logger: app.logger,
    schedule: config.alerts.schedule,
    crossing: config.alerts.crossing,
    leaseSeconds: config.env.DIGEST_LEASE_SECONDS,
  });
  stops.push(() => alerts.stop());
  app.logger.info('capwatch started');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      app.logger.info('shutting down', { signal });
      // Graceful stop gets its window; a stop that hangs must not keep the process past the orchestrator's.
      const deadline = setTimeout(() => {
        app.logger.error('shutdown did not finish in time; exiting', { fault: 'shutdown_timeout' });
        process.exit(0);
      }, SHUTDOWN_DEADLINE_MS);
      deadline.unref();
      void (async () => {
        for (const s of stops.reverse()) {
          await Promise.resolve()
            .then(s)
            .catch((error: unknown) => app.logger.error('shutdown step failed', { error: String(error) }));
        }
        await app.close();
        unguard();
        resolve();
      })();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** Kubernetes and systemd wait 10 s by default before SIGKILL. */
const SHUTDOWN_DEADLINE_MS = 9000;
