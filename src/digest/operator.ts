/** Operator functions behind the CLI: list subscriptions, post a digest to one channel now. */
import { InputError } from '../command.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import type { Store } from '../store/open.ts';
import type { Deliverer, Platform } from './deliverer.ts';
import { DeliveryError } from './deliverer.ts';
import { nextRun } from './schedule.ts';
import { describeDays } from './validation.ts';

/**
 * One line per subscription, e.g.
 * "discord:123 (guild 9)  08:30 America/New_York  weekdays, NYSE holidays skipped  active  next 2025-11-24T13:30:00Z  last 2025-11-21 sent  by u1 2025-11-20".
 */
export async function listSubscriptions(store: Pick<Store, 'subscriptions' | 'ledger'>, now: Date = new Date()): Promise<string[]> {
  const subs = await store.subscriptions.listAll();
  if (subs.length === 0) return ['No digest subscriptions.'];
  const delivered = await Promise.all(subs.map((s) => store.ledger.latest(s.id)));
  return subs.map((s, i) => {
    const last = delivered[i];
    const next = s.status === 'active' ? nextRun(s, now) : null;
    return [
      `${s.id}${s.guildId ? ` (guild ${s.guildId})` : ''}`,
      `${s.time} ${s.timezone}`,
      describeDays(s.days, s.includeHolidays),
      s.status === 'paused' ? `paused: ${s.pauseReason ?? 'no reason'}` : 'active',
      `next ${next ? next.toISOString().replace('.000Z', 'Z') : '-'}`,
      `last ${last ? `${last.localDate} ${last.status}` : '-'}`,
      `by ${s.createdBy} ${s.createdAt.slice(0, 10)}`,
    ].join('  ');
  });
}

/** Splits "discord:<channel>" or "slack:<channel>"; InputError otherwise. */
export function parseTarget(target: string): { platform: Platform; channelId: string } {
  const m = /^(discord|slack):(\S+)$/.exec(target.trim());
  if (!m) throw new InputError(`"${target}" is not a target. Use discord:<channel id> or slack:<channel id>.`);
  return { platform: m[1] as Platform, channelId: m[2]! };
}

export interface PostNowOptions {
  deliverers: Deliverer[];
  compose: (now: Date) => Promise<Reply>;
  now?: Date;
  logger: Logger;
}

/**
 * Composes today's digest and sends it to one channel now, outside the schedule and the ledger (an operator
 * asked for it explicitly). Throws InputError for a bad target or a platform without credentials, and
 * DeliveryError when the platform refuses.
 */
export async function postDigestNow(target: string, opts: PostNowOptions): Promise<{ platform: Platform; channelId: string; reply: Reply }> {
  const { platform, channelId } = parseTarget(target);
  const deliverer = opts.deliverers.find((d) => d.platform === platform);
  if (!deliverer) throw new InputError(`${platform} is not connected: set its credentials to post there.`);
  const reply = await opts.compose(opts.now ?? new Date());
  try {
    await deliverer.send(channelId, reply);
  } catch (err) {
    opts.logger.error('digest post failed', { target, error: String(err) });
    throw err instanceof DeliveryError ? err : new DeliveryError('transient', String(err));
  }
  opts.logger.info('digest posted', { target });
  return { platform, channelId, reply };
}
