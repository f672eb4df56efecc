/** app_mention: the question (mention tokens stripped) goes to bot.ask; the answer goes to the mention's thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Bot } from '../../src/bot-types.ts';
import type { Actor } from '../../src/command.ts';
import type { Logger } from '../../src/logger.ts';
import type { EventGate } from './dedupe.ts';
import { stripMentions } from './escape.ts';
import { postReply } from './post-reply.ts';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export interface MentionOptions {
  bot: Bot;
  logger: Logger;
  seen: EventGate;
}

export function mentionHandler(opts: MentionOptions): (args: Args) => Promise<void> {
  return async ({ event, body, client }) => {
    if (event.bot_id || event.subtype === 'bot_message' || !event.user) {
      opts.logger.info('slack: mention from a bot ignored', { eventId: body.event_id });
      return;
    }
    // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num); answer each event id once.
    if (!(await opts.seen.first(body.event_id))) {
      opts.logger.info('slack: duplicate event ignored', { eventId: body.event_id });
      return;
    }
    const actor: Actor = { platform: 'slack', userId: event.user, channelId: event.channel, guildId: body.team_id };
    const { reply } = await opts.bot.ask(stripMentions(event.text), actor);
    const target = { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user };
    try {
      await postReply(client, reply, target);
    } catch (error) {
      opts.logger.error('slack: mention answer failed', { channel: event.channel, error: String(error) });
    }
  };
}
