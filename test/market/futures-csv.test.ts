import { describe, it, expect } from 'vitest';
import { parseContractMonth, parseFuturesCsv, parseFuturesCsvByDate, FuturesCsvError } from '../../src/market/futures-csv.ts';

describe('parseContractMonth', () => {
  it('accepts YYYY-MM, CME codes and month names', () => {
    expect(parseContractMonth('2026-10')).toBe('2026-10');
    expect(parseContractMonth('ZQV26')).toBe('2026-10');
    expect(parseContractMonth('zqz27.cbt')).toBe('2027-12');
    expect(parseContractMonth('ZQF27.CBT')).toBe('2027-01');
    expect(parseContractMonth('OCT26')).toBe('2026-10');
    expect(parseContractMonth('Nov 2026')).toBe('2026-11');
    expect(parseContractMonth('2026-13')).toBeUndefined();
    expect(parseContractMonth('ZQA26')).toBeUndefined();
    expect(parseContractMonth('Foo26')).toBeUndefined();
  });
});

describe('parseFuturesCsv', () => {
  it('reads month,price with YYYY-MM months, sorted by month', () => {
    const csv = 'month,price\n2026-11,95.9750\n2026-10,96.1050\n';
    expect(parseFuturesCsv(csv)).toEqual({
      quotes: [
        { month: '2026-10', price: 96.105 },
        { month: '2026-11', price: 95.975 },
      ],
    });
  });

  it('reads contract_month,price with CME codes, CRLF, a BOM, comments, quotes and extra columns', () => {
    const csv = '\uFEFF# settlements\r\ncontract_month,price,implied_rate_pct\r\nZQV26,"96.1050",3.895\r\n\r\nZQX26.CBT,95.975,4.025\r\n';
    expect(parseFuturesCsv(csv).quotes).toEqual([
      { month: '2026-10', price: 96.105 },
      { month: '2026-11', price: 95.975 },
    ]);
  });

  it('takes the trade date from a date column and returns the latest strip', () => {
    const csv = [
      'date,contract_month,price',
      '2026-09-17,2026-10,96.12',
      '2026-09-17,2026-11,95.99',
      '2026-09-18,2026-10,96.105',
      '2026-09-18,2026-11,95.975',
    ].join('\n');
    expect(parseFuturesCsv(csv)).toEqual({
      tradeDate: '2026-09-18',
      quotes: [
        { month: '2026-10', price: 96.105 },
        { month: '2026-11', price: 95.975 },
      ],
    });
    const all = parseFuturesCsvByDate(csv);
    expect(all.map((s) => s.tradeDate)).toEqual(['2026-09-17', '2026-09-18']);
    expect(all[0]!.quotes[1]).toEqual({ month: '2026-11', price: 95.99 });
  });

  it('accepts settle as the price column and trade_date as the date column', () => {
    const csv = 'Trade_Date,Symbol,Settle\n2026-09-18,ZQV26,96.105\n';
    expect(parseFuturesCsv(csv)).toEqual({ tradeDate: '2026-09-18', quotes: [{ month: '2026-10', price: 96.105 }] });
  });

  it('names the line of a bad row', () => {
    expect(() => parseFuturesCsv('month,price\n2026-10,96.1\n2026-11,abc\n')).toThrow(/^line 3: price is not a number$/);
    expect(() => parseFuturesCsv('month,price\n2026-10,100.5\n')).toThrow(/^line 2: price is outside \(0, 100\]$/);
    expect(() => parseFuturesCsv('month,price\n2026-10,0\n')).toThrow(/line 2: price is outside/);
    expect(() => parseFuturesCsv('month,price\nOct-ish,96\n')).toThrow(/^line 2: contract month "Oct-ish" is not YYYY-MM/);
    expect(() => parseFuturesCsv('month,price\n2026-10,96\nZQV26,96.1\n')).toThrow(/^line 3: contract month 2026-10 appears twice$/);
    expect(() => parseFuturesCsv('date,month,price\n18/09/2026,2026-10,96\n')).toThrow(/line 2: trade date is not YYYY-MM-DD/);
    expect(() => parseFuturesCsv('month,price\n2026-10\n')).toThrow(FuturesCsvError);
  });

  it('explains a missing column or an empty file', () => {
    expect(() => parseFuturesCsv('ticker,last\nZQV26,96\n')).toThrow(/^line 1: the header needs a contract month column .* found: ticker, last$/);
    expect(() => parseFuturesCsv('\n\n')).toThrow(/the file is empty/);
    expect(() => parseFuturesCsv('month,price\n')).toThrow(/header but no quotes/);
  });
});
