/** The `capwatch` command line (see DESIGN.md, Contract). */
import { parseArgs } from 'node:util';
import { replyToText } from '../adapters/console/render.ts';
import { InputError, type Invocation } from './command.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createApp, type App } from './main.ts';
import type { Reply } from './reply.ts';

const USAGE = `Usage:
  capwatch run "<command line>" [--json] [--offline]   e.g. capwatch run "performance 1m vs:nasdaq"
  capwatch ask "<question>" [--json] [--offline]
  capwatch digest [--json] [--offline]
  capwatch discord:register [--guild ID]
  capwatch slack:manifest`;

export class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [verb, ...rest] = parsed.positionals;
  if (parsed.values.help || !verb) {
    (verb ? io.out : io.err)(USAGE);
    return verb || parsed.values.help ? 0 : 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const app = createApp(config, { offline: parsed.values.offline });
  try {
    switch (verb) {
      case 'run':
        return await answer(app, io, parsed.values.json, () => app.bot.parse(rest.join(' '), 'cli'));
      case 'digest':
        return await answer(app, io, parsed.values.json, () => app.bot.parse('digest', 'cli'));
      case 'ask': {
        const result = await app.bot.ask(rest.join(' '), { platform: 'cli', userId: 'cli', canManage: true });
        return await print(app, io, parsed.values.json, result.invocation, result.reply, result.confidence);
      }
      default:
        io.err(`Unknown command "${verb}".\n${USAGE}`);
        return 2;
    }
  } finally {
    app.close();
  }
}

async function answer(app: App, io: Io, json: boolean, parse: () => Invocation): Promise<number> {
  let inv: Invocation;
  try {
    inv = parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(oneLine(error.hint ? `${error.message} ${error.hint}` : error.message));
    return 2;
  }
  return print(app, io, json, inv, await app.bot.handle(inv));
}

async function print(app: App, io: Io, json: boolean, inv: Invocation | null, reply: Reply, confidence?: number): Promise<number> {
  if (reply.error && inv !== null) {
    io.err(oneLine(`${reply.title}: ${reply.commentary}`));
    return reply.error.kind === 'input' || reply.error.kind === 'permission' ? 2 : 1;
  }
  const saved = await app.saveChart(reply);
  if (json) {
    const out: Record<string, unknown> = {
      invocation: inv ? { command: inv.command, options: inv.options } : null,
    };
    if (confidence !== undefined) out.confidence = confidence;
    out.reply = replyJson(saved);
    io.out(JSON.stringify(out, null, 2));
  } else io.out(replyToText(saved));
  return 0;
}

function replyJson(reply: Reply) {
  const { chart, ...rest } = reply;
  return { ...rest, chart: chart ? { path: chart.path ?? null, alt: chart.alt } : null };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
