/** Digest delivery to Slack channels, recognising a digest already posted by an attempt that crashed. */
import type { webApi } from '@slack/bolt';
import { DeliveryError, type Deliverer, type DeliveryKey } from '../../src/digest/deliverer.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { toDeliveryError } from './errors.ts';
import { uploadChart } from './post-reply.ts';
import { replyToBlockKit } from './reply-to-blocks.ts';

/** The event type of the metadata every digest post carries (https://api.slack.com/metadata/using). */
export const DIGEST_EVENT_TYPE = 'capwatch_digest';

/** Who the bot is in its workspace (auth.test): scopes the pause, and recognises its own chart files. */
export interface SlackIdentity {
  teamId?: string;
  userId?: string;
  botId?: string;
}

/** What digests need of the token: post, upload the chart, read back its own posts after a crash. */
export const DIGEST_SCOPES = ['chat:write', 'files:write', 'channels:history', 'groups:history'] as const;

/** How far back a retry looks: pages of conversations.history (200 messages each). */
const HISTORY_PAGES = 5;
const HISTORY_PAGE_SIZE = 200;

interface HistoryMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  files?: { name?: string }[];
}

/**
 * The client should reject rate-limited calls (rejectRateLimitedCalls) and not retry: the fan-out owns
 * pacing and retries. Once the message is posted the delivery counts as done, so a failing chart upload is
 * only logged; throwing then would make the fan-out post the text twice.
 */
export function createSlackDeliverer(client: webApi.WebClient, logger: Logger, identity: SlackIdentity = {}): Deliverer {
  const ours = (m: HistoryMessage) =>
    (identity.userId !== undefined && m.user === identity.userId) || (identity.botId !== undefined && m.bot_id === identity.botId);

  /** What of this digest is already in the channel since `since`: the message, and its chart file. */
  async function alreadyPosted(channel: string, key: DeliveryKey, since: Date, chartName?: string) {
    const found = { message: false, chart: false };
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const res = await client.conversations.history({
        channel,
        oldest: (since.getTime() / 1000).toFixed(6),
        limit: HISTORY_PAGE_SIZE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of (res.messages ?? []) as HistoryMessage[]) {
        const payload = m.metadata?.event_payload;
        if (m.metadata?.event_type === DIGEST_EVENT_TYPE && payload?.subscription === key.subscriptionId && payload.local_date === key.localDate) {
          found.message = true;
        }
        if (chartName && ours(m) && m.files?.some((f) => f.name === chartName)) found.chart = true;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor || (found.message && (found.chart || !chartName))) break;
    }
    return found;
  }

  async function postChart(channelId: string, reply: Reply): Promise<void> {
    if (!reply.chart) return;
    try {
      await uploadChart(client, reply.chart, { channel: channelId }, reply.title);
    } catch (error) {
      logger.warn('slack: digest chart upload failed', { channel: channelId, error: toDeliveryError(error).message });
    }
  }

  return {
    platform: 'slack',
    scope: () => `slack:${identity.teamId ?? 'workspace'}`,
    async send(channelId: string, reply: Reply, key?: DeliveryKey): Promise<void> {
      try {
        if (key?.retrySince) {
          const found = await alreadyPosted(channelId, key, key.retrySince, reply.chart?.name);
          if (found.message) {
            logger.info('slack: digest already in the channel; recorded without posting again', { channel: channelId, subscription: key.subscriptionId, chart: found.chart });
            if (!found.chart) await postChart(channelId, reply);
            return;
          }
        }
        const metadata = key ? { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { subscription: key.subscriptionId, local_date: key.localDate } } } : {};
        await client.chat.postMessage({ channel: channelId, ...replyToBlockKit(reply), ...metadata });
      } catch (error) {
        throw toDeliveryError(error);
      }
      await postChart(channelId, reply);
    },
    /** auth.test; and since it needs no scope, the granted ones (x-oauth-scopes) are checked too. */
    async probe(): Promise<void> {
      let granted: string[] | undefined;
      try {
        granted = (await client.auth.test()).response_metadata?.scopes;
      } catch (error) {
        throw toDeliveryError(error);
      }
      const missing = granted ? DIGEST_SCOPES.filter((s) => !granted.includes(s)) : [];
      if (missing.length > 0) {
        throw new DeliveryError('auth', `missing_scope (needs ${missing.join(',')})`, undefined, 'reinstall the app with the scopes of `capwatch slack:manifest`');
      }
    },
  };
}
