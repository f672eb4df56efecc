import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import subscribe from '../../../commands/subscribe.ts';
import unsubscribe from '../../../commands/unsubscribe.ts';
import { ADMIN_COMMAND, buildCommandJson } from '../../../adapters/discord/command-json.ts';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openTestStore } from '../../helpers/store.ts';
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS } from '../../emulators/discord/emulator.ts';
import { answerOf, now, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.discord.stop();
  await h?.close();
  h = undefined;
});

describe('Discord digest subscriptions (Manage Server)', () => {
  it('are registered under /smallcaps-admin with Manage Server as the default permission', () => {
    const admin = buildCommandJson([subscribe, unsubscribe]).find((c) => c.name === ADMIN_COMMAND);
    expect(admin?.default_member_permissions).toBe('32');
    expect(admin?.options.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe']);
  });

  it('are checked again at run time: a member without Manage Server is refused, a manager subscribes the channel', async () => {
    const repo = new SubscriptionRepository(await openTestStore(), now);
    h = await startHarness({
      commands: [subscribe, unsubscribe],
      services: () => ({ subscriptions: repo }),
    });
    const { emu } = h;
    const options = { time: '08:30', timezone: 'America/New_York' };

    const refused = await answerOf(emu, emu.sendSlash({ command: ADMIN_COMMAND, subcommand: 'subscribe', options, permissions: MEMBER_PERMISSIONS }));
    expect(refused.payload.flags).toBe(64);
    expect(refused.payload.embeds[0]?.title).toBe('Not allowed');
    expect(await repo.get('discord', emu.channelId)).toBeFalsy();

    const done = await answerOf(emu, emu.sendSlash({ command: ADMIN_COMMAND, subcommand: 'subscribe', options, permissions: MANAGER_PERMISSIONS }));
    expect(done.payload.flags ?? 0).toBe(0);
    const sub = await repo.get('discord', emu.channelId);
    expect(sub).toMatchObject({ time: '08:30', timezone: 'America/New_York' });
  });
});
