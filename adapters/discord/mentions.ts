/** @mentions: a message naming the bot is answered, as a reply to it, through the same router. */
import { PermissionFlagsBits, Routes, type Client, type Message } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import type { Actor } from '../../src/command.ts';
import { restMessage } from './payload.ts';
import { replyToDiscordPayload } from './reply-to-discord.ts';

export interface MentionContext {
  bot: Bot;
  now: () => Date;
}

/** The question with every mention of the bot (<@id> or <@!id>) taken out. */
export function questionText(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export function mentionsBot(message: Message, botId: string): boolean {
  return message.mentions.users.has(botId) || new RegExp(`<@!?${botId}>`).test(message.content);
}

function canManage(message: Message): boolean {
  try {
    return message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
  } catch {
    return false;
  }
}

export async function handleMessage(client: Client<true>, message: Message, ctx: MentionContext): Promise<boolean> {
  // Bots (this one included) and webhooks are never answered: no loops between bots.
  if (message.author.bot || message.webhookId || message.system) return false;
  const botId = client.user.id;
  if (!mentionsBot(message, botId)) return false;
  const actor: Actor = {
    platform: 'discord',
    userId: message.author.id,
    userName: message.author.username,
    channelId: message.channelId,
    ...(message.guildId ? { guildId: message.guildId } : {}),
    canManage: canManage(message),
  };
  const { reply } = await ctx.bot.ask(questionText(message.content, botId), actor);
  const { body, files } = restMessage(replyToDiscordPayload(reply, { now: ctx.now() }), {
    message_reference: { message_id: message.id, channel_id: message.channelId, fail_if_not_exists: false },
  });
  await client.rest.post(Routes.channelMessages(message.channelId), { body, files });
  return true;
}
