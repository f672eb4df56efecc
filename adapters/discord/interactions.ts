/** Slash commands and autocomplete: interaction -> Invocation -> Reply -> type 4, or type 5 then an edit. */
import { setTimeout as delay } from 'node:timers/promises';
import { PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import { InputError, type Actor, type CommandDecl } from '../../src/command.ts';
import type { Logger } from '../../src/logger.ts';
import { errorReply, type Reply } from '../../src/reply.ts';
import { autocompleteChoices } from './autocomplete.ts';
import { declForSubcommand, discordName } from './command-json.ts';
import { editOptions, messageOptions } from './payload.ts';
import { replyToDiscordPayload } from './reply-to-discord.ts';

export interface InteractionContext {
  bot: Bot;
  logger: Logger;
  now: () => Date;
  /** Answers slower than this are deferred (type 5) and then edited in. */
  deferAfterMs: number;
}

export async function handleInteraction(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, ctx);
  if (interaction.isChatInputCommand()) return command(interaction, ctx);
}

function declOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction, ctx: InteractionContext): CommandDecl | undefined {
  const sub = interaction.options.getSubcommand(false);
  return sub ? declForSubcommand(ctx.bot.commands, interaction.commandName, sub) : undefined;
}

function actorOf(interaction: ChatInputCommandInteraction): Actor {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    userName: interaction.user.username,
    channelId: interaction.channelId,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    // Manage Server in this guild; never in DMs.
    canManage: interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
  };
}

async function command(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const decl = declOf(interaction, ctx);
  if (!decl) {
    await send(interaction, errorReply('Unknown command', 'That command is not one I know; try /smallcaps help.'), ctx);
    return;
  }
  const options: Record<string, string | undefined> = {};
  for (const option of decl.options) options[option.name] = interaction.options.getString(discordName(option.name)) ?? undefined;

  let pending: Promise<Reply>;
  try {
    pending = ctx.bot.handle(ctx.bot.invocation(decl.name, options, 'slash', actorOf(interaction)));
  } catch (error) {
    if (!(error instanceof InputError)) ctx.logger.error('discord: invocation failed', { error: String(error) });
    const message = error instanceof InputError ? [error.message, error.hint].filter(Boolean).join(' ') : 'That command failed on my side.';
    await send(interaction, errorReply("I couldn't read that", message), ctx);
    return;
  }

  const timer = new AbortController();
  const early = await Promise.race([
    pending,
    delay(ctx.deferAfterMs, null, { signal: timer.signal }).catch(() => null),
  ]);
  timer.abort();
  if (early) {
    await send(interaction, early, ctx);
    return;
  }
  await interaction.deferReply();
  const reply = await pending;
  const payload = replyToDiscordPayload(reply, { now: ctx.now() });
  if (reply.visibility === 'ephemeral') {
    // A public deferral cannot turn ephemeral: replace it by an ephemeral follow-up.
    await interaction.deleteReply();
    await interaction.followUp(messageOptions(payload));
    return;
  }
  await interaction.editReply(editOptions(payload));
}

async function send(interaction: ChatInputCommandInteraction, reply: Reply, ctx: InteractionContext): Promise<void> {
  await interaction.reply(messageOptions(replyToDiscordPayload(reply, { now: ctx.now() })));
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const decl = declOf(interaction, ctx);
  const focused = interaction.options.getFocused(true);
  const option = decl?.options.find((o) => discordName(o.name) === focused.name);
  await interaction.respond(option ? autocompleteChoices(option, String(focused.value)) : []);
}
