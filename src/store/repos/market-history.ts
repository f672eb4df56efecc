/** Daily closes and futures strips as fetched live, kept by symbol and date / trade date and month. */
import type { Kysely } from 'kysely';
import type { Bar, FuturesQuote } from '../../market/types.ts';
import type { Schema } from '../schema.ts';

export interface KeptBars {
  bars: Bar[];
  /** Distinct sources of the rows, in order of first appearance. */
  sources: string[];
}

export interface KeptStrip {
  tradeDate: string;
  quotes: FuturesQuote[];
  sources: string[];
}

export interface MarketHistoryRepo {
  /** Inserts or replaces closes of one symbol (one transaction). */
  saveBars(symbol: string, bars: readonly Bar[], source: string, fetchedAt: string): Promise<void>;
  /** Kept closes of `symbol` from `from` to `to` inclusive, ascending; null when none. */
  barsBetween(symbol: string, from: string, to: string): Promise<KeptBars | null>;
  /** Inserts or replaces strips by trade date and contract month (one transaction). */
  saveStrips(strips: ReadonlyArray<{ tradeDate: string; quotes: readonly FuturesQuote[] }>, source: string, fetchedAt: string): Promise<void>;
  /** The kept strip of the last trade date on or before `date`. */
  stripOnOrBefore(date: string): Promise<KeptStrip | null>;
}

const CHUNK = 200;

export function marketHistoryRepo(db: Kysely<Schema>): MarketHistoryRepo {
  return {
    async saveBars(symbol, bars, source, fetchedAt) {
      if (bars.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < bars.length; i += CHUNK) {
          await trx
            .insertInto('market_bars')
            .values(bars.slice(i, i + CHUNK).map((b) => ({ symbol, date: b.date, close: b.close, source, fetched_at: fetchedAt })))
            .onConflict((oc) => oc.columns(['symbol', 'date']).doUpdateSet((eb) => ({ close: eb.ref('excluded.close'), source: eb.ref('excluded.source'), fetched_at: eb.ref('excluded.fetched_at') })))
            .execute();
        }
      });
    },
    async barsBetween(symbol, from, to) {
      const rows = await db.selectFrom('market_bars').selectAll().where('symbol', '=', symbol).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
      if (rows.length === 0) return null;
      return { bars: rows.map((r) => ({ date: r.date, close: Number(r.close) })), sources: [...new Set(rows.map((r) => r.source))] };
    },
    async saveStrips(strips, source, fetchedAt) {
      const rows = strips.flatMap((s) => s.quotes.map((q) => ({ trade_date: s.tradeDate, month: q.month, price: q.price, source, fetched_at: fetchedAt })));
      if (rows.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx
            .insertInto('market_strips')
            .values(rows.slice(i, i + CHUNK))
            .onConflict((oc) => oc.columns(['trade_date', 'month']).doUpdateSet((eb) => ({ price: eb.ref('excluded.price'), source: eb.ref('excluded.source'), fetched_at: eb.ref('excluded.fetched_at') })))
            .execute();
        }
      });
    },
    async stripOnOrBefore(date) {
      const last = await db.selectFrom('market_strips').select((eb) => eb.fn.max('trade_date').as('d')).where('trade_date', '<=', date).executeTakeFirst();
      const tradeDate = last?.d ?? null;
      if (tradeDate === null) return null;
      const rows = await db.selectFrom('market_strips').selectAll().where('trade_date', '=', tradeDate).orderBy('month').execute();
      return { tradeDate, quotes: rows.map((r) => ({ month: r.month, price: Number(r.price) })), sources: [...new Set(rows.map((r) => r.source))] };
    },
  };
}
