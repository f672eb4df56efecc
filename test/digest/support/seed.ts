/** Subscriptions written into a DATA_DIR before the bot starts on it (created days before they are due). */
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openStore } from '../../../src/store/open.ts';

const CREATED = new Date('2025-11-20T12:00:00Z');

export async function seedSubscriptions(dataDir: string, slackChannels: string[]): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    const repo = new SubscriptionRepository(store, () => CREATED);
    for (const channelId of slackChannels) await repo.save({ platform: 'slack', channelId, guildId: 'T0TEAM', userId: 'U0ADMIN' });
  } finally {
    await store.close();
  }
}
