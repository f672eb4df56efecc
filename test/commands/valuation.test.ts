import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { startVendor, type FakeVendor } from '../market/helpers/server.ts';

// The issuers' pages are served by a local server in their real markup (fixtures and their evidence in
// test/fixtures/issuers/); every other vendor points at a closed port.
const CLOSED = 'http://127.0.0.1:65534';
const page = (name: string) => readFileSync(new URL(`../fixtures/issuers/${name}`, import.meta.url), 'utf8');
const PAGES: Record<string, string> = {
  '/us/products/239710/ishares-russell-2000-etf': page('ishares-iwm-product-data-item.html'),
  '/us/products/239726/ishares-core-sp-500-etf': page('ishares-ivv-data-item-rows.html'),
  '/us/products/239774/ishares-core-sp-smallcap-etf': page('ishares-ijr-componentprops.html'),
  '/us/en/intermediary/etfs/spdr-sp-500-etf-trust-spy': page('ssga-spy.html'),
};

let issuers: FakeVendor;
const agents: string[] = [];
beforeAll(async () => {
  issuers = await startVendor((url, req) => {
    agents.push(req.headers['user-agent'] ?? '');
    const body = PAGES[url.pathname];
    return body ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body } : { status: 404, body: 'not found' };
  });
});
afterAll(() => issuers.close());

async function valuation(dataDir: string, now: string, issuerUrl: string) {
  const env = {
    DATA_DIR: dataDir,
    CAPWATCH_NOW: now,
    YAHOO_BASE_URL: CLOSED,
    STOOQ_BASE_URL: CLOSED,
    NYFED_BASE_URL: CLOSED,
    FRED_BASE_URL: CLOSED,
    ISHARES_BASE_URL: issuerUrl,
    SSGA_BASE_URL: issuerUrl,
    LOG_LEVEL: 'silent',
  };
  const out: string[] = [];
  const code = await runCli(['run', 'valuation', '--json', '--chart'], env, { out: (s) => out.push(s), err: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')).reply;
}

describe('valuation from live issuer pages', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-valuation-'));

  it('reports live trailing P/E of small and large caps with the issuer, its date and the gap, the published forward figures beside them', async () => {
    const reply = await valuation(dataDir, '2026-11-30T21:00:00Z', issuers.baseUrl);
    const t = reply.data.trailingPE;
    expect(t).toMatchObject({ small: 18.02, large: 27.61, source: 'iShares fund characteristics', asOf: '2026-11-25', stale: false, kind: 'trailing P/E, iShares fund data' });
    expect(t.gapPct).toBeCloseTo((18.02 / 27.61 - 1) * 100, 3);
    expect(t.smallFund).toMatchObject({ fund: 'IWM', index: 'Russell 2000', asOf: '2026-11-25' });
    expect(t.largeFund).toMatchObject({ fund: 'IVV', index: 'S&P 500' });
    expect(t.history).toMatchObject({ basis: 'published', observations: 1, needed: 250 });
    // The contract's published part, each side with its own date, and the issuer's forward figure beside it.
    expect(reply.data.forwardPE).toMatchObject({ small: 13.6, large: 17.2, gapPct: -20.9302, asOf: '2025-08-28' });
    expect(reply.data.forwardPE.smallSource).toMatchObject({ asOf: '2025-08-28', stale: true });
    expect(reply.data.forwardPE.largeLive).toMatchObject({ fund: 'SPY', value: 23.41, asOf: '2026-11-25', stale: false });
    expect(reply.data.evEbitda).toMatchObject({ premiumPct: 3.7, medianPct: 8.2 });
    // Fresh live figures read in the present; the 2025 research figures state their date, in the past.
    expect(reply.commentary).toContain('On iShares fund data as of Nov 25, 2026, the Russell 2000 (IWM) trades at 18.0x trailing earnings against 27.6x for the S&P 500 (IVV), a 35% discount.');
    expect(reply.commentary).toContain('As of Aug 28, 2025, the Russell 2000 traded at 13.6x forward earnings against 17.2x for the S&P 500, a 21% discount.');
    expect(reply.commentary).toContain('As of Sep 10, 2025, its EV/EBITDA premium over the S&P 490 (ex financials) was 3.7%, less than half its published 10-year median of 8.2%.');
    const names = reply.sources.map((s: { name: string; asOf: string }) => `${s.name} @ ${s.asOf}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'Trailing P/E, Russell 2000 (IWM) (iShares fund characteristics) @ 2026-11-25',
        'Trailing P/E, S&P 500 (IVV) (iShares fund characteristics) @ 2026-11-25',
        'Forward P/E (FY1), S&P 500 (SPY) (SSGA (State Street) SPY characteristics) @ 2026-11-25',
        'Forward P/E, Russell 2000 (AInvest MarketPulse (Ned Davis Research)) @ 2025-08-28',
      ]),
    );
    expect(issuers.count('/us/products/')).toBe(3);
    expect(agents.every((a) => /^Mozilla\/5\.0 \(X11; Linux x86_64\) AppleWebKit.*Chrome/.test(a))).toBe(true);
    // The chart's footer lists each figure's own date.
    expect(reply.chart.alt).toContain('Source: trailing P/E iShares Nov 25, 2026; forward P/E AInvest MarketPulse Aug 28, 2025; EV/EBITDA Benzinga Sep 10, 2025');
    const fields = reply.sections.flatMap((s: { fields: Array<{ key: string; value: number }> }) => s.fields).map((f: { key: string }) => f.key);
    expect(fields).toEqual(expect.arrayContaining(['trailingPE.small', 'trailingPE.large', 'trailingPE.gap', 'forwardPE.small', 'forwardPE.largeLive']));
  });

  it('with the issuers down, answers from the last live figures, labelled stale', async () => {
    // Four days on, the cached pages are past their age limit and the issuers do not answer.
    const reply = await valuation(dataDir, '2026-12-04T21:00:00Z', CLOSED);
    expect(reply.data.trailingPE).toMatchObject({ small: 18.02, large: 27.61, asOf: '2026-11-25', stale: true });
    expect(reply.commentary).toContain('As of Nov 25, 2026 (iShares fund data), the Russell 2000 (IWM) traded at 18.0x trailing earnings');
    expect(reply.sources.find((s: { name: string }) => s.name.startsWith('Trailing P/E, Russell 2000'))).toMatchObject({ stale: true });
  });

  it('long after, when even the cache has let go, the stored observations answer, labelled stale and stored', async () => {
    const reply = await valuation(dataDir, '2027-01-20T21:00:00Z', CLOSED);
    expect(reply.data.trailingPE).toMatchObject({ small: 18.02, stale: true, smallFund: { stored: true } });
    expect(reply.sources.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Trailing P\/E, Russell 2000 \(IWM\), last stored/)]));
  });

  it('never uses a figure dated after now, and then says why there is no live gap', async () => {
    const reply = await valuation(mkdtempSync(join(tmpdir(), 'capwatch-valuation-')), '2026-11-20T21:00:00Z', issuers.baseUrl);
    expect(reply.data.trailingPE).toBeNull();
    expect(reply.data.forwardPE.largeLive).toBeUndefined();
    expect(reply.notes.join(' ')).toMatch(/No live trailing P\/E gap/);
    expect(reply.data.forwardPE).toMatchObject({ small: 13.6, large: 17.2 });
  });
});
