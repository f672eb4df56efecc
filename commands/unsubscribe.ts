import { defineCommand } from '../src/command.ts';
import type { Reply } from '../src/reply.ts';
import { channelContext } from './subscribe.ts';

export default defineCommand({
  name: 'unsubscribe',
  description: 'Stop the daily digest in this channel (needs manage permission)',
  permission: 'manage',
  options: [],
  examples: ['unsubscribe'],
  async run(ctx): Promise<Reply> {
    const { service, platform, channelId } = channelContext(ctx);
    const removed = await service.unsubscribe(platform, channelId);
    return {
      title: removed ? 'Digest unsubscribed' : 'No digest here',
      commentary: removed
        ? 'This channel will no longer get the daily digest.'
        : 'This channel had no digest subscription. Use subscribe to start one.',
      sections: [],
      sources: [],
      visibility: removed ? 'public' : 'ephemeral',
      tone: 'neutral',
      data: { removed },
    };
  },
});
