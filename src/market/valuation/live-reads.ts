/** The fund valuation part of the live MarketData: issuer providers, their HTTP client, the history. */
import type { Store } from '../../store/open.ts';
import type { MarketCache } from '../cache.ts';
import type { ChainContext } from '../chain.ts';
import { createHttp, type HttpOptions } from '../http.ts';
import type { SourceStatus } from '../status.ts';
import type { MarketData } from '../types.ts';
import { storeValuationHistory, type ValuationHistory } from './history.ts';
import { BROWSER_USER_AGENT } from './issuer-dates.ts';
import { createFundValuation, type FundValuationAnswer, type IssuerReader } from './service.ts';

export const DEFAULT_ISSUER_URLS = { isharesBaseUrl: 'https://www.ishares.com', ssgaBaseUrl: 'https://www.ssga.com' } as const;

/** Small caps first, then large caps: the pages read on every valuation answer. */
export const VALUATION_PAGES = [
  { provider: 'ishares', fund: 'IWM' },
  { provider: 'ishares', fund: 'IJR' },
  { provider: 'ishares', fund: 'IVV' },
  { provider: 'ssga', fund: 'SPY' },
] as const;

export interface ValuationReadsOptions {
  isharesBaseUrl?: string;
  ssgaBaseUrl?: string;
  http?: HttpOptions;
  /** Where observations are kept; the store's `valuations` repository by default. */
  history?: ValuationHistory;
  store: Pick<Store, 'valuations'>;
  now: () => Date;
  /** Absent offline: only stored observations answer then. */
  live?: { cache: MarketCache; status: SourceStatus; context: () => Omit<ChainContext, 'dataset'> };
}

export function valuationReads(opts: ValuationReadsOptions): Pick<MarketData, 'fundValuation' | 'valuationSeries'> {
  const history = opts.history ?? storeValuationHistory(opts.store.valuations);
  // Issuer sites answer browsers; a slow product page should not hold the reply for long.
  const http = createHttp({ timeoutMs: 6_000, retries: 1, ...opts.http, userAgent: BROWSER_USER_AGENT });
  // The parsers (and cheerio) load on the first live read, not at start-up: `--offline` never needs them.
  const ishares = lazyReader('ishares', () =>
    import('../providers/ishares.ts').then((m) => m.createISharesProvider({ baseUrl: opts.isharesBaseUrl ?? DEFAULT_ISSUER_URLS.isharesBaseUrl, http })),
  );
  const ssga = lazyReader('ssga', () => import('../providers/ssga.ts').then((m) => m.createSsgaProvider({ baseUrl: opts.ssgaBaseUrl ?? DEFAULT_ISSUER_URLS.ssgaBaseUrl, http })));
  const readers = { ishares, ssga };
  const pages = VALUATION_PAGES.map((p) => ({ reader: readers[p.provider], fund: p.fund }));
  const offlineRead = (): Promise<FundValuationAnswer> =>
    createFundValuation({
      pages: pages.map((p) => ({ fund: p.fund, reader: { id: p.reader.id, fundPage: () => Promise.reject(new Error('offline')) } })),
      history,
      now: opts.now,
      context: () => ({ now: opts.now }),
    })().then((a) => ({ ...a, errors: [] }));
  const read = opts.live
    ? createFundValuation({ pages, history, now: opts.now, cache: opts.live.cache, status: opts.live.status, context: opts.live.context })
    : offlineRead;
  return {
    fundValuation: read,
    valuationSeries: (key) => history.series(key, opts.now()),
  };
}

function lazyReader(id: string, load: () => Promise<IssuerReader>): IssuerReader {
  let reader: Promise<IssuerReader> | undefined;
  return {
    id,
    fundPage: async (fund) => {
      reader ??= load();
      return (await reader).fundPage(fund);
    },
  };
}
