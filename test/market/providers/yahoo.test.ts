import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../src/market/http.ts';
import { createYahooProvider } from '../../../src/market/providers/yahoo.ts';
import { localDate, parseChart } from '../../../src/market/providers/yahoo-chart.ts';
import { ProviderError } from '../../../src/market/types.ts';
import { fixture, NOT_FOUND_CHART, sessions, yahooChart } from '../helpers/payloads.ts';
import { json, startVendor, type FakeVendor } from '../helpers/server.ts';

const http = createHttp({ retries: 0, timeoutMs: 2_000 });
let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof ProviderError ? err.kind : `other: ${String(err)}`;
  }
}

describe('yahoo chart parsing', () => {
  it('turns the real chart v8 shape into ascending exchange-local bars', () => {
    const bars = parseChart('yahoo', 'IWM', JSON.parse(fixture('yahoo-chart-iwm.json')));
    expect(bars.map((b) => b.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(bars[4]!.close).toBeCloseTo(244.87, 2);
  });

  it('uses the exchange time zone, not UTC, for the trading date', () => {
    // 2026-01-06 01:00 UTC is still the 5th in New York; midnight in Chicago is 06:00 UTC the same day.
    expect(localDate(Date.parse('2026-01-06T01:00:00Z') / 1000, { exchangeTimezoneName: 'America/New_York' })).toBe('2026-01-05');
    expect(localDate(Date.parse('2026-01-06T06:00:00Z') / 1000, { exchangeTimezoneName: 'America/Chicago' })).toBe('2026-01-06');
    // Without a zone name the gmtoffset is applied.
    expect(localDate(Date.parse('2026-01-06T01:00:00Z') / 1000, { gmtoffset: -18000 })).toBe('2026-01-05');
  });

  it('drops null closes, keeps the last of a repeated day', () => {
    const ts = sessions('2026-11-16', 3);
    const body = yahooChart({ symbol: 'SPY', timestamps: [...ts, ts[2]! + 3600], closes: [670, null, 671, 672.5] });
    expect(parseChart('yahoo', 'SPY', body)).toEqual([
      { date: '2026-11-16', close: 670 },
      { date: '2026-11-18', close: 672.5 },
    ]);
  });

  it('rejects every malformed or partial payload with a typed error', () => {
    const ts = sessions('2026-11-16', 2);
    const cases: Array<[unknown, string]> = [
      [yahooChart({ symbol: 'SPY', timestamps: ts, closes: [null, null] }), 'empty'],
      [{ chart: { result: [{ ...(yahooChart({ symbol: 'SPY', timestamps: ts, closes: [1, 2] }) as any).chart.result[0], timestamp: undefined }], error: null } }, 'invalid'],
      [yahooChart({ symbol: 'SPY', timestamps: ts, closes: [1] }), 'invalid'],
      [yahooChart({ symbol: 'QQQ', timestamps: ts, closes: [1, 2] }), 'invalid'],
      [{ chart: { result: [], error: null } }, 'empty'],
      [NOT_FOUND_CHART, 'not_found'],
      [{ chart: { result: null, error: { code: 'Internal Server Error', description: 'backend down' } } }, 'invalid'],
      [{ finance: { result: null } }, 'invalid'],
    ];
    for (const [body, kind] of cases) {
      let got = 'ok';
      try {
        parseChart('yahoo', 'SPY', body);
      } catch (err) {
        got = err instanceof ProviderError ? err.kind : 'other';
      }
      expect(got, JSON.stringify(body).slice(0, 80)).toBe(kind);
    }
  });

  it('treats a result with meta but no timestamps or closes as an empty range', () => {
    const body = { chart: { result: [{ meta: { symbol: 'SPY' }, indicators: { quote: [{}] } }], error: null } };
    expect(() => parseChart('yahoo', 'SPY', body)).toThrow(/no bars/);
  });
});

describe('yahoo provider over HTTP', () => {
  it('asks chart v8 with period1/period2/interval and returns bars up to `to`', async () => {
    vendor = await startVendor(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: fixture('yahoo-chart-iwm.json') }));
    const yahoo = createYahooProvider({ baseUrl: vendor.baseUrl, http });
    const got = await yahoo.dailyBars('iwm', '2026-11-10', '2026-11-19');
    expect(got.value.map((b) => b.date).at(-1)).toBe('2026-11-19');
    expect(got.asOf).toBe('2026-11-19');
    expect(got.source).toBe('Yahoo Finance');
    const url = vendor.requests[0]!;
    expect(url.pathname).toBe('/v8/finance/chart/IWM');
    expect(url.searchParams.get('interval')).toBe('1d');
    expect(Number(url.searchParams.get('period1'))).toBeLessThanOrEqual(Date.parse('2026-11-10T00:00:00Z') / 1000);
    expect(Number(url.searchParams.get('period2'))).toBeGreaterThan(Date.parse('2026-11-19T00:00:00Z') / 1000);
  });

  it('encodes index symbols and maps Yahoo 404 payloads to not_found', async () => {
    vendor = await startVendor(() => json(NOT_FOUND_CHART, 404));
    const yahoo = createYahooProvider({ baseUrl: vendor.baseUrl, http });
    expect(await kindOf(yahoo.dailyBars('^RUT', '2026-11-01', '2026-11-20'))).toBe('not_found');
    expect(vendor.requests[0]!.pathname).toBe('/v8/finance/chart/%5ERUT');
  });

  it('reads the fed funds strip from per-contract ZQ<M><YY>.CBT symbols; unlisted months are reported, not the end of the strip', async () => {
    const days = [16, 17, 18, 19, 20].map((d) => Date.parse(`2026-11-${d}T06:00:00Z`) / 1000);
    const prices: Record<string, number[]> = {
      'ZQX26.CBT': [96.12, 96.12, 96.125, 96.12, 96.125],
      'ZQZ26.CBT': [96.2, 96.21, 96.22, 96.2, 96.245],
      'ZQG27.CBT': [96.35, 96.36, 96.38, 96.37, 96.4],
    };
    vendor = await startVendor((url) => {
      const symbol = decodeURIComponent(url.pathname.split('/').at(-1)!);
      const p = prices[symbol];
      if (!p) return json(NOT_FOUND_CHART, 404);
      return json(yahooChart({ symbol, timestamps: days, closes: p, exchangeTimezoneName: 'America/Chicago', gmtoffset: -21600, instrumentType: 'FUTURE' }));
    });
    const yahoo = createYahooProvider({ baseUrl: vendor.baseUrl, http, stripMonths: 5 });
    const got = await yahoo.futuresContracts(new Date('2026-11-21T12:00:00Z'));
    expect(got.value.contracts.map((c) => c.month)).toEqual(['2026-11', '2026-12', '2027-02']);
    expect(got.value.missing.map((m) => m.month)).toEqual(['2027-01', '2027-03']);
    expect(got.value.missing[0]!.reason).toMatch(/ZQF27\.CBT.*Not Found/);
    expect(got.asOf).toBe('2026-11-20');
    expect(got.value.contracts[1]!.bars.at(-1)).toEqual({ date: '2026-11-20', close: 96.245 });
    const asked = vendor.requests.map((u) => decodeURIComponent(u.pathname.split('/').at(-1)!));
    // The month before is asked too (its final settlement anchors a meeting this month); absent, it is no hole.
    expect(asked.sort()).toEqual(['ZQF27.CBT', 'ZQG27.CBT', 'ZQH27.CBT', 'ZQV26.CBT', 'ZQX26.CBT', 'ZQZ26.CBT']);
  });

  it('drops an implausible price and a month that fails, keeps the others; fails only when no month answers', async () => {
    const days = [Date.parse('2026-11-19T06:00:00Z') / 1000, Date.parse('2026-11-20T06:00:00Z') / 1000];
    vendor = await startVendor((url) => {
      const symbol = decodeURIComponent(url.pathname.split('/').at(-1)!);
      if (symbol === 'ZQZ26.CBT') return json(yahooChart({ symbol, timestamps: days, closes: [96.2, 9.62], exchangeTimezoneName: 'America/Chicago' }));
      if (symbol === 'ZQF27.CBT') return json(yahooChart({ symbol, timestamps: days, closes: [0, 0], exchangeTimezoneName: 'America/Chicago' }));
      if (symbol === 'ZQG27.CBT') return { status: 500, body: 'Internal Server Error' };
      return json(yahooChart({ symbol, timestamps: days, closes: [96.1, 96.1], exchangeTimezoneName: 'America/Chicago' }));
    });
    const yahoo = createYahooProvider({ baseUrl: vendor.baseUrl, http, stripMonths: 5 });
    const got = await yahoo.futuresContracts(new Date('2026-11-21T12:00:00Z'));
    expect(got.value.contracts.map((c) => c.month)).toEqual(['2026-10', '2026-11', '2026-12', '2027-03']);
    // The bad close of December is dropped (its close of the day before stays), with the reason kept.
    expect(got.value.contracts[2]!.bars).toEqual([{ date: '2026-11-19', close: 96.2 }]);
    expect(got.value.contracts[2]!.dropped).toMatch(/implausible price 9.62 on 2026-11-20/);
    expect(got.value.missing.map((m) => m.month)).toEqual(['2027-01', '2027-02']);
    expect(got.value.missing[0]!.reason).toMatch(/implausible price 0/);
    vendor.handle(() => ({ status: 500 }));
    expect(await kindOf(yahoo.futuresContracts(new Date('2026-11-21T12:00:00Z')))).toBe('http');
    vendor.handle(() => json(NOT_FOUND_CHART, 404));
    expect(await kindOf(yahoo.futuresContracts(new Date('2026-11-21T12:00:00Z')))).toBe('empty');
  });
});
