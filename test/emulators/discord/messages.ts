/** Messages the bot creates and edits through REST, built from the request as Discord would store them. */
import { message } from './objects.ts';
import type { EmulatorState, EmuMessage, RestCall } from './rest.ts';

export function messageFrom(s: EmulatorState, channelId: string, call: RestCall, extra: Partial<Parameters<typeof message>[0]> = {}): EmuMessage {
  const body = (call.json ?? {}) as Record<string, unknown>;
  return message({
    channelId,
    guildId: s.guild.channels.some((c) => c.id === channelId) ? s.guild.id : undefined,
    author: s.botUser,
    content: typeof body.content === 'string' ? body.content : '',
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    attachments: call.files.map((f) => ({ filename: f.name, size: f.data.length, content_type: f.contentType })),
    flags: typeof body.flags === 'number' ? body.flags : 0,
    messageReference: body.message_reference,
    components: Array.isArray(body.components) ? body.components : [],
    ...extra,
  });
}

/** One message seen from several interactions (a slash answer, then clicks on it): every copy shows the edit. */
export function sameEverywhere(s: EmulatorState, edited: EmuMessage): EmuMessage {
  for (const record of s.interactions.values()) if (record.original?.id === edited.id) record.original = edited;
  for (const [channel, list] of s.channelMessages) s.channelMessages.set(channel, list.map((m) => (m.id === edited.id ? edited : m)));
  return edited;
}

/** A message as edited by a PATCH or an UPDATE_MESSAGE body: only the fields the body names change. */
export function editedMessage(s: EmulatorState, found: EmuMessage, call: RestCall): EmuMessage {
  const body = (call.json ?? {}) as Record<string, unknown>;
  const rebuilt = messageFrom(s, found.channel_id, call, {
    id: found.id,
    webhookId: s.applicationId,
    applicationId: s.applicationId,
    flags: found.flags & ~128,
  });
  const edited = {
    ...found,
    ...('content' in body ? { content: rebuilt.content } : {}),
    ...('embeds' in body ? { embeds: rebuilt.embeds } : {}),
    ...('components' in body ? { components: rebuilt.components } : {}),
    ...(call.files.length > 0 || 'attachments' in body ? { attachments: rebuilt.attachments } : {}),
    flags: rebuilt.flags,
    edited_timestamp: new Date().toISOString(),
  };
  return edited;
}
