import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../src/market/http.ts';
import { createISharesProvider, parseISharesPage } from '../../../src/market/providers/ishares.ts';
import { createSsgaProvider, parseSsgaPage } from '../../../src/market/providers/ssga.ts';
import { html, startVendor, type FakeVendor } from '../helpers/server.ts';

const page = (name: string) => readFileSync(new URL(`../../fixtures/issuers/${name}`, import.meta.url), 'utf8');
const http = createHttp({ retries: 0, timeoutMs: 2_000 });
const htmlReply = (body: string, status = 200) => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

const pick = (figs: ReturnType<typeof parseISharesPage>, metric: string) => figs.find((f) => f.metric === metric);

describe('iShares product pages', () => {
  it('reads the div.product-data-item layout: P/E and P/B with their own dates', () => {
    const figs = parseISharesPage(page('ishares-iwm-product-data-item.html'), 'IWM');
    expect(pick(figs, 'pe_trailing')).toMatchObject({ fund: 'IWM', value: 18.02, asOf: '2026-11-25', provider: 'ishares', basis: 'fund' });
    expect(pick(figs, 'pb')).toMatchObject({ value: 2.05, asOf: '2026-11-25' });
  });

  it('reads the tr.data-item rows with the date printed after the table', () => {
    const figs = parseISharesPage(page('ishares-ivv-data-item-rows.html'), 'IVV');
    expect(pick(figs, 'pe_trailing')).toMatchObject({ value: 27.61, asOf: '2026-11-25' });
    expect(pick(figs, 'pb')).toMatchObject({ value: 5.21 });
  });

  it('reads the component data embedded as escaped JSON', () => {
    const figs = parseISharesPage(page('ishares-ijr-componentprops.html'), 'IJR');
    expect(pick(figs, 'pe_trailing')).toMatchObject({ value: 16.84, asOf: '2026-11-25' });
    expect(pick(figs, 'pb')).toMatchObject({ value: 1.87 });
  });

  it('reads the older span layout and the UK date form', () => {
    const old = `<div id="fundamentalsAndRisk"><div><div class="float-left in-left col-priceEarnings"><span class="caption">P/E Ratio</span>
      <span class="as-of-date">as of 29/May/2026</span><span class="data"> 29.16 </span></div></div></div>`;
    expect(parseISharesPage(old, 'IWM')).toEqual([expect.objectContaining({ metric: 'pe_trailing', value: 29.16, asOf: '2026-05-29' })]);
  });

  it('refuses a page without a P/E, with a P/E without a date, or with two P/Es that disagree', () => {
    expect(() => parseISharesPage('<html><body>Maintenance</body></html>', 'IWM')).toThrow(/no P\/E/);
    expect(() => parseISharesPage('<div class="product-data-item col-priceEarnings"><div class="data">18.0</div></div>', 'IWM')).toThrow(/unreadable/);
    const two = page('ishares-iwm-product-data-item.html') + page('ishares-ivv-data-item-rows.html');
    expect(() => parseISharesPage(two, 'IWM')).toThrow(/conflicting/);
  });

  it('fetches /us/products/<id>/<slug> over HTTP with a browser-like agent; a robot wall is not a page', async () => {
    vendor = await startVendor((url) => htmlReply(url.pathname.includes('239710') ? page('ishares-iwm-product-data-item.html') : 'nope', 200));
    const ishares = createISharesProvider({ baseUrl: vendor.baseUrl, http });
    const got = await ishares.fundPage('IWM');
    expect(vendor.requests[0]!.pathname).toBe('/us/products/239710/ishares-russell-2000-etf');
    expect(pick(got.figures, 'pe_trailing')?.value).toBe(18.02);
    vendor.handle(() => html());
    await expect(ishares.fundPage('IWM')).rejects.toMatchObject({ provider: 'ishares', kind: 'invalid' });
    vendor.handle(() => htmlReply('', 404));
    await expect(ishares.fundPage('IWM')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(ishares.fundPage('QQQ')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('SSGA SPY page', () => {
  it('reads trailing and forward P/E of the index, forward P/E and P/B of the fund, each with its section date', () => {
    const figs = parseSsgaPage(page('ssga-spy.html'), 'SPY');
    expect(figs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'pe_trailing', basis: 'index', value: 27.95, asOf: '2026-11-25', provider: 'ssga' }),
        expect.objectContaining({ metric: 'pe_forward', basis: 'index', value: 23.41 }),
        expect.objectContaining({ metric: 'pe_forward', basis: 'fund', value: 23.41 }),
        expect.objectContaining({ metric: 'pb', basis: 'fund', value: 5.3 }),
      ]),
    );
  });

  it('keeps the labels apart from their info bubbles and skips figures printed as "-"', () => {
    const dash = page('ssga-spy.html').replace('<td class="data">27.95</td>', '<td class="data">-</td>');
    expect(parseSsgaPage(dash, 'SPY').some((f) => f.metric === 'pe_trailing')).toBe(false);
  });

  it('refuses a page without characteristics or without their date', () => {
    expect(() => parseSsgaPage('<html><body><h1>SPY</h1></body></html>', 'SPY')).toThrow(/no P\/E/);
    expect(() => parseSsgaPage(page('ssga-spy.html').replaceAll('<span class="date">as of Nov 25 2026</span>', ''), 'SPY')).toThrow(/date missing/);
  });

  it('fetches the SPY page over HTTP', async () => {
    vendor = await startVendor(() => htmlReply(page('ssga-spy.html')));
    const got = await createSsgaProvider({ baseUrl: `${vendor.baseUrl}/`, http }).fundPage('SPY');
    expect(vendor.requests[0]!.pathname).toBe('/us/en/intermediary/etfs/spdr-sp-500-etf-trust-spy');
    expect(got.figures.length).toBe(4);
  });
});
