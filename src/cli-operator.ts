/**
 * Operator verbs of the CLI: curated data, subscriptions, posting a digest now. Registration and the
 * Slack manifest need commands/ and adapters/, so they live in cli.ts, a composition root.
 */
import { InputError } from './command.ts';
import { listSubscriptions, postDigestNow } from './digest/operator.ts';
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

export async function subscriptions(app: App, args: string[], io: Io): Promise<number> {
  if (args[0] !== 'list') throw new InputError('Usage: capwatch subscriptions list');
  for (const line of await listSubscriptions(app.store, app.config.now())) io.out(line);
  return 0;
}

export async function postDigest(app: App, target: string, io: Io): Promise<number> {
  const deliverers = await restDeliverers(app.config, app.logger);
  const { platform, channelId } = await postDigestNow(target, { deliverers, compose: app.compose, now: app.config.now(), logger: app.logger });
  io.out(`Digest posted to ${platform}:${channelId}.`);
  return 0;
}
