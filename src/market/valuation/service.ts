/**
 * Live fund valuation: each issuer page through the cache (TTL, stale-while-revalidate, single-flight) and
 * a one-step chain (status, breaker); every figure read is stored in the history. When a page cannot be had,
 * its last stored figures answer, labelled stale. Nothing dated after now is used.
 */
import { isKnownAt } from '../as-of.ts';
import { bookkeeping } from '../bookkeeping.ts';
import type { MarketCache } from '../cache.ts';
import { runChain, type ChainContext } from '../chain.ts';
import { isStale } from '../freshness.ts';
import type { SourceStatus } from '../status.ts';
import { ProviderError } from '../types.ts';
import type { SeriesKey, ValuationHistory } from './history.ts';
import type { FundFigure, IssuerPage } from './types.ts';

export interface IssuerReader {
  readonly id: string;
  fundPage(fund: string): Promise<IssuerPage>;
}

export interface LiveFigure extends FundFigure {
  stale: boolean;
  /** Read from the stored history because the issuer's page could not be had now. */
  stored: boolean;
}

export interface FundValuationAnswer {
  figures: LiveFigure[];
  /** Why a page gave nothing, one line per page. */
  errors: string[];
}

export interface FundValuationDeps {
  /** Pages to read: the provider and the fund on it. */
  pages: Array<{ reader: IssuerReader; fund: string }>;
  cache?: MarketCache;
  history: ValuationHistory;
  now: () => Date;
  context: () => Omit<ChainContext, 'dataset'>;
  status?: SourceStatus;
}

const METRICS: Array<Pick<SeriesKey, 'metric' | 'basis'>> = [
  { metric: 'pe_trailing', basis: 'fund' },
  { metric: 'pe_trailing', basis: 'index' },
  { metric: 'pe_forward', basis: 'fund' },
  { metric: 'pe_forward', basis: 'index' },
  { metric: 'pb', basis: 'fund' },
];

export function createFundValuation(deps: FundValuationDeps): () => Promise<FundValuationAnswer> {
  async function livePage(reader: IssuerReader, fund: string): Promise<{ figures: FundFigure[]; stale: boolean }> {
    const fetch = () =>
      runChain<FundFigure[]>({ ...deps.context(), dataset: 'valuation' }, [
        {
          id: reader.id,
          run: async () => {
            const page = await reader.fundPage(fund);
            const figures = page.figures.filter((f) => isKnownAt(f.asOf, deps.now()));
            if (figures.length === 0) throw new ProviderError(reader.id, `${fund}: every figure is dated after now`, 'empty');
            return { value: figures, source: figures[0]!.source, asOf: figures.map((f) => f.asOf).sort().at(-1)! };
          },
        },
      ]);
    const answer = deps.cache
      ? await deps.cache.get<FundFigure[]>('valuation', `valuation:${reader.id}:${fund}`, fetch, {
          onStale: (p) => deps.status?.markStale('valuation', p.provider),
        })
      : await fetch();
    const figures = answer.value.filter((f) => isKnownAt(f.asOf, deps.now()));
    await bookkeeping('valuation history', () => deps.history.record(figures, deps.now().toISOString()));
    return { figures, stale: answer.provenance.stale };
  }

  async function storedPage(reader: IssuerReader, fund: string): Promise<FundFigure[]> {
    const lasts = await Promise.all(METRICS.map((m) => deps.history.series({ provider: reader.id, fund, ...m }, deps.now()).then((s) => s.at(-1))));
    return lasts.filter((f): f is FundFigure => f !== undefined);
  }

  return async () => {
    const errors: string[] = [];
    const pages = await Promise.all(
      deps.pages.map(async ({ reader, fund }): Promise<LiveFigure[]> => {
        try {
          const got = await livePage(reader, fund);
          return got.figures.map((f) => ({ ...f, stale: got.stale || isStale('valuation', f.asOf, deps.now()), stored: false }));
        } catch (err) {
          errors.push(`${reader.id} ${fund}: ${err instanceof Error ? err.message : String(err)}`);
          return (await storedPage(reader, fund)).map((f) => ({ ...f, stale: true, stored: true }));
        }
      }),
    );
    return { figures: pages.flat(), errors };
  };
}
