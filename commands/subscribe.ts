import { DateTime } from 'luxon';
import { InputError, defineCommand, type CommandContext } from '../src/command.ts';
import { ChannelAccess } from '../src/digest/channel-access.ts';
import { nextRun } from '../src/digest/schedule.ts';
import type { Subscription, SubscriptionService } from '../src/digest/subscriptions.ts';
import {
  DEFAULT_DAYS,
  DEFAULT_TIME,
  DEFAULT_TIMEZONE,
  describeDays,
  parseDays,
  parseTime,
  parseTimezone,
} from '../src/digest/validation.ts';
import type { Reply } from '../src/reply.ts';

/** The subscription service and the channel this invocation came from; InputError when either is missing. */
export function channelContext(ctx: CommandContext): { service: SubscriptionService; platform: string; channelId: string } {
  const service = ctx.services.subscriptions;
  if (!service) throw new InputError('Digest subscriptions are not available in this mode.');
  const actor = ctx.invocation.actor;
  if (!actor?.channelId || (actor.platform !== 'discord' && actor.platform !== 'slack')) {
    throw new InputError('Digest subscriptions are per Discord or Slack channel; run this command in one.');
  }
  return { service, platform: actor.platform, channelId: actor.channelId };
}

/** "08:30 America/New_York, weekdays, NYSE holidays skipped". */
export function describeSchedule(sub: Subscription): string {
  return `${sub.time} ${sub.timezone}, ${describeDays(sub.days, sub.includeHolidays)}`;
}

/** "Mon 24 Nov 2025, 08:30 America/New_York" in the subscriber's zone. */
export function describeInstant(at: Date, timezone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timezone }).toFormat('ccc d LLL yyyy, HH:mm')} ${timezone}`;
}

/** Refuses, saying what to fix, when the platform says the bot could not post digests in this channel. */
async function checkChannelAccess(ctx: CommandContext, platform: string, channelId: string, guildId?: string): Promise<void> {
  const access = ctx.services.channelAccess;
  if (!(access instanceof ChannelAccess) || (platform !== 'discord' && platform !== 'slack')) return;
  const trouble = await access.check(platform, channelId, guildId);
  if (trouble) throw new InputError(`I can't post digests here: ${trouble.problem}.`, trouble.fix);
}

export default defineCommand({
  name: 'subscribe',
  description: 'Post the daily digest in this channel at a local time (needs manage permission)',
  permission: 'manage',
  options: [
    { name: 'time', description: 'Local time, HH:MM on 24 hours', default: DEFAULT_TIME, validate: parseTime, suggestions: ['07:00', '08:30', '09:15', '12:00', '16:30', '17:30'] },
    {
      name: 'timezone',
      description: 'IANA time zone, e.g. America/New_York',
      default: DEFAULT_TIMEZONE,
      validate: parseTimezone,
      suggestions: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney', 'UTC'],
    },
    {
      name: 'days',
      description: 'weekdays, daily, or a list like mon,wed,fri (add holidays to send on NYSE holidays)',
      default: DEFAULT_DAYS,
      validate: (raw) => {
        const { days, includeHolidays } = parseDays(raw);
        return includeHolidays && days !== 'daily' ? `${days},holidays` : days;
      },
      suggestions: ['weekdays', 'daily', 'mon,wed,fri', 'mon'],
    },
  ],
  examples: ['subscribe', 'subscribe 07:45 Europe/London', 'subscribe time:16:30 days:mon,wed,fri'],
  async run(ctx, options): Promise<Reply> {
    const { service, platform, channelId } = channelContext(ctx);
    const actor = ctx.invocation.actor!;
    await checkChannelAccess(ctx, platform, channelId, actor.guildId);
    const existed = Boolean(await service.get(platform, channelId));
    const sub = await service.subscribe({
      platform,
      channelId,
      ...(actor.guildId ? { guildId: actor.guildId } : {}),
      time: options.time ?? DEFAULT_TIME,
      timezone: options.timezone ?? DEFAULT_TIMEZONE,
      days: options.days ?? DEFAULT_DAYS,
      userId: actor.userId,
    });
    const next = nextRun(sub, ctx.now());
    return {
      title: existed ? 'Digest schedule updated' : 'Digest subscribed',
      commentary: `This channel gets the small-cap digest at ${describeSchedule(sub)}.${next ? ` Next: ${describeInstant(next, sub.timezone)}.` : ''}`,
      sections: [],
      sources: [],
      visibility: 'public',
      tone: 'neutral',
      data: { subscription: sub, nextRun: next?.toISOString() ?? null },
    };
  },
});
