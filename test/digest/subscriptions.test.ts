import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { InputError } from '../../src/command.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';

async function repoAt(iso: string) {
  let now = new Date(iso);
  const repo = new SubscriptionRepository(await openTestStore(), () => now);
  return { repo, setNow: (t: string) => (now = new Date(t)) };
}

describe('SubscriptionRepository', () => {
  it('stores defaults with who created it and when', async () => {
    const { repo } = await repoAt('2025-11-20T14:00:00Z');
    const sub = await repo.subscribe({ platform: 'discord', channelId: 'c1', guildId: 'g1', userId: 'u1' });
    expect(sub).toMatchObject({
      id: 'discord:c1', platform: 'discord', channelId: 'c1', guildId: 'g1', time: '08:30', timezone: 'America/New_York',
      days: 'weekdays', includeHolidays: false, createdBy: 'u1', createdAt: '2025-11-20T14:00:00.000Z', status: 'active', pauseReason: null,
    });
    expect(await repo.get('discord', 'c1')).toEqual(sub);
  });

  it('replaces the schedule on resubscribe, keeps the creator, and reactivates a paused channel', async () => {
    const { repo, setNow } = await repoAt('2025-11-20T14:00:00Z');
    await repo.subscribe({ platform: 'slack', channelId: 'C9', userId: 'alice' });
    await repo.pause('slack:C9', 'channel is gone: channel_not_found');
    expect(await repo.byId('slack:C9')).toMatchObject({ status: 'paused', pauseReason: 'channel is gone: channel_not_found' });
    expect(await repo.listActive()).toHaveLength(0);
    setNow('2025-11-21T09:00:00Z');
    const sub = await repo.subscribe({ platform: 'slack', channelId: 'C9', userId: 'bob', time: '7:15', timezone: 'Europe/London', days: 'mon,fri' });
    expect(sub).toMatchObject({
      time: '07:15', timezone: 'Europe/London', days: 'mon,fri', createdBy: 'alice', createdAt: '2025-11-20T14:00:00.000Z',
      updatedBy: 'bob', updatedAt: '2025-11-21T09:00:00.000Z', status: 'active', pauseReason: null,
    });
    expect(await repo.listAll()).toHaveLength(1);
  });

  it('rejects bad input without storing anything', async () => {
    const { repo } = await repoAt('2025-11-20T14:00:00Z');
    await expect(repo.subscribe({ platform: 'discord', channelId: 'c', userId: 'u', time: '25:00' })).rejects.toThrow(InputError);
    await expect(repo.subscribe({ platform: 'discord', channelId: 'c', userId: 'u', timezone: 'Nowhere/Land' })).rejects.toThrow(/time zone/);
    await expect(repo.subscribe({ platform: 'console', channelId: 'c', userId: 'u' })).rejects.toThrow(/Discord or Slack/);
    expect(await repo.listAll()).toEqual([]);
  });

  it('unsubscribes', async () => {
    const { repo } = await repoAt('2025-11-20T14:00:00Z');
    await repo.subscribe({ platform: 'discord', channelId: 'c1', userId: 'u1' });
    expect(await repo.unsubscribe('discord', 'c1')).toBe(true);
    expect(await repo.unsubscribe('discord', 'c1')).toBe(false);
    expect(await repo.get('discord', 'c1')).toBeUndefined();
  });
});
