/** Operator functions behind the CLI: list and resume subscriptions, post a digest to one channel now. */
import { InputError } from '../command.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import type { Store } from '../store/open.ts';
import type { Deliverer, Platform } from './deliverer.ts';
import { DeliveryError } from './deliverer.ts';
import { nextRun } from './schedule.ts';
import type { Subscription } from './subscriptions.ts';
import { describeDays } from './validation.ts';
import type { WorkspacePause } from './workspace-pauses.ts';

/** Whether a workspace pause ("slack:T0123", "discord:<app>") covers a subscription. */
export function pauseCovers(pause: WorkspacePause, sub: Pick<Subscription, 'platform' | 'guildId'>): boolean {
  const [platform, id] = pause.scope.split(':');
  if (platform !== sub.platform) return false;
  // One Discord application serves every guild; a Slack token serves one team (the subscription's guild id).
  return platform === 'discord' || id === 'workspace' || id === sub.guildId;
}

/**
 * One line per subscription, e.g.
 * "discord:123 (guild 9)  08:30 America/New_York  weekdays, NYSE holidays skipped  active  next 2025-11-24T13:30:00Z  last 2025-11-21 sent  by u1 2025-11-20".
 */
export async function listSubscriptions(store: Pick<Store, 'subscriptions' | 'ledger' | 'workspacePauses'>, now: Date = new Date()): Promise<string[]> {
  const subs = await store.subscriptions.listAll();
  const pauses = await store.workspacePauses.list();
  // A workspace pause first, once, with its reason; its subscriptions say "held" below.
  const header = pauses.map((p) => `workspace ${p.scope} paused since ${p.since.replace('.000Z', 'Z')}: ${p.reason}`);
  if (subs.length === 0) return [...header, 'No digest subscriptions.'];
  const delivered = await Promise.all(subs.map((s) => store.ledger.latest(s.id)));
  return [...header, ...subs.map((s, i) => {
    const last = delivered[i];
    const next = s.status === 'active' ? nextRun(s, now) : null;
    const held = pauses.find((p) => pauseCovers(p, s));
    return [
      `${s.id}${s.guildId ? ` (guild ${s.guildId})` : ''}`,
      `${s.time} ${s.timezone}`,
      describeDays(s.days, s.includeHolidays),
      s.status === 'paused' ? `paused: ${s.pauseReason ?? 'no reason'}` : held ? `held: workspace ${held.scope} paused` : 'active',
      `next ${next ? next.toISOString().replace('.000Z', 'Z') : '-'}`,
      `last ${last ? `${last.localDate} ${last.status}` : '-'}`,
      `by ${s.createdBy} ${s.createdAt.slice(0, 10)}`,
    ].join('  ');
  })];
}

export type ResumeSelector = { id: string } | { platform: string } | { team: string };

/**
 * Resumes paused subscriptions (one by id, every one of a platform, or of a Slack team / Discord guild) and
 * lifts the workspace pauses that cover them. A running bot picks the change up on its next tick; if the
 * credentials still fail, the first send pauses the workspace again with the reason.
 */
export async function resumeSubscriptions(
  store: Pick<Store, 'subscriptions' | 'workspacePauses'>,
  selector: ResumeSelector,
  now: Date,
): Promise<{ subscriptions: string[]; workspaces: string[] }> {
  const all = await store.subscriptions.listAll();
  let chosen: Subscription[];
  if ('id' in selector) {
    const one = all.find((s) => s.id === selector.id);
    if (!one) throw new InputError(`No subscription "${selector.id}". See capwatch subscriptions list.`);
    chosen = [one];
  } else if ('platform' in selector) {
    if (selector.platform !== 'discord' && selector.platform !== 'slack') throw new InputError(`--platform takes discord or slack, not "${selector.platform}".`);
    chosen = all.filter((s) => s.platform === selector.platform);
  } else {
    chosen = all.filter((s) => s.guildId === selector.team);
  }
  const resumed: string[] = [];
  for (const s of chosen.filter((c) => c.status === 'paused')) {
    await store.subscriptions.setStatus(s.id, 'active', null, now.toISOString());
    resumed.push(s.id);
  }
  const workspaces: string[] = [];
  for (const p of await store.workspacePauses.list()) {
    const covers =
      'platform' in selector ? p.scope.startsWith(`${selector.platform}:`) : 'team' in selector ? p.scope === `slack:${selector.team}` || chosen.some((s) => pauseCovers(p, s)) : false;
    if (covers && (await store.workspacePauses.resume(p.scope))) workspaces.push(p.scope);
  }
  return { subscriptions: resumed, workspaces };
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
