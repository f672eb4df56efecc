/** Imported fed funds futures settlements by trade date and contract month. Parsing lives in src/market/curated-futures.ts. */
import type { Kysely } from 'kysely';
import type { FuturesQuote } from '../../market/types.ts';
import type { Schema } from '../schema.ts';

export interface StoredStripRows {
  tradeDate: string;
  quotes: FuturesQuote[];
  /** Distinct sources of the rows, in order of first appearance. */
  sources: string[];
  /** Latest import time of the date's rows. */
  importedAt: string;
}

export interface FuturesRepo {
  /** Replaces each trade date's strip in one transaction; returns the number of contract prices stored. */
  replace(strips: Array<{ tradeDate: string; quotes: FuturesQuote[] }>, source: string, importedAt: string): Promise<number>;
  /** The latest trade date stored, strictly before `before` when given. */
  latestTradeDate(before?: string): Promise<string | null>;
  /** The strip stored for exactly `tradeDate`, months ascending. */
  stripOn(tradeDate: string): Promise<StoredStripRows | null>;
}

export function futuresRepo(db: Kysely<Schema>): FuturesRepo {
  return {
    async replace(strips, source, importedAt) {
      let contracts = 0;
      await db.transaction().execute(async (trx) => {
        for (const strip of strips) {
          await trx.deleteFrom('curated_futures').where('trade_date', '=', strip.tradeDate).execute();
          if (strip.quotes.length > 0) {
            await trx
              .insertInto('curated_futures')
              .values(strip.quotes.map((q) => ({ trade_date: strip.tradeDate, month: q.month, price: q.price, source, imported_at: importedAt })))
              .execute();
          }
          contracts += strip.quotes.length;
        }
      });
      return contracts;
    },
    async latestTradeDate(before) {
      let q = db.selectFrom('curated_futures').select((eb) => eb.fn.max('trade_date').as('d'));
      if (before !== undefined) q = q.where('trade_date', '<', before);
      const r = await q.executeTakeFirst();
      return r?.d ?? null;
    },
    async stripOn(tradeDate) {
      const rows = await db.selectFrom('curated_futures').selectAll().where('trade_date', '=', tradeDate).orderBy('month').execute();
      if (rows.length === 0) return null;
      return {
        tradeDate,
        quotes: rows.map((r) => ({ month: r.month, price: Number(r.price) })),
        sources: [...new Set(rows.map((r) => r.source))],
        importedAt: rows.map((r) => r.imported_at).sort().at(-1)!,
      };
    },
  };
}
