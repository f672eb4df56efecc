/**
 * Vendor file formats the snapshot builder reads, as the vendors write them:
 * - Yahoo-style daily CSV, classic `Date,Open,High,Low,Close,Adj Close,Volume` and new-yfinance
 *   `Date,Close,High,Low,Open,Volume` (any column order; "null" cells skipped);
 * - Stooq daily CSV `Date,Open,High,Low,Close,Volume` and Stooq bulk `<TICKER>,<PER>,<DATE>,...,<CLOSE>,...`
 *   (dates YYYYMMDD);
 * - close-only `Date,Value`, Alpha Vantage `timestamp,...,close` (newest first);
 * - FRED fredgraph `observation_date,<ID>` (empty cell = no value) and legacy `DATE,<ID>` ('.' = no value);
 * - fed funds futures strip `date,contract_month,price[,implied_rate_pct]`.
 */
import type { Bar } from '../types.ts';
import type { StripRow } from './format.ts';

export class VendorFormatError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'VendorFormatError';
  }
}

export type CloseColumn = 'close' | 'adj close' | 'value';

const DATE_COLUMNS = ['date', 'timestamp', 'observation date'];

function table(text: string, file: string): { header: string[]; rows: string[][] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new VendorFormatError(file, 'empty file');
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase().replace(/^<|>$/g, '').replace(/_/g, ' '));
  return { header, rows: lines.slice(1).map((l) => l.split(',').map((c) => c.trim())) };
}

export function isoDate(raw: string, file: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const date = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : raw.slice(0, 10);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!ok) throw new VendorFormatError(file, `"${raw}" is not a date`);
  return date;
}

/** Daily closes from any of the bar formats above; `column` picks Close, Adj Close or Value. Ascending, unique. */
export function parseBarsCsv(text: string, file: string, column?: CloseColumn): Bar[] {
  const { header, rows } = table(text, file);
  const dateCol = header.findIndex((h) => DATE_COLUMNS.includes(h));
  const wanted = column ?? (header.includes('close') ? 'close' : 'value');
  const closeCol = header.indexOf(wanted);
  if (dateCol < 0 || closeCol < 0) throw new VendorFormatError(file, `no date and "${wanted}" columns in header "${header.join(',')}"`);
  const byDate = new Map<string, number>();
  for (const cells of rows) {
    const raw = cells[closeCol] ?? '';
    if (raw === '' || raw === 'null' || raw === '.') continue;
    const close = Number(raw);
    if (!Number.isFinite(close) || close <= 0) throw new VendorFormatError(file, `bad close "${raw}" on ${cells[dateCol]}`);
    byDate.set(isoDate(cells[dateCol] ?? '', file), close);
  }
  if (byDate.size === 0) throw new VendorFormatError(file, 'no closes');
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, close]) => ({ date, close }));
}

export interface Observation {
  date: string;
  value: number;
}

/** A FRED series as CSV (fredgraph or legacy), missing days dropped. */
export function parseFredCsv(text: string, file: string): Observation[] {
  const { header, rows } = table(text, file);
  if (!DATE_COLUMNS.includes(header[0] ?? '') || header.length < 2) throw new VendorFormatError(file, `not a FRED CSV (header "${header.join(',')}")`);
  const out: Observation[] = [];
  for (const cells of rows) {
    const raw = cells[1] ?? '';
    if (raw === '' || raw === '.') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new VendorFormatError(file, `bad value "${raw}" on ${cells[0]}`);
    out.push({ date: isoDate(cells[0] ?? '', file), value });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Strips by trade date from `date,contract_month,price` rows; ascending by date, quotes by month. */
export function parseStripCsv(text: string, file: string, source: string): StripRow[] {
  const { header, rows } = table(text, file);
  const [d, m, p] = ['date', 'contract month', 'price'].map((h) => header.indexOf(h));
  if (d! < 0 || m! < 0 || p! < 0) throw new VendorFormatError(file, `expected date,contract_month,price (header "${header.join(',')}")`);
  const byDate = new Map<string, Map<string, number>>();
  for (const cells of rows) {
    const month = cells[m!] ?? '';
    const price = Number(cells[p!]);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new VendorFormatError(file, `bad contract month "${month}"`);
    if (!Number.isFinite(price) || price <= 50 || price > 101) throw new VendorFormatError(file, `implausible price "${cells[p!]}" for ${month}`);
    const date = isoDate(cells[d!] ?? '', file);
    if (!byDate.has(date)) byDate.set(date, new Map());
    byDate.get(date)!.set(month, price);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tradeDate, quotes]) => ({
      tradeDate,
      source,
      quotes: [...quotes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, price]) => ({ month, price })),
    }));
}
