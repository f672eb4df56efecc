/** Operator-curated research figures (`capwatch curate set/list`), stored durably in the store. */
import { InputError } from '../command.ts';
import type { CuratedRepo } from '../store/repos/curated.ts';
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

/** Validate and store (insert or replace) a curated figure; bad input raises InputError with the reason. */
export async function setCurated(repo: CuratedRepo, input: CuratedInput, now: Date = new Date()): Promise<StoredCurated> {
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
  const stored: StoredCurated = {
    key,
    value,
    source,
    asOf: input.asOf,
    label: input.label?.trim() || null,
    unit: input.unit?.trim() || null,
    updatedAt: now.toISOString(),
  };
  return repo.upsert(stored);
}

export function getCurated(repo: CuratedRepo, key: string): Promise<StoredCurated | undefined> {
  return repo.get(key);
}

/** Every stored override, by key. */
export function listCurated(repo: CuratedRepo): Promise<StoredCurated[]> {
  return repo.list();
}

export function deleteCurated(repo: CuratedRepo, key: string): Promise<boolean> {
  return repo.remove(key);
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

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
