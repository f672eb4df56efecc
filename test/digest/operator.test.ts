import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { silentLogger } from '../../src/logger.ts';
import { InputError } from '../../src/command.ts';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import { listSubscriptions, parseTarget, postDigestNow, resumeSubscriptions } from '../../src/digest/operator.ts';
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

describe('workspace pauses for operators', () => {
  async function seeded() {
    const store = await openTestStore();
    const repo = new SubscriptionRepository(store, () => NOW);
    await repo.save({ platform: 'slack', channelId: 'C1', guildId: 'T1', userId: 'U1' });
    await repo.save({ platform: 'slack', channelId: 'C2', guildId: 'T2', userId: 'U1' });
    await repo.save({ platform: 'discord', channelId: '111', guildId: '9', userId: 'u1' });
    await repo.pause('slack:C2', 'bot is not allowed to post: not_in_channel (invite the bot to the channel (/invite @capwatch))');
    await store.workspacePauses.pause({ scope: 'slack:T1', reason: 'credentials refused (token_revoked): the token was revoked', since: NOW.toISOString() });
    return store;
  }

  it('lists a paused workspace once, with its reason, and its subscriptions as held', async () => {
    const lines = await listSubscriptions(await seeded(), NOW);
    expect(lines[0]).toBe('workspace slack:T1 paused since 2025-11-21T15:00:00Z: credentials refused (token_revoked): the token was revoked');
    expect(lines.find((l) => l.startsWith('slack:C1 '))).toContain('held: workspace slack:T1 paused');
    expect(lines.find((l) => l.startsWith('slack:C2 '))).toContain('paused: bot is not allowed to post: not_in_channel (invite the bot');
    expect(lines.find((l) => l.startsWith('discord:111 '))).toContain('  active  ');
  });

  it('resumes by id, by team (lifting its workspace pause) and by platform', async () => {
    const store = await seeded();
    expect(await resumeSubscriptions(store, { id: 'slack:C2' }, NOW)).toEqual({ subscriptions: ['slack:C2'], workspaces: [] });
    expect(await resumeSubscriptions(store, { team: 'T1' }, NOW)).toEqual({ subscriptions: [], workspaces: ['slack:T1'] });
    expect(await store.workspacePauses.list()).toEqual([]);
    await store.workspacePauses.pause({ scope: 'discord:42', reason: 'credentials refused (Discord 401)', since: NOW.toISOString() });
    await store.subscriptions.setStatus('discord:111', 'paused', 'channel is gone', NOW.toISOString());
    expect(await resumeSubscriptions(store, { platform: 'discord' }, NOW)).toEqual({ subscriptions: ['discord:111'], workspaces: ['discord:42'] });
    expect((await listSubscriptions(store, NOW)).every((l) => l.includes('  active  '))).toBe(true);
  });

  it('refuses an unknown id or platform with an InputError', async () => {
    const store = await seeded();
    await expect(resumeSubscriptions(store, { id: 'slack:NOPE' }, NOW)).rejects.toBeInstanceOf(InputError);
    await expect(resumeSubscriptions(store, { platform: 'teams' }, NOW)).rejects.toBeInstanceOf(InputError);
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
