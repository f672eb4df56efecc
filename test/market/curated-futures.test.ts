import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/command.ts';
import { curatedFuturesStatus, curateFuturesFromFile, importFuturesCsv, latestStrip, previousStrip, stripOn } from '../../src/market/curated-futures.ts';
import { manualClock, tempDb } from './helpers/db.ts';
import { startVendors, ZQ_PRICES, type Vendors } from './helpers/vendors.ts';

const NOW = '2026-11-21T15:00:00Z';
const now = new Date(NOW);
const SOURCE = 'CME Group daily settlements';

/** Two trade dates in the layout of an exchange settlement export (extra columns ignored). */
const TWO_DAYS = [
  'trade_date,contract,settle,volume',
  '2026-11-18,ZQX26,96.1100,1200',
  '2026-11-18,ZQZ26,96.1800,900',
  '2026-11-18,ZQF27,96.3000,400',
  '2026-11-19,ZQX26,96.1150,1300',
  '2026-11-19,ZQZ26,96.1900,950',
  '',
].join('\n');

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

describe('imported futures strips', () => {
  it('stores every trade date of a file and reads the latest, the previous and a given date, after a restart too', async () => {
    expect(await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now })).toEqual({ tradeDates: ['2026-11-18', '2026-11-19'], contracts: 5, source: SOURCE });
    await t.db.close();
    const db = await t.reopen();
    const latest = await latestStrip(db.futures, now);
    expect(latest).toEqual({
      tradeDate: '2026-11-19',
      quotes: [
        { month: '2026-11', price: 96.115 },
        { month: '2026-12', price: 96.19 },
      ],
      provenance: { source: SOURCE, provider: 'curated', asOf: '2026-11-19', stale: false, fallback: false, snapshot: false },
    });
    expect((await previousStrip(db.futures, '2026-11-19'))?.tradeDate).toBe('2026-11-18');
    expect((await previousStrip(db.futures, '2026-11-19'))?.quotes).toHaveLength(3);
    expect(await previousStrip(db.futures, '2026-11-18')).toBeNull();
    expect((await stripOn(db.futures, '2026-11-18'))?.quotes[2]).toEqual({ month: '2027-01', price: 96.3 });
    expect(await stripOn(db.futures, '2026-11-17')).toBeNull();
    expect((await latestStrip(db.futures, new Date('2026-11-30T12:00:00Z')))?.provenance.stale).toBe(true);
  });

  it('is empty before any import', async () => {
    expect(await latestStrip(t.db.futures)).toBeNull();
    expect(await previousStrip(t.db.futures, '2026-11-20')).toBeNull();
    expect(await curatedFuturesStatus(t.db.futures, now)).toBeNull();
  });

  it('takes the trade date of a file without a date column from the option, and says so when it is missing', async () => {
    const csv = 'month,price\n2026-10,96.1050\nNOV26,95.9750\n';
    await expect(importFuturesCsv(t.db.futures, csv, { source: SOURCE, now })).rejects.toThrow(InputError);
    await expect(importFuturesCsv(t.db.futures, csv, { source: SOURCE, now })).rejects.toThrow(/no date column, so its trade date is unknown/);
    expect(await importFuturesCsv(t.db.futures, csv, { source: SOURCE, tradeDate: '2026-09-18', now })).toMatchObject({ tradeDates: ['2026-09-18'], contracts: 2 });
    expect((await latestStrip(t.db.futures))?.quotes).toEqual([
      { month: '2026-10', price: 96.105 },
      { month: '2026-11', price: 95.975 },
    ]);
  });

  it('replaces a trade date imported again: months left out of the new file are gone', async () => {
    await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now });
    await importFuturesCsv(t.db.futures, 'month,price\nZQX26,96.1200\n', { source: 'Broker sheet', tradeDate: '2026-11-19', now: new Date('2026-11-21T16:00:00Z') });
    expect(await latestStrip(t.db.futures)).toMatchObject({ quotes: [{ month: '2026-11', price: 96.12 }], provenance: { source: 'Broker sheet' } });
    expect((await stripOn(t.db.futures, '2026-11-18'))?.quotes).toHaveLength(3);
    expect(await curatedFuturesStatus(t.db.futures, now)).toEqual({ dataset: 'futures', provider: 'curated', asOf: '2026-11-19', fetchedAt: '2026-11-21T16:00:00.000Z', stale: false, lastError: null });
  });

  it('rejects a bad file with the line at fault and stores nothing of it', async () => {
    const bad = 'date,month,price\n2026-11-19,2026-11,96.115\n2026-11-19,2026-12,96,19\n2026-11-19,2027-01,abc\n';
    const err = await importFuturesCsv(t.db.futures, bad, { source: SOURCE, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe('Futures CSV line 4: price is not a number');
    await expect(importFuturesCsv(t.db.futures, 'month,price\n2026-11,100.5\n', { source: SOURCE, tradeDate: '2026-11-19', now })).rejects.toThrow('Futures CSV line 2: price is outside (0, 100]');
    await expect(importFuturesCsv(t.db.futures, 'ticker,last\nZQX26,96\n', { source: SOURCE, tradeDate: '2026-11-19', now })).rejects.toThrow(/line 1: the header needs a contract month column/);
    // A later date in the future stops the whole file, the good earlier date included.
    await expect(importFuturesCsv(t.db.futures, 'date,month,price\n2026-11-19,2026-11,96.1\n2026-11-23,2026-11,96.1\n', { source: SOURCE, now })).rejects.toThrow('Trade date 2026-11-23 is in the future');
    expect(await latestStrip(t.db.futures)).toBeNull();
  });

  it('checks the source, the date option and its agreement with the file', async () => {
    await expect(importFuturesCsv(t.db.futures, TWO_DAYS, { source: '  ', now })).rejects.toThrow(/needs --source/);
    await expect(importFuturesCsv(t.db.futures, 'month,price\n2026-11,96\n', { source: SOURCE, tradeDate: '19/11/2026', now })).rejects.toThrow('--date "19/11/2026" is not a date (YYYY-MM-DD)');
    await expect(importFuturesCsv(t.db.futures, 'month,price\n2026-11,96\n', { source: SOURCE, tradeDate: '2026-02-30', now })).rejects.toThrow(/is not a date/);
    await expect(importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, tradeDate: '2026-11-19', now })).rejects.toThrow('The futures CSV holds trade date 2026-11-18, not --date 2026-11-19');
    await expect(importFuturesCsv(t.db.futures, 'date,month,price\n2026-11-31,2026-12,96\n', { source: SOURCE, now })).rejects.toThrow(/2026-11-31.* not a real date/);
  });

  it('imports a file for the CLI, naming the file as the source unless one is given', async () => {
    const file = join(t.dir, 'zq-settlements.csv');
    writeFileSync(file, TWO_DAYS);
    expect(await curateFuturesFromFile(t.db.futures, file, { now })).toMatchObject({ contracts: 5, source: 'CSV import (zq-settlements.csv)' });
    expect((await curateFuturesFromFile(t.db.futures, file, { now, source: SOURCE })).source).toBe(SOURCE);
    await expect(curateFuturesFromFile(t.db.futures, join(t.dir, 'missing.csv'), { now })).rejects.toThrow(/^Cannot read .*missing\.csv: ENOENT$/);
  });
});

