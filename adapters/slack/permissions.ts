/** Who may manage digest subscriptions in a Slack channel: workspace admins/owners and the channel's creator. */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

export async function canManageChannel(
  client: webApi.WebClient,
  userId: string,
  channelId: string | undefined,
  logger: Logger,
): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return true;
    if (!channelId) return false;
    const { channel } = await client.conversations.info({ channel: channelId });
    return channel?.creator === userId;
  } catch (error) {
    // Unknown means no: the user gets the bot's "not allowed" answer instead of a failure.
    logger.warn('slack: permission lookup failed', { userId, channelId, error: (error as Error).message });
    return false;
  }
}
