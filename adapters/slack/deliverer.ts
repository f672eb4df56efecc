/** Digest delivery to Slack channels. */
import type { webApi } from '@slack/bolt';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { toDeliveryError } from './errors.ts';
import { uploadChart } from './post-reply.ts';
import { replyToBlockKit } from './reply-to-blocks.ts';

/**
 * The client should reject rate-limited calls (rejectRateLimitedCalls) and not retry: the fan-out owns
 * pacing and retries. Once the message is posted the delivery counts as done, so a failing chart upload is
 * only logged; throwing then would make the fan-out post the text twice.
 */
export function createSlackDeliverer(client: webApi.WebClient, logger: Logger): Deliverer {
  return {
    platform: 'slack',
    async send(channelId: string, reply: Reply): Promise<void> {
      try {
        await client.chat.postMessage({ channel: channelId, ...replyToBlockKit(reply) });
      } catch (error) {
        throw toDeliveryError(error);
      }
      if (!reply.chart) return;
      try {
        await uploadChart(client, reply.chart, { channel: channelId }, reply.title);
      } catch (error) {
        logger.warn('slack: digest chart upload failed', { channel: channelId, error: toDeliveryError(error).message });
      }
    },
  };
}
