/**
 * The futures strip and the policy rates of the live MarketData: the chain of futures providers and
 * imported strips, the target range today and on any date (range history), strips as of a date.
 *
 * A strip with holes is kept as long as it prices at least one FOMC meeting; only a strip that prices
 * none moves the chain on. A strip and the range it is priced against come from the same trade date.
 */
import { computeFedWatch, FedWatchError } from '../analytics/fedwatch.ts';
import { lastOnOrBefore } from './as-of.ts';
import type { MarketCache } from './cache.ts';
import { AllProvidersFailedError, runChain, type Answer, type ChainContext, type Failure } from './chain.ts';
import { latestStrip, stripOnOrBefore } from './curated-futures.ts';
import { isStale, type Dataset } from './freshness.ts';
import type { FuturesContracts, FuturesProvider, PolicyDay, Rates, RatesProvider } from './providers/provider.ts';
import { shiftDays, stripAt, tradeDateOnOrBefore } from './providers/strip.ts';
import { decisionBetween, latestStoredPolicy, storedPolicyOn, storedStripOn } from './rates-history.ts';
import type { SourceStatus } from './status.ts';
import { ProviderError, type FuturesQuote, type FuturesStrip, type MarketData, type PolicyRates, type Provenance } from './types.ts';
import type { FuturesRepo } from '../store/repos/futures.ts';
import type { KeptHistory } from './kept-history.ts';
import { exchangeDate } from './as-of.ts';

export type FuturesRates = Pick<MarketData, 'futuresStrip' | 'previousFuturesStrip' | 'futuresStripOn' | 'policyRates' | 'policyRatesOn'>;

export interface FuturesRatesDeps {
  futures: FuturesRepo;
  /** Strips fetched live are kept here, and answer for a past date when nothing fresher does. */
  kept?: KeptHistory;
  now: () => Date;
  cache: MarketCache;
  status: SourceStatus;
  ctx: (dataset: Dataset) => ChainContext;
  futuresProviders: FuturesProvider[];
  /** Where the imported strips sit among the futures providers: 0 first, > 0 after them, -1 not asked. */
  curatedAt: number;
  ratesProviders: RatesProvider[];
  /** The snapshot's answer when every live provider failed (see live.ts). */
  lastResort: <T extends { provenance: Provenance }>(dataset: Dataset, live: unknown, ask: () => Promise<T>) => Promise<T>;
  snapshot: MarketData;
  onStale: (dataset: Dataset) => (p: Provenance) => void;
}

/** The strip the chain settled on; `contracts` when it came from per-contract history. */
interface ResolvedStrip {
  strip: FuturesStrip;
  contracts?: Answer<FuturesContracts>;
}

