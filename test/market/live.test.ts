import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCurated } from '../../src/market/curated-store.ts';
import { ProviderError, UnknownSymbolError } from '../../src/market/types.ts';
import { manualClock, tempDb } from './helpers/db.ts';
import { yahooChart } from './helpers/payloads.ts';
import { html, json, type Reply } from './helpers/server.ts';
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

const faults: Record<string, () => Reply> = {
  'HTTP 500': () => ({ status: 500, body: 'Internal Server Error' }),
  '429 with Retry-After': () => ({ status: 429, headers: { 'retry-after': '0' } }),
  timeout: () => ({ hang: true }),
  'truncated JSON': () => json('{"chart":{"result":[{"meta":{"symbol":"SPY","exchangeTimezoneName":"America/New_'),
  'HTML body': () => html(),
  'empty result': () => json({ chart: { result: [], error: null } }),
  'null closes': () => json(yahooChart({ symbol: 'SPY', timestamps: [1795185000], closes: [null] })),
};

describe('live daily bars', () => {
  it('answers from Yahoo first, with provenance', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    const got = await market.dailyBars('spy', '2026-10-20', '2026-11-20');
    expect(got.symbol).toBe('SPY');
    expect(got.provenance).toMatchObject({ provider: 'yahoo', source: 'Yahoo Finance', asOf: '2026-11-20', stale: false, fallback: false, snapshot: false });
    expect(got.bars[0]!.date <= '2026-10-20').toBe(true);
    expect(got.bars[0]!.date >= '2026-10-10').toBe(true);
    expect(got.bars.at(-1)).toEqual({ date: '2026-11-20', close: closeOf('SPY', DATES.length - 1) });
    expect(v.stooq.count()).toBe(0);
  });

  for (const [name, reply] of Object.entries(faults)) {
    it(`falls back to Stooq on a Yahoo ${name}, labelled, no crash`, async () => {
      v.yahoo.handle(reply);
      const market = v.market(t.db, () => new Date(NOW));
      const got = await market.dailyBars('SPY', '2026-11-02', '2026-11-20');
      expect(got.provenance).toMatchObject({ provider: 'stooq', source: 'Stooq', fallback: true, snapshot: false, asOf: '2026-11-20' });
      expect(got.bars.at(-1)!.close).toBe(closeOf('SPY', DATES.length - 1) + 1);
      const bars = (await market.status()).find((s) => s.dataset === 'bars')!;
      expect(bars.provider).toBe('stooq');
      expect(bars.lastError).toMatch(/^yahoo: /);
    });
  }

  it('after a Yahoo timeout, the next asks go straight to Stooq instead of waiting again', async () => {
    v.yahoo.handle(() => ({ hang: true }));
    const market = v.market(t.db, () => new Date(NOW));
    for (const symbol of ['SPY', 'QQQ', 'IWM']) {
      expect((await market.dailyBars(symbol, '2026-11-02', '2026-11-20')).provenance).toMatchObject({ provider: 'stooq', fallback: true });
    }
    expect(v.yahoo.count()).toBe(1);
    expect(v.stooq.count()).toBe(3);
  });

  it('100 concurrent identical requests make one upstream call', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    const answers = await Promise.all(Array.from({ length: 100 }, () => market.dailyBars('IWM', '2026-10-20', '2026-11-20')));
    expect(v.yahoo.count('/v8/finance/chart/IWM')).toBe(1);
    expect(new Set(answers.map((a) => a.bars.length)).size).toBe(1);
  });

  it('the usual periods of one symbol share one upstream call', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    for (const from of ['2026-11-13', '2026-10-20', '2026-08-20', '2026-01-01', '2025-11-20']) {
      const got = await market.dailyBars('IWM', from, '2026-11-20');
      expect(got.bars[0]!.date <= from).toBe(true);
    }
    expect(v.yahoo.count()).toBe(1);
  });

  it('serves from the SQLite cache after a restart without calling upstream', async () => {
    const clock = manualClock(NOW);
    const first = v.market(t.db, clock.now);
    const bars = await first.dailyBars('IWM', '2026-10-20', '2026-11-20');
    const rates = await first.policyRates();
    const strip = await first.futuresStrip();
    const calls = v.yahoo.count() + v.nyfed.count();
    await t.db.close();
    for (const vendor of [v.yahoo, v.stooq, v.nyfed, v.fred]) vendor.handle(() => ({ status: 500 }));

    clock.advance(60_000);
    const second = v.market(await t.reopen(), clock.now);
    expect(await second.dailyBars('IWM', '2026-10-20', '2026-11-20')).toEqual(bars);
    expect((await second.policyRates()).effr).toBe(rates.effr);
    expect((await second.futuresStrip()).quotes).toEqual(strip.quotes);
    expect(v.yahoo.count() + v.nyfed.count()).toBe(calls);
  });

  it('keeps serving cached data labelled stale when every provider fails past the max age', async () => {
    const clock = manualClock(NOW);
    const ttl = { quote: { ttlMs: 60_000, maxAgeMs: 600_000 } };
    const market = v.market(t.db, clock.now, { ttl });
    await market.dailyBars('IWM', '2026-10-20', '2026-11-21');
    v.yahoo.handle(() => ({ status: 500 }));
    v.stooq.handle(() => html());
    clock.advance(3_600_000);
    const got = await market.dailyBars('IWM', '2026-10-20', '2026-11-21');
    expect(got.provenance).toMatchObject({ provider: 'yahoo', stale: true });
    expect((await market.status()).find((s) => s.dataset === 'bars')).toMatchObject({ provider: 'yahoo', stale: true, lastError: expect.stringMatching(/^stooq: /) });
  });

  it('labels data stale when its as-of is too old for the range asked', async () => {
    const market = v.market(t.db, () => new Date('2026-12-01T15:00:00Z'));
    const got = await market.dailyBars('IWM', '2026-11-01', '2026-12-01');
    expect(got.provenance).toMatchObject({ asOf: '2026-11-20', stale: true });
    const past = await market.dailyBars('IWM', '2026-01-01', '2026-06-30');
    expect(past.provenance).toMatchObject({ asOf: '2026-06-30', stale: false });
  });

  it('says a symbol is unknown when every provider says so', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    await expect(market.dailyBars('ZZZZ', '2026-10-01', '2026-11-20')).rejects.toBeInstanceOf(UnknownSymbolError);
    await expect(market.dailyBars('not a ticker!', '2026-10-01', '2026-11-20')).rejects.toThrow('Unknown symbol "not a ticker!"');
    expect(v.yahoo.count()).toBe(1);
  });

  it('fails with a typed error naming every provider when nothing, not even the snapshot, has bars', async () => {
    v.yahoo.handle(() => ({ status: 500 }));
    v.stooq.handle(() => ({ status: 503 }));
    const market = v.market(t.db, () => new Date(NOW));
    // MDY is not in the bundled history.
    const err = await market.dailyBars('MDY', '2026-10-01', '2026-11-20').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as Error).message).toMatch(/yahoo: HTTP 500; stooq: HTTP 503/);
  });

  it('follows a configured provider order', async () => {
    const market = v.market(t.db, () => new Date(NOW), { order: { bars: ['stooq', 'yahoo'] } });
    const got = await market.dailyBars('QQQ', '2026-11-01', '2026-11-20');
    expect(got.provenance).toMatchObject({ provider: 'stooq', fallback: false });
    expect(v.yahoo.count()).toBe(0);
  });
});

