/** Interactions over the gateway (discord.js): slash commands, autocomplete and clicks on controls. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction, MessageComponentInteraction } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import type { Logger } from '../../src/logger.ts';
import { deliverAnswer, type Responder } from './answer-flow.ts';
import { editOptions, messageOptions } from './payload.ts';
import { actorFrom, autocompleteReply, clickReply, commandReply } from './routing.ts';

export interface InteractionContext {
  bot: Bot;
  logger: Logger;
  now: () => Date;
  /** Answers slower than this are deferred (type 5, or 6 for a click) and then edited in. */
  deferAfterMs: number;
  /** Who may click a public answer's controls: anyone in the channel (default) or only the asker. */
  clickPolicy?: 'anyone' | 'owner';
}

export async function handleInteraction(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, ctx);
  if (interaction.isChatInputCommand()) return command(interaction, ctx);
  if (interaction.isButton() || interaction.isStringSelectMenu()) return click(interaction, ctx);
}

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction;

function actorOf(interaction: Answerable) {
  return actorFrom(interaction.user, interaction.channelId, interaction.inGuild() ? interaction.guildId : undefined, interaction.memberPermissions?.bitfield.toString());
}

/** The Responder over discord.js's interaction methods. */
function responder(interaction: Answerable): Responder {
  return {
    filesOnFirstResponse: true,
    async reply(payload, target) {
      if (target === 'update' && interaction.isMessageComponent()) await interaction.update(editOptions(payload));
      else await interaction.reply(messageOptions(payload));
    },
    async defer(target, ephemeral) {
      if (target === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
      else await interaction.deferReply(ephemeral ? { flags: 64 } : {});
    },
    editOriginal: async (payload) => void (await interaction.editReply(editOptions(payload))),
    deleteOriginal: () => interaction.deleteReply(),
    followUp: async (payload) => void (await interaction.followUp(messageOptions(payload))),
  };
}

async function command(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const actor = actorOf(interaction);
  const pending = commandReply(ctx, interaction.commandName, interaction.options.data, actor);
  const owner = ctx.clickPolicy === 'owner' ? actor.userId : undefined;
  await deliverAnswer(pending, responder(interaction), 'new', { deferAfterMs: ctx.deferAfterMs, now: ctx.now, ...(owner ? { owner } : {}) });
}

async function click(interaction: MessageComponentInteraction, ctx: InteractionContext): Promise<void> {
  const actor = actorOf(interaction);
  const values = interaction.isStringSelectMenu() ? interaction.values : undefined;
  const { pending, target, owner } = clickReply(ctx, interaction.customId, values, actor);
  const keep = owner ?? (ctx.clickPolicy === 'owner' ? actor.userId : undefined);
  await deliverAnswer(pending, responder(interaction), target, { deferAfterMs: ctx.deferAfterMs, now: ctx.now, ...(keep ? { owner: keep } : {}) });
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  await interaction.respond(autocompleteReply(ctx.bot, interaction.commandName, interaction.options.data));
}