export function liveFuturesRates(d: FuturesRatesDeps): FuturesRates {
  const { futures, now, cache, status } = d;

  function contracts(): Promise<Answer<FuturesContracts>> {
    return cache.get<FuturesContracts>(
      'futures',
      'futures:zq:v2',
      () =>
        runChain(
          d.ctx('futures'),
          d.futuresProviders.map((p) => ({
            id: p.id,
            run: async () => {
              const got = await p.futuresContracts(now());
              const tradeDate = stripTradeDate(got.value, got.asOf);
              pricesSomeMeeting(p.id, tradeDate, stripAt(got.value.contracts, tradeDate));
              const days = [...new Set(got.value.contracts.flatMap((c) => c.bars.map((b) => b.date)))].filter((day) => day <= tradeDate);
              await d.kept?.keepStrips(days.map((day) => ({ tradeDate: day, quotes: stripAt(got.value.contracts, day) })), got.source);
              return { ...got, asOf: tradeDate };
            },
          })),
        ),
      { onStale: d.onStale('futures') },
    );
  }

  async function curatedStrip(fallback: boolean, failures: Failure[]): Promise<ResolvedStrip | null> {
    const strip = await latestStrip(futures, now());
    if (!strip) {
      failures.push({ provider: 'curated', error: new ProviderError('curated', 'no futures strip imported', 'empty') });
      return null;
    }
    const provenance = { ...strip.provenance, fallback };
    status.recordSuccess('futures', provenance);
    return { strip: { ...strip, provenance } };
  }

  async function resolveStrip(): Promise<ResolvedStrip> {
    const failures: Failure[] = [];
    const first = d.curatedAt === 0 ? await curatedStrip(false, failures) : null;
    if (first) return first;
    try {
      const answer = d.futuresProviders.length > 0 ? await contracts() : null;
      if (answer) {
        const tradeDate = answer.provenance.asOf;
        const stale = answer.provenance.stale || isStale('futures', tradeDate, now());
        const newer = stale && d.curatedAt > 0 && ((await latestStrip(futures))?.tradeDate ?? '') > tradeDate;
        if (!newer) return { strip: fromContracts(answer, tradeDate, stale), contracts: answer };
      }
    } catch (err) {
      if (!(err instanceof AllProvidersFailedError)) throw err;
      failures.push(...err.failures);
    }
    const last = d.curatedAt > 0 ? await curatedStrip(true, failures) : null;
    if (last) return last;
    throw new AllProvidersFailedError('futures', failures);
  }

  async function policyRates(): Promise<PolicyRates> {
    try {
      const answer = await cache.get<Rates>(
        'rates',
        'rates:policy',
        () => runChain(d.ctx('rates'), d.ratesProviders.map((p) => ({ id: p.id, run: () => p.policyRates(now()) }))),
        { onStale: d.onStale('rates') },
      );
      const asOf = answer.provenance.asOf;
      const stale = answer.provenance.stale || isStale('rates', asOf, now());
      return { effr: answer.value.effr, target: [...answer.value.target], asOf, provenance: { ...answer.provenance, stale } };
    } catch (err) {
      return d.lastResort('rates', err, () => d.snapshot.policyRates());
    }
  }

  /** The range history around `date` from the providers that keep one (FRED, NY Fed). */
  async function fetchedPolicyOn(date: string): Promise<PolicyRates | null> {
    const steps = d.ratesProviders.flatMap((p) => (p.policyHistory ? [{ id: p.id, run: () => p.policyHistory!(shiftDays(date, -14), date) }] : []));
    if (steps.length === 0) return null;
    try {
      const answer = await cache.get<PolicyDay[]>('rates', `rates:history:${date}`, () => runChain(d.ctx('rates'), steps));
      const row = lastOnOrBefore(answer.value, date, (r) => r.date);
      if (!row) return null;
      return { effr: row.effr, target: [row.lower, row.upper], asOf: row.date, provenance: { ...answer.provenance, asOf: row.date, stale: false } };
    } catch (err) {
      if (err instanceof AllProvidersFailedError) return null;
      throw err;
    }
  }

  /** Fetched per-contract history when it reaches `date`, else imported strips, else the bundled history. */
  async function futuresStripOn(date: string): Promise<FuturesStrip | null> {
      const candidates: FuturesStrip[] = [];
      const resolved = await resolveStrip().catch((err: unknown) => {
        if (err instanceof AllProvidersFailedError) return null;
        throw err;
      });
      const answer = resolved?.contracts;
      const day = tradeDateOnOrBefore(answer?.value.contracts ?? [], date);
      const firstBar = answer?.value.contracts.map((c) => c.bars[0]?.date ?? '9999').sort()[0];
      if (answer && day && firstBar !== undefined && day > firstBar) candidates.push(fromContracts(answer, day, isStale('futures', day, now())));
      const imported = await stripOnOrBefore(futures, date, now());
      if (imported) candidates.push({ ...imported, provenance: { ...imported.provenance, fallback: d.curatedAt !== 0 } });
      const stored = storedStripOn(date, now());
      if (stored) candidates.push({ ...stored, provenance: { ...stored.provenance, fallback: true } });
      const own = await d.kept?.stripOnOrBefore(date < exchangeDate(now()) ? date : exchangeDate(now()));
      if (own) candidates.push(own);
      return candidates.reduce<FuturesStrip | null>((best, s) => (best === null || s.tradeDate > best.tradeDate ? s : best), null);
  }

  return {
    async futuresStrip() {
      try {
        return (await resolveStrip()).strip;
      } catch (err) {
        return d.lastResort('futures', err, () => d.snapshot.futuresStrip());
      }
    },
    previousFuturesStrip: async (tradeDate) => near(await futuresStripOn(shiftDays(tradeDate, -1)), tradeDate),
    futuresStripOn,
    policyRates,

    /** Stored history first (no request), then today's range when no decision came since, then FRED / NY Fed history. */
    async policyRatesOn(date) {
      const stored = storedPolicyOn(date, now());
      if (stored) return stored;
      const today = await policyRates().catch(() => null);
      if (today && !decisionBetween(date, today.asOf)) return today;
      return fetchedPolicyOn(date);
    },
  };
}

