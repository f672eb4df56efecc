/** Application commands as Discord stores them: ids assigned and server-side defaults filled in. */
import { snowflake } from './snowflake.ts';

export type StoredCommand = Record<string, unknown> & { id: string; name: string };

/** Fills the fields Discord adds to every command, so clients must compare only what they set. */
export function storeCommand(appId: string, body: Record<string, unknown>, guildId?: string, existingId?: string): StoredCommand {
  return {
    type: 1,
    description_localizations: null,
    name_localizations: null,
    default_member_permissions: null,
    dm_permission: true,
    contexts: null,
    integration_types: [0],
    nsfw: false,
    ...body,
    id: existingId ?? snowflake(),
    application_id: appId,
    version: snowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
    name: String(body.name),
  };
}

export class CommandStore {
  readonly global: StoredCommand[] = [];
  readonly guilds = new Map<string, StoredCommand[]>();

  list(guildId?: string): StoredCommand[] {
    if (!guildId) return this.global;
    let list = this.guilds.get(guildId);
    if (!list) {
      list = [];
      this.guilds.set(guildId, list);
    }
    return list;
  }

  /** Bulk overwrite: keeps ids of commands whose name is unchanged, like Discord does. */
  overwrite(appId: string, bodies: Record<string, unknown>[], guildId?: string): StoredCommand[] {
    const list = this.list(guildId);
    const next = bodies.map((body) => storeCommand(appId, body, guildId, list.find((c) => c.name === body.name)?.id));
    list.splice(0, list.length, ...next);
    return next;
  }

  upsert(appId: string, body: Record<string, unknown>, guildId?: string): StoredCommand {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.name === body.name);
    const stored = storeCommand(appId, body, guildId, list[index]?.id);
    if (index >= 0) list[index] = stored;
    else list.push(stored);
    return stored;
  }

  remove(id: string, guildId?: string): boolean {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.id === id);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }
}
