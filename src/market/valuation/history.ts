/**
 * Every fund valuation observation, kept. A small repository interface: until the store layer's Kysely
 * repositories land, a JSON-lines file beside the database (or memory) implements it without SQL.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isKnownAt } from '../as-of.ts';
import type { FundFigure, ValuationBasis, ValuationMetric } from './types.ts';

export interface SeriesKey {
  provider: string;
  fund: string;
  metric: ValuationMetric;
  basis: ValuationBasis;
}

export interface ValuationHistory {
  /** Store figures; one row per (provider, fund, metric, basis, asOf): a repeat of a known date is ignored. */
  record(figures: readonly FundFigure[], observedAt: string): Promise<number>;
  /** The series of one figure, ascending by date, nothing dated after `now`. */
  series(key: SeriesKey, now: Date): Promise<FundFigure[]>;
}

const keyOf = (f: SeriesKey & { asOf: string }) => `${f.provider}|${f.fund}|${f.metric}|${f.basis}|${f.asOf}`;
const sameSeries = (f: FundFigure, k: SeriesKey) => f.provider === k.provider && f.fund === k.fund && f.metric === k.metric && f.basis === k.basis;

export class MemoryValuationHistory implements ValuationHistory {
  protected readonly rows = new Map<string, FundFigure>();

  async record(figures: readonly FundFigure[], _observedAt?: string): Promise<number> {
    let added = 0;
    for (const f of figures) {
      const key = keyOf(f);
      if (this.rows.has(key)) continue;
      this.rows.set(key, { ...f });
      added += 1;
    }
    return added;
  }

  async series(key: SeriesKey, now: Date): Promise<FundFigure[]> {
    return [...this.rows.values()]
      .filter((f) => sameSeries(f, key) && isKnownAt(f.asOf, now))
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }
}

/** Append-only JSON lines: one observation per line, read once at start. */
export class FileValuationHistory extends MemoryValuationHistory {
  readonly #file: string;

  constructor(file: string) {
    super();
    this.#file = file;
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const row = JSON.parse(line) as FundFigure & { observedAt?: string };
        const { observedAt: _observed, ...figure } = row;
        this.rows.set(keyOf(figure), figure);
      } catch {
        // A torn last line (crash mid-write) loses that one observation only.
      }
    }
  }

  override async record(figures: readonly FundFigure[], observedAt = new Date().toISOString()): Promise<number> {
    const fresh = figures.filter((f) => !this.rows.has(keyOf(f)));
    if (fresh.length === 0) return 0;
    mkdirSync(dirname(this.#file), { recursive: true });
    appendFileSync(this.#file, fresh.map((f) => `${JSON.stringify({ ...f, observedAt })}\n`).join(''));
    return super.record(fresh);
  }
}
