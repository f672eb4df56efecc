/** Posts digests to channels; Discord failures become DeliveryErrors the fan-out can act on. */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { DeliveryError, type Deliverer } from '../../src/digest/deliverer.ts';
import type { Reply } from '../../src/reply.ts';
import { restMessage } from './payload.ts';
import { replyToDiscordPayload, type DiscordFile } from './reply-to-discord.ts';

/** JSON error codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
const GONE_CODES = new Set([10003 /* Unknown Channel */, 10004 /* Unknown Guild */]);
const FORBIDDEN_CODES = new Set([50001 /* Missing Access */, 50013 /* Missing Permissions */, 50007 /* Cannot send messages to this user */]);

export function createDiscordDeliverer(rest: REST, now: () => Date = () => new Date()): Deliverer {
  return {
    platform: 'discord',
    async send(channelId: string, reply: Reply): Promise<void> {
      const payload = replyToDiscordPayload(reply, { now: now() });
      const { body } = restMessage(payload);
      const request = payload.files?.length ? { body: multipart(body, payload.files), passThroughBody: true } : { body };
      try {
        await rest.post(Routes.channelMessages(channelId), request);
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
    },
  };
}

/** The chart of an edition as one Blob, shared by every post of that edition. */
const blobs = new WeakMap<Uint8Array, Blob>();

/**
 * The multipart body the REST client would build from `files`, except that it copies the bytes into a new
 * Blob per post: memory V8 does not count, so with thousands of posts it piles up until a late major GC.
 * FormData takes a Blob by reference, so every post of an edition shares one.
 */
function multipart(body: Record<string, unknown>, files: DiscordFile[]): FormData {
  const form = new FormData();
  files.forEach((file, i) => {
    let blob = blobs.get(file.data);
    if (!blob) blobs.set(file.data, (blob = new Blob([file.data], { type: file.contentType })));
    form.append(`files[${i}]`, blob, file.name);
  });
  form.append('payload_json', JSON.stringify(body));
  return form;
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
    if (error.status >= 400 && error.status < 500) return new DeliveryError('rejected', what);
    return new DeliveryError('transient', what);
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `Discord HTTP ${error.status} for channel ${channelId}`);
  return new DeliveryError('transient', `Discord send to ${channelId} failed: ${(error as Error)?.message ?? String(error)}`);
}
