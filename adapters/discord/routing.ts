/**
 * Interaction -> Invocation -> pending Reply, on the raw shapes both transports share (discord.js's
 * `options.data` and the HTTP endpoint's JSON carry the same option tree). Bad input becomes a friendly
 * reply, never a throw.
 */
import type { Bot } from '../../src/bot-types.ts';
import { InputError, type Actor, type CommandDecl } from '../../src/command.ts';
import { commandHint, decodeControl } from '../../src/controls.ts';
import type { Logger } from '../../src/logger.ts';
import { errorReply, type Reply } from '../../src/reply.ts';
import { autocompleteChoices, type AutocompleteChoice } from './autocomplete.ts';
import { declForSubcommand, discordName } from './command-json.ts';
import { MENU_ID_PREFIX } from './components.ts';
import type { Target } from './answer-flow.ts';

/** One node of an interaction's option tree (subcommand or value). */
export interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: readonly RawOption[];
}

const SUBCOMMAND = 1;
/** MANAGE_GUILD ("Manage Server"). */
const MANAGE_GUILD = 1n << 5n;

/** Who acts, from the raw member permissions (absent in DMs, where nobody manages digests). */
export function actorFrom(user: { id: string; username: string }, channelId: string | undefined, guildId: string | undefined, permissions: string | undefined): Actor {
  let canManage = false;
  try {
    canManage = guildId !== undefined && permissions !== undefined && (BigInt(permissions) & MANAGE_GUILD) !== 0n;
  } catch {
    canManage = false;
  }
  return { platform: 'discord', userId: user.id, userName: user.username, ...(channelId ? { channelId } : {}), ...(guildId ? { guildId } : {}), canManage };
}

function declOf(bot: Bot, commandName: string, options: readonly RawOption[]): { decl?: CommandDecl; leaves: readonly RawOption[] } {
  const sub = options.find((o) => o.type === SUBCOMMAND);
  if (!sub) return { leaves: [] };
  return { decl: declForSubcommand(bot.commands, commandName, sub.name), leaves: sub.options ?? [] };
}

export interface RoutingContext {
  bot: Bot;
  logger: Logger;
}

/** The answer to a slash command; resolves at once with an error reply for bad input. */
export function commandReply(ctx: RoutingContext, commandName: string, options: readonly RawOption[], actor: Actor): Promise<Reply> {
  const { decl, leaves } = declOf(ctx.bot, commandName, options);
  if (!decl) return Promise.resolve(errorReply('Unknown command', 'That command is not one I know; try /smallcaps help.'));
  const given: Record<string, string | undefined> = {};
  for (const option of decl.options) {
    const leaf = leaves.find((l) => l.name === discordName(option.name));
    given[option.name] = typeof leaf?.value === 'string' ? leaf.value : undefined;
  }
  try {
    return ctx.bot.handle(ctx.bot.invocation(decl.name, given, 'slash', actor));
  } catch (error) {
    if (!(error instanceof InputError)) ctx.logger.error('discord: invocation failed', { error: String(error) });
    const message = error instanceof InputError ? [error.message, error.hint].filter(Boolean).join(' ') : 'That command failed on my side.';
    return Promise.resolve(errorReply("I couldn't read that", message));
  }
}

export function autocompleteReply(bot: Bot, commandName: string, options: readonly RawOption[]): AutocompleteChoice[] {
  const { decl, leaves } = declOf(bot, commandName, options);
  const focused = leaves.find((l) => l.focused);
  const option = focused && decl?.options.find((o) => discordName(o.name) === focused.name);
  return option ? autocompleteChoices(option, String(focused.value ?? '')) : [];
}

export interface Click {
  pending: Promise<Reply>;
  /** Replace the clicked message, or answer in a new (ephemeral) one. */
  target: Target;
  /** Who may click the new answer's controls. */
  owner?: string;
}

export function expiredReply(hint: string): Reply {
  return errorReply('That button has expired', `That button has expired, run /smallcaps ${hint} for a fresh answer.`);
}

/** A click on a control: the clicked button's id, or for a menu the chosen option's value. */
export function clickReply(ctx: RoutingContext, customId: string, values: readonly string[] | undefined, clicker: Actor): Click {
  const id = customId.startsWith(MENU_ID_PREFIX) ? (values?.[0] ?? '') : customId;
  const decoded = decodeControl(ctx.bot.commands, id);
  const refuse = (reply: Reply): Click => ({ pending: Promise.resolve(reply), target: 'new' });
  if (!decoded) return refuse(expiredReply(commandHint(ctx.bot.commands, id)));
  if (decoded.owner && decoded.owner !== clicker.userId) {
    return refuse(errorReply('Not your answer', `Only the person who asked can change this answer. Run /smallcaps ${decoded.command} for your own.`, 'permission'));
  }
  let pending: Promise<Reply>;
  try {
    pending = ctx.bot.handle(ctx.bot.invocation(decoded.command, decoded.options, 'slash', clicker));
  } catch {
    // Options that no longer validate (e.g. a choice since removed): stale, not an error of the user.
    return refuse(expiredReply(decoded.command));
  }
  if (decoded.opensPrivately) return { pending: pending.then((r) => ({ ...r, visibility: 'ephemeral' as const })), target: 'new' };
  return { pending, target: 'update', ...(decoded.owner ? { owner: decoded.owner } : {}) };
}
