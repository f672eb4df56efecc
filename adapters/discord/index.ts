/**
 * The Discord adapter: gateway shards (Guilds + GuildMessages) for mentions and gateway interactions, each
 * shard held by one instance, and a Deliverer over REST, so any instance can post the digests it claims.
 * The HTTP interactions endpoint is separate (http-endpoint.ts): it is a route on PORT, served before this starts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, REST, Routes, Status, type RateLimitData } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import type { ChannelAccessCheck } from '../../src/digest/channel-access.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { discordChannelAccess } from './channel-access.ts';
import { createDiscordDeliverer } from './deliverer.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './mentions.ts';
import { alwaysGranted, superviseShards, type ShardLocks, type ShardSupervisor } from './shards.ts';

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
  /** DISCORD_SHARDS / DISCORD_SHARD_IDS; default one shard. */
  shards?: { count: number | 'auto'; ids?: number[] };
  /** Who holds which shard when several instances run; default every lock granted (one instance). */
  shardLocks?: ShardLocks;
  /** How often shards held elsewhere are tried again (takeover after their holder dies). Default 5 s. */
  shardRetryMs?: number;
  /** Who may click a public answer's controls. Default anyone in the channel. */
  clickPolicy?: 'anyone' | 'owner';
}

export interface DiscordHandle {
  /** The gateway client of the first shard this instance held, if it held any. */
  readonly client: Client<true> | undefined;
  /** Shard ids held now. */
  shards(): number[];
  shardCount: number;
  deliverer: Deliverer;
  /**
   * Why this instance cannot take events right now (a held shard not ready), or undefined when it can.
   * Holding no shard is ready: another instance holds them, and this one answers HTTP and delivers.
   */
  notReady(): string | undefined;
  /** Whether the bot can post digests in a channel (asked by subscribe). */
  channelAccess: ChannelAccessCheck;
  stop(): Promise<void>;
}

export async function startDiscord(opts: DiscordOptions): Promise<DiscordHandle> {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? (() => new Date());
  const maxWait = opts.maxRateLimitWaitMs ?? 5000;
  const restOptions = { ...(opts.apiUrl ? { api: opts.apiUrl } : {}), rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > maxWait };
  // One REST client for digests and HTTP interactions: neither needs this instance to hold a shard.
  const rest = new REST(restOptions).setToken(opts.token);
  // Also the start-up check of the token: a wrong one fails here with Discord's 401.
  const gatewayInfo = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  const count = opts.shards?.count === 'auto' ? Math.max(1, Number(gatewayInfo.shards ?? 1)) : (opts.shards?.count ?? 1);
  // With 'auto' the count is only known now: ids beyond it do not exist.
  const ids = opts.shards?.ids?.filter((id) => id < count);
  if (ids && ids.length < (opts.shards?.ids?.length ?? 0)) logger.warn('discord: DISCORD_SHARD_IDS beyond the shard count are ignored', { count, ids: opts.shards?.ids });

  const inflight = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>, what: string) => {
    const done = work.catch((error: unknown) => logger.error(`discord: ${what} failed`, { error: (error as Error)?.stack ?? String(error) }));
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };
  const interactionCtx = { bot: opts.bot, logger, now, deferAfterMs: opts.deferAfterMs ?? 300, clickPolicy: opts.clickPolicy ?? 'anyone' };
  const clients: Client<true>[] = [];
  const running = new Set<Client>();

  async function startShard(shardId: number, shardCount: number) {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      allowedMentions: { parse: [], repliedUser: false },
      failIfNotExists: false,
      shards: [shardId],
      shardCount,
      rest: restOptions,
    });
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
    logger.info('discord: connected', { user: readyClient.user.tag, shard: shardId, of: shardCount, guilds: readyClient.guilds.cache.size });
    clients.push(readyClient);
    running.add(client);
    return {
      stop: async () => {
        running.delete(client);
        await client.destroy();
      },
    };
  }

  let supervisor: ShardSupervisor;
  try {
    supervisor = await superviseShards({
      count,
      ...(ids ? { ids } : {}),
      locks: opts.shardLocks ?? alwaysGranted,
      startShard,
      ...(opts.shardRetryMs ? { retryMs: opts.shardRetryMs } : {}),
      logger,
    });
  } catch (error) {
    clearSweepers(rest);
    throw error;
  }

  return {
    get client() {
      return clients[0];
    },
    shards: () => supervisor.held(),
    shardCount: count,
    deliverer: createDiscordDeliverer(rest, now, { appId: opts.appId, token: opts.token }),
    channelAccess: discordChannelAccess(rest, logger),
    notReady: () => {
      if (stopping) return 'stopping';
      const down = [...running].flatMap((c) => c.ws.shards.filter((shard) => shard.status !== Status.Ready).map((shard) => shard.id));
      return down.length ? `gateway shard ${down.join(', ')} not ready` : undefined;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      // An unref'd timer: an idle bot exits at once instead of waiting out the drain window.
      await Promise.race([Promise.allSettled([...inflight]), delay(opts.drainMs ?? 5000, undefined, { ref: false })]);
      await supervisor.stop();
      clearSweepers(rest);
    },
  };
}

function clearSweepers(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}
