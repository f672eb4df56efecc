/**
 * The snapshot builder over vendor files written here in the vendors' formats: Yahoo CSV in both header
 * orders (classic download and yfinance >= 0.2.51, as in xjcarter/data and alitalbi/storage_data_fy), Stooq's
 * daily CSV and bulk `<TICKER>,<PER>,<DATE>,...` files, FRED fredgraph (`observation_date`, empty = missing)
 * and legacy (`DATE`, '.' = missing) CSV, and the futures strip CSV `date,contract_month,price`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { extendBars } from '../../../src/market/history/build.ts';
import { runBuild } from '../../../src/market/history/build-cli.ts';
import { bundledBars, bundledPolicy, bundledSpan, bundledStrips, useBundleDir } from '../../../src/market/history/bundle.ts';
import { derivePolicy, PolicyCheckError } from '../../../src/market/history/policy-derive.ts';
import { parseBarsCsv, parseFredCsv, VendorFormatError } from '../../../src/market/history/vendor-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'capwatch-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useBundleDir());

const FILES: Record<string, string> = {
  'IWM.csv': 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,200,201,199,200.5,195.25,1000\n2024-01-03,null,null,null,null,null,null\n2024-01-04,199,200,198,199.5,194.5,900\n2024-01-05,199,201,198,201,196,800\n',
  'SPY.csv': 'Date,Close,High,Low,Open,Volume\n2024-01-02,463.893,464.1,460.0,461.0,1\n2024-01-04,461.000,462.0,459.0,460.0,1\n2024-01-05,462.5,463,461,462,1\n',
  'spy_us_d.csv': 'Date,Open,High,Low,Close,Volume\n2024-01-05,462,463,461,925,1\n2024-01-08,925,940,920,936,1\n',
  'ijr.us.txt': '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nIJR.US,D,20240102,000000,100,101,99,100.25,5,0\nIJR.US,D,20240104,000000,100,101,99,101.5,5,0\n',
  'RUT.csv': 'Date,Value\n2024-01-02,2010.5\n2024-01-04,2020.25\n2024-01-05,2030\n',
  'DFF.csv': 'observation_date,DFF\n2022-03-10,0.08\n2022-03-11,0.08\n2022-03-12,\n2022-03-13,0.08\n2022-03-14,0.30\n2022-03-15,0.08\n2022-03-16,0.08\n2022-03-17,0.33\n2022-03-18,0.33\n',
  'DFF_legacy.csv': 'DATE,DFF\n2022-03-18,0.33\n2022-03-19,.\n2022-03-20,0.33\n',
  'DFEDTARU.csv': 'observation_date,DFEDTARU\n2022-03-16,0.25\n2022-03-17,0.50\n',
  'strip.csv': 'date,contract_month,price,implied_rate_pct\n2025-07-30,2025-09,95.75,4.25\n2025-07-30,2025-08,95.67,4.33\n2025-07-31,2025-08,95.675,4.325\n',
};
for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);

const manifest = {
  bars: [
    { symbol: 'IWM', basis: 'total-return', source: 'Yahoo adjusted', files: [{ file: 'IWM.csv', column: 'adj close' }] },
    { symbol: 'SPY', basis: 'total-return', source: 'Yahoo adjusted, then Stooq', files: [{ file: 'SPY.csv' }, { file: 'spy_us_d.csv' }] },
    { symbol: 'IJR', basis: 'total-return', source: 'Stooq', files: [{ file: 'ijr.us.txt' }] },
    { symbol: '^RUT', basis: 'price', source: 'Yahoo index', files: [{ file: 'RUT.csv', column: 'value' }] },
  ],
  strips: { source: 'Yahoo ZQ', file: { file: 'strip.csv' } },
  policy: { source: 'FRED', from: '2022-03-10', dff: [{ file: 'DFF.csv' }, { file: 'DFF_legacy.csv' }], dfedtaru: { file: 'DFEDTARU.csv' } },
};
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));

describe('npm run snapshot:build', () => {
  it('turns vendor files into the bundle the loader reads', () => {
    const out = join(dir, 'out');
    const lines: string[] = [];
    expect(runBuild([dir, '--manifest', join(dir, 'manifest.json'), '--out', out], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('IWM: 3 closes 2024-01-02 to 2024-01-05 (total-return)');
    useBundleDir(out);
    expect(bundledBars('IWM')).toEqual({
      symbol: 'IWM',
      basis: 'total-return',
      source: 'Yahoo adjusted',
      bars: [{ date: '2024-01-02', close: 195.25 }, { date: '2024-01-04', close: 194.5 }, { date: '2024-01-05', close: 196 }],
    });
    // Stooq's closes extend SPY past 2024-01-05, rebased there: 936 * 462.5 / 925.
    expect(bundledBars('spy')!.bars.at(-1)).toEqual({ date: '2024-01-08', close: 468 });
    expect(bundledBars('IJR')!.bars.map((b) => b.date)).toEqual(['2024-01-02', '2024-01-04']);
    expect(bundledBars('^RUT')!.basis).toBe('price');
    expect(bundledBars('MDY')).toBeNull();
    expect(bundledStrips()).toEqual([
      { tradeDate: '2025-07-30', source: 'Yahoo ZQ', quotes: [{ month: '2025-08', price: 95.67 }, { month: '2025-09', price: 95.75 }] },
      { tradeDate: '2025-07-31', source: 'Yahoo ZQ', quotes: [{ month: '2025-08', price: 95.675 }] },
    ]);
    const policy = bundledPolicy();
    // The one-day excursion to 0.30 on 2022-03-14 does not move the range; the 2022-03-16 decision does, the next day.
    expect(policy.find((p) => p.date === '2022-03-14')).toMatchObject({ lower: 0, upper: 0.25, effr: 0.3 });
    expect(policy.find((p) => p.date === '2022-03-12')).toMatchObject({ lower: 0, upper: 0.25, effr: null });
    expect(policy.find((p) => p.date === '2022-03-17')).toMatchObject({ lower: 0.25, upper: 0.5, effr: 0.33 });
    expect(policy.at(-1)).toMatchObject({ date: '2022-03-20', lower: 0.25, upper: 0.5, effr: 0.33 });
    expect(bundledSpan()).toEqual({
      bars: { from: '2024-01-02', to: '2024-01-08' },
      strips: { from: '2025-07-30', to: '2025-07-31' },
      policy: { from: '2022-03-10', to: '2022-03-20' },
    });
  });

  it('builds the same bytes twice', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    runBuild([dir, '--manifest', join(dir, 'manifest.json'), '--out', a], () => {});
    runBuild([dir, '--manifest', join(dir, 'manifest.json'), '--out', b], () => {});
    for (const f of ['index.json', 'bars-SPY.csv.gz', 'policy.csv.gz', 'strips.csv.gz']) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
  });
});

describe('vendor formats and checks', () => {
  it('reads either Yahoo header order, Stooq bulk dates and FRED gaps', () => {
    expect(parseBarsCsv(FILES['SPY.csv']!, 'SPY.csv')[0]).toEqual({ date: '2024-01-02', close: 463.893 });
    expect(parseBarsCsv(FILES['IWM.csv']!, 'IWM.csv')).toHaveLength(3);
    expect(parseBarsCsv(FILES['ijr.us.txt']!, 'ijr.us.txt')[1]).toEqual({ date: '2024-01-04', close: 101.5 });
    expect(parseFredCsv(FILES['DFF_legacy.csv']!, 'DFF_legacy.csv').map((o) => o.date)).toEqual(['2022-03-18', '2022-03-20']);
    expect(() => parseBarsCsv('Date,Close\n2024-02-30,1\n', 'bad.csv')).toThrow(VendorFormatError);
    expect(() => parseBarsCsv('when,price\n2024-01-02,1\n', 'odd.csv')).toThrow(/no date and "value" columns/);
  });

  it('never joins two sources without a common date to rebase at', () => {
    const base = [{ date: '2024-01-02', close: 10 }];
    expect(() => extendBars(base, [{ date: '2024-01-03', close: 20 }], 'next.csv')).toThrow(/no close on that date to rebase at/);
    expect(extendBars(base, [{ date: '2024-01-02', close: 20 }, { date: '2024-01-03', close: 22 }], 'next.csv')).toEqual([...base, { date: '2024-01-03', close: 11 }]);
  });

  it('refuses a derived target range that disagrees with DFEDTARU', () => {
    const dff = [{ date: '2022-03-17', value: 0.33 }, { date: '2022-03-18', value: 0.33 }];
    expect(() => derivePolicy(dff, ['2022-03-16'], '2022-03-17', [{ date: '2022-03-18', value: 1 }])).toThrow(PolicyCheckError);
  });
});
