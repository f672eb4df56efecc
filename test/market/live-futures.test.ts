import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFuturesCsv } from '../../src/market/curated-futures.ts';
import { computeFedWatch } from '../../src/analytics/fedwatch.ts';
import { tempDb } from './helpers/db.ts';
import { csv, json } from './helpers/server.ts';
import { startVendors, weekdays, type Vendors } from './helpers/vendors.ts';
import { daily, zqYahoo, type ContractAnswer } from './helpers/zq.ts';

const NOW = '2026-11-21T15:00:00Z';
const DAYS = weekdays('2026-10-12', '2026-11-20');
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

/** Every kind of hole at once: the current month not listed, a 500 in the middle, an empty deferred month, a broken price. */
const HOLEY: Record<string, ContractAnswer> = {
  'ZQX26.CBT': 'not-found',
  'ZQZ26.CBT': daily(DAYS, 96.19, 96.2),
  'ZQF27.CBT': 'http-500',
  'ZQG27.CBT': daily(DAYS, 96.38),
  'ZQH27.CBT': 'empty',
  'ZQJ27.CBT': daily(DAYS, 0),
  'ZQK27.CBT': daily(DAYS, 96.5),
  'ZQM27.CBT': daily(DAYS, 96.55),
};

describe('live fed funds futures with holes', () => {
  it('keeps every month that answered, names the others with the reason, and prices every meeting they fix', async () => {
    v.yahoo.handle(zqYahoo(HOLEY));
    const market = v.market(t.db, () => new Date(NOW), { stripMonths: 8 });
    const strip = await market.futuresStrip();
    expect(strip.provenance).toMatchObject({ provider: 'yahoo', fallback: false, snapshot: false });
    expect(strip.tradeDate).toBe('2026-11-20');
    expect(strip.quotes).toEqual([
      { month: '2026-12', price: 96.2 },
      { month: '2027-02', price: 96.38 },
      { month: '2027-05', price: 96.5 },
      { month: '2027-06', price: 96.55 },
    ]);
    const missing = Object.fromEntries((strip.missing ?? []).map((m) => [m.month, m.reason]));
    expect(Object.keys(missing)).toEqual(['2026-11', '2027-01', '2027-03', '2027-04']);
    expect(missing['2026-11']).toMatch(/ZQX26\.CBT: Not Found/);
    expect(missing['2027-01']).toMatch(/HTTP 500/);
    expect(missing['2027-03']).toMatch(/no bars for ZQH27\.CBT/);
    expect(missing['2027-04']).toMatch(/implausible price 0/);

    // The range in force that day from FRED's DFEDTARL/DFEDTARU history, the EFFR starting December.
    const rates = await market.policyRatesOn!(strip.tradeDate);
    expect(rates).toMatchObject({ target: [3.75, 4] });
    const result = computeFedWatch({ tradeDate: strip.tradeDate, quotes: strip.quotes, currentTarget: rates!.target, effr: rates!.effr });
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-12-09', '2027-01-27', '2027-06-09']);
    expect(result.unpriced.filter((u) => u.reason === 'gap')).toEqual([
      { date: '2027-03-17', needs: ['2027-03'], reason: 'gap' },
      { date: '2027-04-28', needs: ['2027-04'], reason: 'gap' },
    ]);
  });

  it('moves on to the imported strip only when the months present price no meeting', async () => {
    await importFuturesCsv(t.db.futures, 'month,price\n2026-12,96.21\n2027-01,96.3\n2027-02,96.38\n', { source: 'Broker sheet', tradeDate: '2026-11-20', now: new Date(NOW) });
    v.yahoo.handle(zqYahoo({ 'ZQG27.CBT': daily(DAYS, 96.38), 'ZQK27.CBT': daily(DAYS, 96.5) }));
    const market = v.market(t.db, () => new Date(NOW), { stripMonths: 8 });
    const strip = await market.futuresStrip();
    expect(strip.provenance).toMatchObject({ provider: 'curated', fallback: true });
    expect((await market.status()).find((s) => s.dataset === 'futures')?.lastError).toMatch(/prices no FOMC meeting/);
  });

  it('gives strips as of earlier dates from the same fetched history', async () => {
    v.yahoo.handle(zqYahoo({ ...HOLEY, 'ZQZ26.CBT': Object.fromEntries(DAYS.map((d, i) => [d, 96 + i / 1000])) }));
    const market = v.market(t.db, () => new Date(NOW), { stripMonths: 8 });
    const weekAgo = await market.futuresStripOn!('2026-11-13');
    expect(weekAgo?.tradeDate).toBe('2026-11-13');
    expect(weekAgo?.quotes.find((q) => q.month === '2026-12')?.price).toBeCloseTo(96 + DAYS.indexOf('2026-11-13') / 1000, 6);
    expect((await market.previousFuturesStrip!('2026-11-20'))?.tradeDate).toBe('2026-11-19');
  });
});

