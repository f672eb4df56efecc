/** Alert rules: what a channel watches, parsed from the `alert` command's options. */
import { InputError } from '../command.ts';
import { FIXED_PERIODS, parsePeriod, type Period } from '../analytics/periods.ts';
import { LARGE, SMALL } from '../instruments.ts';

export type AlertKind = 'spread' | 'move' | 'cut' | 'cuts' | 'odds-change';
export const ALERT_KINDS: readonly AlertKind[] = ['spread', 'move', 'cut', 'cuts', 'odds-change'];
/** `change` rules fire when the absolute change reaches the threshold, whichever way it went. */
export type AlertDirection = 'above' | 'below' | 'change';
export const MOVE_WINDOWS = ['1d', '5d'] as const;
export type MoveWindow = (typeof MOVE_WINDOWS)[number];

export interface AlertRuleSpec {
  kind: AlertKind;
  direction: AlertDirection;
  threshold: number;
  /** spread: the period and the pair. */
  period?: Period;
  small?: string;
  vs?: string;
  /** move: the instrument's choice value (e.g. iwm, sp500) and window. */
  instrument?: string;
  window?: MoveWindow;
  /** cut/cuts/odds-change: 'next', 'yearend' (cuts only) or a decision date YYYY-MM-DD / month YYYY-MM. */
  meeting?: string;
  /** cut: at that meeting (conditional) or by it (cumulative, below today's range). */
  mode?: 'at' | 'by';
}

export interface AlertRule extends AlertRuleSpec {
  id: string;
  platform: 'discord' | 'slack';
  channelId: string;
  guildId?: string;
  createdBy: string;
  createdAt: string;
}

export const MAX_RULES_PER_CHANNEL = 20;

/** Every instrument a `move` rule may watch: the small-cap and large-cap choices. */
export const MOVE_INSTRUMENTS: Record<string, { symbol: string; label: string }> = { ...SMALL, ...LARGE };

const UNITS: Record<AlertKind, 'pp' | '%' | 'cuts'> = { spread: 'pp', move: '%', cut: '%', cuts: 'cuts', 'odds-change': 'pp' };
const RANGES: Record<AlertKind, [number, number]> = {
  spread: [-100, 100],
  move: [-50, 50],
  cut: [0, 100],
  cuts: [-12, 12],
  'odds-change': [0.5, 100],
};

export function unitOf(kind: AlertKind): 'pp' | '%' | 'cuts' {
  return UNITS[kind];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 'next', a decision date, a month (YYYY-MM or a month name), or 'yearend' where allowed. */
export function parseMeetingRef(raw: string, allowYearEnd: boolean): string {
  const text = raw.trim().toLowerCase().replace(/^by[:\s]*/, '');
  if (text === 'next') return 'next';
  if (allowYearEnd && ['yearend', 'year-end', 'ye', 'eoy'].includes(text)) return 'yearend';
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d ?? 1));
    if (date.getUTCMonth() === m! - 1 && (d === undefined || date.getUTCDate() === d)) return text;
  }
  const month = MONTHS.indexOf(text.slice(0, 3));
  if (month >= 0 && /^[a-z]+$/.test(text)) return MONTHS[month]!;
  throw new InputError(
    `"${raw}" is not a meeting I know.`,
    `Use next${allowYearEnd ? ', yearend' : ''}, a decision date like 2026-12-09, a month like 2026-12, or a month name like dec.`,
  );
}

export function parseThreshold(raw: string | undefined, kind: AlertKind): number {
  const text = (raw ?? '').trim().replace(/(pp|%|bp|cuts?)$/i, '').replace(/^\+/, '');
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    throw new InputError(`"${raw ?? ''}" is not a number.`, `Give the line as a number in ${UNITS[kind]}, e.g. ${example(kind)}.`);
  }
  const [lo, hi] = RANGES[kind];
  if (value < lo || value > hi) throw new InputError(`${value} is out of range for a ${kind} alert.`, `Use a value from ${lo} to ${hi} ${UNITS[kind]}.`);
  return value;
}

function example(kind: AlertKind): string {
  return { spread: 'alert spread 1m above 5', move: 'alert move iwm 1d below -3', cut: 'alert cut next above 60', cuts: 'alert cuts yearend above 3', 'odds-change': 'alert odds-change next 10' }[kind];
}

export function alertUsage(): string {
  return ALERT_KINDS.map(example).join('; ');
}

