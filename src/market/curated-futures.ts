/**
 * Fed funds futures settlements imported by the operator (`capwatch curate futures <file.csv>`), kept in
 * the store by trade date and contract month. The futures chain asks it after Yahoo and before the snapshot.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../command.ts';
import type { FuturesRepo } from '../store/repos/futures.ts';
import { isStale } from './freshness.ts';
import { FuturesCsvError, parseFuturesCsvByDate } from './futures-csv.ts';
import type { DatasetStatus, FuturesStrip } from './types.ts';

export interface FuturesImportOptions {
  /** Who published the prices, e.g. "CME Group daily settlements". */
  source: string;
  /** Trade date of a file without a date column (YYYY-MM-DD); must agree with the file's when it has one. */
  tradeDate?: string;
  now: Date;
}

export interface FuturesImport {
  /** Trade dates stored, ascending; each replaced whatever was stored for that date before. */
  tradeDates: string[];
  /** Contract prices stored, over all trade dates. */
  contracts: number;
  source: string;
}

/** Parse a futures CSV and store its strips; bad input raises InputError naming the line. */
export async function importFuturesCsv(repo: FuturesRepo, csvText: string, opts: FuturesImportOptions): Promise<FuturesImport> {
  const source = opts.source.trim();
  if (source === '') throw new InputError('A futures import needs --source "<who published the prices>"');
  if (opts.tradeDate !== undefined && !isIsoDate(opts.tradeDate)) throw new InputError(`--date "${opts.tradeDate}" is not a date (YYYY-MM-DD)`);

  let parsed;
  try {
    parsed = parseFuturesCsvByDate(csvText);
  } catch (err) {
    if (err instanceof FuturesCsvError) throw new InputError(`Futures CSV ${err.message}`, 'columns: month (YYYY-MM, ZQV26 or OCT26), price, and optionally date');
    throw err;
  }

  const strips = parsed.map((strip) => {
    const tradeDate = strip.tradeDate ?? opts.tradeDate;
    if (tradeDate === undefined) {
      throw new InputError('The futures CSV has no date column, so its trade date is unknown', 'give it with --date YYYY-MM-DD, or add a date column');
    }
    if (opts.tradeDate !== undefined && tradeDate !== opts.tradeDate) {
      throw new InputError(`The futures CSV holds trade date ${tradeDate}, not --date ${opts.tradeDate}`, 'leave out --date when the file has a date column');
    }
    if (!isIsoDate(tradeDate)) throw new InputError(`Trade date "${tradeDate}" in the futures CSV is not a real date`);
    if (tradeDate > opts.now.toISOString().slice(0, 10)) throw new InputError(`Trade date ${tradeDate} is in the future`);
    return { tradeDate, quotes: strip.quotes };
  });

  const contracts = await repo.replace(strips, source, opts.now.toISOString());
  return { tradeDates: strips.map((s) => s.tradeDate), contracts, source };
}

/** What `capwatch curate futures <file.csv>` runs; the source defaults to naming the file. */
export async function curateFuturesFromFile(repo: FuturesRepo, path: string, opts: Omit<FuturesImportOptions, 'source'> & { source?: string }): Promise<FuturesImport> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const source = opts.source?.trim() || `CSV import (${basename(path)})`;
  return importFuturesCsv(repo, text, { ...opts, source });
}

/** The strip of the latest imported trade date, or null when nothing was imported. */
export async function latestStrip(repo: FuturesRepo, now?: Date): Promise<FuturesStrip | null> {
  const d = await repo.latestTradeDate();
  return d === null ? null : stripOn(repo, d, now);
}

/** The strip imported for exactly `tradeDate`, or null. */
export async function stripOn(repo: FuturesRepo, tradeDate: string, now?: Date): Promise<FuturesStrip | null> {
  const rows = await repo.stripOn(tradeDate);
  if (!rows) return null;
  return {
    tradeDate,
    quotes: rows.quotes,
    // Without a clock, nothing says the data is old.
    provenance: { source: rows.sources.join('; '), provider: 'curated', asOf: tradeDate, stale: now ? isStale('futures', tradeDate, now) : false, fallback: false, snapshot: false },
  };
}

/** The strip of the latest imported trade date strictly before `beforeTradeDate`, or null. */
export async function previousStrip(repo: FuturesRepo, beforeTradeDate: string, now?: Date): Promise<FuturesStrip | null> {
  const d = await repo.latestTradeDate(beforeTradeDate);
  return d === null ? null : stripOn(repo, d, now);
}

/** The futures line of `sources` when the imported strips answer (offline), or null when nothing was imported. */
export async function curatedFuturesStatus(repo: FuturesRepo, now: Date): Promise<DatasetStatus | null> {
  const d = await repo.latestTradeDate();
  const rows = d === null ? null : await repo.stripOn(d);
  if (d === null || !rows) return null;
  return { dataset: 'futures', provider: 'curated', asOf: d, fetchedAt: rows.importedAt, stale: isStale('futures', d, now), lastError: null };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
