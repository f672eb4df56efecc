/**
 * How an answer reaches Discord, whatever carried the interaction (the gateway through discord.js, or the
 * HTTP interactions endpoint): at once when it is ready within the deferral budget, else a deferral then
 * an edit. A click on a control replaces its message (UPDATE_MESSAGE, 7, or DEFERRED_UPDATE_MESSAGE, 6);
 * a problem is never written over a public answer: it goes to the clicker alone.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Reply } from '../../src/reply.ts';
import { replyToDiscordPayload, type DiscordPayload } from './reply-to-discord.ts';

/** 'new': a new message (types 4 and 5); 'update': the message the clicked control is on (types 7 and 6). */
export type Target = 'new' | 'update';

/** The transport's primitives. */
export interface Responder {
  /** Whether the first response can carry files (the HTTP endpoint's JSON body cannot). */
  readonly filesOnFirstResponse: boolean;
  /** Type 4 (new) or 7 (update). */
  reply(payload: DiscordPayload, target: Target): Promise<void>;
  /** Type 5 (new, ephemeral or not) or 6 (update). */
  defer(target: Target, ephemeral: boolean): Promise<void>;
  editOriginal(payload: DiscordPayload): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(payload: DiscordPayload): Promise<void>;
}

export interface FlowOptions {
  deferAfterMs: number;
  now: () => Date;
  /** Only this user may click the answer's controls. */
  owner?: string;
}

/** The reply if it settles within ms, else null (it keeps running). */
async function within(pending: Promise<Reply>, ms: number): Promise<Reply | null> {
  const timer = new AbortController();
  try {
    return await Promise.race([pending, delay(ms, null, { signal: timer.signal }).catch(() => null)]);
  } finally {
    timer.abort();
  }
}

const isProblem = (reply: Reply) => reply.visibility === 'ephemeral' || reply.error !== undefined;

export async function deliverAnswer(pending: Promise<Reply>, responder: Responder, target: Target, opts: FlowOptions): Promise<void> {
  const payloadOf = (reply: Reply) => replyToDiscordPayload(reply, { now: opts.now(), ...(opts.owner ? { owner: opts.owner } : {}) });
  const early = await within(pending, opts.deferAfterMs);
  if (early) {
    // A click that went wrong answers the clicker privately instead of overwriting the public answer.
    const misfire = target === 'update' && isProblem(early);
    const into: Target = misfire ? 'new' : target;
    const payload = misfire ? { ...payloadOf(early), flags: 64 } : payloadOf(early);
    if (payload.files?.length && !responder.filesOnFirstResponse) {
      await responder.defer(into, early.visibility === 'ephemeral');
      await responder.editOriginal(payload);
      return;
    }
    await responder.reply(payload, into);
    return;
  }
  await responder.defer(target, false);
  const reply = await pending;
  const payload = payloadOf(reply);
  if (target === 'update' && isProblem(reply)) {
    await responder.followUp({ ...payload, flags: 64 });
    return;
  }
  if (reply.visibility === 'ephemeral') {
    // A public deferral cannot turn ephemeral: replace it by an ephemeral follow-up.
    await responder.deleteOriginal();
    await responder.followUp(payload);
    return;
  }
  await responder.editOriginal(payload);
}
