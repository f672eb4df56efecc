/** One declaration per command drives parsing, help, Discord registration, the Slack manifest and the NLU. */
import type { AlertRepository } from './alerts/repository.ts';
import type { ChartService } from './charts/types.ts';
import type { ChannelAccess } from './digest/channel-access.ts';
import type { Compose } from './digest/edition.ts';
import type { SubscriptionService } from './digest/subscriptions.ts';
import type { Reply } from './reply.ts';
import type { MarketData } from './market/types.ts';

export interface Choice<V extends string = string> {
  /** Canonical value, e.g. "sp500". */
  value: V;
  /** Label shown to users, e.g. "S&P 500 (SPY)". */
  label: string;
  /** Other spellings accepted when parsing text, e.g. ["spy", "s&p", "spx"]. */
  aliases?: string[];
}

/** V is the type of the canonical value run() receives: a choice's value, or what validate returns. */
export interface OptionDecl<V extends string = string> {
  name: string;
  description: string;
  required?: boolean;
  /** Value used when the option is omitted; replies state it when assumed. */
  default?: V;
  /** Fixed choices (registered as Discord choices, validated everywhere). */
  choices?: readonly Choice<V>[];
  /** For open values: return the canonical value or throw InputError with a friendly message. */
  validate?: (raw: string) => V;
  /** Suggestions for autocomplete when there are no fixed choices. */
  suggestions?: string[];
}

export type Permission = 'everyone' | 'manage';

/** Evidence that a question asks for a command; a question's evidence is summed per command. */
export interface Phrase {
  pattern: RegExp;
  weight: number;
  /** Wording any question may use ("how did X do", "up", "vs"); it counts only when no other topic is named. */
  generic?: boolean;
}

/** A command's question vocabulary, read by the question parser (src/nlu). */
export interface QuestionWords {
  /** Each phrase counts once per question. */
  phrases: readonly Phrase[];
  /** Single words the phrases look for, corrected when misspelt by one letter. */
  words: readonly string[];
  /** A command whose questions this one narrows ("chart the russell" is a performance question, drawn); naming both asks for this one. */
  refines?: string;
  /** Command line offered, after the parser's own guesses, when a question is not understood. */
  offer?: string;
}

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

/** The services main.ts wires in; each is absent where it is not (e.g. no charts for a plain CLI run). */
export interface Services {
  charts?: ChartService;
  subscriptions?: SubscriptionService;
  composeDigest?: Compose;
  /** Every declared command, for help. */
  commands?: readonly CommandDecl[];
  /** "Can the bot post in this channel?", answered by the adapters (subscribe asks first). */
  channelAccess?: Pick<ChannelAccess, 'check'>;
  /** Alert rules per channel. */
  alerts?: AlertRepository;
}

/** Everything a command may use; built once in main.ts. */
export interface CommandContext {
  market: MarketData;
  now: () => Date;
  services: Services;
  invocation: Invocation;
}

/** The value run() gets for one declared option: always there when required or defaulted. */
type OptionValue<O> = O extends OptionDecl<infer V> ? (O extends { required: true } | { default: string } ? V : V | undefined) : never;

/** run()'s options, typed from the declared options: `{ period: Period; vs: string; ... }`. */
export type OptionValues<O extends readonly OptionDecl[]> = { [D in O[number] as D['name']]: OptionValue<D> };

export interface CommandDecl<O extends readonly OptionDecl[] = readonly OptionDecl[], D = unknown> {
  name: string;
  description: string;
  options: O;
  permission?: Permission;
  /** Example command lines shown in help. */
  examples?: string[];
  /** Longer explanations shown by `help <command>` (method, conventions). */
  details?: string[];
  /** How free questions ask for this command; without it, questions never route here. */
  questions?: QuestionWords;
  /** The router validates options against the declaration (choices, validate, defaults) before calling. */
  run(ctx: CommandContext, options: OptionValues<O>): Promise<Reply<D>>;
}

/** Declares a command; its options' names and value types flow into run() (no casts in commands). */
export function defineCommand<const O extends readonly OptionDecl[], D = unknown>(decl: CommandDecl<O, D>): CommandDecl<O, D> {
  return decl;
}

/** Declares an option, keeping its name and value type (for options shared between commands). */
export function defineOption<const O extends OptionDecl>(option: O): O {
  return option;
}

/** Bad input from a user: shown as a friendly (ephemeral) message, exit code 2 in the CLI. */
export class InputError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
    this.name = 'InputError';
  }
}
