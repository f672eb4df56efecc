/** The `capwatch` command line (see DESIGN.md, Contract). */
import { parseArgs } from 'node:util';
import { replyToText } from '../adapters/console/render.ts';
import type { AskResult, Entities } from './bot-types.ts';
import type { Io, OperatorFlags } from './cli-operator.ts';
import { argvProblem, missingArgument } from './cli-args.ts';
import { InputError, type Invocation } from './command.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createApp, restDeliverers, type App } from './main.ts';
import { guardOutput } from './observability/redact.ts';
import type { Reply } from './reply.ts';

const USAGE = `Usage:
  capwatch run "<command line>" [--json] [--offline] [--chart]   e.g. capwatch run "performance 1m vs:nasdaq"
  capwatch ask "<question>" [--json] [--offline] [--chart]
  capwatch digest [--json] [--offline] [--chart] [--post discord:<channel>|slack:<channel>]
  (--chart also draws the reply's chart under DATA_DIR/charts and gives its path)
  capwatch discord:register [--guild ID]
  capwatch slack:manifest [--request-url https://host/slack/events]
  capwatch curate list | curate set <key> <value> --source "..." --asof YYYY-MM-DD
  capwatch curate futures <file.csv> [--source "..."] [--date YYYY-MM-DD]
  capwatch subscriptions list | subscriptions resume <id> | --platform discord|slack | --team <id>
  capwatch snapshot refresh [--out DIR]
  capwatch alerts check [--json] [--post]`;

/** The usage line of one verb, or the whole usage when the verb is unknown. */
const usageOf = (verb: string | undefined) => {
  const line = USAGE.split('\n').find((l) => verb && l.trim().startsWith(`capwatch ${verb} `));
  return line ? `Usage: ${line.trim()}` : 'See capwatch --help.';
};

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

