/** Operator-curated research figures by key. Validation lives in src/market/curated-store.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { StoredCurated } from '../../market/curated-store.ts';
import type { CuratedFiguresTable, Schema } from '../schema.ts';

export interface CuratedRepo {
  /** Inserts or replaces; a null label or unit keeps the stored one. */
  upsert(figure: StoredCurated): Promise<StoredCurated>;
  get(key: string): Promise<StoredCurated | undefined>;
  /** Ordered by key. */
  list(): Promise<StoredCurated[]>;
  remove(key: string): Promise<boolean>;
}

export function curatedRepo(db: Kysely<Schema>): CuratedRepo {
  const repo: CuratedRepo = {
    async upsert(f) {
      await db
        .insertInto('curated_figures')
        .values({ key: f.key, value: f.value, source: f.source, as_of: f.asOf, label: f.label, unit: f.unit, updated_at: f.updatedAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source: eb.ref('excluded.source'),
            as_of: eb.ref('excluded.as_of'),
            label: eb.fn.coalesce('excluded.label', 'curated_figures.label'),
            unit: eb.fn.coalesce('excluded.unit', 'curated_figures.unit'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      return (await repo.get(f.key))!;
    },
    async get(key) {
      const r = await db.selectFrom('curated_figures').selectAll().where('key', '=', key).executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },
    async list() {
      return (await db.selectFrom('curated_figures').selectAll().orderBy('key').execute()).map(fromRow);
    },
    async remove(key) {
      const r = await db.deleteFrom('curated_figures').where('key', '=', key).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
  return repo;
}

function fromRow(r: Selectable<CuratedFiguresTable>): StoredCurated {
  return { key: r.key, value: Number(r.value), source: r.source, asOf: r.as_of, label: r.label, unit: r.unit, updatedAt: r.updated_at };
}
