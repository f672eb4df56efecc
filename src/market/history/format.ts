/** The bundle's on-disk format: index.json (what each series is) and gzip'ed CSV files, one per series. */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Bar, FuturesQuote } from '../types.ts';

export type Basis = 'price' | 'total-return';

export interface SeriesEntry {
  symbol: string;
  file: string;
  basis: Basis;
  source: string;
  from: string;
  to: string;
  rows: number;
}

export interface BundleIndex {
  bars: SeriesEntry[];
  strips: { file: string; source: string; from: string; to: string; rows: number } | null;
  policy: { file: string; source: string; from: string; to: string; rows: number } | null;
}

export interface StripRow {
  tradeDate: string;
  quotes: FuturesQuote[];
  source: string;
}

export interface PolicyRow {
  date: string;
  lower: number;
  upper: number;
  effr: number | null;
  source: string;
}

/** File name of a symbol's series (carets and equals signs kept out of file names). */
export function barsFile(symbol: string): string {
  return `bars-${symbol.replace(/^\^/, 'IDX_').replace(/=/g, '_')}.csv.gz`;
}

const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });

export function encodeBars(bars: readonly Bar[]): Buffer {
  return gz(['date,close', ...bars.map((b) => `${b.date},${num(b.close)}`)].join('\n') + '\n');
}

export function encodeStrips(rows: readonly StripRow[]): Buffer {
  const lines = ['trade_date,contract_month,price'];
  for (const r of rows) for (const q of r.quotes) lines.push(`${r.tradeDate},${q.month},${num(q.price)}`);
  return gz(lines.join('\n') + '\n');
}

export function encodePolicy(rows: readonly PolicyRow[]): Buffer {
  const lines = ['date,lower,upper,effr'];
  for (const r of rows) lines.push(`${r.date},${num(r.lower)},${num(r.upper)},${r.effr === null ? '' : num(r.effr)}`);
  return gz(lines.join('\n') + '\n');
}

/** Data rows of a gzip'ed CSV (header dropped), split on commas. */
export function decodeRows(data: Buffer): string[][] {
  const lines = gunzipSync(data).toString('utf8').split('\n');
  return lines.slice(1).filter((l) => l !== '').map((l) => l.split(','));
}

/** Up to 4 decimals, without float noise (yfinance writes float32 artefacts such as 32.929141998291016). */
function num(x: number): string {
  return String(Math.round(x * 10_000) / 10_000);
}
