/**
 * The curated part of the offline snapshot: figures as published in the articles the project started from,
 * each with its source and as-of date, plus the fed funds futures settlements of CME's published FedWatch
 * check. Daily history (closes, strips, rates) is the bundle in src/market/history.
 * Operators override curated figures with `capwatch curate set`; live providers supersede the rest.
 * Curated keys name the period they are for (src/market/curated-keys.ts): the Q2 figures are of Q2 2025,
 * the earnings season the articles of September 2025 reported on.
 */
import type { CuratedFigure, FuturesStrip } from './types.ts';

const BENZINGA = 'Benzinga (LSEG, Bloomberg, Barclays Research data)';
const AINVEST = 'AInvest MarketPulse (Ned Davis Research)';
const CME = 'CME Group fed funds futures settlements';

export const SNAPSHOT_DATE = '2025-09-10';

export const snapshotCurated: CuratedFigure[] = [
  { key: 'valuation.forward_pe.small', label: 'Russell 2000 forward P/E', value: 13.6, unit: 'x', source: AINVEST, asOf: '2025-08-28' },
  { key: 'valuation.forward_pe.large', label: 'S&P 500 forward P/E', value: 17.2, unit: 'x', source: AINVEST, asOf: '2025-08-28' },
  { key: 'valuation.ev_ebitda.premium', label: 'Russell 2000 EV/EBITDA premium over the S&P 490 (ex financials)', value: 3.7, unit: '%', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'valuation.ev_ebitda.median_10y', label: '10-year median EV/EBITDA premium', value: 8.2, unit: '%', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'earnings.eps_growth.2026.small', label: 'Small-cap EPS growth projected for 2026', value: 18.4, unit: '%', source: AINVEST, asOf: '2025-08-28' },
  { key: 'earnings.eps_growth.2026.large', label: 'S&P 500 EPS growth projected for 2026', value: 9.8, unit: '%', source: AINVEST, asOf: '2025-08-28' },
  { key: 'earnings.eps_yoy.2025q2.small', label: 'Small-cap Q2 2025 EPS growth, year over year', value: 12.1, unit: '%', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'earnings.sales_yoy.2025q2.small', label: 'Small-cap Q2 2025 sales growth, year over year', value: -5.0, unit: '%', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'earnings.ntm_growth_ytd.small', label: 'Small-cap NTM earnings growth, year to date', value: 3.7, unit: '%', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'ratecuts.cuts_by_2025_end', label: 'Fed cuts priced by the end of 2025 (close to)', value: 3, unit: 'cuts', source: BENZINGA, asOf: '2025-09-10' },
  { key: 'concentration.top10_share_of_gains', label: 'Share of S&P 500 market-cap gains from its top 10 stocks since January 2021', value: 54, unit: '%', source: BENZINGA, asOf: '2025-07-31' },
];

/** Settlements behind CME's published FedWatch numbers for trade date 2026-09-18. */
export const snapshotFutures: Omit<FuturesStrip, 'provenance'> & { source: string } = {
  tradeDate: '2026-09-18',
  quotes: [
    { month: '2026-10', price: 96.105 },
    { month: '2026-11', price: 95.975 },
  ],
  source: CME,
};

/** Target range in force on the futures trade date above. */
export const snapshotPolicy = {
  target: [3.75, 4.0] as [number, number],
  effr: null,
  asOf: '2026-09-18',
  source: 'Federal Reserve target range (CME FedWatch)',
};
