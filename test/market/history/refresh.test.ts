/** `capwatch snapshot refresh` against the local vendor servers (Yahoo chart v8 JSON, FRED fredgraph CSV). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.ts';
import { bundledBars, bundledPolicy, bundledStrips, useBundleDir } from '../../../src/market/history/bundle.ts';
import { csv } from '../helpers/server.ts';
import { closeOf, DATES, startVendors, ZQ_PRICES, type Vendors } from '../helpers/vendors.ts';

// fredgraph CSV as fred.stlouisfed.org/graph/fredgraph.csv sends it: observation_date,<ID>, empty when missing.
const FRED: Record<string, string> = {
  DFF: 'observation_date,DFF\n2026-11-16,3.63\n2026-11-17,3.63\n2026-11-18,\n2026-11-19,3.64\n2026-11-20,3.64\n',
  DFEDTARU: 'observation_date,DFEDTARU\n2026-11-16,3.75\n2026-11-17,3.75\n2026-11-18,3.75\n2026-11-19,3.75\n2026-11-20,3.75\n',
};

let v: Vendors;
let out: string;
beforeEach(async () => {
  v = await startVendors();
  v.fred.handle((url) => csv(FRED[url.searchParams.get('id') ?? ''] ?? '', FRED[url.searchParams.get('id') ?? ''] ? 200 : 404));
  out = mkdtempSync(join(tmpdir(), 'capwatch-refresh-'));
});
afterEach(async () => {
  useBundleDir();
  await v.close();
  rmSync(out, { recursive: true, force: true });
});

async function refresh() {
  const lines: string[] = [];
  const errors: string[] = [];
  const env = {
    DATA_DIR: out,
    CAPWATCH_NOW: '2026-11-21T15:00:00Z',
    YAHOO_BASE_URL: v.yahoo.baseUrl,
    STOOQ_BASE_URL: v.stooq.baseUrl,
    NYFED_BASE_URL: v.nyfed.baseUrl,
    FRED_BASE_URL: v.fred.baseUrl,
  };
  const code = await runCli(['snapshot', 'refresh', '--out', join(out, 'bundle')], env, { out: (s) => lines.push(s), err: (s) => errors.push(s) });
  return { code, lines, errors };
}

describe('capwatch snapshot refresh', () => {
  it('rewrites the bundle from the live providers, ETFs adjusted and indices as levels', async () => {
    const { code, lines, errors } = await refresh();
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^Bundled history written to .*bundle: 11 series/);
    useBundleDir(join(out, 'bundle'));
    const iwm = bundledBars('IWM')!;
    expect(iwm.basis).toBe('total-return');
    expect(iwm.bars.at(-1)).toEqual({ date: '2026-11-20', close: closeOf('IWM', DATES.length - 1) });
    // Yahoo has MDY: a refresh fills what the public inputs lacked.
    expect(bundledBars('MDY')?.bars.length).toBe(DATES.length);
    expect(bundledBars('^RUT')!.basis).toBe('price');
    const strips = bundledStrips();
    expect(strips.at(-1)).toEqual({
      tradeDate: '2026-11-20',
      source: expect.stringMatching(/fed funds futures/),
      quotes: Object.values(ZQ_PRICES).map((price, i) => ({ month: ['2026-11', '2026-12', '2027-01', '2027-02'][i], price })),
    });
    // Earlier trade dates of the bundle in the repository are kept.
    expect(strips[0]!.tradeDate).toBe('2025-07-30');
    expect(bundledPolicy().at(-1)).toMatchObject({ date: '2026-11-20', lower: 3.5, upper: 3.75, effr: 3.64 });
    expect(bundledPolicy().find((p) => p.date === '2026-11-18')).toMatchObject({ effr: null, upper: 3.75 });
  });

  it('writes nothing and exits 1 when a provider fails', async () => {
    v.yahoo.handle(() => ({ status: 500, body: 'down' }));
    const { code, errors } = await refresh();
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/yahoo/);
    expect(() => {
      useBundleDir(join(out, 'bundle'));
      return bundledBars('IWM');
    }).toThrow();
  });
});
