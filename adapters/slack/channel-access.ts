/**
 * Slack's answer to "can the bot post digests here?": conversations.info (the channel exists, is not
 * archived, the bot is a member) and one conversations.history read (the bot can read back its digests,
 * which a retry after a crash needs).
 */
import type { webApi } from '@slack/bolt';
import type { ChannelAccessCheck, ChannelAccessProblem } from '../../src/digest/channel-access.ts';
import type { Logger } from '../../src/logger.ts';
import { toDeliveryError } from './errors.ts';

const INVITE = 'Invite the bot with /invite @capwatch, then subscribe again.';

export function slackChannelAccess(client: webApi.WebClient, logger: Logger): ChannelAccessCheck {
  return {
    platform: 'slack',
    async check(channelId: string): Promise<ChannelAccessProblem | null> {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived) return { problem: 'this channel is archived', fix: 'Unarchive it or subscribe in another channel.' };
        if (channel && channel.is_member === false) return { problem: 'the bot is not a member of this channel', fix: INVITE };
        await client.conversations.history({ channel: channelId, limit: 1 });
        return null;
      } catch (error) {
        const e = toDeliveryError(error);
        if (e.message === 'channel_not_found') return { problem: 'the bot cannot see this channel (a private channel it was never invited to)', fix: INVITE };
        if (e.message === 'not_in_channel') return { problem: 'the bot is not a member of this channel', fix: INVITE };
        if (e.kind === 'auth') return { problem: `Slack refused the bot's token or its scopes (${e.message})`, fix: `Ask an operator: ${e.fix ?? 'check SLACK_BOT_TOKEN'}.` };
        if (e.kind === 'gone' || e.kind === 'forbidden') return { problem: `Slack answered ${e.message}`, fix: `${e.fix ?? 'Pick another channel'}.` };
        logger.warn('slack: channel access check failed; subscribing without it', { channel: channelId, error: e.message });
        return null;
      }
    },
  };
}
