/**
 * Controls on answers (Reply.controls): which ones a performance view carries, and the compact, versioned
 * id a platform carries for each (Discord custom_id, Slack action value), decoded back into an invocation.
 */
import type { CommandDecl } from './command.ts';
import { LARGE_CHOICES } from './instruments.ts';
import type { Control } from './reply.ts';

export const CONTROL_PERIODS = ['1m', '3m', 'ytd', '1y', '5y'] as const;
/** Bumped whenever the layout below changes: older ids then read as expired, never as another view. */
export const CONTROL_ID_VERSION = 'c1';
/** Discord's custom_id and select option value limit (Slack's are larger). */
export const CONTROL_ID_MAX = 100;
const SEP = '|';

/** Period buttons and a benchmark menu for `performance` or `chart` with these (defaulted) options. */
export function performanceControls(command: string, options: Record<string, string>): Control[] {
  const periods: Control[] = CONTROL_PERIODS.map((period) => ({
    group: 'Period',
    kind: 'button',
    label: period,
    invocation: { command, options: { ...options, period } },
    ...(options.period === period ? { current: true } : {}),
  }));
  const benchmarks: Control[] = LARGE_CHOICES.map((choice) => ({
    group: 'Benchmark',
    kind: 'menu',
    label: `vs ${choice.label}`,
    invocation: { command, options: { ...options, vs: choice.value } },
    ...(options.vs === choice.value ? { current: true } : {}),
  }));
  return [...periods, ...benchmarks];
}

/** A digest's button that opens the full performance view for the clicker only. */
export function detailsControl(options: Record<string, string>): Control {
  return { group: 'Details', kind: 'button', label: 'Details', invocation: { command: 'performance', options }, opensPrivately: true };
}

export interface DecodedControl {
  command: string;
  options: Record<string, string>;
  opensPrivately: boolean;
  /** Only this user may click it, when set. */
  owner?: string;
}

/**
 * `c1|performance|p|<owner>|period=3m|vs=sp500|small=iwm`: version, command, flags (p = opens privately),
 * the owner's user id when only they may click, then the options. Null when it cannot be encoded within
 * the limit (the control is then left out).
 */
export function encodeControl(control: Control, owner?: string): string | null {
  const { command, options } = control.invocation;
  const pairs = Object.entries(options).map(([k, v]) => `${k}=${v}`);
  const parts = [CONTROL_ID_VERSION, command, control.opensPrivately ? 'p' : '', owner ?? '', ...pairs];
  if (parts.some((p) => p.includes(SEP)) || pairs.some((p) => p.split('=').length !== 2)) return null;
  const id = parts.join(SEP);
  return id.length <= CONTROL_ID_MAX ? id : null;
}

/**
 * The invocation behind an id, or null when it is forged or stale (another version, unknown command or
 * option). Option values are validated again when the invocation is built.
 */
export function decodeControl(commands: readonly CommandDecl[], id: unknown): DecodedControl | null {
  if (typeof id !== 'string' || id.length > CONTROL_ID_MAX) return null;
  const [version, command, flags, owner, ...pairs] = id.split(SEP);
  if (version !== CONTROL_ID_VERSION || flags === undefined || owner === undefined) return null;
  const decl = commands.find((c) => c.name === command);
  if (!decl || !/^p?$/.test(flags) || !/^[\w.-]*$/.test(owner)) return null;
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const [key, value, extra] = pair.split('=');
    if (!key || !value || extra !== undefined || !decl.options.some((o) => o.name === key) || key in options) return null;
    options[key] = value;
  }
  return { command: decl.name, options, opensPrivately: flags === 'p', ...(owner ? { owner } : {}) };
}

/** The command name an unreadable id seems to be about, for the "expired, run …" hint. */
export function commandHint(commands: readonly CommandDecl[], id: string): string {
  const name = String(id).split(SEP)[1];
  return commands.some((c) => c.name === name) ? (name as string) : 'help';
}

/** The command line a control stands for, e.g. "performance 3m vs:sp500 small:iwm" (console, hints). */
export function controlCommandLine(control: Control): string {
  const { period, ...rest } = control.invocation.options;
  return [control.invocation.command, ...(period ? [period] : []), ...Object.entries(rest).map(([k, v]) => `${k}:${v}`)].join(' ');
}
