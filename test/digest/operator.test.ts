import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { silentLogger } from '../../src/logger.ts';
import { InputError } from '../../src/command.ts';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import { listSubscriptions, parseTarget, postDigestNow } from '../../src/digest/operator.ts';
import { countingCompose, recordingDeliverer } from './support/fakes.ts';

const NOW = new Date('2025-11-21T15:00:00Z');

describe('listSubscriptions', () => {
  it('prints one line per subscription with schedule, state, next and last delivery', async () => {
    const db = await openTestStore();
    expect(await listSubscriptions(db, NOW)).toEqual(['No digest subscriptions.']);
    const repo = new SubscriptionRepository(db, () => NOW);
    await repo.save({ platform: 'discord', channelId: '111', guildId: '9', userId: 'u1' });
    await repo.save({ platform: 'slack', channelId: 'C2', userId: 'U2', time: '17:00', timezone: 'Europe/London', days: 'mon,fri' });
    await repo.pause('slack:C2', 'channel is gone: channel_not_found');
    const ledger = new DeliveryLedger(db.ledger, 'x');
    await ledger.claim('discord:111', '2025-11-21', NOW);
    await ledger.markSent('discord:111', '2025-11-21', NOW);
    expect(await listSubscriptions(db, NOW)).toEqual([
      'discord:111 (guild 9)  08:30 America/New_York  weekdays, NYSE holidays skipped  active  next 2025-11-24T13:30:00Z  last 2025-11-21 sent  by u1 2025-11-21',
      'slack:C2  17:00 Europe/London  Mon, Fri, NYSE holidays skipped  paused: channel is gone: channel_not_found  next -  last -  by U2 2025-11-21',
    ]);
  });
});

describe('postDigestNow', () => {
  it('composes and sends to the named channel', async () => {
    const slack = recordingDeliverer('slack');
    const { compose, counts } = countingCompose();
    const out = await postDigestNow('slack:C123', { deliverers: [slack.deliverer], compose, now: NOW, logger: silentLogger });
    expect(out.channelId).toBe('C123');
    expect(slack.sent).toEqual(['C123']);
    expect(counts.compose).toBe(1);
  });

  it('rejects bad targets and unconnected platforms', async () => {
    expect(() => parseTarget('teams:1')).toThrow(InputError);
    expect(() => parseTarget('discord:')).toThrow(/discord:<channel id>/);
    const { compose } = countingCompose();
    await expect(postDigestNow('discord:1', { deliverers: [], compose, logger: silentLogger })).rejects.toThrow(/discord is not connected/);
  });

  it('passes the platform refusal on', async () => {
    const gone = recordingDeliverer('discord', () => {
      throw new DeliveryError('gone', 'Unknown Channel');
    });
    const { compose } = countingCompose();
    await expect(postDigestNow('discord:1', { deliverers: [gone.deliverer], compose, logger: silentLogger })).rejects.toMatchObject({ kind: 'gone' });
  });
});
