/**
 * Discord's answer to "can the bot post digests here?": the bot's permissions in the channel, computed over
 * REST from the guild's roles, the bot member's roles and the channel's overwrites, the way Discord does
 * (https://discord.com/developers/docs/topics/permissions#permission-overwrites).
 */
import { DiscordAPIError, PermissionFlagsBits, Routes, type REST } from 'discord.js';
import type { ChannelAccessCheck, ChannelAccessProblem } from '../../src/digest/channel-access.ts';
import type { Logger } from '../../src/logger.ts';

/** What a digest post needs, with the names Discord's settings show. */
export const DIGEST_PERMISSIONS: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.AttachFiles, 'Attach Files'],
];

export interface Overwrite {
  id: string;
  type: number;
  allow: string;
  deny: string;
}

export interface PermissionInput {
  guildId: string;
  memberId: string;
  /** Every guild role (the @everyone role has the guild's id). */
  roles: { id: string; permissions: string }[];
  memberRoleIds: string[];
  overwrites: Overwrite[];
}

/** The member's permissions in the channel: base from roles, then @everyone, role and member overwrites. */
export function channelPermissions(input: PermissionInput): bigint {
  const byId = new Map(input.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let base = byId.get(input.guildId) ?? 0n;
  for (const id of input.memberRoleIds) base |= byId.get(id) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ~0n;
  const apply = (perms: bigint, allow: bigint, deny: bigint) => (perms & ~deny) | allow;
  const everyone = input.overwrites.find((o) => o.id === input.guildId);
  if (everyone) base = apply(base, BigInt(everyone.allow), BigInt(everyone.deny));
  let allow = 0n;
  let deny = 0n;
  for (const o of input.overwrites) {
    if (o.type === 0 && o.id !== input.guildId && input.memberRoleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  base = apply(base, allow, deny);
  const member = input.overwrites.find((o) => o.type === 1 && o.id === input.memberId);
  return member ? apply(base, BigInt(member.allow), BigInt(member.deny)) : base;
}

export function missingPermissions(perms: bigint): string[] {
  return DIGEST_PERMISSIONS.filter(([bit]) => (perms & bit) === 0n).map(([, name]) => name);
}

interface ChannelBody { guild_id?: string; permission_overwrites?: Overwrite[] }
interface MemberBody { roles?: string[] }
interface UserBody { id: string }

export function discordChannelAccess(rest: REST, logger: Logger): ChannelAccessCheck {
  let botUserId: string | undefined;
  return {
    platform: 'discord',
    async check(channelId: string, guildId?: string): Promise<ChannelAccessProblem | null> {
      try {
        botUserId ??= ((await rest.get(Routes.user('@me'))) as UserBody).id;
        const channel = (await rest.get(Routes.channel(channelId))) as ChannelBody;
        const guild = channel.guild_id ?? guildId;
        if (!guild) return null;
        const roles = (await rest.get(Routes.guildRoles(guild))) as { id: string; permissions: string }[];
        const member = (await rest.get(Routes.guildMember(guild, botUserId))) as MemberBody;
        const perms = channelPermissions({ guildId: guild, memberId: botUserId, roles, memberRoleIds: member.roles ?? [], overwrites: channel.permission_overwrites ?? [] });
        const missing = missingPermissions(perms);
        if (missing.length === 0) return null;
        return {
          problem: `the bot lacks ${missing.join(', ')} in this channel`,
          fix: `Grant the bot's role ${missing.join(', ')} in the channel settings (Permissions), then subscribe again.`,
        };
      } catch (error) {
        if (error instanceof DiscordAPIError) {
          if (error.status === 401) return { problem: "Discord refused the bot's token", fix: 'Ask an operator to copy the bot token again into DISCORD_TOKEN.' };
          if (error.status === 403 || error.status === 404) {
            return { problem: 'the bot cannot see this channel', fix: "Give the bot's role View Channel, Send Messages, Embed Links and Attach Files here, then subscribe again." };
          }
        }
        logger.warn('discord: channel access check failed; subscribing without it', { channel: channelId, error: (error as Error)?.message ?? String(error) });
        return null;
      }
    },
  };
}
