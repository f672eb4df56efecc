import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBundleDir } from '../../src/market/history/bundle.ts';
import { encodePolicy, encodeStrips } from '../../src/market/history/format.ts';
import { forgetStoredRates, storedPolicyOn, storedStripOn } from '../../src/market/rates-history.ts';

/** A small bundle in the bundle's own format: ranges around the 2026-07-29 and 2026-09-16 decisions, two strips. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'capwatch-rates-history-'));
  const source = 'test policy';
  const policy = [
    { date: '2026-07-28', lower: 3.5, upper: 3.75, effr: 3.63, source },
    { date: '2026-07-29', lower: 3.5, upper: 3.75, effr: 3.63, source },
    { date: '2026-07-30', lower: 3.5, upper: 3.75, effr: 3.64, source },
    { date: '2026-08-10', lower: 3.5, upper: 3.75, effr: 3.63, source },
  ];
  const strips = [
    { tradeDate: '2026-07-28', quotes: [{ month: '2026-07', price: 96.37 }], source: 'test strips' },
    { tradeDate: '2026-08-06', quotes: [{ month: '2026-08', price: 96.365 }], source: 'test strips' },
  ];
  writeFileSync(join(dir, 'policy.csv.gz'), encodePolicy(policy));
  writeFileSync(join(dir, 'strips.csv.gz'), encodeStrips(strips));
  const span = (from: string, to: string, rows: number, file: string, src: string) => ({ file, source: src, from, to, rows });
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({ bars: [], strips: span('2026-07-28', '2026-08-06', 2, 'strips.csv.gz', 'test strips'), policy: span('2026-07-28', '2026-08-10', 4, 'policy.csv.gz', source) }),
  );
  useBundleDir(dir);
  forgetStoredRates();
});
afterAll(() => {
  useBundleDir();
  forgetStoredRates();
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2026-12-02T15:00:00Z');

describe('stored rates history', () => {
  it('gives the range in force on a day from the nearest row with no decision in between', () => {
    expect(storedPolicyOn('2026-07-29', now)).toMatchObject({ target: [3.5, 3.75], effr: 3.63, asOf: '2026-07-29' });
    // Aug 5 lies between rows of Jul 30 and Aug 10 with no decision: the range is known; the EFFR of a row 6 days away is not.
    expect(storedPolicyOn('2026-08-05', now)).toMatchObject({ target: [3.5, 3.75], asOf: '2026-07-30', effr: null });
    // After the Sep 16 decision the history says nothing (the snapshot's CME check row of Sep 18 comes after it).
    expect(storedPolicyOn('2026-09-17', now)).toMatchObject({ asOf: '2026-09-18', target: [3.75, 4] });
    expect(storedPolicyOn('2026-10-29', now)).toBeNull();
    // Nothing dated after now.
    expect(storedPolicyOn('2026-08-05', new Date('2026-07-29T15:00:00Z'))).toMatchObject({ asOf: '2026-07-29' });
  });

  it('gives the strip of the last trade date on or before a day, never after now', () => {
    expect(storedStripOn('2026-08-01', now)?.tradeDate).toBe('2026-07-28');
    expect(storedStripOn('2026-08-06', now)?.tradeDate).toBe('2026-08-06');
    expect(storedStripOn('2026-09-30', now)?.tradeDate).toBe('2026-09-18');
    expect(storedStripOn('2026-09-30', new Date('2026-08-01T15:00:00Z'))?.tradeDate).toBe('2026-07-28');
    expect(storedStripOn('2026-07-01', now)).toBeNull();
  });
});
