/** Subscriptions written into a DATA_DIR before the bot starts on it (created days before they are due). */
import { join } from 'node:path';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openDatabase } from '../../../src/store/db.ts';

const CREATED = new Date('2025-11-20T12:00:00Z');

export async function seedSubscriptions(dataDir: string, slackChannels: string[]): Promise<void> {
  const db = openDatabase(join(dataDir, 'capwatch.sqlite'));
  try {
    const repo = new SubscriptionRepository(db, () => CREATED);
    db.transaction(() => {
      for (const channelId of slackChannels) repo.save({ platform: 'slack', channelId, guildId: 'T0TEAM', userId: 'U0ADMIN' });
    })();
  } finally {
    db.close();
  }
}
