/** Operator-curated research figures (`capwatch curate set/list`), stored durably in SQLite. */
import { InputError } from '../command.ts';
import type { Db } from '../store/db.ts';
import type { CuratedFigure } from './types.ts';

export interface CuratedInput {
  key: string;
  value: number | string;
  source: string;
  asOf: string;
  /** Kept from the snapshot figure of the same key when absent. */
  label?: string;
  unit?: string;
}

/** A stored override; label and unit may be absent (the snapshot's are used then). */
export interface StoredCurated {
  key: string;
  value: number;
  source: string;
  asOf: string;
  label: string | null;
  unit: string | null;
  updatedAt: string;
}

interface Row {
  key: string;
  value: number;
  source: string;
  as_of: string;
  label: string | null;
  unit: string | null;
  updated_at: string;
}

function ensureTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS curated_figures (
    key TEXT PRIMARY KEY,
    value DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    as_of TEXT NOT NULL,
    label TEXT,
    unit TEXT,
    updated_at TEXT NOT NULL
  )`);
}

/** Validate and store (insert or replace) a curated figure; bad input raises InputError with the reason. */
export function setCurated(db: Db, input: CuratedInput, now: Date = new Date()): StoredCurated {
  const key = input.key.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(key)) {
    throw new InputError(`Invalid curated key "${input.key}"`, 'use letters, digits, dots, dashes or underscores, e.g. valuation.forward_pe.small');
  }
  const value = typeof input.value === 'number' ? input.value : Number(String(input.value).trim().replace(/%$/, ''));
  if (String(input.value).trim() === '' || !Number.isFinite(value)) throw new InputError(`Curated value "${input.value}" is not a number`);
  const source = input.source.trim();
  if (source === '') throw new InputError('A curated figure needs --source "<who published it>"');
  if (!isIsoDate(input.asOf)) throw new InputError(`--asof "${input.asOf}" is not a date (YYYY-MM-DD)`);
  if (input.asOf > now.toISOString().slice(0, 10)) throw new InputError(`--asof ${input.asOf} is in the future`);
  ensureTable(db);
  const stored: StoredCurated = {
    key,
    value,
    source,
    asOf: input.asOf,
    label: input.label?.trim() || null,
    unit: input.unit?.trim() || null,
    updatedAt: now.toISOString(),
  };
  db.prepare(
    `INSERT INTO curated_figures (key, value, source, as_of, label, unit, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, source = excluded.source, as_of = excluded.as_of,
       label = COALESCE(excluded.label, curated_figures.label), unit = COALESCE(excluded.unit, curated_figures.unit),
       updated_at = excluded.updated_at`,
  ).run(stored.key, stored.value, stored.source, stored.asOf, stored.label, stored.unit, stored.updatedAt);
  return getCurated(db, key)!;
}

export function getCurated(db: Db, key: string): StoredCurated | undefined {
  ensureTable(db);
  const row = db.prepare('SELECT * FROM curated_figures WHERE key = ?').get(key) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Every stored override, by key. */
export function listCurated(db: Db): StoredCurated[] {
  ensureTable(db);
  return (db.prepare('SELECT * FROM curated_figures ORDER BY key').all() as Row[]).map(fromRow);
}

export function deleteCurated(db: Db, key: string): boolean {
  ensureTable(db);
  return db.prepare('DELETE FROM curated_figures WHERE key = ?').run(key).changes > 0;
}

/** Overrides laid over the base figures (the snapshot's): same key replaces, new keys are added. */
export function mergeCurated(base: readonly CuratedFigure[], overrides: readonly StoredCurated[]): CuratedFigure[] {
  const out = new Map(base.map((f) => [f.key, { ...f }]));
  for (const o of overrides) out.set(o.key, toFigure(o, out.get(o.key)));
  return [...out.values()];
}

/** A stored override as a CuratedFigure, borrowing label and unit from the base figure when it has none. */
export function toFigure(o: StoredCurated, base?: CuratedFigure): CuratedFigure {
  return { key: o.key, label: o.label ?? base?.label ?? o.key, value: o.value, unit: o.unit ?? base?.unit ?? '', source: o.source, asOf: o.asOf };
}

function fromRow(r: Row): StoredCurated {
  return { key: r.key, value: r.value, source: r.source, asOf: r.as_of, label: r.label, unit: r.unit, updatedAt: r.updated_at };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
