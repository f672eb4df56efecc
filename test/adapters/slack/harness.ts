/** Starts the real Slack adapter (Bolt HTTP receiver on an ephemeral port) against the local Web API emulator. */
import { createBot, type BotDeps } from '../../../src/bot.ts';
import { allCommands } from '../../../commands/index.ts';
import type { Logger } from '../../../src/logger.ts';
import { createSnapshotMarketData } from '../../../src/market/snapshot.ts';
import { startSlack, type SlackAdapter } from '../../../adapters/slack/index.ts';
import { startSlackApi, type SlackApiEmulator } from '../../emulators/slack/web-api.ts';
import { postSigned, type PostSignedOptions, type SignedResponse } from '../../emulators/slack/signer.ts';
import { appMentionBody, slashCommandBody, type AppMentionInput, type SlashCommandInput } from '../../emulators/slack/payloads.ts';

export const SECRET = 'test-signing-secret';
export const TOKEN = 'xoxb-test-token';
/** Fixed "now" so the snapshot answers are the same on every run. */
export const NOW = () => new Date('2025-09-22T15:00:00Z');

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg: string;
  extra?: Record<string, unknown>;
}

export function recordingLogger(lines: LogLine[]): Logger {
  return {
    info: (msg, extra) => lines.push({ level: 'info', msg, extra }),
    warn: (msg, extra) => lines.push({ level: 'warn', msg, extra }),
    error: (msg, extra) => lines.push({ level: 'error', msg, extra }),
  };
}

export interface HarnessOptions {
  bot?: Partial<BotDeps>;
  postPublic?: boolean;
  ackBudgetMs?: number;
  /** Web API retries for answers (default 0; undefined: the client's own policy, as in production). */
  retries?: number;
}

export interface Harness {
  api: SlackApiEmulator;
  adapter: SlackAdapter;
  eventsUrl: string;
  logs: LogLine[];
  /** Sends a signed /smallcaps; the response_url points at the emulator under id `responseId`. */
  slash(text: string, extra?: Partial<SlashCommandInput>, sign?: Partial<PostSignedOptions>): Promise<SignedResponse & { responseId: string }>;
  mention(input: AppMentionInput, sign?: Partial<PostSignedOptions>): Promise<SignedResponse>;
  close(): Promise<void>;
}

let seq = 0;

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const api = await startSlackApi({ token: TOKEN });
  const logs: LogLine[] = [];
  const logger = recordingLogger(logs);
  const bot = createBot({
    commands: allCommands,
    market: createSnapshotMarketData(NOW),
    now: NOW,
    logger,
    ...opts.bot,
  });
  const adapter = await startSlack({
    botToken: TOKEN,
    signingSecret: SECRET,
    apiUrl: api.url,
    port: 0,
    bot,
    logger,
    ...('retries' in opts ? (opts.retries === undefined ? {} : { retries: opts.retries }) : { retries: 0 }),
    ...(opts.postPublic !== undefined ? { postPublic: opts.postPublic } : {}),
    ackBudgetMs: opts.ackBudgetMs ?? 2500,
  });
  const eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  return {
    api,
    adapter,
    eventsUrl,
    logs,
    async slash(text, extra = {}, sign = {}) {
      const responseId = `slash${++seq}`;
      const body = slashCommandBody({ text, responseUrl: api.responseUrl(responseId), ...extra });
      return { ...(await postSigned(eventsUrl, body, { secret: SECRET, ...sign })), responseId };
    },
    mention: (input, sign = {}) => postSigned(eventsUrl, appMentionBody(input), { secret: SECRET, ...sign }),
    async close() {
      await adapter.stop();
      await api.close();
    },
  };
}

/** Polls until check() yields a value; a hang guard for work that continues after the HTTP ack. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('eventually: condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
}
