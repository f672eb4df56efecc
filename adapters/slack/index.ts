/**
 * The Slack adapter: a Bolt app in Socket Mode when an app token is given, else Bolt's HTTP receiver
 * (signature checked) at /slack/events. Returns the app and a digest Deliverer.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Bot } from '../../src/bot-types.ts';
import type { ChannelAccessCheck } from '../../src/digest/channel-access.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackChannelAccess } from './channel-access.ts';
import { SeenEvents, sharedSeen } from './dedupe.ts';
import type { EventsRepo } from '../../src/store/repos/events.ts';
import { createSlackDeliverer } from './deliverer.ts';
import { slackErrorCode } from './errors.ts';
import { EVENTS_PATH, SLASH_COMMAND } from './manifest.ts';
import { mentionHandler } from './mention.ts';
import { slashCommandHandler } from './slash-command.ts';

export interface StartSlackOptions {
  botToken: string;
  signingSecret: string;
  /** xapp- token: Socket Mode. Without it, the HTTP receiver listens on `port`. */
  appToken?: string;
  /** Web API base, ending with /api/ (SLACK_API_URL). */
  apiUrl?: string;
  /** HTTP port; 0 picks a free one (see the returned port). Default 3000. */
  port?: number;
  bot: Bot;
  logger?: Logger;
  /** Data answers posted in the channel (default) or only to the caller. */
  postPublic?: boolean;
  /** Web API retries for interactive answers (tests pass 0). Default: the client's own policy. */
  retries?: number;
  /** How long a slash command waits for its answer before acking empty. Default 300 ms. */
  ackBudgetMs?: number;
  /** Event ids seen by every instance (the store's), so retries are answered once across instances. */
  events?: EventsRepo;
}

export interface SlackAdapter {
  app: App;
  deliverer: Deliverer;
  /** Whether the bot can post digests in a channel (asked by subscribe). */
  channelAccess: ChannelAccessCheck;
  /** The HTTP port actually listened on (HTTP mode only). */
  port?: number;
  stop(): Promise<void>;
}

export async function startSlack(opts: StartSlackOptions): Promise<SlackAdapter> {
  const logger = opts.logger ?? silentLogger;
  const slackLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    logger: slackLogger,
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    ...(opts.retries !== undefined ? { retryConfig: { retries: opts.retries } } : {}),
  };

  // One auth.test up front: a bad token fails start-up with Slack's reason, and Bolt gets the bot ids.
  // Few retries: an unreachable Slack should stop the start in seconds, not after the client's half hour.
  const startupClient = new webApi.WebClient(opts.botToken, { ...clientOptions, retryConfig: { retries: opts.retries ?? 2 } });
  const auth = await startupClient.auth.test().catch((error: unknown) => {
    const code = slackErrorCode(error);
    throw new Error(code ? `Slack rejected SLACK_BOT_TOKEN: ${code}` : `Slack's Web API did not answer: ${String(error)}`);
  });

  let receiver: Receiver;
  let http: HTTPReceiver | undefined;
  if (opts.appToken) {
    receiver = new SocketModeReceiver({ appToken: opts.appToken, logger: slackLogger, installerOptions: { clientOptions } });
  } else {
    http = new HTTPReceiver({ signingSecret: opts.signingSecret, endpoints: EVENTS_PATH, logger: slackLogger });
    receiver = http;
  }
  const app = new App({
    token: opts.botToken,
    ...(auth.bot_id && auth.user_id ? { botId: auth.bot_id, botUserId: auth.user_id } : {}),
    receiver,
    ...(opts.appToken ? { socketMode: true } : {}),
    logger: slackLogger,
    clientOptions,
  });
  app.error(async (error) => {
    logger.error('slack: unhandled error', { error: error.message });
  });

  const postPublic = opts.postPublic ?? true;
  app.command(SLASH_COMMAND, slashCommandHandler({ bot: opts.bot, logger, postPublic, ackBudgetMs: opts.ackBudgetMs ?? 300 }));
  app.event('app_mention', mentionHandler({ bot: opts.bot, logger, seen: sharedSeen(new SeenEvents(), opts.events) }));

  // Digests: the fan-out paces and retries, so this client rejects 429s instead of sleeping on them.
  const deliveryClient = new webApi.WebClient(opts.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const deliverer = createSlackDeliverer(deliveryClient, logger, { teamId: auth.team_id, userId: auth.user_id, botId: auth.bot_id });

  let port: number | undefined;
  let server: Server | undefined;
  if (http) {
    server = (await app.start(opts.port ?? 3000)) as Server;
    port = (server.address() as AddressInfo).port;
    logger.info('slack: listening', { port, path: EVENTS_PATH, botUserId: auth.user_id });
  } else {
    await app.start();
    logger.info('slack: connected in Socket Mode');
  }
  return {
    app,
    deliverer,
    channelAccess: slackChannelAccess(app.client, logger),
    ...(port !== undefined ? { port } : {}),
    stop: async () => {
      // Idle keep-alive sockets would hold the HTTP server open for seconds after SIGTERM.
      server?.closeIdleConnections();
      await app.stop();
    },
  };
}
