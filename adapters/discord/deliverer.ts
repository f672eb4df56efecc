/** Posts digests to channels; Discord failures become DeliveryErrors the fan-out can act on. */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { DeliveryError, type Deliverer, type DeliveryKey } from '../../src/digest/deliverer.ts';
import type { Reply } from '../../src/reply.ts';
import { restMessage } from './payload.ts';
import { replyToDiscordPayload, type DiscordFile } from './reply-to-discord.ts';

/** JSON error codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
const GONE_CODES = new Set([10003 /* Unknown Channel */, 10004 /* Unknown Guild */]);
const FORBIDDEN_CODES = new Set([50001 /* Missing Access */, 50013 /* Missing Permissions */, 50007 /* Cannot send messages to this user */]);

/**
 * The message nonce of one digest: Discord keeps it a few minutes and, with enforce_nonce, answers a second
 * create with the same nonce from the same author with the first message instead of a new one
 * (https://discord.com/developers/docs/resources/message#create-message). At most 25 characters.
 */
export function digestNonce(key: DeliveryKey): string {
  return createHash('sha256').update(`${key.subscriptionId}|${key.localDate}`).digest('base64url').slice(0, 25);
}

export interface DiscordDelivererOptions {
  /** Names the application whose token pauses as a whole on 401. */
  appId?: string;
  /** The bot token: the REST client forgets its token after a 401, so a probe sets it again. */
  token?: string;
}

export function createDiscordDeliverer(rest: REST, now: () => Date = () => new Date(), opts: DiscordDelivererOptions = {}): Deliverer {
  return {
    platform: 'discord',
    scope: () => `discord:${opts.appId ?? 'application'}`,
    async send(channelId: string, reply: Reply, key?: DeliveryKey): Promise<void> {
      const payload = replyToDiscordPayload(reply, { now: now() });
      const message = restMessage(payload).body;
      const body = key ? { ...message, nonce: digestNonce(key), enforce_nonce: true } : message;
      const request = payload.files?.length ? { body: multipart(body, payload.files), passThroughBody: true } : { body };
      try {
        await rest.post(Routes.channelMessages(channelId), request);
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
    },
    async probe(): Promise<void> {
      if (opts.token) rest.setToken(opts.token);
      try {
        await rest.get(Routes.user('@me'));
      } catch (error) {
        throw toDeliveryError(error, '@me');
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
    if (error.status === 401) return new DeliveryError('auth', `Discord 401 Unauthorized: ${error.message}`, undefined, 'the bot token was reset or revoked: copy it again into DISCORD_TOKEN');
    if (GONE_CODES.has(code) || error.status === 404) return new DeliveryError('gone', what, undefined, 'the channel was deleted: unsubscribe or subscribe another channel');
    if (code === 50013) return new DeliveryError('forbidden', what, undefined, 'grant the bot Send Messages, Embed Links and Attach Files in the channel');
    if (FORBIDDEN_CODES.has(code) || error.status === 403) return new DeliveryError('forbidden', what, undefined, 'let the bot see the channel (View Channel) and post there');
    if (error.status === 429) return new DeliveryError('rate_limited', what);
    if (error.status >= 400 && error.status < 500) return new DeliveryError('rejected', what);
    return new DeliveryError('transient', what);
  }
  // After a 401 the REST client drops its token and refuses every later request until it is set again.
  if (error instanceof Error && /Expected token to be set/.test(error.message)) {
    return new DeliveryError('auth', `Discord: ${error.message} (after a 401)`, undefined, 'the bot token was reset or revoked: copy it again into DISCORD_TOKEN');
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `Discord HTTP ${error.status} for channel ${channelId}`);
  return new DeliveryError('transient', `Discord send to ${channelId} failed: ${(error as Error)?.message ?? String(error)}`);
}