describe('live policy rates', () => {
  it('answers from the NY Fed', async () => {
    const got = await v.market(t.db, () => new Date(NOW)).policyRates();
    expect(got).toMatchObject({ effr: 3.88, target: [3.75, 4], asOf: '2026-11-19', provenance: { provider: 'nyfed', fallback: false, stale: false } });
  });

  const rateFaults: Record<string, () => Reply> = {
    ...faults,
    'truncated JSON': () => json('{ "refRates": [ { "effectiveDate": "2026-11-19", "ty'),
    'empty result': () => json({ refRates: [] }),
  };
  delete rateFaults['null closes'];
  for (const [name, reply] of Object.entries(rateFaults)) {
    it(`falls back to FRED on a NY Fed ${name}`, async () => {
      v.nyfed.handle(reply);
      const got = await v.market(t.db, () => new Date(NOW)).policyRates();
      expect(got).toMatchObject({ effr: 3.88, target: [3.75, 4], asOf: '2026-11-20', provenance: { provider: 'fred', fallback: true, snapshot: false } });
    });
  }

  it('answers from the snapshot, labelled, when every live source fails', async () => {
    v.nyfed.handle(() => ({ status: 500 }));
    v.fred.handle(() => html());
    const market = v.market(t.db, () => new Date(NOW));
    const got = await market.policyRates();
    expect(got.provenance).toMatchObject({ provider: 'snapshot', snapshot: true, fallback: true });
    expect((await market.status()).find((s) => s.dataset === 'rates')).toMatchObject({ provider: 'snapshot' });
  });
});

