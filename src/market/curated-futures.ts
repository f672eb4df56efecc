/**
 * Fed funds futures settlements imported by the operator (`capwatch curate futures <file.csv>`), kept in
 * SQLite by trade date and contract month. The futures chain asks it after Yahoo and before the snapshot.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../command.ts';
import type { Db } from '../store/db.ts';
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

interface Row {
  trade_date: string;
  month: string;
  price: number;
  source: string;
  imported_at: string;
}

function ensureTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS curated_futures (
    trade_date TEXT NOT NULL,
    month TEXT NOT NULL,
    price DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (trade_date, month)
  )`);
}

/** Parse a futures CSV and store its strips; bad input raises InputError naming the line. */
export function importFuturesCsv(db: Db, csvText: string, opts: FuturesImportOptions): FuturesImport {
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

  ensureTable(db);
  const importedAt = opts.now.toISOString();
  const remove = db.prepare('DELETE FROM curated_futures WHERE trade_date = ?');
  const insert = db.prepare('INSERT INTO curated_futures (trade_date, month, price, source, imported_at) VALUES (?, ?, ?, ?, ?)');
  let contracts = 0;
  db.transaction(() => {
    for (const strip of strips) {
      remove.run(strip.tradeDate);
      for (const q of strip.quotes) insert.run(strip.tradeDate, q.month, q.price, source, importedAt);
      contracts += strip.quotes.length;
    }
  })();
  return { tradeDates: strips.map((s) => s.tradeDate), contracts, source };
}

/** What `capwatch curate futures <file.csv>` runs; the source defaults to naming the file. */
export function curateFuturesFromFile(db: Db, path: string, opts: Omit<FuturesImportOptions, 'source'> & { source?: string }): FuturesImport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const source = opts.source?.trim() || `CSV import (${basename(path)})`;
  return importFuturesCsv(db, text, { ...opts, source });
}

/** The strip of the latest imported trade date, or null when nothing was imported. */
export function latestStrip(db: Db, now?: Date): FuturesStrip | null {
  ensureTable(db);
  const row = db.prepare('SELECT MAX(trade_date) AS d FROM curated_futures').get() as { d: string | null };
  return row.d === null ? null : stripOn(db, row.d, now);
}

/** The strip imported for exactly `tradeDate`, or null. */
export function stripOn(db: Db, tradeDate: string, now?: Date): FuturesStrip | null {
  ensureTable(db);
  const rows = db.prepare('SELECT * FROM curated_futures WHERE trade_date = ? ORDER BY month').all(tradeDate) as Row[];
  if (rows.length === 0) return null;
  const source = [...new Set(rows.map((r) => r.source))].join('; ');
  return {
    tradeDate,
    quotes: rows.map((r) => ({ month: r.month, price: r.price })),
    // Without a clock, nothing says the data is old.
    provenance: { source, provider: 'curated', asOf: tradeDate, stale: now ? isStale('futures', tradeDate, now) : false, fallback: false, snapshot: false },
  };
}

/** The strip of the latest imported trade date strictly before `beforeTradeDate`, or null. */
export function previousStrip(db: Db, beforeTradeDate: string, now?: Date): FuturesStrip | null {
  ensureTable(db);
  const row = db.prepare('SELECT MAX(trade_date) AS d FROM curated_futures WHERE trade_date < ?').get(beforeTradeDate) as { d: string | null };
  return row.d === null ? null : stripOn(db, row.d, now);
}

/** The imported strip of the last trade date on or before `date`, or null. */
export function stripOnOrBefore(db: Db, date: string, now?: Date): FuturesStrip | null {
  ensureTable(db);
  const row = db.prepare('SELECT MAX(trade_date) AS d FROM curated_futures WHERE trade_date <= ?').get(date) as { d: string | null };
  return row.d === null ? null : stripOn(db, row.d, now);
}

/** The futures line of `sources` when the imported strips answer (offline), or null when nothing was imported. */
export function curatedFuturesStatus(db: Db, now: Date): DatasetStatus | null {
  const strip = latestStrip(db, now);
  if (!strip) return null;
  const row = db.prepare('SELECT MAX(imported_at) AS t FROM curated_futures WHERE trade_date = ?').get(strip.tradeDate) as { t: string | null };
  return { dataset: 'futures', provider: 'curated', asOf: strip.tradeDate, fetchedAt: row.t, stale: strip.provenance.stale, lastError: null };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
