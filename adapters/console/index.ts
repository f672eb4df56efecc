/** The console adapter: one line in, one rendered reply out. Works piped and interactive. */
import { createInterface } from 'node:readline';
import type { Bot } from '../../src/bot-types.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { replyToText } from './render.ts';

export interface ConsoleOptions {
  bot: Bot;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Called on each reply before printing (e.g. to save its chart). */
  prepare?: (reply: Reply) => Promise<Reply>;
  logger?: Logger;
}

/** A line that starts with "/" or a command name is a command; anything else is a question. */
export function isCommandLine(bot: Bot, line: string): boolean {
  const first = line.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return first.startsWith('/') || bot.commands.some((c) => c.name === first);
}

export async function answerLine(bot: Bot, line: string): Promise<Reply> {
  const actor = { platform: 'console' as const, userId: 'console', canManage: true };
  return isCommandLine(bot, line) ? bot.run(line, 'slash', actor) : (await bot.ask(line, actor)).reply;
}

export function runConsole(opts: ConsoleOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('capwatch> ');
  if (interactive) output.write('capwatch: ask about small caps vs large caps. Try "/smallcaps performance 1m" or "help". Ctrl-D to quit.\n');
  prompt();

  // Lines are answered in order, one at a time, even when piped faster than we answer.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    if (!line.trim()) return prompt();
    queue = queue
      .then(async () => {
        let reply = await answerLine(opts.bot, line);
        if (opts.prepare) reply = await opts.prepare(reply);
        output.write(`${replyToText(reply)}\n\n`);
      })
      // Whatever failed, the console answers the next line.
      .catch((error: unknown) => {
        opts.logger?.error('console: answer failed', { fault: 'console_answer', error: String(error) });
        output.write('Something went wrong with that answer; it has been logged. Please try again.\n\n');
      })
      .finally(prompt);
  });
  return new Promise((resolve) => {
    rl.on('close', () => void queue.then(resolve));
    rl.on('SIGINT', () => rl.close());
  });
}