export interface AlertArgs {
  kind: string;
  target?: string;
  threshold?: string;
  direction?: string;
  window?: string;
  small?: string;
  vs?: string;
}

/** The rule an `alert` command describes, or InputError naming the valid choices. */
export function parseRuleSpec(args: AlertArgs): AlertRuleSpec {
  const kind = ALERT_KINDS.find((k) => k === args.kind);
  if (!kind) throw new InputError(`"${args.kind}" is not an alert I know.`, `Alerts: ${ALERT_KINDS.join(', ')}. e.g. ${alertUsage()}.`);
  const threshold = parseThreshold(args.threshold, kind);
  if (kind === 'odds-change') {
    return { kind, direction: 'change', threshold: Math.abs(threshold), meeting: parseMeetingRef(args.target ?? 'next', false) };
  }
  const direction = args.direction === 'above' || args.direction === 'below' ? args.direction : undefined;
  if (!direction) throw new InputError(`A ${kind} alert needs "above" or "below".`, `e.g. ${example(kind)}.`);
  switch (kind) {
    case 'spread': {
      const period = args.target ? parsePeriod(args.target) : '1m';
      return { kind, direction, threshold, period, small: args.small ?? 'iwm', vs: args.vs ?? 'sp500' };
    }
    case 'move': {
      const instrument = (args.target ?? args.small ?? args.vs ?? '').toLowerCase();
      if (!MOVE_INSTRUMENTS[instrument]) {
        throw new InputError(`"${args.target ?? ''}" is not an instrument I watch.`, `Choose one of: ${Object.keys(MOVE_INSTRUMENTS).join(', ')}.`);
      }
      const window = MOVE_WINDOWS.find((w) => w === (args.window ?? '1d'));
      if (!window) throw new InputError(`"${args.window}" is not a move window.`, `Use ${MOVE_WINDOWS.join(' or ')}.`);
      return { kind, direction, threshold, instrument, window };
    }
    case 'cut': {
      const mode = /^by[:\s]/i.test(args.target ?? '') ? 'by' : 'at';
      return { kind, direction, threshold, meeting: parseMeetingRef(args.target ?? 'next', false), mode };
    }
    case 'cuts':
      return { kind, direction, threshold, meeting: parseMeetingRef(args.target ?? 'yearend', true) };
  }
}

/** Rules sharing a key share one metric evaluation per refresh. */
export function metricKey(spec: AlertRuleSpec): string {
  switch (spec.kind) {
    case 'spread':
      return `spread:${spec.period}:${spec.small}:${spec.vs}`;
    case 'move':
      return `move:${spec.instrument}:${spec.window}`;
    case 'cut':
      return `cut:${spec.mode}:${spec.meeting}`;
    case 'cuts':
      return `cuts:${spec.meeting}`;
    case 'odds-change':
      return `odds-change:${spec.meeting}`;
  }
}

/** "IWM vs SPY 1m spread above 5 pp". */
export function describeRule(spec: AlertRuleSpec): string {
  const line = spec.direction === 'change' ? `moves by ${spec.threshold} pp or more` : `${spec.direction} ${formatLine(spec)}`;
  switch (spec.kind) {
    case 'spread':
      return `${SMALL[spec.small!]?.symbol ?? spec.small} vs ${LARGE[spec.vs!]?.symbol ?? spec.vs} ${spec.period} spread ${line}`;
    case 'move':
      return `${MOVE_INSTRUMENTS[spec.instrument!]?.symbol ?? spec.instrument} ${spec.window} move ${line}`;
    case 'cut':
      return `probability of a cut ${spec.mode === 'by' ? 'by' : 'at'} the ${spec.meeting} meeting ${line}`;
    case 'cuts':
      return `cuts priced by ${spec.meeting === 'yearend' ? 'year end' : `the ${spec.meeting} meeting`} ${line}`;
    case 'odds-change':
      return `${spec.meeting} meeting's cut odds, day-on-day change, ${line}`;
  }
}

export function formatLine(spec: Pick<AlertRuleSpec, 'kind' | 'threshold'>): string {
  const unit = UNITS[spec.kind];
  return unit === 'cuts' ? `${spec.threshold} cuts` : `${spec.threshold}${unit === '%' ? '%' : ' pp'}`;
}

export const PERIOD_SUGGESTIONS = FIXED_PERIODS;
