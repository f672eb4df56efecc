/**
 * Operator verbs of the CLI: curated data, subscriptions, posting a digest now. Registration and the
 * Slack manifest need commands/ and adapters/, so they live in cli.ts, a composition root.
 */
import { InputError } from './command.ts';
import { listSubscriptions, postDigestNow, resumeSubscriptions } from './digest/operator.ts';
import { restDeliverers, type App } from './main.ts';
import { curateFuturesFromFile } from './market/curated-futures.ts';
import { checkCuratedKey, curatedAge } from './market/curated-age.ts';
import { listCurated, setCurated } from './market/curated-store.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface OperatorFlags {
  guild?: string;
  requestUrl?: string;
  source?: string;
  asof?: string;
  label?: string;
  unit?: string;
  date?: string;
  post?: string;
  platform?: string;
  team?: string;
}

const CURATE_USAGE =
  'Usage: capwatch curate list | curate set <key> <value> --source "..." --asof YYYY-MM-DD [--label "..."] [--unit %] | curate futures <file.csv> [--source "..."] [--date YYYY-MM-DD]';

export async function curate(app: App, args: string[], flags: OperatorFlags, io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    const overrides = new Set((await listCurated(app.store.curated)).map((o) => o.key));
    for (const f of await app.market.curatedAll()) {
      io.out(`${f.key}  ${formatValue(f.value, f.unit)}  ${f.source}, as of ${f.asOf} (${curatedAge(f.asOf, app.config.now())})${overrides.has(f.key) ? '  (curated)' : '  (snapshot)'}`);
    }
    return 0;
  }
  if (action === 'set') {
    const [key, value] = rest;
    if (!key || value === undefined || !flags.source || !flags.asof) {
      throw new InputError(CURATE_USAGE);
    }
    const known = checkCuratedKey(key);
    const label = flags.label ?? known.spec.label(known.period);
    const unit = flags.unit ?? known.spec.unit;
    const stored = await setCurated(app.store.curated, { key: key.trim(), value, source: flags.source, asOf: flags.asof, label, unit }, app.config.now());
    io.out(`Stored ${stored.key} = ${stored.value} (${stored.source}, as of ${stored.asOf}).`);
    return 0;
  }
  if (action === 'futures') {
    const [file] = rest;
    if (!file) throw new InputError('Usage: capwatch curate futures <file.csv> [--source "..."] [--date YYYY-MM-DD]');
    const result = await curateFuturesFromFile(app.store.futures, file, { now: app.config.now(), source: flags.source, tradeDate: flags.date });
    io.out(`Imported ${result.contracts} contract prices for ${result.tradeDates.join(', ')} (${result.source}).`);
    return 0;
  }
  throw new InputError(CURATE_USAGE);
}

function formatValue(value: number, unit: string): string {
  return unit === '%' || unit === 'x' ? `${value}${unit}` : `${value} ${unit}`.trim();
}

const SUBSCRIPTIONS_USAGE = 'Usage: capwatch subscriptions list | subscriptions resume <id> | subscriptions resume --platform discord|slack | subscriptions resume --team <team or guild id>';

export async function subscriptions(app: App, args: string[], io: Io, flags: OperatorFlags = {}): Promise<number> {
  if (args[0] === 'list' && args.length === 1) {
    for (const line of await listSubscriptions(app.store, app.config.now())) io.out(line);
    return 0;
  }
  if (args[0] !== 'resume') throw new InputError(SUBSCRIPTIONS_USAGE);
  const given = [args[1], flags.platform, flags.team].filter((v) => v !== undefined);
  if (given.length !== 1 || args.length > 2) throw new InputError(SUBSCRIPTIONS_USAGE);
  const selector = args[1] !== undefined ? { id: args[1] } : flags.platform !== undefined ? { platform: flags.platform } : { team: flags.team ?? '' };
  const { subscriptions: subs, workspaces } = await resumeSubscriptions(app.store, selector, app.config.now());
  if (subs.length === 0 && workspaces.length === 0) {
    io.out('Nothing was paused there.');
    return 0;
  }
  const parts = [
    subs.length > 0 ? `${subs.length} subscription${subs.length === 1 ? '' : 's'} (${subs.join(', ')})` : '',
    workspaces.length > 0 ? `deliveries of ${workspaces.join(', ')}` : '',
  ].filter(Boolean);
  io.out(`Resumed ${parts.join(' and ')}.`);
  return 0;
}

export async function postDigest(app: App, target: string, io: Io): Promise<number> {
  const deliverers = await restDeliverers(app.config, app.logger);
  const { platform, channelId } = await postDigestNow(target, { deliverers, compose: app.compose, now: app.config.now(), logger: app.logger });
  io.out(`Digest posted to ${platform}:${channelId}.`);
  return 0;
}
