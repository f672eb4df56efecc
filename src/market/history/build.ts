/** Builds the bundled history from vendor-format files (see manifest.ts and data/README.md). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { FOMC_DECISIONS } from '../../analytics/fomc-calendar.ts';
import type { Bar } from '../types.ts';
import { fomcBefore } from './fomc.ts';
import { barsFile, encodeBars, encodePolicy, encodeStrips, type BundleIndex, type PolicyRow, type SeriesEntry, type StripRow } from './format.ts';
import type { Manifest } from './manifest.ts';
import { INDEX_FILE } from './paths.ts';
import { derivePolicy } from './policy-derive.ts';
import { parseBarsCsv, parseFredCsv, parseStripCsv, VendorFormatError, type Observation } from './vendor-csv.ts';

export interface BuiltData {
  bars: { entry: Omit<SeriesEntry, 'file' | 'from' | 'to' | 'rows'>; bars: Bar[] }[];
  strips: { source: string; rows: StripRow[] } | null;
  policy: { source: string; rows: PolicyRow[] } | null;
}

/** Reads and checks every input of the manifest; nothing is written. */
export function readInputs(inputDir: string, manifest: Manifest): BuiltData {
  const text = (file: string) => readFileSync(isAbsolute(file) ? file : join(inputDir, file), 'utf8');
  const bars = manifest.bars.map((s) => {
    let series: Bar[] = [];
    for (const input of s.files) series = extendBars(series, parseBarsCsv(text(input.file), input.file, input.column), input.file);
    if (s.from) series = series.filter((b) => b.date >= s.from!);
    return { entry: { symbol: s.symbol, basis: s.basis, source: s.source }, bars: series };
  });
  const strips = manifest.strips ? { source: manifest.strips.source, rows: parseStripCsv(text(manifest.strips.file.file), manifest.strips.file.file, manifest.strips.source) } : null;
  let policy: BuiltData['policy'] = null;
  if (manifest.policy) {
    const p = manifest.policy;
    let dff: Observation[] = [];
    for (const input of p.dff) dff = extendObservations(dff, parseFredCsv(text(input.file), input.file), input.file);
    const upper = p.dfedtaru ? parseFredCsv(text(p.dfedtaru.file), p.dfedtaru.file) : [];
    const decisions = fomcBefore(dff.at(-1)?.date ?? p.from, FOMC_DECISIONS);
    const rows = derivePolicy(dff, decisions, p.from, upper).map((r) => ({ ...r, source: p.source }));
    policy = { source: p.source, rows };
  }
  return { bars, strips, policy };
}

/** Writes the bundle files and index.json into `outDir`. */
export function writeBundle(outDir: string, data: BuiltData): BundleIndex {
  mkdirSync(outDir, { recursive: true });
  const bars: SeriesEntry[] = data.bars
    .filter((s) => s.bars.length > 0)
    .map((s) => {
      const file = barsFile(s.entry.symbol);
      writeFileSync(join(outDir, file), encodeBars(s.bars));
      return { ...s.entry, file, from: s.bars[0]!.date, to: s.bars.at(-1)!.date, rows: s.bars.length };
    });
  let strips: BundleIndex['strips'] = null;
  if (data.strips && data.strips.rows.length) {
    const rows = data.strips.rows;
    writeFileSync(join(outDir, 'strips.csv.gz'), encodeStrips(rows));
    strips = { file: 'strips.csv.gz', source: data.strips.source, from: rows[0]!.tradeDate, to: rows.at(-1)!.tradeDate, rows: rows.length };
  }
  let policy: BundleIndex['policy'] = null;
  if (data.policy && data.policy.rows.length) {
    const rows = data.policy.rows;
    writeFileSync(join(outDir, 'policy.csv.gz'), encodePolicy(rows));
    policy = { file: 'policy.csv.gz', source: data.policy.source, from: rows[0]!.date, to: rows.at(-1)!.date, rows: rows.length };
  }
  const index: BundleIndex = { bars, strips, policy };
  writeFileSync(join(outDir, INDEX_FILE), JSON.stringify(index, null, 2) + '\n');
  return index;
}

export function buildBundle(inputDir: string, outDir: string, manifest: Manifest): BundleIndex {
  return writeBundle(outDir, readInputs(inputDir, manifest));
}

/**
 * `next` appended after the last date of `base`, rescaled so that it equals `base` on their last common date.
 * Two sources of one series are only joined at an overlap: without one the splice is refused.
 */
export function extendBars(base: readonly Bar[], next: readonly Bar[], file: string): Bar[] {
  if (base.length === 0) return [...next];
  const last = base.at(-1)!;
  const anchor = next.find((b) => b.date === last.date);
  const tail = next.filter((b) => b.date > last.date);
  if (tail.length === 0) return [...base];
  if (!anchor) throw new VendorFormatError(file, `cannot extend the series past ${last.date}: no close on that date to rebase at`);
  const ratio = last.close / anchor.close;
  return [...base, ...tail.map((b) => ({ date: b.date, close: b.close * ratio }))];
}

/** A second copy of the same rate series extends the first; where they overlap they must agree. */
export function extendObservations(base: readonly Observation[], next: readonly Observation[], file: string): Observation[] {
  const known = new Map(base.map((o) => [o.date, o.value]));
  const clash = next.find((o) => known.has(o.date) && known.get(o.date) !== o.value);
  if (clash) throw new VendorFormatError(file, `${clash.date} is ${clash.value} here but ${known.get(clash.date)} in the earlier file`);
  const last = base.at(-1)?.date ?? '';
  return [...base, ...next.filter((o) => o.date > last)];
}
