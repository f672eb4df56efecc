/**
 * What the snapshot builder makes and from which files: one entry per series. `files` of a series are read
 * in order; each later file only extends the series past its last date, rebased at the last common date
 * (so two bases are never joined without rebasing at the overlap). The default manifest names the input
 * files as they are published in the shared public-data collection; the `origin` of each is the public
 * repository, commit and path it was taken from.
 */
import { z } from 'zod';

const InputFile = z.object({
  file: z.string(),
  /** Which column holds the close: Close (default), Adj Close, or Value (close-only files). */
  column: z.enum(['close', 'adj close', 'value']).optional(),
  origin: z.string().optional(),
});

export const Manifest = z.object({
  bars: z.array(
    z.object({
      symbol: z.string().regex(/^\^?[A-Z0-9.=-]+$/),
      basis: z.enum(['price', 'total-return']),
      source: z.string(),
      files: z.array(InputFile).min(1),
      /** Drop closes before this date (keeps the bundle small). */
      from: z.string().optional(),
    }),
  ),
  strips: z.object({ source: z.string(), file: InputFile }).optional(),
  policy: z
    .object({
      source: z.string(),
      /** First day of the policy history (the day after the decision that set the first range). */
      from: z.string(),
      /** FRED DFF files, extended in order (they must agree where they overlap). */
      dff: z.array(InputFile).min(1),
      dfedtaru: InputFile.optional(),
    })
    .optional(),
});
export type Manifest = z.infer<typeof Manifest>;

const ALITALBI = 'alitalbi/storage_data_fy@941406838f8b8a613f95450e8df70f806c1de58a';
const MACRO = 'nickchen494949/macro-observer@e4f3a97eb91b7240d69298869ec0e90acc89b0ab';
const STOOQ = 'lecztomek/momentum-invest@6a0625a6f8065aae9f7a496b4b77bc7b3a908a50';
const YF_ADJ = 'Yahoo Finance adjusted closes (yfinance auto_adjust: dividends and splits)';

/** The manifest the committed bundle was built with (`npm run snapshot:build -- <shared data dir>`). */
export const DEFAULT_MANIFEST: Manifest = {
  bars: [
    { symbol: 'IWM', basis: 'total-return', source: YF_ADJ, files: [{ file: 'yahoo_daily_alitalbi/IWM.csv', origin: `${ALITALBI}:IWM.csv` }] },
    { symbol: 'SPY', basis: 'total-return', source: YF_ADJ, files: [{ file: 'yahoo_daily_alitalbi/SPY.csv', origin: `${ALITALBI}:SPY.csv` }] },
    { symbol: 'QQQ', basis: 'total-return', source: YF_ADJ, files: [{ file: 'yahoo_daily_alitalbi/QQQ.csv', origin: `${ALITALBI}:QQQ.csv` }] },
    {
      symbol: 'IJR',
      basis: 'total-return',
      source: 'Stooq adjusted closes (splits and dividends, Stooq’s adjustment)',
      files: [{ file: 'stooq/ijr.us.txt_stooq_bulk_lecztomek.txt', origin: `${STOOQ}:data/us/nyse/ijr.us.txt` }],
    },
    {
      symbol: '^RUT',
      basis: 'price',
      source: 'Yahoo Finance index closes (Russell 2000, ^RUT)',
      files: [{ file: 'macro_observer/yahoo__RUT.csv', column: 'value', origin: `${MACRO}:csv/yahoo/_RUT.csv` }],
    },
    {
      symbol: '^GSPC',
      basis: 'price',
      source: 'Yahoo Finance index closes (S&P 500, ^GSPC)',
      files: [{ file: 'macro_observer/yahoo__GSPC.csv', column: 'value', origin: `${MACRO}:csv/yahoo/_GSPC.csv` }],
      from: '1985-01-01',
    },
    {
      symbol: '^NDX',
      basis: 'price',
      source: 'Yahoo Finance index closes (Nasdaq 100, ^NDX)',
      files: [{ file: 'yahoo_daily_xjcarter/IDX_NDX.csv', origin: 'xjcarter/data@7d705ada2d3ca483700eb695772e7de9cfc75cbc:^NDX.csv' }],
    },
  ],
  strips: {
    source: 'Yahoo Finance closes of CBOT 30-day fed funds futures per contract month (ZQ<M><YY>.CBT)',
    file: {
      file: 'futures_zq/ZQ_strip_daily_2025-07-30_to_2026-08-06_from_macro-observer_FED_PATH_HISTORY.csv',
      origin: `${MACRO}:data/valuation/FED_PATH_HISTORY.json (reshaped to one row per date and contract month)`,
    },
  },
  policy: {
    source: 'FRED: DFF (effective fed funds rate); target range from DFEDTARU where published, else derived from DFF and FOMC decision days',
    from: '2008-12-17',
    dff: [
      { file: 'macro_observer/fred_DFF.csv', column: 'value', origin: `${MACRO}:csv/fred/DFF.csv` },
      { file: 'fred/DFF_fredgraph_2026_hud-rate-observatory.csv', origin: 'shadowapp-pixel/hud-rate-observatory@0342b2113862518484bf804368fd096b1bdea5df:data/DFF.csv' },
    ],
    dfedtaru: { file: 'fred/DFEDTARU_fredgraph_Noahmizhen.csv', origin: 'Noahmizhen/Noahs-Project@79ba028d8c3bf4fcb5d8291b793451ed817b0bf2:DFEDTARU.csv' },
  },
};