const OPTIONS = {
  json: { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  chart: { type: 'boolean', default: false },
  guild: { type: 'string' },
  'request-url': { type: 'string' },
  source: { type: 'string' },
  asof: { type: 'string' },
  label: { type: 'string' },
  unit: { type: 'string' },
  date: { type: 'string' },
  post: { type: 'string' },
  out: { type: 'string' },
  platform: { type: 'string' },
  team: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    // `alerts check --post` takes no value, unlike `digest --post <channel>`.
    const args = argv[0] === 'alerts' ? argv.map((a) => (a === '--post' ? '--post=all' : a)) : argv;
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`${argvProblem(error)}. ${usageOf(argv.find((a) => !a.startsWith('-')))}`); // bad input: one line on stderr
    return 2;
  }
  const { values } = parsed;
  const [verb, ...rest] = parsed.positionals;
  if (values.help || !verb) {
    (verb || values.help ? io.out : io.err)(USAGE);
    return verb || values.help ? 0 : 2;
  }
  const missing = missingArgument(verb, rest);
  if (missing) {
    io.err(`capwatch: ${missing}. ${usageOf(verb)}`);
    return 2;
  }
  const flags = { ...values, requestUrl: values['request-url'] };
  let app: App | undefined;
  // Operator verbs load their own modules; `run` and `ask` do not pay for them.
  const operator = () => import('./cli-operator.ts');
  try {
    if (verb === 'slack:manifest') return await slackManifest(flags, io);
    // The CLI's stdout is for answers; provider warnings stay quiet unless LOG_LEVEL asks for them.
    const config = loadConfig({ LOG_LEVEL: 'error', ...env });
    guardOutput(env);
    if (verb === 'discord:register') return await discordRegister(config, flags, io);
    if (verb === 'snapshot') return await (await import('./market/history/refresh-cli.ts')).snapshotCommand(config, rest, values.out, io);
    // Scripts run the CLI for the numbers: charts (Vega and resvg, ~1 s and ~100 MB) only when asked for,
    // by --chart or the chart command, or when posting.
    const charts = values.chart || values.post !== undefined || (verb === 'run' && /^\s*(\/smallcaps\s+)?chart\b/i.test(rest.join(' ')));
    app = await createApp(config, { offline: values.offline, charts });
    switch (verb) {
      case 'run':
        return await answer(app, io, values.json, () => app!.bot.parse(rest.join(' '), 'cli'));
      case 'digest':
        if (values.post) return await (await operator()).postDigest(app, values.post, io);
        return await answer(app, io, values.json, () => app!.bot.parse('digest', 'cli'));
      case 'ask': {
        const result = await app.bot.ask(rest.join(' '), { platform: 'cli', userId: 'cli', canManage: true });
        if (result.reply.error) return askFailed(io, values.json, result);
        return await print(app, io, values.json, result.invocation, result.reply, {
          confidence: result.confidence,
          entities: result.entities ?? {},
        });
      }
      case 'curate':
        return await (await operator()).curate(app, rest, flags, io);
      case 'alerts': {
        const deliverers = values.post !== undefined ? await restDeliverers(config, app.logger) : undefined;
        return await (await import('./cli-alerts.ts')).alertsCommand(app, rest, { json: values.json, ...(deliverers ? { deliverers } : {}) }, io);
      }
      case 'subscriptions':
        return await (await operator()).subscriptions(app, rest, io, flags);
      default:
        io.err(`Unknown command "${verb}". ${usageOf(undefined)}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(oneLine(error.hint ? `${error.message} ${error.hint}` : error.message));
      return 2;
    }
    io.err(oneLine(`capwatch: ${(error as Error).message}`));
    return 1;
  } finally {
    await app?.close();
  }
}

async function slackManifest(flags: OperatorFlags, io: Io): Promise<number> {
  const [{ buildManifest }, { allCommands }] = await Promise.all([import('../adapters/slack/manifest.ts'), import('../commands/index.ts')]);
  io.out(JSON.stringify(buildManifest(allCommands, { socketMode: !flags.requestUrl, requestUrl: flags.requestUrl }), null, 2));
  return 0;
}

async function discordRegister(config: Config, flags: OperatorFlags, io: Io): Promise<number> {
  if (!config.discord) throw new InputError('discord:register needs DISCORD_TOKEN and DISCORD_APP_ID.');
  const [{ registerCommands }, { allCommands }] = await Promise.all([import('../adapters/discord/registration.ts'), import('../commands/index.ts')]);
  const result = await registerCommands({ ...config.discord, guildId: flags.guild, commands: allCommands });
  io.out(result.changed ? `Registered /${result.names.join(', /')}${flags.guild ? ` in guild ${flags.guild}` : ' globally'}.` : 'Slash commands already up to date; nothing sent.');
  return 0;
}

async function answer(app: App, io: Io, json: boolean, parse: () => Invocation): Promise<number> {
  const inv = parse();
  return print(app, io, json, inv, await app.bot.handle(inv));
}

async function print(
  app: App,
  io: Io,
  json: boolean,
  inv: Invocation | null,
  reply: Reply,
  understood?: { confidence: number; entities: Entities },
): Promise<number> {
  if (reply.error && inv !== null) {
    io.err(oneLine(`${reply.title}: ${reply.commentary}`));
    return reply.error.kind === 'input' || reply.error.kind === 'permission' ? 2 : 1;
  }
  const saved = await app.saveChart(reply);
  if (!json) {
    io.out(replyToText(saved));
    return 0;
  }
  const out: Record<string, unknown> = { invocation: inv ? { command: inv.command, options: inv.options } : null };
  if (understood) {
    out.intent = inv?.command ?? null;
    out.entities = understood.entities;
    out.confidence = understood.confidence;
  }
  const { chart, ...rest } = saved;
  out.reply = chart ? { ...rest, chart: { path: chart.path ?? null, alt: chart.alt } } : rest;
  io.out(JSON.stringify(out, null, 2));
  return 0;
}

/**
 * A question whose answer failed: one line on stderr, or with --json one object on stdout saying what was
 * understood and why it failed. Exit 2 for bad input, 1 for a failure, 0 when the question was not understood
 * (the reply then suggests commands).
 */
function askFailed(io: Io, json: boolean, result: AskResult): number {
  const { reply } = result;
  const kind = reply.error!.kind;
  const understood = result.invocation ?? (result.understood?.command ? result.understood : null);
  // A question the bot cannot place is bad input like any other (exit 2); the one line says what it can answer.
  const code = kind === 'input' || kind === 'permission' ? 2 : 1;
  const message = oneLine(`${reply.title}: ${reply.commentary}`);
  if (json) {
    const invocation = understood ? { command: understood.command, options: understood.options } : null;
    io.out(JSON.stringify({ invocation, confidence: result.confidence, error: { kind, message } }, null, 2));
  } else io.err(message);
  return code;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
