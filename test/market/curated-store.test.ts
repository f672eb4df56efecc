import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/command.ts';
import { deleteCurated, getCurated, listCurated, mergeCurated, setCurated, type CuratedInput } from '../../src/market/curated-store.ts';
import { tempDb } from './helpers/db.ts';

const now = new Date('2026-11-21T10:00:00Z');
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('curated store', () => {
  it('stores a figure durably and lists it after a restart', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await setCurated(t.db.curated, { key: 'valuation.forward_pe.small', value: '13.9', source: 'FactSet', asOf: '2026-11-14' }, now);
    await setCurated(t.db.curated, { key: 'earnings.growth', value: 4.5, source: 'LSEG I/B/E/S', asOf: '2026-11-13', label: 'EPS growth', unit: '%' }, now);
    await t.db.close();
    const db = await t.reopen();
    expect(await listCurated(db.curated)).toEqual([
      { key: 'earnings.growth', value: 4.5, source: 'LSEG I/B/E/S', asOf: '2026-11-13', label: 'EPS growth', unit: '%', updatedAt: '2026-11-21T10:00:00.000Z' },
      { key: 'valuation.forward_pe.small', value: 13.9, source: 'FactSet', asOf: '2026-11-14', label: null, unit: null, updatedAt: '2026-11-21T10:00:00.000Z' },
    ]);
  });

  it('replaces on a second set and keeps a label given earlier', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await setCurated(t.db.curated, { key: 'k', value: 1, source: 'A', asOf: '2026-11-01', label: 'Kay', unit: 'x' }, now);
    await setCurated(t.db.curated, { key: 'k', value: '2.5%', source: 'B', asOf: '2026-11-02' }, now);
    expect(await getCurated(t.db.curated, 'k')).toMatchObject({ value: 2.5, source: 'B', asOf: '2026-11-02', label: 'Kay', unit: 'x' });
    expect(await deleteCurated(t.db.curated, 'k')).toBe(true);
    expect(await getCurated(t.db.curated, 'k')).toBeUndefined();
  });

  it('refuses bad input with an InputError saying what is wrong', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const base: CuratedInput = { key: 'k', value: 1, source: 'S', asOf: '2026-11-01' };
    const bad: Array<[Partial<CuratedInput>, RegExp]> = [
      [{ key: 'has space' }, /Invalid curated key/],
      [{ value: 'twelve' }, /not a number/],
      [{ value: '' }, /not a number/],
      [{ source: '  ' }, /--source/],
      [{ asOf: '2026-02-30' }, /not a date/],
      [{ asOf: '21/11/2026' }, /not a date/],
      [{ asOf: '2027-01-01' }, /in the future/],
    ];
    for (const [patch, message] of bad) {
      await expect(setCurated(t.db.curated, { ...base, ...patch }, now)).rejects.toThrow(message);
      await expect(setCurated(t.db.curated, { ...base, ...patch }, now)).rejects.toThrow(InputError);
    }
    expect(await listCurated(t.db.curated)).toEqual([]);
  });

  it('lays overrides over base figures, borrowing label and unit', async () => {
    const base = [{ key: 'a', label: 'Alpha', value: 1, unit: '%', source: 'Old', asOf: '2025-09-10' }];
    const merged = mergeCurated(base, [
      { key: 'a', value: 2, source: 'New', asOf: '2026-11-01', label: null, unit: null, updatedAt: '' },
      { key: 'b', value: 3, source: 'New', asOf: '2026-11-01', label: null, unit: null, updatedAt: '' },
    ]);
    expect(merged).toEqual([
      { key: 'a', label: 'Alpha', value: 2, unit: '%', source: 'New', asOf: '2026-11-01' },
      { key: 'b', label: 'b', value: 3, unit: '', source: 'New', asOf: '2026-11-01' },
    ]);
  });
});
