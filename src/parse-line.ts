/** Command lines ("/smallcaps performance 1m vs:nasdaq") and typed options, validated against the declarations. */
import { InputError, type CommandDecl, type Invocation, type OptionDecl } from './command.ts';

const normalise = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Canonical value of an option, or InputError listing the valid choices. */
export function resolveOption(opt: OptionDecl, raw: string): string {
  const text = raw.trim();
  if (opt.choices) {
    const wanted = normalise(text);
    const hit = opt.choices.find(
      (c) => normalise(c.value) === wanted || (c.aliases ?? []).some((a) => normalise(a) === wanted),
    );
    if (!hit) {
      throw new InputError(
        `"${text}" is not a ${opt.description.toLowerCase()} I know.`,
        `Choose one of: ${opt.choices.map((c) => `${c.value} (${c.label})`).join(', ')}.`,
      );
    }
    return hit.value;
  }
  return opt.validate ? opt.validate(text) : text;
}

function matchesChoice(opt: OptionDecl, raw: string): boolean {
  try {
    return Boolean(opt.choices) && resolveOption(opt, raw) !== undefined;
  } catch {
    return false;
  }
}

export function findCommand(commands: readonly CommandDecl[], name: string): CommandDecl {
  const wanted = name.trim().toLowerCase();
  const decl = commands.find((c) => c.name === wanted);
  if (!decl) {
    throw new InputError(
      wanted ? `"${name}" is not a command I know.` : 'Which command?',
      `Commands: ${commands.map((c) => c.name).join(', ')}. Try "help".`,
    );
  }
  return decl;
}

/** Validates options and fills defaults. */
export function buildInvocation(
  decl: CommandDecl,
  given: Record<string, string | undefined>,
  via: Invocation['via'],
): Invocation {
  const options: Record<string, string> = {};
  const defaulted: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || value.trim() === '') continue;
    const opt = decl.options.find((o) => o.name === name.toLowerCase());
    if (!opt) {
      throw new InputError(
        `"${decl.name}" has no option "${name}".`,
        decl.options.length ? `Options: ${decl.options.map((o) => o.name).join(', ')}.` : `"${decl.name}" takes no options.`,
      );
    }
    options[opt.name] = resolveOption(opt, value);
  }
  for (const opt of decl.options) {
    if (options[opt.name] !== undefined) continue;
    if (opt.required) throw new InputError(`"${decl.name}" needs ${/^[aeiou]/i.test(opt.name) ? 'an' : 'a'} ${opt.name}.`, opt.description);
    if (opt.default !== undefined) {
      options[opt.name] = opt.default;
      defaulted.push(opt.name);
    }
  }
  return { command: decl.name, options, defaulted, via };
}

/** Splits on spaces, keeping "quoted text" together. */
function tokenize(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

export function parseLine(commands: readonly CommandDecl[], line: string, via: Invocation['via']): Invocation {
  const tokens = tokenize(line.trim());
  if (tokens[0]?.toLowerCase() === '/smallcaps' || tokens[0]?.toLowerCase() === 'smallcaps') tokens.shift();
  const name = (tokens.shift() ?? '').replace(/^\//, '');
  const decl = findCommand(commands, name);
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const kv = /^([a-z]+)[:=](.+)$/i.exec(token);
    const lower = token.toLowerCase();
    if (kv && decl.options.some((o) => o.name === kv[1]!.toLowerCase())) named[kv[1]!.toLowerCase()] = kv[2]!;
    else if (lower === 'since' && tokens[i + 1]) positional.push(`since:${tokens[++i]}`);
    else if ((lower === 'vs' || lower === 'versus') && tokens[i + 1] && decl.options.some((o) => o.name === 'vs'))
      named.vs = tokens[++i]!;
    else if (kv && !decl.options.some((o) => o.name === kv[1]!.toLowerCase()) && !/^since$/i.test(kv[1]!))
      throw new InputError(
        `"${decl.name}" has no option "${kv[1]}".`,
        decl.options.length ? `Options: ${decl.options.map((o) => o.name).join(', ')}.` : `"${decl.name}" takes no options.`,
      );
    else positional.push(token);
  }
  for (const token of positional) {
    const free = decl.options.filter((o) => named[o.name] === undefined);
    const target = free.find((o) => matchesChoice(o, token)) ?? free[0];
    if (!target) throw new InputError(`Unexpected "${token}" after ${decl.name}.`, `Usage: ${usageOf(decl)}`);
    named[target.name] = token;
  }
  return buildInvocation(decl, named, via);
}

export function usageOf(decl: CommandDecl): string {
  return [decl.name, ...decl.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))].join(' ');
}
