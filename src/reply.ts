/** The platform-neutral message every command returns; adapters decide how to show it. */

export type Direction = 'up' | 'down' | 'flat';
export type Tone = 'positive' | 'negative' | 'neutral';
export type Visibility = 'public' | 'ephemeral';
/** '%' percent, 'pp' percentage points, 'x' multiple, '$' price, 'bp' basis points, 'cuts' count of 25 bp moves. */
export type Unit = '%' | 'pp' | 'x' | '$' | 'bp' | 'cuts' | '';

export interface Field {
  key: string;
  label: string;
  value: number;
  unit: Unit;
  /** Human text for the value, e.g. "+7.3%" or "13.6x". */
  display: string;
  direction: Direction;
}

export interface Section {
  title: string;
  fields: Field[];
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Chart {
  /** PNG bytes. */
  png: Uint8Array;
  alt: string;
  /** File name for uploads, e.g. "performance-1m.png". */
  name: string;
  /** Where the console/CLI wrote it, when it did. */
  path?: string;
}

export interface SourceRef {
  /** What the figure is and where it comes from, e.g. "IWM daily closes (Yahoo Finance)". */
  name: string;
  /** ISO date or date-time of the data. */
  asOf: string;
  stale: boolean;
  /** True when a fallback provider (not the first choice) answered. */
  fallback?: boolean;
  /** True when the figure comes from the offline snapshot. */
  snapshot?: boolean;
}

/** A way to steer an answer in place: the same or another command with other options (a button or a menu entry). */
export interface Control {
  /** Controls of one group form one row of buttons or one menu; for a menu, its placeholder. */
  group: string;
  kind: 'button' | 'menu';
  label: string;
  /** What a click runs. */
  invocation: { command: string; options: Record<string, string> };
  /** The view shown now: drawn selected and not clickable. */
  current?: boolean;
  /** The answer opens as a new message for the clicker only, instead of replacing this one (a digest's "details"). */
  opensPrivately?: boolean;
}

/** D: the command's machine-readable metrics (`data`), typed per command. */
export interface Reply<D = unknown> {
  title: string;
  /** 1-3 sentences. */
  commentary: string;
  sections: Section[];
  table?: Table;
  chart?: Chart;
  sources: SourceRef[];
  visibility: Visibility;
  tone: Tone;
  /** Machine-readable metrics of the command (see DESIGN.md contract). */
  data?: D;
  /** Extra short lines shown under the commentary, e.g. "Assumed period: 1m (default)". */
  notes?: string[];
  /** Buttons and menus that switch the view; adapters without them print the equivalent commands. */
  controls?: Control[];
  /** Set when the reply reports a problem instead of an answer (the CLI maps it to an exit code). */
  error?: { kind: 'input' | 'unavailable' | 'internal' | 'permission' | 'rate_limited' };
}

export function direction(value: number, epsilon = 1e-9): Direction {
  if (value > epsilon) return 'up';
  if (value < -epsilon) return 'down';
  return 'flat';
}

/** A short friendly error, ephemeral where the platform has it. */
export function errorReply(
  title: string,
  message: string,
  kind: NonNullable<Reply['error']>['kind'] = 'input',
): Reply {
  return { title, commentary: message, sections: [], sources: [], visibility: 'ephemeral', tone: 'neutral', error: { kind } };
}
