/** One declaration per command drives parsing, help, Discord registration, the Slack manifest and the NLU. */
import type { Reply } from './reply.ts';
import type { MarketData } from './market/types.ts';

export interface Choice {
  /** Canonical value, e.g. "sp500". */
  value: string;
  /** Label shown to users, e.g. "S&P 500 (SPY)". */
  label: string;
  /** Other spellings accepted when parsing text, e.g. ["spy", "s&p", "spx"]. */
  aliases?: string[];
}

export interface OptionDecl {
  name: string;
  description: string;
  required?: boolean;
  /** Value used when the option is omitted; replies state it when assumed. */
  default?: string;
  /** Fixed choices (registered as Discord choices, validated everywhere). */
  choices?: Choice[];
  /** For open values: return the canonical value or throw InputError with a friendly message. */
  validate?: (raw: string) => string;
  /** Suggestions for autocomplete when there are no fixed choices. */
  suggestions?: string[];
}

export type Permission = 'everyone' | 'manage';

export interface Actor {
  platform: 'discord' | 'slack' | 'console' | 'cli';
  userId: string;
  userName?: string;
  channelId?: string;
  guildId?: string;
  /** Set by adapters after their own permission check. */
  canManage?: boolean;
}

export interface Invocation {
  command: string;
  options: Record<string, string>;
  /** Options the user did not give and that took their default. */
  defaulted?: string[];
  via: 'slash' | 'mention' | 'cli';
  actor?: Actor;
  /** Notes from the parser shown with the reply, e.g. "You asked two questions; this answers the first." */
  notes?: string[];
}

/** Everything a command may use; built once in main.ts. */
export interface CommandContext {
  market: MarketData;
  now: () => Date;
  /** Extra services registered by later features (charts, subscriptions); looked up by name. */
  services: Record<string, unknown>;
  invocation: Invocation;
}

export interface CommandDecl {
  name: string;
  description: string;
  options: OptionDecl[];
  permission?: Permission;
  /** Example command lines shown in help. */
  examples?: string[];
  /** Longer explanations shown by `help <command>` (method, conventions). */
  details?: string[];
  /** Keyword hints for intent routing of free questions. */
  keywords?: string[];
  run(ctx: CommandContext, options: Record<string, string>): Promise<Reply>;
}

export function defineCommand(decl: CommandDecl): CommandDecl {
  return decl;
}

/** Bad input from a user: shown as a friendly (ephemeral) message, exit code 2 in the CLI. */
export class InputError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'InputError';
  }
}
