/** Composition root: config -> store -> market data -> bot -> adapters -> scheduler. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allCommands } from '../commands/index.ts';
import { createBot } from './bot.ts';
import type { Bot } from './bot-types.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createSnapshotMarketData } from './market/snapshot.ts';
import type { MarketData } from './market/types.ts';
import type { Reply } from './reply.ts';
import { openDatabase, type Db } from './store/db.ts';

export interface App {
  config: Config;
  db: Db;
  market: MarketData;
  bot: Bot;
  logger: Logger;
  services: Record<string, unknown>;
  /** Writes a reply's chart under DATA_DIR/charts and records its path. */
  saveChart(reply: Reply): Promise<Reply>;
  close(): void;
}

export function createApp(config: Config, opts: { offline?: boolean; logger?: Logger } = {}): App {
  const logger = opts.logger ?? createLogger(config.env.LOG_LEVEL);
  const db = openDatabase(join(config.dataDir, 'capwatch.sqlite'));
  const market = createSnapshotMarketData(config.now);
  const services: Record<string, unknown> = {};
  const bot = createBot({ commands: allCommands, market, now: config.now, services, offline: opts.offline, logger });
  return {
    config,
    db,
    market,
    bot,
    logger,
    services,
    async saveChart(reply) {
      if (!reply.chart || reply.chart.path) return reply;
      const dir = join(config.dataDir, 'charts');
      await mkdir(dir, { recursive: true });
      const path = join(dir, reply.chart.name);
      await writeFile(path, reply.chart.png);
      return { ...reply, chart: { ...reply.chart, path } };
    },
    close: () => db.close(),
  };
}

/** `npm start`: every adapter whose credentials are set, else the console. */
export async function start(config: Config): Promise<void> {
  const app = createApp(config);
  const stops: Array<() => Promise<void> | void> = [];
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop();
    app.close();
  };
  if (!config.discord && !config.slack) {
    const { runConsole } = await import('../adapters/console/index.ts');
    await runConsole({ bot: app.bot, prepare: (r) => app.saveChart(r) });
    await shutdown();
    return;
  }
  app.logger.info('capwatch started');
  await new Promise<void>((resolve) => {
    const stop = () => void shutdown().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