describe('the expired month before', () => {
  it("anchors this month's meeting with its final settlement, as CME does with the month before", async () => {
    const dec = weekdays('2026-11-02', '2026-12-02');
    v.yahoo.handle(
      zqYahoo({
        'ZQX26.CBT': daily(weekdays('2026-11-02', '2026-11-30'), 96.12),
        'ZQZ26.CBT': daily(dec, 96.2),
        'ZQF27.CBT': daily(dec, 96.3),
        'ZQG27.CBT': daily(dec, 96.38),
      }),
    );
    const market = v.market(t.db, () => new Date('2026-12-03T15:00:00Z'), { stripMonths: 3 });
    const strip = await market.futuresStrip();
    expect(strip.tradeDate).toBe('2026-12-02');
    expect(strip.quotes[0]).toEqual({ month: '2026-11', price: 96.12 });
    // December starts at November's 3.88 (not solved back from its own price); January's start ends it.
    const result = computeFedWatch({ tradeDate: strip.tradeDate, quotes: strip.quotes, currentTarget: [3.75, 4] });
    const janStart = (31 * 3.7 - 4 * 3.62) / 27;
    expect(result.meetings[0]!.pCut).toBeCloseTo(((3.88 - janStart) / 0.25) * 100, 6);
  });
});

describe('live policy rates by date', () => {
  const DEC15 = () => new Date('2026-12-15T15:00:00Z');

  it('reads the range in force on a past date from the FRED DFEDTARL/DFEDTARU history', async () => {
    v.fred.handle((url) => {
      const id = url.searchParams.get('id') ?? '';
      const lo = (x: string) => (id === 'DFEDTARL' ? x : String(Number(x) + 0.25));
      const rows = id === 'EFFR' ? [['2026-12-09', '3.88'], ['2026-12-10', '3.63']] : [['2026-12-08', lo('3.75')], ['2026-12-09', lo('3.75')], ['2026-12-10', lo('3.50')]];
      return csv([`observation_date,${id}`, ...rows.map((r) => r.join(','))].join('\n'));
    });
    const market = v.market(t.db, DEC15, { order: { rates: ['fred', 'nyfed'] } });
    // The day after the Dec 9 decision is today's latest observation: no history needed.
    expect(await market.policyRatesOn!('2026-12-10')).toMatchObject({ target: [3.5, 3.75], effr: 3.63, asOf: '2026-12-10' });
    expect(v.fred.requests.some((u) => u.searchParams.has('coed'))).toBe(false);
    // The decision day itself still had the old range: read from the history around it.
    expect(await market.policyRatesOn!('2026-12-09')).toMatchObject({ target: [3.75, 4], effr: 3.88, asOf: '2026-12-09' });
    const asked = v.fred.requests.find((u) => u.searchParams.get('id') === 'DFEDTARL' && u.searchParams.get('coed') === '2026-12-09');
    expect(asked?.searchParams.get('cosd')).toBe('2026-11-25');
  });

  it('reads it from the NY Fed EFFR search when FRED is down', async () => {
    v.fred.handle(() => ({ status: 503 }));
    v.nyfed.handle((url) => {
      if (!url.pathname.endsWith('/search.json')) return { status: 503 };
      return json({
        refRates: [
          { effectiveDate: '2026-12-10', type: 'EFFR', percentRate: 3.63, percentPercentile1: 3.6, targetRateFrom: 3.5, targetRateTo: 3.75, volumeInBillions: 99, revisionIndicator: '' },
          { effectiveDate: '2026-12-09', type: 'EFFR', percentRate: 3.88, percentPercentile1: 3.85, targetRateFrom: 3.75, targetRateTo: 4.0, volumeInBillions: 101, revisionIndicator: '' },
        ],
      });
    });
    const market = v.market(t.db, DEC15, { breakerCooldownMs: 0, http: { retries: 0, timeoutMs: 1_000 } });
    expect(await market.policyRatesOn!('2026-12-10')).toMatchObject({ target: [3.5, 3.75], effr: 3.63 });
    const search = v.nyfed.requests.find((u) => u.pathname.endsWith('/search.json'));
    expect(search?.searchParams.get('startDate')).toBe('2026-11-26');
    expect(search?.searchParams.get('endDate')).toBe('2026-12-10');
  });
});
