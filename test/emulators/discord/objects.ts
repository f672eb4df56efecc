/** Builders for the Discord API objects the emulator sends (gateway) and returns (REST), in v10 shapes. */
import { snowflake } from './snowflake.ts';

export interface EmuUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export function user(id: string, username: string, bot = false): EmuUser {
  return { id, username, global_name: bot ? null : username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export const PERMISSIONS = {
  ADMINISTRATOR: 1n << 3n,
  MANAGE_GUILD: 1n << 5n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
} as const;

/** What an ordinary member may do in a text channel. */
export const MEMBER_PERMISSIONS = (
  PERMISSIONS.VIEW_CHANNEL |
  PERMISSIONS.SEND_MESSAGES |
  PERMISSIONS.EMBED_LINKS |
  PERMISSIONS.ATTACH_FILES |
  PERMISSIONS.READ_MESSAGE_HISTORY |
  PERMISSIONS.USE_APPLICATION_COMMANDS
).toString();

export const MANAGER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | PERMISSIONS.MANAGE_GUILD).toString();

/** A guild role as REST returns it (GET /guilds/{id}/roles). */
export interface EmuRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
}

export function role(id: string, name: string, permissions: bigint | string, position = 0): EmuRole {
  return { id, name, permissions: String(permissions), position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 };
}

/** A channel permission overwrite: type 0 for a role, 1 for a member. */
export interface EmuOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

export function textChannel(id: string, guildId: string, name: string, position = 0) {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function member(u: EmuUser, permissions?: string) {
  return {
    user: u,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: '2024-01-02T03:04:05.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

export interface GuildSpec {
  id: string;
  name: string;
  ownerId: string;
  channels: { id: string; name: string }[];
  botUser: EmuUser;
}

export function guildCreate(spec: GuildSpec) {
  return {
    id: spec.id,
    name: spec.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: spec.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: spec.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: spec.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: '2024-01-02T03:04:05.000000+00:00',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [member(spec.botUser)],
    channels: spec.channels.map((c, i) => textChannel(c.id, spec.id, c.name, i)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageSpec {
  id?: string;
  channelId: string;
  guildId?: string;
  author: EmuUser;
  content: string;
  embeds?: unknown[];
  attachments?: { filename: string; size: number; content_type?: string }[];
  mentions?: EmuUser[];
  flags?: number;
  messageReference?: unknown;
  webhookId?: string;
  applicationId?: string;
  interaction?: unknown;
  components?: unknown[];
}

export function message(spec: MessageSpec) {
  const id = spec.id ?? snowflake();
  return {
    id,
    type: spec.messageReference ? 19 : 0,
    channel_id: spec.channelId,
    ...(spec.guildId ? { guild_id: spec.guildId } : {}),
    author: spec.author,
    content: spec.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null as string | null,
    tts: false,
    mention_everyone: false,
    mentions: spec.mentions ?? [],
    mention_roles: [],
    attachments: (spec.attachments ?? []).map((a) => {
      const attId = snowflake();
      const url = `https://cdn.discordapp.test/attachments/${spec.channelId}/${attId}/${a.filename}`;
      return { id: attId, filename: a.filename, size: a.size, url, proxy_url: url, content_type: a.content_type ?? 'application/octet-stream' };
    }),
    embeds: spec.embeds ?? [],
    pinned: false,
    flags: spec.flags ?? 0,
    components: spec.components ?? [],
    ...(spec.messageReference ? { message_reference: spec.messageReference } : {}),
    ...(spec.webhookId ? { webhook_id: spec.webhookId } : {}),
    ...(spec.applicationId ? { application_id: spec.applicationId } : {}),
    ...(spec.interaction ? { interaction_metadata: spec.interaction } : {}),
  };
}
