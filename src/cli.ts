/** The `capwatch` command line (see DESIGN.md, Contract). */
import { parseArgs } from 'node:util';
import { replyToText } from '../adapters/console/render.ts';
import type { Entities } from './bot-types.ts';
import { curate, discordRegister, postDigest, slackManifest, subscriptions, type Io } from './cli-operator.ts';
import { InputError, type Invocation } from './command.ts';
import { ConfigError, loadConfig } from './config.ts';
import { argvProblem, missingArgument } from './cli-args.ts';
import { createApp, type App } from './main.ts';
import { guardOutput } from './observability/redact.ts';
import type { Reply } from './reply.ts';

const USAGE = `Usage:
  capwatch run "<command line>" [--json] [--offline]   e.g. capwatch run "performance 1m vs:nasdaq"
  capwatch ask "<question>" [--json] [--offline]
  capwatch digest [--json] [--offline] [--post discord:<channel>|slack:<channel>]
  capwatch discord:register [--guild ID]
  capwatch slack:manifest [--request-url https://host/slack/events]
  capwatch curate list | curate set <key> <value> --source "..." --asof YYYY-MM-DD
  capwatch curate futures <file.csv> [--source "..."] [--date YYYY-MM-DD]
  capwatch subscriptions list`;

/** The usage line of one verb, or the whole usage when the verb is unknown. */
const usageOf = (verb: string | undefined) => {
  const line = USAGE.split('\n').find((l) => verb && l.trim().startsWith(`capwatch ${verb} `));
  return line ? `Usage: ${line.trim()}` : USAGE;
};

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

const OPTIONS = {
  json: { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  guild: { type: 'string' },
  'request-url': { type: 'string' },
  source: { type: 'string' },
  asof: { type: 'string' },
  label: { type: 'string' },
  unit: { type: 'string' },
  date: { type: 'string' },
  post: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`${argvProblem(error)}\n${usageOf(argv.find((a) => !a.startsWith('-')))}`);
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
    io.err(`capwatch: ${missing}\n${usageOf(verb)}`);
    return 2;
  }
  const flags = { ...values, requestUrl: values['request-url'] };
  let app: App | undefined;
  try {
    if (verb === 'slack:manifest') return await slackManifest(flags, io);
    // The CLI's stdout is for answers; provider warnings stay quiet unless LOG_LEVEL asks for them.
    const config = loadConfig({ LOG_LEVEL: 'error', ...env });
    guardOutput(env);
    if (verb === 'discord:register') return await discordRegister(config, flags, io);
    app = await createApp(config, { offline: values.offline });
    switch (verb) {
      case 'run':
        return await answer(app, io, values.json, () => app!.bot.parse(rest.join(' '), 'cli'));
      case 'digest':
        if (values.post) return await postDigest(app, values.post, io);
        return await answer(app, io, values.json, () => app!.bot.parse('digest', 'cli'));
      case 'ask': {
        const result = await app.bot.ask(rest.join(' '), { platform: 'cli', userId: 'cli', canManage: true });
        return await print(app, io, values.json, result.invocation, result.reply, {
          confidence: result.confidence,
          entities: result.entities ?? {},
        });
      }
      case 'curate':
        return await curate(app, rest, flags, io);
      case 'subscriptions':
        return await subscriptions(app, rest, io);
      default:
        io.err(`Unknown command "${verb}".\n${USAGE}`);
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

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
