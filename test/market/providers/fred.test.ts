import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../src/market/http.ts';
import { createFredProvider, parseFredCsv, parseFredJson } from '../../../src/market/providers/fred.ts';
import { fixture } from '../helpers/payloads.ts';
import { csv, html, json, startVendor, type FakeVendor } from '../helpers/server.ts';

const http = createHttp({ retries: 0, timeoutMs: 2_000 });
const today = new Date('2026-11-21T12:00:00Z');
let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

describe('FRED fredgraph CSV', () => {
  it('drops empty holiday values and legacy "." values', () => {
    const obs = parseFredCsv(fixture('fred-EFFR.csv'), 'EFFR');
    expect(obs.map((o) => o.date)).not.toContain('2026-11-11');
    expect(obs.at(-1)).toEqual({ date: '2026-11-19', value: 3.88 });
    expect(parseFredCsv('DATE,DFF\n2026-11-19,3.88\n2026-11-20,.\n', 'DFF')).toEqual([{ date: '2026-11-19', value: 3.88 }]);
  });

  it('rejects the wrong series, HTML and rows it cannot read', () => {
    expect(() => parseFredCsv(fixture('fred-EFFR.csv'), 'DFEDTARU')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseFredCsv('<html><body>Error</body></html>', 'EFFR')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseFredCsv('observation_date,EFFR\n2026-11-19,abc\n', 'EFFR')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseFredCsv('observation_date,EFFR\n2026-11-19,\n', 'EFFR')).toThrow(expect.objectContaining({ kind: 'empty' }));
  });

  it('keyless: reads DFEDTARU, DFEDTARL and EFFR from /graph/fredgraph.csv', async () => {
    vendor = await startVendor((url) => csv(fixture(`fred-${url.searchParams.get('id')}.csv`)));
    const got = await createFredProvider({ baseUrl: vendor.baseUrl, http }).policyRates(today);
    expect(got.value).toEqual({ effr: 3.88, target: [3.75, 4] });
    // The target range is known for the 20th; the effective rate of that day is not published yet.
    expect(got.asOf).toBe('2026-11-20');
    expect(vendor.requests.every((u) => u.pathname === '/graph/fredgraph.csv')).toBe(true);
    expect(vendor.requests.map((u) => u.searchParams.get('id')).sort()).toEqual(['DFEDTARL', 'DFEDTARU', 'EFFR']);
  });
});

describe('FRED API JSON (with FRED_API_KEY)', () => {
  it('reads series/observations with the key, skipping "." values', async () => {
    const seen: URL[] = [];
    vendor = await startVendor((url) => {
      seen.push(url);
      const id = url.searchParams.get('series_id');
      if (id === 'EFFR') return json(fixture('fred-api-EFFR.json'));
      const value = id === 'DFEDTARU' ? '4.00' : '3.75';
      return json({ observations: [{ realtime_start: '2026-11-21', realtime_end: '2026-11-21', date: '2026-11-20', value }] });
    });
    const got = await createFredProvider({ baseUrl: 'http://127.0.0.1:65534', apiBaseUrl: vendor.baseUrl, apiKey: 'k123', http }).policyRates(today);
    expect(got.value).toEqual({ effr: 3.89, target: [3.75, 4] });
    expect(seen.every((u) => u.pathname === '/fred/series/observations' && u.searchParams.get('api_key') === 'k123' && u.searchParams.get('file_type') === 'json')).toBe(true);
  });

  it('rejects error bodies and unexpected shapes', async () => {
    expect(() => parseFredJson({ error_code: 400, error_message: 'Bad Request. The value for variable api_key is not registered.' }, 'EFFR')).toThrow(/api_key/);
    expect(() => parseFredJson({ observations: [{ date: '2026-11-20' }] }, 'EFFR')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseFredJson({ observations: [] }, 'EFFR')).toThrow(expect.objectContaining({ kind: 'empty' }));
    vendor = await startVendor(() => html());
    await expect(createFredProvider({ baseUrl: vendor.baseUrl, apiKey: 'k', http }).policyRates(today)).rejects.toMatchObject({ provider: 'fred' });
  });
});