/** `--offline`: imported strips and the bundled history; the snapshot's strip last. */
export function offlineFuturesRates(snapshot: MarketData, futures: FuturesRepo, now: () => Date): FuturesRates {
  const label = <T extends { provenance: Provenance }>(x: T): T => ({ ...x, provenance: { ...x.provenance, snapshot: true, fallback: false } });
  const stripOn = async (date: string): Promise<FuturesStrip | null> => {
    const imported = await stripOnOrBefore(futures, date, now());
    const stored = storedStripOn(date, now());
    if (imported && (!stored || imported.tradeDate >= stored.tradeDate)) return imported;
    return stored ? label(stored) : null;
  };
  return {
    futuresStrip: async () => {
      const today = exchangeDate(now());
      const stored = await stripOn(today);
      if (stored) return stored;
      const snap = await snapshot.futuresStrip();
      if (snap.tradeDate > today) throw new ProviderError('snapshot', `no stored futures strip on or before ${today}`, 'empty');
      return label(snap);
    },
    previousFuturesStrip: async (tradeDate) => near(await stripOn(shiftDays(tradeDate, -1)), tradeDate),
    futuresStripOn: stripOn,
    policyRates: async () => storedPolicyOn(exchangeDate(now()), now()) ?? latestStoredPolicy(now()) ?? label(await snapshot.policyRates()),
    policyRatesOn: async (date) => storedPolicyOn(date, now()),
  };
}

/** The previous trading day's strip, not one from weeks before. */
function near(strip: FuturesStrip | null, tradeDate: string): FuturesStrip | null {
  return strip && strip.tradeDate >= shiftDays(tradeDate, -7) ? strip : null;
}

/** The strip at one trade date from per-contract closes, with the months that did not answer noted. */
function fromContracts(answer: Answer<FuturesContracts>, tradeDate: string, stale: boolean): FuturesStrip {
  const quotes: FuturesQuote[] = stripAt(answer.value.contracts, tradeDate);
  const present = new Set(quotes.map((q) => q.month));
  const missing = [
    ...answer.value.missing,
    ...answer.value.contracts.filter((c) => !present.has(c.month)).map((c) => ({ month: c.month, reason: `no close by ${tradeDate}` })),
  ].sort((a, b) => (a.month < b.month ? -1 : 1));
  return { tradeDate, quotes, provenance: { ...answer.provenance, asOf: tradeDate, stale }, ...(missing.length ? { missing } : {}) };
}

/**
 * The strip's trade date: the latest day on which at least half of the contracts closed (a lone live
 * bar of the front month does not make a day).
 */
function stripTradeDate(value: FuturesContracts, fallback: string): string {
  const counts = new Map<string, number>();
  for (const c of value.contracts) for (const b of c.bars) counts.set(b.date, (counts.get(b.date) ?? 0) + 1);
  const need = Math.max(1, Math.ceil(value.contracts.length / 2));
  return [...counts.entries()].filter(([, n]) => n >= need).map(([date]) => date).sort().at(-1) ?? fallback;
}

/**
 * A strip that prices no meeting is no answer: the chain moves on. Whether it prices one does not depend
 * on the range; the start of the first meeting may come from the EFFR, stood in for here by the front
 * quoted month (only to judge the strip, never to price it).
 */
function pricesSomeMeeting(provider: string, tradeDate: string, quotes: FuturesQuote[]): void {
  const front = [...quotes].sort((a, b) => (a.month < b.month ? -1 : 1))[0];
  try {
    computeFedWatch({ tradeDate, quotes, currentTarget: [0, 0.25], ...(front ? { effr: 100 - front.price } : {}) });
  } catch (err) {
    if (err instanceof FedWatchError) throw new ProviderError(provider, `the strip of ${tradeDate} prices no FOMC meeting: ${err.message}`, 'empty');
    throw err;
  }
}
