/**
 * `/smallcaps <subcommand> [args]`. Slack wants an ack within 3 s: an answer that is at hand within the
 * ack budget rides on the ack itself; otherwise the ack goes out empty and the answer follows through
 * response_url (falling back to the Web API if that fails).
 */
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot-types.ts';
import type { Actor, Invocation } from '../../src/command.ts';
import type { Logger } from '../../src/logger.ts';
import { errorReply, type Reply } from '../../src/reply.ts';
import { slackErrorCode } from './errors.ts';
import { canManageChannel } from './permissions.ts';
import { postReply, uploadChart } from './post-reply.ts';
import { replyToBlockKit } from './reply-to-blocks.ts';

export interface SlashCommandOptions {
  bot: Bot;
  logger: Logger;
  /** Public replies posted in the channel (true) or shown only to the caller (false). */
  postPublic: boolean;
  /** How long to wait for the answer before acking empty. */
  ackBudgetMs: number;
  /** 'owner': only the asker may click the answer's controls. */
  clickPolicy?: 'anyone' | 'owner';
}

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function isPublic(reply: Reply, postPublic: boolean): boolean {
  return postPublic && reply.visibility === 'public';
}

export function responsePayload(reply: Reply, postPublic: boolean, owner?: string): RespondArguments {
  return { response_type: isPublic(reply, postPublic) ? 'in_channel' : 'ephemeral', ...replyToBlockKit(reply, owner ? { owner } : {}) };
}

/** Resolves with the value if the promise settles within ms, else with undefined (the promise keeps running). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const CHART_REFUSED = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'restricted_action']);

export function slashCommandHandler(opts: SlashCommandOptions): (args: Args) => Promise<void> {
  const { bot, logger, postPublic } = opts;

  async function answer(text: string, actor: Actor, client: webApi.WebClient): Promise<Reply> {
    let inv: Invocation;
    try {
      inv = bot.parse(text, 'slash', actor);
    } catch {
      return bot.run(text, 'slash', actor); // turns the parse error into the bot's friendly reply
    }
    const decl = bot.commands.find((c) => c.name === inv.command);
    if (decl?.permission === 'manage') {
      const canManage = await canManageChannel(client, actor.userId, actor.channelId, logger);
      inv = { ...inv, actor: { ...actor, canManage } };
    }
    return bot.handle(inv);
  }

  return async ({ command, ack, respond, client }) => {
    const actor: Actor = {
      platform: 'slack',
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      guildId: command.team_id,
    };
    const work = answer(command.text, actor, client).catch((error: unknown) => {
      logger.error('slack: command failed', { text: command.text, error: String(error) });
      return errorReply('Something went wrong', 'That answer failed on my side. Please try again shortly.');
    });
    const owner = opts.clickPolicy === 'owner' ? command.user_id : undefined;
    const early = await within(work, opts.ackBudgetMs);
    // A chart needs an upload after the message, so a public reply with one cannot ride on the ack.
    if (early && !(isPublic(early, postPublic) && early.chart)) {
      await ack(responsePayload(early, postPublic, owner));
      return;
    }
    await ack();
    const reply = early ?? (await work);
    const payload = responsePayload(reply, postPublic, owner);
    try {
      await respond(payload);
    } catch (error) {
      logger.warn('slack: response_url failed, posting through the Web API', { error: String(error) });
      const visible = isPublic(reply, postPublic) ? reply : { ...reply, visibility: 'ephemeral' as const, chart: undefined };
      await postReply(client, visible, { channel: command.channel_id, user: command.user_id });
      return;
    }
    if (!reply.chart || payload.response_type !== 'in_channel') return;
    try {
      await uploadChart(client, reply.chart, { channel: command.channel_id }, reply.title);
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn('slack: chart upload failed', { channel: command.channel_id, error: code ?? String(error) });
      if (code && CHART_REFUSED.has(code)) {
        await respond({ response_type: 'ephemeral', text: 'I could not post the chart here. Invite me to this channel (/invite @capwatch) to get charts.' });
      }
    }
  };
}
