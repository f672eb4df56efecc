/**
 * Clicks on answer controls (block_actions): acked at once, then the message is replaced through
 * response_url (replace_original) with the new view, controls included. A forged or stale value, or a
 * click by someone the answer does not allow, gets an ephemeral note and leaves the message alone.
 */
import type { AllMiddlewareArgs, BlockAction, RespondArguments, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Bot } from '../../src/bot-types.ts';
import type { Actor } from '../../src/command.ts';
import { commandHint, decodeControl } from '../../src/controls.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { uploadChart } from './post-reply.ts';
import { replyToBlockKit } from './reply-to-blocks.ts';

export interface ActionOptions {
  bot: Bot;
  logger: Logger;
  /** Who may click a public answer: anyone in the channel (default) or only the asker. */
  clickPolicy?: 'anyone' | 'owner';
}

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function clickedValue(action: Args['action']): string | undefined {
  if (action.type === 'button') return action.value;
  if (action.type === 'static_select') return action.selected_option?.value;
  return undefined;
}

const note = (text: string): RespondArguments => ({ response_type: 'ephemeral', replace_original: false, text });

export function actionHandler(opts: ActionOptions): (args: Args) => Promise<void> {
  const { bot, logger } = opts;
  return async ({ ack, body, action, respond, client }) => {
    // Slack wants the ack within 3 s; the new view follows through response_url.
    await ack();
    const value = clickedValue(action) ?? '';
    const decoded = decodeControl(bot.commands, value);
    if (!decoded) {
      await respond(note(`That button has expired, run /smallcaps ${commandHint(bot.commands, value)} for a fresh answer.`));
      return;
    }
    if (decoded.owner && decoded.owner !== body.user.id) {
      await respond(note(`Only the person who asked can change this answer. Run /smallcaps ${decoded.command} for your own.`));
      return;
    }
    const actor: Actor = { platform: 'slack', userId: body.user.id, userName: body.user.name, ...(body.channel?.id ? { channelId: body.channel.id } : {}), ...(body.team?.id ? { guildId: body.team.id } : {}) };
    let reply: Reply;
    try {
      reply = await bot.handle(bot.invocation(decoded.command, decoded.options, 'slash', actor));
    } catch {
      await respond(note(`That button has expired, run /smallcaps ${decoded.command} for a fresh answer.`));
      return;
    }
    const owner = decoded.owner ?? (opts.clickPolicy === 'owner' ? body.user.id : undefined);
    const blocks = replyToBlockKit(reply, owner ? { owner } : {});
    if (decoded.opensPrivately || reply.visibility === 'ephemeral' || reply.error) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...blocks });
      return;
    }
    await respond({ replace_original: true, ...blocks });
    const channel = body.channel?.id;
    if (reply.chart && channel && !body.container?.is_ephemeral) {
      await uploadChart(client, reply.chart, { channel }, reply.title).catch((error: unknown) =>
        logger.warn('slack: chart upload after a click failed', { channel, error: String(error) }),
      );
    }
  };
}
