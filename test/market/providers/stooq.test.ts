import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../src/market/http.ts';
import { createStooqProvider, parseStooqCsv } from '../../../src/market/providers/stooq.ts';
import { ProviderError } from '../../../src/market/types.ts';
import { fixture } from '../helpers/payloads.ts';
import { csv, html, startVendor, type FakeVendor } from '../helpers/server.ts';

const http = createHttp({ retries: 0, timeoutMs: 2_000 });
let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

function kind(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof ProviderError ? err.kind : 'other';
  }
}

describe('stooq CSV', () => {
  it('parses Date,Open,High,Low,Close,Volume into ascending closes', () => {
    const bars = parseStooqCsv(fixture('stooq-spy-us.csv'), 'spy.us');
    expect(bars).toHaveLength(5);
    expect(bars[0]).toEqual({ date: '2026-11-16', close: 672.44 });
    expect(bars[4]).toEqual({ date: '2026-11-20', close: 678.9 });
  });

  it('accepts index files without a volume column and CRLF line ends', () => {
    const bars = parseStooqCsv('Date,Open,High,Low,Close\r\n2026-11-19,6701.1,6720.5,6688.2,6710.3\r\n2026-11-20,6712,6760.9,6705.4,6755.81\r\n', '^spx');
    expect(bars.map((b) => b.close)).toEqual([6710.3, 6755.81]);
  });

  it('names what Stooq answers instead of data', () => {
    expect(kind(() => parseStooqCsv('No data', 'zzzz.us'))).toBe('not_found');
    expect(kind(() => parseStooqCsv('<!DOCTYPE html><html><body>captcha</body></html>', 'spy.us'))).toBe('invalid');
    expect(kind(() => parseStooqCsv('Exceeded the daily hits limit', 'spy.us'))).toBe('rate_limited');
    expect(kind(() => parseStooqCsv('Date,Open,High,Low,Close,Volume\n', 'spy.us'))).toBe('empty');
    expect(kind(() => parseStooqCsv('Date,Open,High,Low,Close,Volume\n2026-11-20,1,2,0.5,,100\n', 'spy.us'))).toBe('invalid');
    expect(kind(() => parseStooqCsv('Date,Open,High,Low,Close,Volume\n2026-11-20,1,2,0.5,1.5,100\n2026-11-21,1,2,0.5,abc,100\n', 'spy.us'))).toBe('invalid');
    expect(kind(() => parseStooqCsv('symbol,price\nSPY,1', 'spy.us'))).toBe('invalid');
  });
});

describe('stooq provider over HTTP', () => {
  it('spells the symbol Stooq\'s way and asks for daily data in the range', async () => {
    vendor = await startVendor(() => csv(fixture('stooq-spy-us.csv')));
    const stooq = createStooqProvider({ baseUrl: vendor.baseUrl, http });
    const got = await stooq.dailyBars('SPY', '2026-11-17', '2026-11-20');
    expect(got.asOf).toBe('2026-11-20');
    const url = vendor.requests[0]!;
    expect(url.pathname).toBe('/q/d/l/');
    expect(url.searchParams.get('s')).toBe('spy.us');
    expect(url.searchParams.get('i')).toBe('d');
    expect(url.searchParams.get('d2')).toBe('20261120');

    await stooq.dailyBars('^GSPC', '2026-11-17', '2026-11-20');
    expect(vendor.requests[1]!.searchParams.get('s')).toBe('^spx');
  });

  it('rejects an HTML page and does not ask for symbols it cannot spell', async () => {
    vendor = await startVendor(() => html());
    const stooq = createStooqProvider({ baseUrl: vendor.baseUrl, http });
    await expect(stooq.dailyBars('IWM', '2026-11-01', '2026-11-20')).rejects.toMatchObject({ provider: 'stooq', kind: 'invalid' });
    await expect(stooq.dailyBars('^RUT', '2026-11-01', '2026-11-20')).rejects.toMatchObject({ kind: 'not_found' });
    expect(vendor.count()).toBe(1);
  });
});
