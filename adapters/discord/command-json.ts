/**
 * Application command JSON from the command declarations: `/smallcaps <subcommand>` for everyone, and
 * `/smallcaps-admin <subcommand>` for commands that need Manage Server. Discord applies
 * default_member_permissions per top-level command, so the managed ones live under their own command;
 * the bot checks the permission again when they run.
 */
import type { CommandDecl, OptionDecl } from '../../src/command.ts';
import { LIMITS, truncate } from './limits.ts';

export const MAIN_COMMAND = 'smallcaps';
export const ADMIN_COMMAND = 'smallcaps-admin';
/** MANAGE_GUILD ("Manage Server") as a permission bitfield string. */
export const MANAGE_GUILD = String(1 << 5);

const ApplicationCommandType = { ChatInput: 1 } as const;
const OptionType = { Subcommand: 1, String: 3 } as const;
const Context = { Guild: 0, BotDM: 1, PrivateChannel: 2 } as const;
const IntegrationType = { GuildInstall: 0 } as const;

export interface ChoiceJson {
  name: string;
  value: string;
}

export interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: ChoiceJson[];
  autocomplete?: boolean;
  options?: OptionJson[];
}

export interface CommandJson {
  type: number;
  name: string;
  description: string;
  options: OptionJson[];
  default_member_permissions: string | null;
  contexts: number[];
  integration_types: number[];
}

/** Discord names: lowercase letters, digits, - and _, 1 to 32 characters. */
export function discordName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^\p{Ll}\p{Lo}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 32);
  if (!cleaned) throw new Error(`Command or option name "${name}" has no characters Discord accepts`);
  return cleaned;
}

function description(text: string): string {
  return truncate(text.trim() || '-', LIMITS.commandDescription);
}

function optionJson(option: OptionDecl): OptionJson {
  const choices = option.choices ?? [];
  const fixed = choices.length > 0 && choices.length <= LIMITS.choices;
  // More than 25 fixed choices cannot be registered as choices; they are offered by autocomplete instead.
  const autocomplete = !fixed && (choices.length > 0 || (option.suggestions?.length ?? 0) > 0);
  return {
    type: OptionType.String,
    name: discordName(option.name),
    description: description(option.description),
    ...(option.required ? { required: true } : {}),
    ...(fixed ? { choices: choices.map((c) => ({ name: truncate(c.label, LIMITS.choiceName), value: c.value })) } : {}),
    ...(autocomplete ? { autocomplete: true } : {}),
  };
}

function subcommandJson(decl: CommandDecl): OptionJson {
  if (decl.options.length > LIMITS.options) throw new Error(`Command "${decl.name}" has more than ${LIMITS.options} options`);
  // Discord requires required options before optional ones.
  const ordered = [...decl.options.filter((o) => o.required), ...decl.options.filter((o) => !o.required)];
  return { type: OptionType.Subcommand, name: discordName(decl.name), description: description(decl.description), options: ordered.map(optionJson) };
}

function topLevel(name: string, text: string, decls: readonly CommandDecl[], manage: boolean): CommandJson {
  if (decls.length > LIMITS.subcommands) throw new Error(`/${name} would have more than ${LIMITS.subcommands} subcommands`);
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: text,
    options: decls.map(subcommandJson),
    default_member_permissions: manage ? MANAGE_GUILD : null,
    // Managing digests only makes sense in a server; answers work in DMs with the bot too.
    contexts: manage ? [Context.Guild] : [Context.Guild, Context.BotDM],
    integration_types: [IntegrationType.GuildInstall],
  };
}

export function buildCommandJson(commands: readonly CommandDecl[]): CommandJson[] {
  const open = commands.filter((c) => c.permission !== 'manage');
  const managed = commands.filter((c) => c.permission === 'manage');
  const out = [topLevel(MAIN_COMMAND, 'Small caps vs large caps: performance, valuation, earnings, rate cuts', open, false)];
  if (managed.length > 0) out.push(topLevel(ADMIN_COMMAND, 'Manage capwatch digests in this server (Manage Server)', managed, true));
  return out;
}

/** Finds the declaration behind a `/smallcaps` or `/smallcaps-admin` subcommand. */
export function declForSubcommand(commands: readonly CommandDecl[], topName: string, subName: string): CommandDecl | undefined {
  const manage = topName === ADMIN_COMMAND;
  if (!manage && topName !== MAIN_COMMAND) return undefined;
  return commands.find((c) => (c.permission === 'manage') === manage && discordName(c.name) === subName);
}
