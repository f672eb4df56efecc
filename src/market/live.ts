/**
 * The live MarketData: keyless providers chained per dataset behind a cache, the offline snapshot as the
 * last resort, curated overrides from SQLite. `offline` answers from local data only: the snapshot, and
 * the operator's curated figures and imported futures strips.
 */
import { InputError } from '../command.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open.ts';
import { exchangeDate, isKnownAt, knownAt } from './as-of.ts';
import { MarketCache, type CacheDataset, type TtlRule } from './cache.ts';
import { AllProvidersFailedError, Breaker, orderProviders, runChain, type Answer, type ChainStep } from './chain.ts';
import { curatedFuturesStatus } from './curated-futures.ts';
import { keptHistory } from './kept-history.ts';
import { liveFuturesRates, offlineFuturesRates } from './live-futures.ts';
import { getCurated, listCurated, mergeCurated, toFigure } from './curated-store.ts';
import { isStale, type Dataset } from './freshness.ts';
import { createHttp, type HttpOptions } from './http.ts';
import { createFredProvider } from './providers/fred.ts';
import { createNyFedProvider } from './providers/nyfed.ts';
import type { BarsProvider, FuturesProvider, RatesProvider } from './providers/provider.ts';
import { createStooqProvider } from './providers/stooq.ts';
import { createYahooProvider } from './providers/yahoo.ts';
import { createSnapshotMarketData } from './snapshot.ts';
import { SourceStatus } from './status.ts';
import { normalizeSymbol } from './symbols.ts';
import { valuationReads, type ValuationReadsOptions } from './valuation/live-reads.ts';
import { UnknownSymbolError, type Bar, type DailySeries, type MarketData, type Provenance } from './types.ts';

export const DEFAULT_BASE_URLS = {
  yahooBaseUrl: 'https://query1.finance.yahoo.com',
  stooqBaseUrl: 'https://stooq.com',
  nyfedBaseUrl: 'https://markets.newyorkfed.org',
  fredBaseUrl: 'https://fred.stlouisfed.org',
} as const;
const FRED_API_BASE_URL = 'https://api.stlouisfed.org';

export interface LiveMarketConfig {
  yahooBaseUrl: string;
  stooqBaseUrl: string;
  nyfedBaseUrl: string;
  fredBaseUrl: string;
  /** FRED's JSON API host; defaults to api.stlouisfed.org, or to fredBaseUrl when that was changed. */
  fredApiBaseUrl?: string;
  fredApiKey?: string;
  /** Issuer sites for fund valuation (default the real ones) and where observations are kept. */
  isharesBaseUrl?: string;
  ssgaBaseUrl?: string;
  valuationHistory?: ValuationReadsOptions['history'];
  offline?: boolean;
  /** Provider ids per dataset, first tried first; the snapshot always comes last. Futures: 'yahoo', 'curated'. */
  order?: Partial<Record<Dataset, string[]>>;
  http?: HttpOptions;
  ttl?: Partial<Record<CacheDataset, TtlRule>>;
  /** Fed funds futures contract months fetched, the current one included. */
  stripMonths?: number;
  /** How long a provider that timed out or errored is skipped (0 = never skip). */
  breakerCooldownMs?: number;
}

/** The repositories the market data reads and writes. */
export type MarketStore = Pick<Store, 'marketCache' | 'curated' | 'futures' | 'sourceStatus' | 'valuations'> & Partial<Pick<Store, 'marketHistory'>>;

export interface CreateMarketDataOptions {
  config: LiveMarketConfig;
  store: MarketStore;
  now: () => Date;
  logger?: Logger;
  /** The last resort; the committed offline snapshot by default. */
  snapshot?: MarketData;
}

/** Days of history before `from` returned with daily bars (the close "on or before" the start date). */
const SLACK_DAYS = 10;
/** Fetch at least this much history per symbol, so the usual periods share one upstream call. */
const MIN_FETCH_DAYS = 400;

/** The imported futures strips, as an entry of the futures provider order. */
const CURATED_FUTURES = { id: 'curated' } as const;

interface CachedBars {
  /** Start of the range requested upstream (the data may start later, e.g. a young ETF). */
  from: string;
  bars: Bar[];
}