describe('imported strips in the live futures chain', () => {
  let v: Vendors;
  beforeEach(async () => {
    v = await startVendors();
  });
  afterEach(() => v.close());

  it('Yahoo answers first when it can, with the day before from its own history', async () => {
    await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now });
    const market = v.market(t.db, () => now);
    const strip = await market.futuresStrip();
    expect(strip).toMatchObject({ tradeDate: '2026-11-20', provenance: { provider: 'yahoo', fallback: false } });
    expect(strip.quotes[0]).toEqual({ month: '2026-11', price: ZQ_PRICES['ZQX26.CBT'] });
    expect(await market.previousFuturesStrip!('2026-11-20')).toMatchObject({ tradeDate: '2026-11-19', provenance: { provider: 'yahoo' } });
  });

  it('falls back to the latest import when Yahoo fails, and gives the import before it as the previous day', async () => {
    await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now });
    v.yahoo.handle(() => ({ status: 500 }));
    const market = v.market(t.db, () => now);
    const strip = await market.futuresStrip();
    expect(strip).toMatchObject({ tradeDate: '2026-11-19', quotes: [{ month: '2026-11', price: 96.115 }, { month: '2026-12', price: 96.19 }] });
    expect(strip.provenance).toMatchObject({ provider: 'curated', source: SOURCE, asOf: '2026-11-19', fallback: true, snapshot: false, stale: false });
    const prev = await market.previousFuturesStrip!(strip.tradeDate);
    expect(prev).toMatchObject({ tradeDate: '2026-11-18', provenance: { provider: 'curated', fallback: true } });
    expect(prev?.quotes).toHaveLength(3);
    expect((await market.status()).find((s) => s.dataset === 'futures')).toMatchObject({ provider: 'curated', asOf: '2026-11-19', lastError: expect.stringMatching(/^yahoo: HTTP 500/) });
  });

  it('shows a new import at once while Yahoo is down', async () => {
    v.yahoo.handle(() => ({ hang: true }));
    const market = v.market(t.db, () => now, { http: { retries: 0, timeoutMs: 300 } });
    expect((await market.futuresStrip()).provenance.provider).toBe('snapshot');
    expect(await market.previousFuturesStrip!('2026-11-20')).toBeNull();
    await importFuturesCsv(t.db.futures, 'month,price\n2026-11,96.13\n', { source: SOURCE, tradeDate: '2026-11-20', now });
    expect(await market.futuresStrip()).toMatchObject({ tradeDate: '2026-11-20', provenance: { provider: 'curated' } });
  });

  it('prefers a newer import over a cached Yahoo strip served stale', async () => {
    const clock = manualClock(NOW);
    const market = v.market(t.db, clock.now);
    expect((await market.futuresStrip()).tradeDate).toBe('2026-11-20');
    v.yahoo.handle(() => ({ status: 503 }));
    clock.set('2026-11-23T23:00:00Z');
    expect((await market.futuresStrip()).provenance).toMatchObject({ provider: 'yahoo', stale: true });
    await importFuturesCsv(t.db.futures, 'month,price\n2026-12,96.21\n', { source: SOURCE, tradeDate: '2026-11-23', now: clock.now() });
    expect(await market.futuresStrip()).toMatchObject({ tradeDate: '2026-11-23', provenance: { provider: 'curated', fallback: true, stale: false } });
  });

  it('follows a configured order that puts the imports first', async () => {
    await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now });
    const market = v.market(t.db, () => now, { order: { futures: ['curated', 'yahoo'] } });
    expect((await market.futuresStrip()).provenance).toMatchObject({ provider: 'curated', fallback: false });
    expect(v.yahoo.count()).toBe(0);
  });

  it('offline, answers from the imports before the snapshot, without touching the network', async () => {
    const offline = () => v.market(t.db, () => now, { offline: true });
    expect((await offline().futuresStrip()).provenance).toMatchObject({ provider: 'snapshot', snapshot: true });
    await importFuturesCsv(t.db.futures, TWO_DAYS, { source: SOURCE, now });
    const market = offline();
    const strip = await market.futuresStrip();
    expect(strip).toMatchObject({ tradeDate: '2026-11-19', provenance: { provider: 'curated', source: SOURCE, snapshot: false, fallback: false } });
    expect((await market.previousFuturesStrip!(strip.tradeDate))?.tradeDate).toBe('2026-11-18');
    expect((await market.status()).find((s) => s.dataset === 'futures')).toMatchObject({ provider: 'curated', asOf: '2026-11-19', fetchedAt: NOW.replace('Z', '.000Z') });
    expect(v.yahoo.count() + v.stooq.count() + v.nyfed.count() + v.fred.count()).toBe(0);
  });
});
