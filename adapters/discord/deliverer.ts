/** Posts digests to channels; Discord failures become DeliveryErrors the fan-out can act on. */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { DeliveryError, type Deliverer } from '../../src/digest/deliverer.ts';
import type { Reply } from '../../src/reply.ts';
import { restMessage } from './payload.ts';
import { replyToDiscordPayload } from './reply-to-discord.ts';

/** JSON error codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
const GONE_CODES = new Set([10003 /* Unknown Channel */, 10004 /* Unknown Guild */]);
const FORBIDDEN_CODES = new Set([50001 /* Missing Access */, 50013 /* Missing Permissions */, 50007 /* Cannot send messages to this user */]);

export function createDiscordDeliverer(rest: REST, now: () => Date = () => new Date()): Deliverer {
  return {
    platform: 'discord',
    async send(channelId: string, reply: Reply): Promise<void> {
      const { body, files } = restMessage(replyToDiscordPayload(reply, { now: now() }));
      try {
        await rest.post(Routes.channelMessages(channelId), { body, files });
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
    },
  };
}

export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError('rate_limited', `Discord rate limit on ${error.route} (retry after ${error.retryAfter} ms)`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const what = `Discord ${error.status} ${code} for channel ${channelId}: ${error.message}`;
    if (GONE_CODES.has(code) || error.status === 404) return new DeliveryError('gone', what);
    if (FORBIDDEN_CODES.has(code) || error.status === 403) return new DeliveryError('forbidden', what);
    if (error.status === 429) return new DeliveryError('rate_limited', what);
    return new DeliveryError('transient', what);
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `Discord HTTP ${error.status} for channel ${channelId}`);
  return new DeliveryError('transient', `Discord send to ${channelId} failed: ${(error as Error)?.message ?? String(error)}`);
}
