import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../src/market/http.ts';
import { createNyFedProvider, parseNyFed } from '../../../src/market/providers/nyfed.ts';
import { fixture } from '../helpers/payloads.ts';
import { html, json, startVendor, type FakeVendor } from '../helpers/server.ts';

const http = createHttp({ retries: 0, timeoutMs: 2_000 });
let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

const row = (effectiveDate: string, percentRate: number, from = 3.75, to = 4) => ({
  effectiveDate,
  type: 'EFFR',
  percentRate,
  percentPercentile1: percentRate - 0.03,
  targetRateFrom: from,
  targetRateTo: to,
  volumeInBillions: 100,
  revisionIndicator: '',
});

describe('NY Fed EFFR', () => {
  it('reads last/1.json into the rate, the target range and its date', async () => {
    vendor = await startVendor(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: fixture('nyfed-effr-last-1.json') }));
    const got = await createNyFedProvider({ baseUrl: vendor.baseUrl, http }).policyRates(new Date('2026-11-21T00:00:00Z'));
    expect(got).toEqual({ value: { effr: 3.88, target: [3.75, 4] }, source: expect.stringContaining('New York'), asOf: '2026-11-19' });
    expect(vendor.requests[0]!.pathname).toBe('/api/rates/unsecured/effr/last/1.json');
  });

  it('takes the newest row of a search.json answer (newest first or not)', () => {
    const got = parseNyFed({ refRates: [row('2026-11-18', 3.87), row('2026-11-19', 3.89), row('2026-11-17', 3.86)] });
    expect(got.asOf).toBe('2026-11-19');
    expect(got.value.effr).toBe(3.89);
  });

  it('rejects empty, partial and foreign payloads', async () => {
    expect(() => parseNyFed({ refRates: [] })).toThrow(expect.objectContaining({ kind: 'empty' }));
    const partial = row('2026-11-19', 3.88) as Record<string, unknown>;
    delete partial.targetRateTo;
    expect(() => parseNyFed({ refRates: [partial] })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseNyFed({ refRates: [{ ...row('2026-11-19', 3.88), percentRate: null }] })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseNyFed({ error: 'nope' })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    vendor = await startVendor(() => html());
    await expect(createNyFedProvider({ baseUrl: vendor.baseUrl, http }).policyRates(new Date())).rejects.toMatchObject({ provider: 'nyfed', kind: 'invalid' });
    vendor.handle(() => json('{"refRates": [ {"effectiveDate": "2026-11-19", "type": "EF'));
    await expect(createNyFedProvider({ baseUrl: vendor.baseUrl, http }).policyRates(new Date())).rejects.toThrow(/truncated/);
  });
});
