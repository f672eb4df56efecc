/** The Discord adapter: gateway client (Guilds + GuildMessages), slash commands, mentions and a Deliverer. */
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, Status, type RateLimitData } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { createDiscordDeliverer } from './deliverer.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './mentions.ts';

export interface DiscordOptions {
  token: string;
  appId: string;
  /** REST base (DISCORD_API_URL); the gateway URL comes from GET /gateway/bot. */
  apiUrl?: string;
  bot: Bot;
  logger?: Logger;
  now?: () => Date;
  /** Answers not ready after this long are deferred, then edited in. Default 300 ms (Discord allows 3 s). */
  deferAfterMs?: number;
  /** Rate-limit waits up to this long are absorbed; longer ones fail (deliveries with 'rate_limited'). Default 5 s. */
  maxRateLimitWaitMs?: number;
  /** How long stop() lets in-flight answers finish. Default 5 s. */
  drainMs?: number;
}

export interface DiscordHandle {
  client: Client<true>;
  deliverer: Deliverer;
  /** Why the gateway cannot take events right now (a shard not ready), or undefined when it can. */
  notReady(): string | undefined;
  stop(): Promise<void>;
}

export async function startDiscord(opts: DiscordOptions): Promise<DiscordHandle> {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? (() => new Date());
  const maxWait = opts.maxRateLimitWaitMs ?? 5000;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: {
      ...(opts.apiUrl ? { api: opts.apiUrl } : {}),
      rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > maxWait,
    },
  });

  const inflight = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>, what: string) => {
    const done = work.catch((error: unknown) => logger.error(`discord: ${what} failed`, { error: (error as Error)?.stack ?? String(error) }));
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };

  const interactionCtx = { bot: opts.bot, logger, now, deferAfterMs: opts.deferAfterMs ?? 300 };
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(handleInteraction(interaction, interactionCtx), 'interaction');
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping && client.isReady()) track(handleMessage(client, message, { bot: opts.bot, now }), 'mention');
  });
  client.on(Events.ShardReconnecting, (id) => logger.warn('discord: gateway reconnecting', { fault: 'gateway_dropped', shard: id }));
  client.on(Events.ShardDisconnect, (event, id) => logger.warn('discord: gateway disconnected', { fault: 'gateway_dropped', shard: id, code: event.code }));
  client.on(Events.ShardResume, (id, replayed) => logger.info('discord: gateway resumed', { shard: id, replayed }));
  client.on(Events.ShardError, (error, id) => logger.warn('discord: gateway error', { shard: id, error: error.message }));
  client.on(Events.Error, (error) => logger.error('discord: client error', { error: error.message }));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(opts.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  if (readyClient.application.id !== opts.appId) {
    logger.warn('discord: DISCORD_APP_ID differs from the application of this token', { configured: opts.appId, actual: readyClient.application.id });
  }
  logger.info('discord: connected', { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size });

  return {
    client: readyClient,
    deliverer: createDiscordDeliverer(client.rest, now),
    notReady: () => {
      if (stopping) return 'stopping';
      const down = client.ws.shards.filter((shard) => shard.status !== Status.Ready).map((shard) => shard.id);
      return down.length ? `gateway shard ${down.join(', ')} not ready` : undefined;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      // An unref'd timer: an idle bot exits at once instead of waiting out the drain window.
      await Promise.race([Promise.allSettled([...inflight]), delay(opts.drainMs ?? 5000, undefined, { ref: false })]);
      await client.destroy();
    },
  };
}
