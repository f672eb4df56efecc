/** Fund valuation observations (src/market/valuation/): append-only, one row per figure and date. */
import type { Kysely, Selectable } from 'kysely';
import type { SeriesKey } from '../../market/valuation/history.ts';
import type { FundFigure, ValuationBasis, ValuationMetric } from '../../market/valuation/types.ts';
import type { Schema, ValuationsTable } from '../schema.ts';

export interface ValuationsRepo {
  /** Inserts the figures not stored yet (same provider, fund, metric, basis and date); returns how many. */
  record(figures: readonly FundFigure[], observedAt: string): Promise<number>;
  /** One figure's observations dated on or before `lastDate` (YYYY-MM-DD), ascending. */
  series(key: SeriesKey, lastDate: string): Promise<FundFigure[]>;
}

export function valuationsRepo(db: Kysely<Schema>): ValuationsRepo {
  return {
    async record(figures, observedAt) {
      if (figures.length === 0) return 0;
      const rows = figures.map((f) => ({
        provider: f.provider,
        fund: f.fund,
        metric: f.metric,
        basis: f.basis,
        as_of: f.asOf,
        value: f.value,
        source: f.source,
        observed_at: observedAt,
      }));
      const r = await db
        .insertInto('valuations')
        .values(rows)
        .onConflict((oc) => oc.columns(['provider', 'fund', 'metric', 'basis', 'as_of']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },
    async series(key, lastDate) {
      const rows = await db
        .selectFrom('valuations')
        .selectAll()
        .where('provider', '=', key.provider)
        .where('fund', '=', key.fund)
        .where('metric', '=', key.metric)
        .where('basis', '=', key.basis)
        .where('as_of', '<=', lastDate)
        .orderBy('as_of')
        .execute();
      return rows.map(fromRow);
    },
  };
}

function fromRow(r: Selectable<ValuationsTable>): FundFigure {
  return {
    provider: r.provider,
    fund: r.fund,
    metric: r.metric as ValuationMetric,
    basis: r.basis as ValuationBasis,
    asOf: r.as_of,
    value: Number(r.value),
    source: r.source,
  };
}
