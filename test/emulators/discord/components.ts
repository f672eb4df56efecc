/** MESSAGE_COMPONENT interactions (type 3) as Discord sends them: a click on a button or a choice in a select. */
import { member, textChannel, type EmuUser } from './objects.ts';
import type { EmuMessage } from './rest.ts';
import { snowflake } from './snowflake.ts';

export const ComponentType = { Button: 2, StringSelect: 3 } as const;

export interface ComponentSpec {
  /** The message the component is on. */
  message: EmuMessage;
  customId: string;
  /** For a select: the chosen option values. */
  values?: string[];
  user: EmuUser;
  permissions?: string;
  guildId: string;
  channelId: string;
  applicationId: string;
}

export function componentPayload(spec: ComponentSpec) {
  const select = spec.values !== undefined;
  return {
    id: snowflake(),
    application_id: spec.applicationId,
    type: 3,
    data: { custom_id: spec.customId, component_type: select ? ComponentType.StringSelect : ComponentType.Button, ...(select ? { values: spec.values } : {}) },
    guild_id: spec.guildId,
    member: member(spec.user, spec.permissions ?? '0'),
    guild_locale: 'en-US',
    channel: textChannel(spec.channelId, spec.guildId, 'general'),
    channel_id: spec.channelId,
    message: spec.message,
    token: `itok_${snowflake()}_${Math.random().toString(36).slice(2)}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': spec.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export type ComponentPayload = ReturnType<typeof componentPayload>;

/** Every custom_id (buttons) and option value (selects) of a message's components. */
export function componentIds(message: { components: unknown[] }): { buttons: { custom_id: string; label: string; disabled?: boolean }[]; selects: { custom_id: string; options: { value: string; label: string; default?: boolean }[] }[] } {
  const rows = message.components as { components: { type: number; custom_id: string; label: string; disabled?: boolean; options?: { value: string; label: string; default?: boolean }[] }[] }[];
  const all = rows.flatMap((r) => r.components);
  return {
    buttons: all.filter((c) => c.type === ComponentType.Button),
    selects: all.filter((c) => c.type === ComponentType.StringSelect).map((c) => ({ custom_id: c.custom_id, options: c.options ?? [] })),
  };
}