export function createMarketData(opts: CreateMarketDataOptions): MarketData {
  const { config, store, now, logger } = opts;
  const snapshot = opts.snapshot ?? createSnapshotMarketData(now);
  const issuers = { isharesBaseUrl: config.isharesBaseUrl, ssgaBaseUrl: config.ssgaBaseUrl, history: config.valuationHistory, store, now };
  if (config.offline) return { ...offlineMarketData(snapshot, store, now), ...valuationReads(issuers) };

  const http = createHttp(config.http);
  const yahoo = createYahooProvider({ baseUrl: config.yahooBaseUrl, http, ...(config.stripMonths ? { stripMonths: config.stripMonths } : {}) });
  const stooq = createStooqProvider({ baseUrl: config.stooqBaseUrl, http });
  const nyfed = createNyFedProvider({ baseUrl: config.nyfedBaseUrl, http });
  const fredApiBaseUrl = config.fredApiBaseUrl ?? (config.fredBaseUrl === DEFAULT_BASE_URLS.fredBaseUrl ? FRED_API_BASE_URL : config.fredBaseUrl);
  const fred = createFredProvider({ baseUrl: config.fredBaseUrl, apiBaseUrl: fredApiBaseUrl, http, ...(config.fredApiKey ? { apiKey: config.fredApiKey } : {}) });

  const barsProviders = orderProviders<BarsProvider>('bars', [yahoo, stooq], config.order?.bars);
  const futuresSources = orderProviders<FuturesProvider | typeof CURATED_FUTURES>('futures', [yahoo, CURATED_FUTURES], config.order?.futures);
  const futuresProviders = futuresSources.filter((p): p is FuturesProvider => p !== CURATED_FUTURES);
  // Where the imported strips sit: before or after the live providers, or not asked (-1).
  const curatedAt = futuresSources.indexOf(CURATED_FUTURES);
  const ratesProviders = orderProviders<RatesProvider>('rates', [nyfed, fred], config.order?.rates);

  const status = new SourceStatus(store.sourceStatus, now);
  const kept = keptHistory(store.marketHistory, now, logger);
  const cache = new MarketCache({ repo: store.marketCache, now, ...(config.ttl ? { ttl: config.ttl } : {}), ...(logger ? { logger } : {}) });
  void cache.prune(new Date(now().getTime() - 30 * 86_400_000)).catch((e: unknown) => logger?.warn('market cache not pruned', { fault: 'database_unwritable', error: String(e) }));
  const breaker = new Breaker(config.breakerCooldownMs ?? 30_000);
  const ctx = (dataset: Dataset) => ({ dataset, now, status, breaker, ...(logger ? { logger } : {}) });
  const onStale = (dataset: Dataset) => (p: Provenance) => status.markStale(dataset, p.provider);

  /** The snapshot's answer, labelled as such; `live` is the chain's failure, rethrown if the snapshot fails too. */
  async function lastResort<T extends { provenance: Provenance }>(dataset: Dataset, live: unknown, ask: () => Promise<T>): Promise<T> {
    if (!(live instanceof AllProvidersFailedError)) throw live;
    try {
      const got = await ask();
      const provenance = { ...got.provenance, snapshot: true, fallback: true };
      status.recordSuccess(dataset, { ...provenance, fetchedAt: now().toISOString() });
      return { ...got, provenance };
    } catch {
      // The live providers' errors (already recorded) say more than "the snapshot has no such data".
      throw live;
    }
  }

  const futuresRates = liveFuturesRates({
    futures: store.futures, kept, now, cache, status, ctx, futuresProviders, curatedAt, ratesProviders, lastResort, snapshot, onStale,
  });

  return {
    async dailyBars(symbol, from, to): Promise<DailySeries> {
      const sym = normalizeSymbol(symbol);
      checkRange(from, to);
      const today = exchangeToday(now());
      const end = to > today ? today : to;
      const keepFrom = shiftDays(from, -SLACK_DAYS);
      const fetchFrom = minDate(keepFrom, shiftDays(end, -MIN_FETCH_DAYS));
      const steps: ChainStep<CachedBars>[] = barsProviders.map((p) => ({
        id: p.id,
        run: async () => {
          const got = await p.dailyBars(sym, fetchFrom, end);
          await kept.keepBars(sym, got.value, got.source);
          return { ...got, value: { from: fetchFrom, bars: got.value } };
        },
      }));
      let answer: Answer<CachedBars>;
      try {
        answer = await cache.get<CachedBars>(end >= today ? 'quote' : 'bars', `bars:${sym}:${end}`, () => runChain(ctx('bars'), steps), {
          usable: (v) => v.from <= keepFrom,
          flight: fetchFrom,
          onStale: onStale('bars'),
        });
      } catch (err) {
        // The bot's own kept closes first when they reach back to the start asked for; else the bundled snapshot.
        const own = err instanceof AllProvidersFailedError ? await kept.bars(sym, keepFrom, end) : null;
        if (own && own.bars[0]!.date <= from) {
          status.recordSuccess('bars', { ...own.provenance, fetchedAt: now().toISOString() });
          return own;
        }
        return lastResort('bars', err, () => snapshot.dailyBars(sym, from, to)).catch((final: unknown) => {
          if (final instanceof AllProvidersFailedError && final.kind === 'not_found') throw new UnknownSymbolError(sym);
          throw final;
        });
      }
      const bars = answer.value.bars.filter((b) => b.date >= keepFrom && b.date <= end);
      const asOf = bars.at(-1)?.date ?? answer.provenance.asOf;
      // Judge freshness against the end of the range asked for, not against today.
      const reference = end >= today ? now() : new Date(`${end}T23:59:59Z`);
      const stale = answer.provenance.stale || isStale('bars', asOf, reference);
      return { symbol: sym, bars, provenance: { ...answer.provenance, asOf, stale } };
    },

    ...futuresRates,

    ...curatedReads(store, snapshot, now),

    ...valuationReads({ ...issuers, ...(config.http ? { http: config.http } : {}), live: { cache, status, context: () => ctx('valuation') } }),


    async status() {
      const rows = await status.list();
      const overrides = await listCurated(store.curated);
      const snapCurated = (await snapshot.status()).find((s) => s.dataset === 'curated');
      return rows.map((row) => {
        if (row.dataset === 'curated' && overrides.length > 0) {
          const asOf = overrides.map((o) => o.asOf).sort().at(-1)!;
          const fetchedAt = overrides.map((o) => o.updatedAt).sort().at(-1)!;
          return { ...row, provider: 'curated', asOf, fetchedAt, stale: isStale('curated', asOf, now()) };
        }
        // Without overrides the curated figures are the snapshot's.
        if (row.dataset === 'curated') return snapCurated ?? row;
        return row;
      });
    },
  };
}

