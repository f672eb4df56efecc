/** A DiscordPayload in the two shapes sending needs: discord.js message options, and a raw REST body with files. */
import type { RawFile } from 'discord.js';
import type { ActionRowJson } from './components.ts';
import type { DiscordPayload, Embed } from './reply-to-discord.ts';

export interface MessageOptions {
  embeds: Embed[];
  files: { attachment: Buffer; name: string; description: string }[];
  allowedMentions: { parse: []; repliedUser: false };
  /** Always set, [] included: an edit or update replaces the old controls and attachments. */
  components: ActionRowJson[];
  attachments: [];
  flags?: 64;
}

/** For interaction replies through discord.js (reply, followUp). */
export function messageOptions(payload: DiscordPayload): MessageOptions {
  return { ...editOptions(payload), ...(payload.flags ? { flags: 64 as const } : {}) };
}

/** For editReply: visibility was fixed by the deferral, so no flags. */
export function editOptions(payload: DiscordPayload): Omit<MessageOptions, 'flags'> {
  return {
    embeds: payload.embeds,
    files: (payload.files ?? []).map((f) => ({ attachment: bufferView(f.data), name: f.name, description: f.description })),
    allowedMentions: { parse: [], repliedUser: false },
    components: payload.components ?? [],
    attachments: [],
  };
}

export interface RestMessage {
  body: Record<string, unknown>;
  files: RawFile[];
}

/** For POST /channels/:id/messages: ephemeral has no meaning there, so flags are dropped. */
export function restMessage(payload: DiscordPayload, extra: Record<string, unknown> = {}): RestMessage {
  const files = payload.files ?? [];
  return {
    body: {
      embeds: payload.embeds,
      allowed_mentions: { ...payload.allowed_mentions, replied_user: false },
      components: payload.components ?? [],
      // Listed even when empty: on an edit, attachments not listed are removed.
      attachments: files.map((f, i) => ({ id: i, filename: f.name, description: f.description })),
      ...extra,
    },
    files: files.map((f) => ({ name: f.name, data: bufferView(f.data), contentType: 'image/png' })),
  };
}

/**
 * A Buffer over the same memory, not a copy (Buffer.from(uint8array) copies): the digest posts one chart to
 * thousands of channels, and a copy per post is memory V8 does not count until a late collection.
 */
export function bufferView(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
