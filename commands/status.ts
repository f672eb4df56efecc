import { defineCommand } from '../src/command.ts';
import { nextRun } from '../src/digest/schedule.ts';
import type { Reply } from '../src/reply.ts';
import { channelContext, describeInstant, describeSchedule } from './subscribe.ts';

export default defineCommand({
  name: 'status',
  description: "This channel's digest subscription: schedule, next delivery, last delivery",
  options: [],
  examples: ['status'],
  async run(ctx): Promise<Reply> {
    const { service, platform, channelId } = channelContext(ctx);
    const sub = await service.get(platform, channelId);
    if (!sub) {
      return {
        title: 'No digest here',
        commentary: 'This channel has no digest subscription. Use subscribe to start one (defaults: 08:30 America/New_York, weekdays).',
        sections: [],
        sources: [],
        visibility: 'ephemeral',
        tone: 'neutral',
        data: { subscription: null },
      };
    }
    const last = await service.lastDelivery(platform, channelId);
    const next = sub.status === 'active' ? nextRun(sub, ctx.now()) : null;
    const lines = [
      `Schedule: ${describeSchedule(sub)}.`,
      sub.status === 'paused' ? `Paused: ${sub.pauseReason ?? 'no reason recorded'}. Subscribe again to resume.` : `Next: ${next ? describeInstant(next, sub.timezone) : 'none within three weeks'}.`,
      last ? `Last: ${last.localDate}, ${last.status}${last.lastError ? ` (${last.lastError})` : ''}.` : 'Last: none yet.',
      `Set up by ${sub.createdBy} on ${sub.createdAt.slice(0, 10)}${sub.updatedBy !== sub.createdBy ? `, last changed by ${sub.updatedBy}` : ''}.`,
    ];
    return {
      title: sub.status === 'paused' ? 'Digest paused' : 'Digest active',
      commentary: lines[0]!,
      notes: lines.slice(1),
      sections: [],
      sources: [],
      visibility: 'ephemeral',
      tone: 'neutral',
      data: { subscription: sub, nextRun: next?.toISOString() ?? null, lastDelivery: last ?? null },
    };
  },
});
