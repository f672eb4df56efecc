/** INTERACTION_CREATE payloads for chat-input commands and autocomplete, as Discord sends them. */
import { member, type EmuUser, textChannel } from './objects.ts';
import { snowflake } from './snowflake.ts';

export const InteractionType = { Ping: 1, ApplicationCommand: 2, Autocomplete: 4 } as const;
export const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5 } as const;

export interface SlashSpec {
  /** Top-level command name, e.g. "smallcaps". */
  command: string;
  /** Subcommand name; omitted for a command without subcommands. */
  subcommand?: string;
  /** String options by name. */
  options?: Record<string, string>;
  /** For autocomplete: the option being typed. */
  focused?: string;
  user: EmuUser;
  /** Member permission bitfield (decimal string); absent in DMs. */
  permissions?: string;
  guildId?: string;
  channelId: string;
  applicationId: string;
  commandId?: string;
}

export function interactionPayload(spec: SlashSpec, type: number = InteractionType.ApplicationCommand) {
  const leafOptions = Object.entries(spec.options ?? {}).map(([name, value]) => ({
    type: OptionType.String,
    name,
    value,
    ...(spec.focused === name ? { focused: true } : {}),
  }));
  const options = spec.subcommand
    ? [{ type: OptionType.Subcommand, name: spec.subcommand, options: leafOptions }]
    : leafOptions;
  const inGuild = spec.guildId !== undefined;
  return {
    id: snowflake(),
    application_id: spec.applicationId,
    type,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.command,
      type: 1,
      options,
      ...(inGuild ? { guild_id: spec.guildId } : {}),
    },
    ...(inGuild
      ? { guild_id: spec.guildId, member: member(spec.user, spec.permissions ?? '0'), guild_locale: 'en-US' }
      : { user: spec.user }),
    channel: inGuild ? textChannel(spec.channelId, spec.guildId as string, 'general') : { id: spec.channelId, type: 1, recipients: [spec.user] },
    channel_id: spec.channelId,
    token: `itok_${snowflake()}_${Math.random().toString(36).slice(2)}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: inGuild ? { '0': spec.guildId } : { '1': spec.user.id },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
}

export type InteractionPayload = ReturnType<typeof interactionPayload>;