describe('live fed funds futures', () => {
  it('builds the strip from per-contract closes and the previous day\'s strip from the same answer', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    const strip = await market.futuresStrip();
    expect(strip.tradeDate).toBe('2026-11-20');
    expect(strip.quotes).toEqual([
      { month: '2026-11', price: ZQ_PRICES['ZQX26.CBT'] },
      { month: '2026-12', price: ZQ_PRICES['ZQZ26.CBT'] },
      { month: '2027-01', price: ZQ_PRICES['ZQF27.CBT'] },
      { month: '2027-02', price: ZQ_PRICES['ZQG27.CBT'] },
    ]);
    expect(strip.provenance).toMatchObject({ provider: 'yahoo', fallback: false, stale: false });
    const prev = await market.previousFuturesStrip!('2026-11-20');
    expect(prev?.tradeDate).toBe('2026-11-19');
    expect(prev?.quotes[0]!.price).toBeCloseTo(ZQ_PRICES['ZQX26.CBT']! - 0.01, 6);
    // Six contract months asked (stripMonths) and the month before, each once; the two unlisted ones are reported missing.
    expect(v.yahoo.count()).toBe(7);
    expect(new Set(v.yahoo.requests.map((u) => u.pathname)).size).toBe(7);
  });

  it('100 concurrent asks fetch each contract once', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    await Promise.all(Array.from({ length: 100 }, () => market.futuresStrip()));
    expect(v.yahoo.count('/v8/finance/chart/ZQX26.CBT')).toBe(1);
  });

  it('falls back to the snapshot strip, labelled, when Yahoo fails', async () => {
    v.yahoo.handle(() => ({ hang: true }));
    const strip = await v.market(t.db, () => new Date(NOW)).futuresStrip();
    expect(strip.provenance).toMatchObject({ provider: 'snapshot', snapshot: true, fallback: true });
    expect(strip.quotes.length).toBeGreaterThan(0);
    // The first batch of four contracts timed out; after two failed requests the remaining months were not asked.
    expect(v.yahoo.count()).toBe(5);
  });
});

describe('offline and curated', () => {
  it('--offline answers from the snapshot without touching the network', async () => {
    const market = v.market(t.db, () => new Date(NOW), { offline: true });
    const strip = await market.futuresStrip();
    const rates = await market.policyRates();
    expect(strip.provenance).toMatchObject({ snapshot: true, fallback: false });
    expect(rates.provenance.snapshot).toBe(true);
    expect((await market.dailyBars('SPY', '2026-01-02', '2026-02-20')).provenance).toMatchObject({ snapshot: true, asOf: '2026-02-20' });
    expect(v.yahoo.count() + v.stooq.count() + v.nyfed.count() + v.fred.count()).toBe(0);
  });

  it('curated overrides win over the snapshot, with their source and date, online and offline', async () => {
    const now = new Date(NOW);
    const live = v.market(t.db, () => now);
    const key = (await live.curatedAll())[0]!.key;
    const before = await live.curated(key);
    await setCurated(t.db.curated, { key, value: '14.1', source: 'FactSet Earnings Insight', asOf: '2026-11-14' }, now);
    for (const market of [live, v.market(t.db, () => now, { offline: true })]) {
      const got = await market.curated(key);
      expect(got).toMatchObject({ key, value: 14.1, label: before.label, unit: before.unit, source: 'FactSet Earnings Insight', asOf: '2026-11-14' });
      expect(got.provenance).toMatchObject({ provider: 'curated', snapshot: false, stale: false, asOf: '2026-11-14' });
      expect((await market.curatedAll()).find((f) => f.key === key)?.value).toBe(14.1);
    }
    expect((await live.status()).find((s) => s.dataset === 'curated')).toMatchObject({ provider: 'curated', asOf: '2026-11-14' });
    // Set back before the override's date, the snapshot figure answers: the override was not known then.
    const earlier = v.market(t.db, () => new Date('2026-11-13T15:00:00Z'), { offline: true });
    expect(await earlier.curated(key)).toMatchObject({ value: before.value, asOf: before.asOf });
    expect((await earlier.curatedAll()).find((f) => f.key === key)?.value).toBe(before.value);
  });
});

describe('live status', () => {
  it('lists nothing fetched before the first ask, then each dataset\'s provider, as-of and last error', async () => {
    const market = v.market(t.db, () => new Date(NOW));
    const before = await market.status();
    expect(before.find((s) => s.dataset === 'bars')).toEqual({ dataset: 'bars', provider: null, asOf: null, fetchedAt: null, stale: false, lastError: null });
    expect(before.find((s) => s.dataset === 'curated')).toMatchObject({ provider: 'snapshot' });
    v.nyfed.handle(() => ({ status: 500 }));
    await market.policyRates();
    await market.dailyBars('IWM', '2026-11-01', '2026-11-20');
    const after = await market.status();
    expect(after.find((s) => s.dataset === 'rates')).toMatchObject({ provider: 'fred', asOf: '2026-11-20', fetchedAt: '2026-11-21T15:00:00.000Z', stale: false, lastError: expect.stringMatching(/^nyfed: HTTP 500 \(at /) });
    expect(after.find((s) => s.dataset === 'bars')).toMatchObject({ provider: 'yahoo', asOf: '2026-11-20', lastError: null });
  });
});
