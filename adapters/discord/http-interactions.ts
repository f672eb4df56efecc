/**
 * Discord's HTTP interactions endpoint (POST /discord/interactions): any instance behind a load balancer
 * answers. Signed requests only (401 otherwise); PING -> PONG; slash commands, autocomplete and clicks go
 * through the same routing and answer flow as the gateway. The first response is the HTTP answer
 * (type 4/7, or 5/6 when the data is slow or a chart must be attached); the rest goes through REST on
 * the interaction's webhook (edit @original, follow-ups).
 */
import { Routes, type REST } from 'discord.js';
import { z } from 'zod';
import type { Bot } from '../../src/bot-types.ts';
import type { Logger } from '../../src/logger.ts';
import { deliverAnswer, type Responder, type Target } from './answer-flow.ts';
import { restMessage } from './payload.ts';
import type { DiscordPayload } from './reply-to-discord.ts';
import { actorFrom, autocompleteReply, clickReply, commandReply, type RawOption } from './routing.ts';
import { ed25519PublicKey, validSignature } from './signature.ts';

export const INTERACTIONS_PATH = '/discord/interactions';

const Type = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4 } as const;
const Callback = { Pong: 1, Message: 4, Deferred: 5, DeferredUpdate: 6, Update: 7, Autocomplete: 8 } as const;

const user = z.object({ id: z.string(), username: z.string() });
const option: z.ZodType<RawOption> = z.lazy(() =>
  z.object({ name: z.string(), type: z.number(), value: z.unknown().optional(), focused: z.boolean().optional(), options: z.array(option).optional() }),
);
const interaction = z.object({
  id: z.string(),
  type: z.number(),
  token: z.string(),
  channel_id: z.string().optional(),
  guild_id: z.string().optional(),
  member: z.object({ user, permissions: z.string().optional() }).optional(),
  user: user.optional(),
  data: z
    .object({ name: z.string().optional(), options: z.array(option).optional(), custom_id: z.string().optional(), values: z.array(z.string()).optional() })
    .optional(),
});
type RawInteraction = z.infer<typeof interaction>;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server calls this once the answer is written: edits of a deferral wait for it. */
  sent(): void;
}

export interface InteractionsEndpointOptions {
  /** DISCORD_PUBLIC_KEY, hex. */
  publicKey: string;
  appId: string;
  bot: Bot;
  /** For edits and follow-ups on the interaction webhook (no bot token needed for those). */
  rest: REST;
  logger: Logger;
  now: () => Date;
  deferAfterMs: number;
  clickPolicy?: 'anyone' | 'owner';
}

export interface InteractionsEndpoint {
  handle(body: Buffer, headers: Record<string, string | string[] | undefined>): Promise<HttpAnswer>;
  /** Lets answers still being edited in finish (up to ms). */
  drain(ms: number): Promise<void>;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Settles a promise, or gives up after ms (a deferral's edit must not wait forever for a server that never says sent). */
function settled(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function createInteractionsEndpoint(opts: InteractionsEndpointOptions): InteractionsEndpoint {
  const key = ed25519PublicKey(opts.publicKey);
  const inflight = new Set<Promise<void>>();
  const json = (status: number, body: unknown, sent: () => void = () => {}): HttpAnswer => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    sent,
  });

  function answer(raw: RawInteraction, run: (responder: Responder) => Promise<void>): Promise<HttpAnswer> {
    let resolveFirst: (body: unknown) => void = () => {};
    const first = new Promise<unknown>((resolve) => (resolveFirst = resolve));
    let markSent: () => void = () => {};
    const sent = new Promise<void>((resolve) => (markSent = resolve));
    const webhook = Routes.webhookMessage(opts.appId, raw.token, '@original');
    const message = (payload: DiscordPayload) => {
      const { body, files } = restMessage(payload);
      return { body: { ...body, ...(payload.flags ? { flags: payload.flags } : {}) }, files, auth: false };
    };
    const responder: Responder = {
      filesOnFirstResponse: false,
      async reply(payload, target: Target) {
        resolveFirst({ type: target === 'update' ? Callback.Update : Callback.Message, data: message(payload).body });
      },
      async defer(target, ephemeral) {
        resolveFirst(target === 'update' ? { type: Callback.DeferredUpdate } : { type: Callback.Deferred, data: ephemeral ? { flags: 64 } : {} });
        await settled(sent, 3000);
      },
      editOriginal: async (payload) => void (await opts.rest.patch(webhook, message(payload))),
      deleteOriginal: async () => void (await opts.rest.delete(webhook, { auth: false })),
      followUp: async (payload) => void (await opts.rest.post(Routes.webhook(opts.appId, raw.token), message(payload))),
    };
    const work = run(responder).catch((error: unknown) => {
      opts.logger.error('discord: interaction answer failed', { error: (error as Error)?.stack ?? String(error) });
      resolveFirst(null);
    });
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
    return first.then((body) => (body === null ? json(500, { message: 'answer failed' }) : json(200, body, markSent)));
  }

  return {
    async handle(body, headers) {
      if (!validSignature(key, header(headers, 'x-signature-ed25519'), header(headers, 'x-signature-timestamp'), body)) {
        return json(401, { message: 'invalid request signature' });
      }
      let parsed: RawInteraction;
      try {
        parsed = interaction.parse(JSON.parse(body.toString('utf8')));
      } catch {
        return json(400, { message: 'not an interaction' });
      }
      if (parsed.type === Type.Ping) return json(200, { type: Callback.Pong });
      const who = parsed.member?.user ?? parsed.user;
      if (!who) return json(400, { message: 'interaction without a user' });
      const actor = actorFrom(who, parsed.channel_id, parsed.guild_id, parsed.member?.permissions);
      const flow = { deferAfterMs: opts.deferAfterMs, now: opts.now };
      const data = parsed.data ?? {};
      switch (parsed.type) {
        case Type.Autocomplete:
          return json(200, { type: Callback.Autocomplete, data: { choices: autocompleteReply(opts.bot, data.name ?? '', data.options ?? []) } });
        case Type.Command: {
          const owner = opts.clickPolicy === 'owner' ? actor.userId : undefined;
          const pending = commandReply({ bot: opts.bot, logger: opts.logger }, data.name ?? '', data.options ?? [], actor);
          return answer(parsed, (r) => deliverAnswer(pending, r, 'new', { ...flow, ...(owner ? { owner } : {}) }));
        }
        case Type.Component: {
          const click = clickReply({ bot: opts.bot, logger: opts.logger }, data.custom_id ?? '', data.values, actor);
          const owner = click.owner ?? (opts.clickPolicy === 'owner' ? actor.userId : undefined);
          return answer(parsed, (r) => deliverAnswer(click.pending, r, click.target, { ...flow, ...(owner ? { owner } : {}) }));
        }
        default:
          return json(400, { message: `interaction type ${parsed.type} is not handled` });
      }
    },
    async drain(ms) {
      await settled(Promise.allSettled([...inflight]).then(() => {}), ms);
    },
  };
}
