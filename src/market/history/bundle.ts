/**
 * The bundled history (see data/README.md): read lazily, each series on its first use, and kept in memory.
 * Rows are returned as stored; callers apply the as-of rule (src/market/as-of.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bar } from '../types.ts';
import { decodeRows, type Basis, type BundleIndex, type PolicyRow, type SeriesEntry, type StripRow } from './format.ts';
import { bundleDir, INDEX_FILE } from './paths.ts';

export type { Basis, PolicyRow, SeriesEntry, StripRow } from './format.ts';

export interface BundledSeries {
  symbol: string;
  basis: Basis;
  source: string;
  bars: Bar[];
}

export interface Span {
  from: string;
  to: string;
}

let dir: string | undefined;
let index: BundleIndex | undefined;
const barsCache = new Map<string, BundledSeries | null>();
let strips: StripRow[] | undefined;
let policy: PolicyRow[] | undefined;

/** Points the loader at another bundle (tests, `snapshot refresh` checks) and forgets what was cached. */
export function useBundleDir(path?: string): void {
  dir = path;
  index = undefined;
  barsCache.clear();
  strips = undefined;
  policy = undefined;
}

function root(): string {
  return dir ?? bundleDir();
}

export function bundleIndex(): BundleIndex {
  index ??= JSON.parse(readFileSync(join(root(), INDEX_FILE), 'utf8')) as BundleIndex;
  return index;
}

function read(file: string): string[][] {
  return decodeRows(readFileSync(join(root(), file)));
}

/** The series the bundle holds, with basis, source and span (from index.json alone). */
export function bundledSeries(): SeriesEntry[] {
  return bundleIndex().bars.map((e) => ({ ...e }));
}

export function bundledBars(symbol: string): BundledSeries | null {
  const key = symbol.toUpperCase();
  if (barsCache.has(key)) return barsCache.get(key)!;
  const entry = bundleIndex().bars.find((e) => e.symbol === key);
  const series = entry
    ? { symbol: entry.symbol, basis: entry.basis, source: entry.source, bars: read(entry.file).map(([date, close]) => ({ date: date!, close: Number(close) })) }
    : null;
  barsCache.set(key, series);
  return series;
}

/** One strip per trade date, ascending; quotes ascending by contract month. */
export function bundledStrips(): StripRow[] {
  if (strips) return strips;
  const entry = bundleIndex().strips;
  const out: StripRow[] = [];
  if (entry) {
    for (const [tradeDate, month, price] of read(entry.file)) {
      let last = out.at(-1);
      if (!last || last.tradeDate !== tradeDate) {
        last = { tradeDate: tradeDate!, quotes: [], source: entry.source };
        out.push(last);
      }
      last.quotes.push({ month: month!, price: Number(price) });
    }
  }
  strips = out;
  return strips;
}

/** The target range (and EFFR when published) in force on each calendar day, ascending. */
export function bundledPolicy(): PolicyRow[] {
  if (policy) return policy;
  const entry = bundleIndex().policy;
  policy = entry
    ? read(entry.file).map(([date, lower, upper, effr]) => ({
        date: date!,
        lower: Number(lower),
        upper: Number(upper),
        effr: effr === '' || effr === undefined ? null : Number(effr),
        source: entry.source,
      }))
    : [];
  return policy;
}

/** First and last dates of each dataset (bars: the widest span over all series). */
export function bundledSpan(): { bars: Span; strips: Span; policy: Span } {
  const idx = bundleIndex();
  const froms = idx.bars.map((b) => b.from).sort();
  const tos = idx.bars.map((b) => b.to).sort();
  return {
    bars: { from: froms[0] ?? '', to: tos.at(-1) ?? '' },
    strips: { from: idx.strips?.from ?? '', to: idx.strips?.to ?? '' },
    policy: { from: idx.policy?.from ?? '', to: idx.policy?.to ?? '' },
  };
}
