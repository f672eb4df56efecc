/** `capwatch discord:register`: compares the registered application commands with ours; PUTs only when different. */
import { REST, Routes } from 'discord.js';
import type { CommandDecl } from '../../src/command.ts';
import { buildCommandJson, type CommandJson, type OptionJson } from './command-json.ts';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** REST base, e.g. https://discord.com/api (DISCORD_API_URL). */
  apiUrl?: string;
  /** Register in one guild (instant) instead of globally. */
  guildId?: string;
  commands: readonly CommandDecl[];
}

export interface RegisterResult {
  changed: boolean;
  /** Names of the top-level commands now registered. */
  names: string[];
}

export async function registerCommands(opts: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ api: opts.apiUrl ?? 'https://discord.com/api' }).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.appId, opts.guildId) : Routes.applicationCommands(opts.appId);
  const desired = buildCommandJson(opts.commands);
  const names = desired.map((c) => c.name);
  try {
    const registered = (await rest.get(route)) as unknown[];
    if (sameCommands(desired, registered)) return { changed: false, names };
    await rest.put(route, { body: desired });
    return { changed: true, names };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** True when Discord's stored commands say the same as ours, ignoring ids, versions and server defaults. */
export function sameCommands(desired: readonly CommandJson[], registered: readonly unknown[]): boolean {
  const key = (list: readonly unknown[]) =>
    JSON.stringify(list.map((c) => normalizeCommand(c as Record<string, unknown>)).sort((a, b) => a.name.localeCompare(b.name)));
  return key(desired) === key(registered);
}

function normalizeCommand(c: Record<string, unknown>) {
  return {
    type: Number(c.type ?? 1),
    name: String(c.name),
    description: String(c.description ?? ''),
    default_member_permissions: c.default_member_permissions == null ? null : String(c.default_member_permissions),
    contexts: Array.isArray(c.contexts) ? [...(c.contexts as number[])].sort() : null,
    integration_types: Array.isArray(c.integration_types) ? [...(c.integration_types as number[])].sort() : [0],
    nsfw: Boolean(c.nsfw),
    options: normalizeOptions(c.options),
  };
}

function normalizeOptions(options: unknown): unknown[] {
  if (!Array.isArray(options)) return [];
  return (options as Partial<OptionJson>[]).map((o) => ({
    type: Number(o.type),
    name: String(o.name),
    description: String(o.description ?? ''),
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices: (o.choices ?? []).map((ch) => ({ name: String(ch.name), value: ch.value })),
    options: normalizeOptions(o.options),
  }));
}
