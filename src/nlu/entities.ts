/** Entities a command can use, pulled from one question's normalised text. */
import { extractSmall, extractVs } from './benchmarks.ts';
import type { Intent } from './intents.ts';
import { extractMeeting } from './meetings.ts';
import { extractPeriod } from './periods.ts';

export interface Entities {
  period?: string;
  vs?: string;
  small?: string;
  meeting?: string;
  by?: string;
}

/** Which entities each command takes as options (the rest take none). */
export const OPTIONS_BY_COMMAND: Partial<Record<Intent, (keyof Entities)[]>> = {
  performance: ['period', 'vs', 'small'],
  chart: ['period', 'vs', 'small'],
  ratecuts: ['meeting', 'by'],
};

export function performanceEntities(text: string, now: Date): Entities {
  const out: Entities = {};
  const period = extractPeriod(text, now);
  const vs = extractVs(text);
  const small = extractSmall(text);
  if (period) out.period = period;
  if (vs) out.vs = vs;
  if (small) out.small = small;
  return out;
}

/** Entities for the command (or, when nothing was understood, everything recognisable for the "understood" reply). */
export function extractEntities(text: string, command: Intent | null, now: Date): Entities {
  if (command === 'ratecuts') return extractMeeting(text, now);
  if (command === 'performance' || command === 'chart' || command === null) return performanceEntities(text, now);
  return {};
}

/** The help topic when a help question names a command. */
export function helpTopic(text: string): string | undefined {
  const m = /\b(performance|valuation|earnings|rate ?cuts|digest|sources|chart|unsubscribe|subscribe|subscription|status)\b/.exec(text)?.[1];
  if (!m) return undefined;
  if (m === 'subscription') return 'subscribe';
  return m.replace(' ', '');
}
