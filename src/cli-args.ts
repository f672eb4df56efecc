/** Friendly words for command-line misuse (the CLI prints them above the usage and exits 2). */

/** node:util parseArgs errors, said without the parser's jargon. */
export function argvProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const option = (/option '([^']+)'/i.exec(message)?.[1] ?? /'(-[^']+)'/.exec(message)?.[1])?.split(' ')[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `capwatch: unknown option ${option ?? ''}`.trimEnd();
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `capwatch: option ${option ?? ''} needs a value`;
  return `capwatch: ${message.split(/[.\n]/)[0]}`;
}

/** A verb used without the argument it cannot do without. */
export function missingArgument(verb: string, rest: readonly string[]): string | undefined {
  const given = rest.join(' ').trim();
  if (verb === 'ask' && !given) return 'ask needs a question, e.g. capwatch ask "how did small caps do this month?"';
  if (verb === 'run' && !given) return 'run needs a command line, e.g. capwatch run "performance 1m"';
  return undefined;
}
