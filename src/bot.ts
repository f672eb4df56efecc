/** Routes an Invocation to its command; every failure becomes a friendly reply. */
import type { AskResult, Bot, Understand, Understood } from './bot-types.ts';
import { InputError, type Actor, type CommandDecl, type Invocation, type Services } from './command.ts';
import type { Logger } from './logger.ts';
import { silentLogger } from './logger.ts';
import type { MarketData } from './market/types.ts';
import { UnknownSymbolError } from './market/types.ts';
import { DataUnavailableError } from './metrics/errors.ts';
import { withoutChartOnFailure } from './observability/degrade-charts.ts';
import { observeCommand } from './observability/observe-command.ts';
import type { UserLimit } from './ratelimit/user-limit.ts';
import { buildInvocation, findCommand, parseLine } from './parse-line.ts';
import { errorReply, type Reply } from './reply.ts';

export interface BotDeps {
  commands: readonly CommandDecl[];
  market: MarketData;
  now?: () => Date;
  services?: Services;
  understand?: Understand;
  /** Below this confidence a question gets "here is what I understood" instead of an answer. */
  confidenceThreshold?: number;
  logger?: Logger;
  /** Per-user rate limit for platform users (RATE_LIMIT_PER_USER). */
  limit?: UserLimit;
}

export function createBot(deps: BotDeps): Bot {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const services: Services = { ...deps.services, commands: deps.commands };
  // The NLU (date parsing, holiday tables) is loaded on the first question: commands never need it.
  // Its intents are the questions these commands declare.
  let nlu: Promise<{ understand: Understand; threshold: number }> | undefined;
  const loadNlu = () =>
    (nlu ??= deps.understand
      ? Promise.resolve({ understand: deps.understand, threshold: deps.confidenceThreshold ?? 0.5 })
      : import('./nlu/parse.ts').then((m) => ({
          understand: m.createQuestionParser(deps.commands),
          threshold: deps.confidenceThreshold ?? m.CONFIDENCE_THRESHOLD,
        })));

  const withActor = (inv: Invocation, actor?: Actor): Invocation => (actor ? { ...inv, actor } : inv);

  const handle = (inv: Invocation, limited = true): Promise<Reply> =>
    observeCommand(logger, inv.command, inv.actor, async (log) => (limited && (await deps.limit?.check(inv.actor))) || answer(inv, log));

  async function answer(inv: Invocation, log: Logger): Promise<Reply> {
    try {
      const decl = findCommand(deps.commands, inv.command);
      if (decl.permission === 'manage' && inv.actor && !inv.actor.canManage) {
        return errorReply(
          'Not allowed',
          inv.actor.platform === 'slack'
            ? 'Only workspace admins and the channel creator can manage digests here.'
            : 'You need the Manage Server permission to manage digests here.',
          'permission',
        );
      }
      const reply = await withoutChartOnFailure(services, (s) => decl.run({ market: deps.market, now, services: s, invocation: inv }, inv.options));
      const notes = [...(inv.notes ?? []), ...(reply.notes ?? [])];
      return notes.length ? { ...reply, notes } : reply;
    } catch (error) {
      return failureReply(error, log, inv);
    }
  }

  const bot: Bot = {
    commands: deps.commands,
    parse: (line, via = 'cli', actor) => withActor(parseLine(deps.commands, line, via), actor),
    invocation: (command, options, via, actor) =>
      withActor(buildInvocation(findCommand(deps.commands, command), options, via), actor),
    handle: (inv) => handle(inv),
    async run(line, via = 'cli', actor) {
      let inv: Invocation;
      try {
        inv = bot.parse(line, via, actor);
      } catch (error) {
        return failureReply(error, logger);
      }
      return handle(inv);
    },
    async ask(text, actor): Promise<AskResult> {
      const refused = await deps.limit?.check(actor);
      if (refused) return { invocation: null, confidence: 0, reply: await observeCommand(logger, 'ask', actor, async () => refused) };
      const { understand, threshold } = await loadNlu();
      const understood = understand(text, now());
      const seen = { command: understood.command, options: { ...understood.options } };
      if (!understood.command || understood.confidence < threshold) {
        return { invocation: null, understood: seen, confidence: understood.confidence, entities: understood.entities, reply: notUnderstood(understood) };
      }
      let inv: Invocation;
      try {
        inv = withActor(buildInvocation(findCommand(deps.commands, understood.command), understood.options, 'mention'), actor);
      } catch (error) {
        return { invocation: null, understood: seen, confidence: understood.confidence, entities: understood.entities, reply: failureReply(error, logger) };
      }
      const assumed = (inv.defaulted ?? []).map((name) => `Assumed ${name}: ${inv.options[name]} (default).`);
      inv = { ...inv, notes: [...understood.notes, ...assumed] };
      return { invocation: inv, confidence: understood.confidence, entities: understood.entities, reply: await handle(inv, false) };
    },
  };
  return bot;
}

/** Says what was understood and offers exact commands, instead of a confident answer to another question. */
function notUnderstood(understood: Understood): Reply {
  const tries = understood.suggestions.slice(0, 3).map((s) => `/smallcaps ${s}`);
  return {
    ...errorReply(
      "I'm not sure what you're asking",
      `I answer questions about small caps against large caps: performance, valuation, earnings and rate cuts. Try ${tries.join(', ')}.`,
      'input',
    ),
    notes: understood.notes.length ? [...understood.notes] : undefined,
    visibility: 'public',
  };
}

export function failureReply(error: unknown, logger: Logger, inv?: Invocation): Reply {
  if (error instanceof InputError) {
    return errorReply("I couldn't read that", error.hint ? `${error.message} ${error.hint}` : error.message, 'input');
  }
  if (error instanceof UnknownSymbolError) return errorReply('Unknown symbol', `${error.message}. Check the ticker.`, 'input');
  if (error instanceof DataUnavailableError) return errorReply('Data unavailable', error.message, 'unavailable');
  logger.error('command failed', { command: inv?.command, error: (error as Error)?.stack ?? String(error) });
  return errorReply('Something went wrong', 'That answer failed on my side; it has been logged. Please try again shortly.', 'internal');
}
