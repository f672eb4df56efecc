import { describe, expect, it } from 'vitest';
import { contractMonths, KNOWN_SYMBOLS, normalizeSymbol, stooqSymbol, yahooSymbol, zqContractSymbol } from '../../src/market/symbols.ts';
import { UnknownSymbolError } from '../../src/market/types.ts';

describe('symbols', () => {
  it('accepts the tracked ETFs and indices and any ticker, case-insensitively', () => {
    for (const s of KNOWN_SYMBOLS) expect(normalizeSymbol(s.toLowerCase())).toBe(s);
    expect(normalizeSymbol(' aapl ')).toBe('AAPL');
    expect(normalizeSymbol('brk-b')).toBe('BRK-B');
    expect(normalizeSymbol('spx')).toBe('^GSPC');
    expect(normalizeSymbol('rut')).toBe('^RUT');
  });

  it('rejects text that cannot be a ticker with UnknownSymbolError naming it', () => {
    for (const bad of ['', 'small caps', 'SPY;DROP', '$$$', '^', 'A..B', 'TOOLONGTICKERNAME123', 'IWM-']) {
      expect(() => normalizeSymbol(bad), bad).toThrow(UnknownSymbolError);
    }
    expect(() => normalizeSymbol('small caps')).toThrow('Unknown symbol "small caps"');
  });

  it('maps symbols per provider', () => {
    expect(yahooSymbol('iwm')).toBe('IWM');
    expect(yahooSymbol('^gspc')).toBe('^GSPC');
    expect(stooqSymbol('SPY')).toBe('spy.us');
    expect(stooqSymbol('IWM')).toBe('iwm.us');
    expect(stooqSymbol('^GSPC')).toBe('^spx');
    expect(stooqSymbol('^NDX')).toBe('^ndx');
    expect(stooqSymbol('^RUT')).toBeNull();
    expect(stooqSymbol('ZQF26.CBT')).toBeNull();
  });

  it('spells fed funds futures contracts ZQ<month code><yy>.CBT', () => {
    expect(zqContractSymbol('2026-01')).toBe('ZQF26.CBT');
    expect(zqContractSymbol('2026-10')).toBe('ZQV26.CBT');
    expect(zqContractSymbol('2027-12')).toBe('ZQZ27.CBT');
    expect(() => zqContractSymbol('2026-13')).toThrow();
    expect(contractMonths(new Date('2026-11-21T00:00:00Z'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
