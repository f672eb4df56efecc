import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileValuationHistory, MemoryValuationHistory } from '../../../src/market/valuation/history.ts';
import type { FundFigure } from '../../../src/market/valuation/types.ts';

const fig = (asOf: string, value: number, fund = 'IWM'): FundFigure => ({ fund, metric: 'pe_trailing', basis: 'fund', value, asOf, provider: 'ishares', source: 'iShares fund characteristics' });
const KEY = { provider: 'ishares', fund: 'IWM', metric: 'pe_trailing', basis: 'fund' } as const;

describe('valuation history', () => {
  it('keeps one observation per figure and date, ascending, nothing dated after now', async () => {
    const h = new MemoryValuationHistory();
    expect(await h.record([fig('2026-11-25', 18.02), fig('2026-11-24', 17.9), fig('2026-11-30', 18.3), fig('2026-11-25', 18.02, 'IVV')], 'x')).toBe(4);
    expect(await h.record([fig('2026-11-25', 18.02)], 'x')).toBe(0);
    const got = await h.series(KEY, new Date('2026-11-26T21:00:00Z'));
    expect(got.map((f) => [f.asOf, f.value])).toEqual([['2026-11-24', 17.9], ['2026-11-25', 18.02]]);
  });

  it('survives a restart in its file and shrugs off a torn last line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'capwatch-vh-')), 'valuations.jsonl');
    const a = new FileValuationHistory(file);
    await a.record([fig('2026-11-24', 17.9), fig('2026-11-25', 18.02)], '2026-11-25T22:00:00Z');
    await a.record([fig('2026-11-25', 18.02)], '2026-11-26T22:00:00Z');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const b = new FileValuationHistory(file);
    expect((await b.series(KEY, new Date('2026-12-01T00:00:00Z'))).map((f) => f.value)).toEqual([17.9, 18.02]);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(file, '{"fund":"IWM","metr');
    expect((await new FileValuationHistory(file).series(KEY, new Date('2026-12-01T00:00:00Z'))).length).toBe(2);
  });
});
