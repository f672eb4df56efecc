/** Live mode keeps history: closes and strips fetched live are stored, and answer a later outage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb } from './helpers/db.ts';
import { closeOf, DATES, startVendors, ZQ_PRICES, type Vendors } from './helpers/vendors.ts';

const NOW = '2026-11-21T15:00:00Z';
let v: Vendors;
let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  v = await startVendors();
  t = await tempDb();
});
afterEach(async () => {
  await v.close();
  t.cleanup();
});

describe('kept market history', () => {
  it('stores every close fetched live and answers from it when every provider fails', async () => {
    const live = v.market(t.db, () => new Date(NOW));
    await live.dailyBars('IWM', '2026-06-01', '2026-11-20');
    const kept = await t.db.marketHistory.barsBetween('IWM', '2025-01-01', '2026-12-31');
    expect(kept?.bars.at(-1)).toEqual({ date: '2026-11-20', close: closeOf('IWM', DATES.length - 1) });
    expect(kept?.sources).toEqual(['Yahoo Finance']);

    v.yahoo.handle(() => ({ status: 500 }));
    v.stooq.handle(() => ({ status: 503 }));
    const later = v.market(await t.reopen(), () => new Date(NOW), { http: { retries: 0, timeoutMs: 500 } });
    // Another range than the one cached: the chain runs, fails, and the kept closes answer.
    const got = await later.dailyBars('IWM', '2026-09-01', '2026-11-19');
    expect(got.provenance).toMatchObject({ provider: 'kept', fallback: true, snapshot: false, asOf: '2026-11-19', source: 'Yahoo Finance, kept from earlier fetches' });
    expect(got.bars.at(-1)!.close).toBe(closeOf('IWM', DATES.indexOf('2026-11-19')));
  });

  it('falls to the bundled snapshot when the kept closes do not reach back to the start', async () => {
    const live = v.market(t.db, () => new Date(NOW));
    await live.dailyBars('SPY', '2026-10-01', '2026-11-20');
    v.yahoo.handle(() => ({ status: 500 }));
    v.stooq.handle(() => ({ status: 503 }));
    const later = v.market(t.db, () => new Date(NOW), { http: { retries: 0, timeoutMs: 500 } });
    const got = await later.dailyBars('SPY', '2015-01-02', '2016-01-04');
    expect(got.provenance).toMatchObject({ provider: 'snapshot', snapshot: true });
  });

  it('stores the strips fetched live, by trade date, and prices a past day from them', async () => {
    const live = v.market(t.db, () => new Date(NOW));
    await live.futuresStrip();
    const kept = await t.db.marketHistory.stripOnOrBefore('2026-11-18');
    expect(kept?.tradeDate).toBe('2026-11-18');
    expect(kept?.quotes[0]).toEqual({ month: '2026-11', price: ZQ_PRICES['ZQX26.CBT']! - 0.01 });
    v.yahoo.handle(() => ({ status: 500 }));
    // A cache of its own (as after the cached answers expired): only the kept strips know 2026-11-18.
    const other = await tempDb();
    try {
      const later = v.market({ ...t.db, marketCache: other.db.marketCache }, () => new Date(NOW), { http: { retries: 0, timeoutMs: 500 } });
      const strip = await later.futuresStripOn!('2026-11-18');
      expect(strip).toMatchObject({ tradeDate: '2026-11-18', provenance: { provider: 'kept', fallback: true } });
    } finally {
      other.cleanup();
    }
  });
});