/**
 * `--offline`: answers from local data, labelled (no fallback: it was asked for). Imported futures strips
 * come before the snapshot's; everything else is the snapshot's.
 */
function offlineMarketData(snapshot: MarketData, store: MarketStore, now: () => Date): MarketData {
  const label = <T extends { provenance: Provenance }>(x: T): T => ({ ...x, provenance: { ...x.provenance, snapshot: true, fallback: false } });
  return {
    dailyBars: async (symbol, from, to) => label(await snapshot.dailyBars(normalizeSymbol(symbol), from, to)),
    ...offlineFuturesRates(snapshot, store.futures, now),
    ...curatedReads(store, snapshot, now),
    status: async () => {
      const futures = await curatedFuturesStatus(store.futures, now());
      return (await snapshot.status()).map((row) => (futures && row.dataset === 'futures' ? futures : row));
    },
  };
}

/** Curated figures: the operator's override from SQLite when there is one, else the snapshot's (also offline). */
function curatedReads(store: MarketStore, snapshot: MarketData, now: () => Date): Pick<MarketData, 'curated' | 'curatedAll'> {
  return {
    async curated(key) {
      const found = await getCurated(store.curated, key);
      // An override dated after now (CAPWATCH_NOW set back) was not known then.
      const override = found && isKnownAt(found.asOf, now()) ? found : null;
      if (!override) return snapshot.curated(key);
      const base = await snapshot.curated(key).catch(() => undefined);
      const fig = toFigure(override, base);
      return {
        ...fig,
        provenance: { source: fig.source, provider: 'curated', asOf: fig.asOf, stale: isStale('curated', fig.asOf, now()), fallback: false, snapshot: false },
      };
    },
    async curatedAll() {
      return mergeCurated(await snapshot.curatedAll(), knownAt(await listCurated(store.curated), now(), (f) => f.asOf));
    },
  };
}

/** Today's date at the US exchanges (kept for existing callers; the rule lives in as-of.ts). */
export const exchangeToday = exchangeDate;

function checkRange(from: string, to: string): void {
  for (const d of [from, to]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new InputError(`"${d}" is not a date (YYYY-MM-DD)`);
  }
  if (from > to) throw new InputError(`the start date ${from} is after the end date ${to}`);
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
