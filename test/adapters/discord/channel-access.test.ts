/** subscribe on Discord checks first the bot's permissions in the channel, computed over REST. */
import { afterEach, describe, expect, it } from 'vitest';
import { PermissionFlagsBits as P } from 'discord.js';
import subscribe from '../../../commands/subscribe.ts';
import { channelPermissions, missingPermissions } from '../../../adapters/discord/channel-access.ts';
import { ChannelAccess } from '../../../src/digest/channel-access.ts';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openTestStore } from '../../helpers/store.ts';
import { MANAGER_PERMISSIONS } from '../../emulators/discord/emulator.ts';
import { answerOf, now, startHarness, type Harness } from './harness.ts';

const GUILD = '100';
const BOT = '200';
const everyone = (perms: bigint) => ({ id: GUILD, permissions: String(perms) });
const MEMBER = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles;

describe('channel permissions (Discord algorithm)', () => {
  it('starts from @everyone and the member roles; Administrator is everything', () => {
    const roles = [everyone(P.ViewChannel), { id: 'r1', permissions: String(P.SendMessages | P.EmbedLinks | P.AttachFiles) }, { id: 'admin', permissions: String(P.Administrator) }];
    expect(missingPermissions(channelPermissions({ guildId: GUILD, memberId: BOT, roles, memberRoleIds: [], overwrites: [] }))).toEqual(['Send Messages', 'Embed Links', 'Attach Files']);
    expect(missingPermissions(channelPermissions({ guildId: GUILD, memberId: BOT, roles, memberRoleIds: ['r1'], overwrites: [] }))).toEqual([]);
    const denyAll = [{ id: GUILD, type: 0, allow: '0', deny: String(MEMBER) }];
    expect(missingPermissions(channelPermissions({ guildId: GUILD, memberId: BOT, roles, memberRoleIds: ['admin'], overwrites: denyAll }))).toEqual([]);
  });

  it('applies @everyone, then role overwrites together (allow wins over deny), then the member overwrite', () => {
    const roles = [everyone(MEMBER), { id: 'r1', permissions: '0' }, { id: 'r2', permissions: '0' }];
    const base = { guildId: GUILD, memberId: BOT, roles, memberRoleIds: ['r1', 'r2'] };
    const everyoneDeny = { id: GUILD, type: 0, allow: '0', deny: String(P.SendMessages | P.AttachFiles) };
    expect(missingPermissions(channelPermissions({ ...base, overwrites: [everyoneDeny] }))).toEqual(['Send Messages', 'Attach Files']);
    const r1Allow = { id: 'r1', type: 0, allow: String(P.SendMessages), deny: '0' };
    const r2Deny = { id: 'r2', type: 0, allow: '0', deny: String(P.SendMessages | P.EmbedLinks) };
    expect(missingPermissions(channelPermissions({ ...base, overwrites: [everyoneDeny, r1Allow, r2Deny] }))).toEqual(['Embed Links', 'Attach Files']);
    const memberAllow = { id: BOT, type: 1, allow: String(P.EmbedLinks | P.AttachFiles), deny: '0' };
    expect(missingPermissions(channelPermissions({ ...base, overwrites: [everyoneDeny, r1Allow, r2Deny, memberAllow] }))).toEqual([]);
  });
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('subscribe checks the channel first (Discord)', () => {
  it("refuses where an overwrite takes Embed Links from the bot, and subscribes once the bot's role gets it back", async () => {
    const channelAccess = new ChannelAccess();
    const repo = new SubscriptionRepository(await openTestStore(), now);
    h = await startHarness({ commands: [subscribe], services: () => ({ subscriptions: repo, channelAccess }) });
    channelAccess.register(h.discord.channelAccess);
    const { emu } = h;
    const botRole = emu.addRole('capwatch', 0n, [emu.botUser.id]);
    emu.setOverwrite(emu.channelId, { id: emu.guildId, type: 0, deny: P.EmbedLinks | P.AttachFiles });
    const slash = () => emu.sendSlash({ command: 'smallcaps-admin', subcommand: 'subscribe', options: { time: '08:30' }, permissions: MANAGER_PERMISSIONS });

    const refused = await answerOf(emu, slash());
    expect(refused.payload.flags).toBe(64);
    expect(refused.payload.embeds[0]?.description).toMatch(/lacks Embed Links, Attach Files in this channel.*Grant/s);
    expect(await repo.get('discord', emu.channelId)).toBeFalsy();
    expect(emu.requests.some((r) => r.path === `/guilds/${emu.guildId}/roles`)).toBe(true);

    emu.setOverwrite(emu.channelId, { id: botRole.id, type: 0, allow: P.EmbedLinks | P.AttachFiles });
    const done = await answerOf(emu, slash());
    expect(done.payload.flags ?? 0).toBe(0);
    expect(await repo.get('discord', emu.channelId)).toMatchObject({ time: '08:30' });
  });

  it('refuses where the bot cannot see the channel', async () => {
    const channelAccess = new ChannelAccess();
    const repo = new SubscriptionRepository(await openTestStore(), now);
    h = await startHarness({ commands: [subscribe], services: () => ({ subscriptions: repo, channelAccess }) });
    channelAccess.register(h.discord.channelAccess);
    h.emu.forbidChannel(h.emu.channelId);
    const refused = await answerOf(h.emu, h.emu.sendSlash({ command: 'smallcaps-admin', subcommand: 'subscribe', options: {}, permissions: MANAGER_PERMISSIONS }));
    expect(refused.payload.embeds[0]?.description).toMatch(/cannot see this channel.*View Channel/s);
  });
});
