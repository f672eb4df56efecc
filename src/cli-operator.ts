/** Operator verbs of the CLI: registration, manifest, curated data, subscriptions, posting a digest now. */
import { allCommands } from '../commands/index.ts';
import { InputError } from './command.ts';
import { listSubscriptions, postDigestNow } from './digest/operator.ts';
import { restDeliverers, type App } from './main.ts';
import { curateFuturesFromFile } from './market/curated-futures.ts';
import { listCurated, setCurated } from './market/curated-store.ts';
import type { Config } from './config.ts';

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

export async function slackManifest(flags: OperatorFlags, io: Io): Promise<number> {
  const { buildManifest } = await import('../adapters/slack/manifest.ts');
  io.out(JSON.stringify(buildManifest(allCommands, { socketMode: !flags.requestUrl, requestUrl: flags.requestUrl }), null, 2));
  return 0;
}

export async function discordRegister(config: Config, flags: OperatorFlags, io: Io): Promise<number> {
  if (!config.discord) throw new InputError('discord:register needs DISCORD_TOKEN and DISCORD_APP_ID.');
  const { registerCommands } = await import('../adapters/discord/registration.ts');
  const result = await registerCommands({ ...config.discord, guildId: flags.guild, commands: allCommands });
  io.out(result.changed ? `Registered /${result.names.join(', /')}${flags.guild ? ` in guild ${flags.guild}` : ' globally'}.` : 'Slash commands already up to date; nothing sent.');
  return 0;
}

const CURATE_USAGE =
  'Usage: capwatch curate list | curate set <key> <value> --source "..." --asof YYYY-MM-DD [--label "..."] [--unit %] | curate futures <file.csv> [--source "..."] [--date YYYY-MM-DD]';

export async function curate(app: App, args: string[], flags: OperatorFlags, io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    const overrides = new Set((await listCurated(app.store.curated)).map((o) => o.key));
    for (const f of await app.market.curatedAll()) {
      io.out(`${f.key}  ${formatValue(f.value, f.unit)}  ${f.source}, as of ${f.asOf}${overrides.has(f.key) ? '  (curated)' : '  (snapshot)'}`);
    }
    return 0;
  }
  if (action === 'set') {
    const [key, value] = rest;
    if (!key || value === undefined || !flags.source || !flags.asof) {
      throw new InputError(CURATE_USAGE);
    }
    const stored = await setCurated(app.store.curated, { key, value, source: flags.source, asOf: flags.asof, label: flags.label, unit: flags.unit }, app.config.now());
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
