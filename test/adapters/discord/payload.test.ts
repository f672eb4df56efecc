import { describe, expect, it } from 'vitest';
import { bufferView, editOptions, restMessage } from '../../../adapters/discord/payload.ts';
import type { DiscordPayload } from '../../../adapters/discord/reply-to-discord.ts';

const backing = new Uint8Array([0, 0x89, 0x50, 0x4e, 0x47, 0]);
/** A chart that is a window into a larger buffer, as a PNG cut from an encoder's output may be. */
const png = backing.subarray(1, 5);
const payload: DiscordPayload = {
  embeds: [{ color: 0 }],
  files: [{ name: 'digest.png', data: png, contentType: 'image/png', description: 'chart' }],
  allowed_mentions: { parse: [] },
};

describe('Discord payload files', () => {
  it('share the chart bytes instead of copying them per message', () => {
    const rest = restMessage(payload).files[0]!.data;
    const edit = editOptions(payload).files[0]!.attachment;
    for (const view of [rest, edit]) {
      expect(view).toBeInstanceOf(Buffer);
      expect(Buffer.isBuffer(view) && view.buffer).toBe(backing.buffer);
      expect([...(view as Buffer)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
  });

  it('bufferView returns a Buffer as it is', () => {
    const buffer = Buffer.from([1, 2, 3]);
    expect(bufferView(buffer)).toBe(buffer);
  });
});
