import { describe, it, expect } from 'vitest';
import { createBot } from '../../src/bot.ts';
import type { Actor } from '../../src/command.ts';
import type { MarketData } from '../../src/market/types.ts';
import { openTestStore } from '../helpers/store.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import subscribe from '../../commands/subscribe.ts';
import unsubscribe from '../../commands/unsubscribe.ts';
import status from '../../commands/status.ts';

// Friday 2025-11-21 15:00 UTC.
const NOW = new Date('2025-11-21T15:00:00Z');

async function setup() {
  const db = await openTestStore();
  const subscriptions = new SubscriptionRepository(db, () => NOW);
  const bot = createBot({
    commands: [subscribe, unsubscribe, status],
    // These commands never touch market data.
    market: {} as MarketData,
    now: () => NOW,
    services: { subscriptions },
  });
  return { db, bot, subscriptions };
}

const admin: Actor = { platform: 'discord', userId: 'u-admin', channelId: 'c-1', guildId: 'g-1', canManage: true };
const member: Actor = { ...admin, userId: 'u-member', canManage: false };
const slackAdmin: Actor = { platform: 'slack', userId: 'U1', channelId: 'C1', canManage: true };

describe('subscribe / unsubscribe / status commands', () => {
  it('subscribes with defaults and says when the next digest comes', async () => {
    const { bot, subscriptions } = await setup();
    const reply = await bot.run('subscribe', 'slash', admin);
    expect(reply.title).toBe('Digest subscribed');
    expect(reply.commentary).toBe(
      'This channel gets the small-cap digest at 08:30 America/New_York, weekdays, NYSE holidays skipped. Next: Mon 24 Nov 2025, 08:30 America/New_York.',
    );
    expect(await subscriptions.byId('discord:c-1')).toMatchObject({
      time: '08:30', timezone: 'America/New_York', days: 'weekdays', guildId: 'g-1', createdBy: 'u-admin', createdAt: NOW.toISOString(),
    });
  });

  it('takes time, zone and days positionally or as key:value', async () => {
    const { bot, subscriptions } = await setup();
    await bot.run('subscribe 7:45 europe/london fri,mon', 'slash', slackAdmin);
    expect(await subscriptions.byId('slack:C1')).toMatchObject({ time: '07:45', timezone: 'Europe/London', days: 'mon,fri', includeHolidays: false });
    const reply = await bot.handle(bot.invocation('subscribe', { time: '16:30', days: 'daily' }, 'slash', slackAdmin));
    expect(reply.title).toBe('Digest schedule updated');
    expect(await subscriptions.byId('slack:C1')).toMatchObject({ time: '16:30', timezone: 'America/New_York', days: 'daily', includeHolidays: true });
    await bot.run('subscribe days:mon,holidays', 'slash', slackAdmin);
    expect(await subscriptions.byId('slack:C1')).toMatchObject({ days: 'mon', includeHolidays: true });
  });

  it('answers bad input with a clear message and stores nothing', async () => {
    const { bot, subscriptions } = await setup();
    const badTime = await bot.run('subscribe time:25:00', 'slash', admin);
    expect(badTime.visibility).toBe('ephemeral');
    expect(badTime.commentary).toContain('"25:00" is not a time. Use HH:MM on a 24-hour clock');
    const badZone = await bot.run('subscribe timezone:Mars/Base', 'slash', admin);
    expect(badZone.commentary).toContain('"Mars/Base" is not a known time zone');
    const badDays = await bot.run('subscribe days:someday', 'slash', admin);
    expect(badDays.commentary).toContain('"someday" is not a day');
    expect(await subscriptions.listAll()).toEqual([]);
  });

  it('refuses members without the manage permission, but lets them see the status', async () => {
    const { bot, subscriptions } = await setup();
    const refused = await bot.run('subscribe', 'slash', member);
    expect(refused.title).toBe('Not allowed');
    expect(await subscriptions.listAll()).toEqual([]);
    await bot.run('subscribe', 'slash', admin);
    expect((await bot.run('unsubscribe', 'slash', member)).title).toBe('Not allowed');
    expect((await bot.run('status', 'slash', member)).title).toBe('Digest active');
  });

  it('refuses outside a Discord or Slack channel', async () => {
    const { bot } = await setup();
    const reply = await bot.run('subscribe', 'cli', { platform: 'console', userId: 'me', canManage: true });
    expect(reply.commentary).toContain('per Discord or Slack channel');
  });

  it('reports status: schedule, next and last delivery, pause reason', async () => {
    const { bot, db, subscriptions } = await setup();
    expect((await bot.run('status', 'slash', admin)).title).toBe('No digest here');
    await bot.run('subscribe 09:15 Asia/Tokyo', 'slash', admin);
    const ledger = new DeliveryLedger(db.ledger, 'test');
    await ledger.claim('discord:c-1', '2025-11-21', NOW);
    await ledger.markSent('discord:c-1', '2025-11-21', NOW);
    const active = await bot.run('status', 'slash', admin);
    expect(active.commentary).toBe('Schedule: 09:15 Asia/Tokyo, weekdays, NYSE holidays skipped.');
    expect(active.notes).toEqual([
      'Next: Mon 24 Nov 2025, 09:15 Asia/Tokyo.',
      'Last: 2025-11-21, sent.',
      'Set up by u-admin on 2025-11-21.',
    ]);
    subscriptions.pause('discord:c-1', 'channel is gone: Unknown Channel');
    const paused = await bot.run('status', 'slash', admin);
    expect(paused.title).toBe('Digest paused');
    expect(paused.notes?.[0]).toBe('Paused: channel is gone: Unknown Channel. Subscribe again to resume.');
  });

  it('unsubscribes', async () => {
    const { bot, subscriptions } = await setup();
    await bot.run('subscribe', 'slash', admin);
    expect((await bot.run('unsubscribe', 'slash', admin)).title).toBe('Digest unsubscribed');
    expect(await subscriptions.listAll()).toEqual([]);
    expect((await bot.run('unsubscribe', 'slash', admin)).title).toBe('No digest here');
  });
});
